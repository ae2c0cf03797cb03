"""Carry the per-record read logs kept before this log (incidents.CaseRecordView and
reviews.ReviewRecordView) into it, one row per earlier read, so no read is lost when they go."""

from django.db import migrations

CHANNELS = {"export.csv": "export", "pack.docx": "export"}


def _channel(page: str) -> str:
    if page.startswith("api"):
        return "api"
    return CHANNELS.get(page, "page")


def _label(user) -> str:
    if user is None:
        return "MASA"
    name = f"{user.first_name} {user.last_name}".strip()
    return name or user.job_title or user.username


def copy(apps, schema_editor):
    CaseRead = apps.get_model("casereads", "CaseRead")
    CaseRecordView = apps.get_model("incidents", "CaseRecordView")
    ReviewRecordView = apps.get_model("reviews", "ReviewRecordView")
    rows = []
    for view in CaseRecordView.objects.select_related("user", "incident").order_by("id"):
        incident = view.incident
        rows.append(
            CaseRead(
                at=view.viewed_at,
                reader=view.user,
                reader_label=_label(view.user),
                partnership_id=incident.partnership_id,
                channel=_channel(view.page),
                record_type="notification",
                record_ids=[incident.pk],
                references=[incident.reference],
                what=f"notification {incident.reference} ({view.page})"[:300],
            )
        )
    for view in ReviewRecordView.objects.select_related(
        "user", "rapid_review__incident", "practice_review"
    ).order_by("id"):
        if view.rapid_review_id:
            review, kind = view.rapid_review, "rapid review"
            reference = review.incident.reference
        else:
            review, kind = view.practice_review, "practice review"
            reference = review.reference
        rows.append(
            CaseRead(
                at=view.viewed_at,
                reader=view.user,
                reader_label=_label(view.user),
                partnership_id=review.partnership_id,
                channel=_channel(view.page),
                record_type=kind,
                record_ids=[review.pk],
                references=[reference],
                what=f"{kind} {reference} ({view.page})"[:300],
            )
        )
    CaseRead.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("casereads", "0001_case_read_log"),
        ("incidents", "0001_initial"),
        ("reviews", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
