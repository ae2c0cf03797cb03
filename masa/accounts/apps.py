from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "masa.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the sign-in log to Django's auth signals)
