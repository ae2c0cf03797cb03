from django.db.models import QuerySet

from .models import Event


def events_for_partnership(*, partnership, limit: int = 50) -> QuerySet[Event]:
    return Event.objects.filter(partnership=partnership).select_related("actor")[:limit]


def events_for_subject(*, subject) -> QuerySet[Event]:
    from django.contrib.contenttypes.models import ContentType

    return Event.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk)
    ).select_related("actor")
