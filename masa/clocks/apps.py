from django.apps import AppConfig


class ClocksConfig(AppConfig):
    name = "masa.clocks"
    label = "clocks"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Statutory clocks"
