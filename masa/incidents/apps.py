from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "masa.incidents"
    label = "incidents"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Serious incident notifications"

    def ready(self) -> None:
        from masa.clocks.registry import register

        from .clocks import clocks_for

        register(clocks_for)
