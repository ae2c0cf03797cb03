from django.apps import AppConfig


class CaseReadsConfig(AppConfig):
    name = "masa.casereads"
    label = "casereads"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Case record reads"
