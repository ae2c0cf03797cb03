"""Every MASA model keeps its history (django-simple-history), except the append-only logs, which are
themselves history: the timeline of business events, the log of reminders sent, the sign-in log and
the read log of case records (rows are written once and never changed)."""

from django.apps import apps

APPEND_ONLY = {"timeline.Event", "clocks.Reminder", "accounts.SignInEvent", "casereads.CaseRead"}


def test_every_model_records_its_history():
    missing = []
    for model in apps.get_models():
        label = model._meta.label
        if not model.__module__.startswith("masa.") or label.split(".")[1].startswith("Historical"):
            continue
        if label in APPEND_ONLY:
            continue
        if not hasattr(model, "history"):
            missing.append(label)
    assert missing == []
