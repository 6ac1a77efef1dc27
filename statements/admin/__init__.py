"""The editors' admin: apps.py (the admin app and its site), site.py (who may enter),
registry.py (what editors edit)."""
