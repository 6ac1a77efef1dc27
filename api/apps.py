from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"

    def ready(self):
        # Tokens die with a password change made anywhere (admin, commands), not only through the API.
        import api.auth  # noqa: F401
