FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# Only what runs in production: the tests' and tools' packages are in requirements-dev.lock.
COPY requirements.lock pyproject.toml ./
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
# Static files with their hashed names and manifest, for DEBUG off (STATIC_MANIFEST); DEBUG=1 only so
# that this build step needs no secret key, and the database is never reached.
RUN DEBUG=1 STATIC_MANIFEST=1 DATABASE_URL=postgres://x@localhost/x python manage.py collectstatic --no-input
RUN useradd --create-home archive && mkdir -p /app/media && chown archive /app/media
USER archive
EXPOSE 8000
# The web server; the worker service runs `python manage.py worker` from the same image.
CMD ["sh", "-c", "python manage.py migrate --no-input && python manage.py createcachetable && gunicorn archive.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --threads ${WEB_THREADS:-8} --access-logfile -"]
