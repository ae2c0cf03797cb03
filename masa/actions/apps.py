from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "masa.actions"
    label = "actions"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Recommendations and actions"

    def ready(self) -> None:
        from masa.clocks.registry import register

        from .clocks import clocks_for

        register(clocks_for)
