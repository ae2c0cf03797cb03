"""Seed the learning themes. Later changes are made in the admin (retire, never delete)."""

from django.db import migrations
from django.utils.text import slugify

THEMES = (
    "Neglect",
    "Domestic abuse",
    "Child sexual exploitation",
    "Child criminal exploitation",
    "Parental mental health",
    "Parental substance misuse",
    "Sudden unexpected death in infancy",
    "Non-accidental injury in babies",
    "Self-harm and suicide",
    "Online harm",
    "Children with disabilities",
    "Information sharing",
    "Professional curiosity",
    "Escalation and challenge",
    "Voice of the child",
    "Safer sleep",
    "Neurodiversity",
    "Racism and inequality",
)


def seed(apps, schema_editor):
    LearningTheme = apps.get_model("actions", "LearningTheme")
    for name in THEMES:
        LearningTheme.objects.get_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
