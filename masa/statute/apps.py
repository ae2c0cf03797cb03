from django.apps import AppConfig


class StatuteConfig(AppConfig):
    name = "masa.statute"
    label = "statute"
    default_auto_field = "django.db.models.BigAutoField"
