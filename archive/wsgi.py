import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
# A web process: its database connections get WEB_STATEMENT_TIMEOUT (archive/settings.py).
os.environ["ARCHIVE_WEB_PROCESS"] = "1"
application = get_wsgi_application()
