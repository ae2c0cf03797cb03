from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "masa.reviews"
    label = "reviews"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Rapid reviews and local child safeguarding practice reviews"

    def ready(self) -> None:
        from masa.clocks.registry import register

        from .clocks import clocks_for

        register(clocks_for)
