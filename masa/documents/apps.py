from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "masa.documents"
    label = "documents"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Published arrangements and yearly reports"

    def ready(self) -> None:
        from masa.clocks.registry import register

        from .clocks import clocks_for

        register(clocks_for)
