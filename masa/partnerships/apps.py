from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "masa.partnerships"
    label = "partnerships"
    default_auto_field = "django.db.models.BigAutoField"
