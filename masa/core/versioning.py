"""Optimistic locking for records people edit through forms (ADR 0018).

Every editable record carries an integer `version`. An edit form holds the version it was opened
at in a hidden field; the service calls `version_claim` inside its transaction before writing.
The claim is one conditional UPDATE (`… SET version = n + 1 WHERE pk = … AND version = n`), so it
holds on SQLite and PostgreSQL alike: of two saves from the same starting version exactly one
claims it, the other gets `StaleRecord` and its transaction writes nothing. `StaleRecord` says who
saved the newer version, when, and each field's value they saved against the one refused, read
from the record's django-simple-history rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.db import models
from django.db.models import F
from django.utils import timezone

from .errors import FieldChange, InvalidInput, StaleRecord

# The edit form's hidden field and the services' keyword: the version the form was opened at.
FORM_FIELD = "expected_version"
NOT_CREATED = 0  # the version a form carries for a record that did not exist when it was opened


class _Unchecked:
    def __repr__(self) -> str:
        return "UNCHECKED"


# Passed by writers with no form behind them (seed data, commands): the save bumps the version so
# that open forms notice it, but compares nothing. Edit forms always pass their hidden value.
UNCHECKED: Any = _Unchecked()

MISSING_VERSION = (
    "This form was opened without the record's version, so it cannot tell whether someone else "
    "has changed the record since: open the record again and re-enter your changes"
)


def version_field() -> models.PositiveIntegerField[int, int]:
    return models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Goes up by one with each save through an edit form (optimistic locking).",
    )


class Versioned(models.Model):
    """A record edited through forms. A model whose `version` name is taken (a section's
    `version` is its document version) declares `VERSION_FIELD` and its own `version_field()`."""

    version = version_field()

    class Meta:
        abstract = True


def _name(model: Any) -> str:
    return str(getattr(model, "VERSION_FIELD", "version"))


def current_version(instance: Any) -> int:
    return int(getattr(instance, _name(type(instance))))


def expected_version(value: Any) -> int:
    """The version a form was opened at; a missing or garbled value is refused, never guessed."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    text = str(value or "").strip()
    if not text.isdigit():
        raise InvalidInput(MISSING_VERSION)
    return int(text)


def version_claim(instance: models.Model, expected: Any, *, yours: Mapping[str, Any]) -> None:
    """Claim the next version of `instance` in the caller's transaction, or raise StaleRecord.

    `yours` maps model field names to the values the caller is about to write (only for the
    message). On success `instance` is reloaded from the database at the new version, so fields
    the form does not carry keep what others saved; the caller then sets `yours` and saves.
    A new record (no pk yet) is claimed only if the form was opened before it existed."""
    model = type(instance)
    if instance.pk is None:
        if expected is not UNCHECKED:
            expected_version(expected)  # a form must carry its version even to create
        return
    if expected is UNCHECKED:
        name = _name(model)
        model._default_manager.filter(pk=instance.pk).update(**{name: F(name) + 1})
        _reload(instance)
        return
    expected = expected_version(expected)
    name = _name(model)
    claimed = model._default_manager.filter(pk=instance.pk, **{name: expected}).update(
        **{name: expected + 1}
    )
    if not claimed:
        raise stale_record(instance, expected, yours)
    _reload(instance)


def _reload(instance: models.Model) -> None:
    """Take the database's values (one query), keeping cached relations whose key is unchanged
    (setting a foreign key's id drops its cached object only when the id differs)."""
    names = [field.attname for field in instance._meta.concrete_fields]
    fresh = type(instance)._default_manager.filter(pk=instance.pk).values(*names).get()
    for attname, value in fresh.items():
        if getattr(instance, attname) != value:
            setattr(instance, attname, value)


def version_initial(instance: Any) -> dict[str, int]:
    """The edit form's hidden version for `instance` (NOT_CREATED when there is none yet)."""
    return {FORM_FIELD: current_version(instance) if instance is not None else NOT_CREATED}


# What changed ------------------------------------------------------------------------------------


def _comparable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if value is None:
        return ""
    return value


def _shown(field: models.Field[Any, Any], value: Any) -> str:
    if value in (None, ""):
        return "(blank)"
    if isinstance(field, models.ForeignKey):
        if not isinstance(value, models.Model):
            value = field.related_model._default_manager.filter(pk=value).first()
        return str(value) if value is not None else "(removed)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        value = timezone.localtime(value)
        return f"{value.day} {value:%B %Y} at {value:%H:%M}"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    text = " ".join(str(value).split())
    return text if len(text) <= 120 else text[:117] + "…"


def _person(user: Any) -> str:
    if user is None:
        return "Someone else"
    return user.get_full_name() or user.get_username()


def stale_record(instance: models.Model, expected: int, yours: Mapping[str, Any]) -> StaleRecord:
    """The refusal for a save from `expected` when the database holds a newer version."""
    model = type(instance)
    current = model._default_manager.get(pk=instance.pk)
    history = getattr(model, "history", None)
    original = latest = None
    if history is not None:
        rows = history.filter(id=instance.pk).order_by("-history_date", "-history_id")
        original = rows.filter(**{_name(model): expected}).first() if expected else None
        latest = rows.select_related("history_user").first()
    changed_by = _person(latest.history_user if latest is not None else None)
    changed_at = _shown(models.DateTimeField(), latest.history_date) if latest else ""
    changes: list[FieldChange] = []
    refill: dict[str, Any] = {FORM_FIELD: current_version(current)}
    for name, mine in yours.items():
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field)
        theirs = _comparable(field.value_from_object(current))
        mine = _comparable(mine)
        if theirs == mine:
            continue  # no clash: you would save what is there
        if original is not None:
            before = _comparable(getattr(original, field.attname, None))
            if before == theirs:
                continue  # they did not change this field
            if mine == before:
                refill[name] = theirs  # you did not change it: show theirs
        label = str(field.verbose_name)
        changes.append(
            FieldChange(
                field=name,
                label=label[:1].upper() + label[1:],
                theirs=_shown(field, theirs),
                yours=_shown(field, mine),
            )
        )
    return StaleRecord(changed_by=changed_by, changed_at=changed_at, changes=changes, refill=refill)
