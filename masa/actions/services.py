"""Writes for recommendations and actions. Every check runs before anything is written, so a
refusal (InvalidInput, TransitionNotAllowed) leaves the database as it was."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from masa.accounts import signing
from masa.core.errors import refuse
from masa.core.versioning import UNCHECKED, version_claim
from masa.partnerships.models import (
    Organisation,
    Partnership,
    PartnerType,
    RelevantAgency,
    StatutoryPartner,
)
from masa.timeline.services import event_record

from . import workflow
from .models import (
    Action,
    ActionSignOff,
    ActionUpdate,
    LearningTheme,
    Recommendation,
    SignOffPartner,
    UpdateKind,
)
from .workflow import ActionStatus, RecommendationStatus

R, A = RecommendationStatus, ActionStatus


def _text(value: Any, field: str, what: str, *, limit: int, required: bool = True) -> str:
    text = str(value or "").strip()
    if "\x00" in text:
        raise refuse(field, f"{what} must not contain control characters")
    if required and not text:
        raise refuse(field, f"Enter {what.lower()}")
    if len(text) > limit:
        raise refuse(field, f"{what} must be {limit} characters or fewer")
    return text


def _day(value: Any, field: str, what: str, *, today: date) -> date:
    if not isinstance(value, date):
        raise refuse(field, f"Enter {what.lower()}")
    if value > today:
        raise refuse(field, f"{what} must be today or in the past")
    return value


def _long(day: date) -> str:
    return f"{day:%-d %B %Y}"


def partnership_organisations(partnership: Partnership) -> models.QuerySet[Organisation]:
    """Organisations that may own an action: the partnership's safeguarding partners and relevant
    agencies, past or present."""
    partner_ids = StatutoryPartner.objects.filter(partnership=partnership).values("organisation_id")
    agency_ids = RelevantAgency.objects.filter(partnership=partnership).values("organisation_id")
    return Organisation.objects.filter(Q(pk__in=partner_ids) | Q(pk__in=agency_ids))


# Recommendations ---------------------------------------------------------------------------------


@transaction.atomic
def recommendation_create(
    *,
    partnership: Partnership,
    by: Any,
    reference: Any,
    text: Any,
    source_label: Any,
    made_on: Any,
    themes: Iterable[LearningTheme] = (),
    source: models.Model | None = None,
    today: date | None = None,
) -> Recommendation:
    today = today or timezone.localdate()
    reference = _text(reference, "reference", "A reference", limit=40)
    text = _text(text, "text", "The recommendation", limit=5000)
    source_label = _text(source_label, "source_label", "Where it came from", limit=200)
    made_on = _day(made_on, "made_on", "The date it was made", today=today)
    themes = list(themes or ())
    if any(not isinstance(t, LearningTheme) for t in themes):
        raise refuse("themes", "Select themes from the list")
    if any(t.retired for t in themes):
        raise refuse("themes", "A retired theme cannot be chosen")
    if Recommendation.objects.filter(partnership=partnership, reference=reference).exists():
        raise refuse("reference", f"{reference} is already used by another recommendation")
    recommendation = Recommendation.objects.create(
        partnership=partnership,
        reference=reference,
        text=text,
        source_label=source_label,
        source_type=ContentType.objects.get_for_model(source) if source is not None else None,
        source_id=str(source.pk) if source is not None else "",
        made_on=made_on,
    )
    recommendation.themes.set(themes)
    event_record(
        by=by,
        verb="recommendation.made",
        message=f"Recorded recommendation {reference} from {source_label}, made {_long(made_on)}",
        subject=recommendation,
        partnership=partnership,
    )
    return recommendation


@transaction.atomic
def recommendation_transition(
    *,
    recommendation: Recommendation,
    to: str,
    by: Any,
    reason: Any = "",
    signed_off_on: Any = None,
    signed_off_note: Any = "",
    today: date | None = None,
    expected_version: Any = UNCHECKED,
) -> Recommendation:
    """Move a recommendation on. Implemented needs every action implemented; impact evidenced
    needs every action's impact evidenced; closing needs every action signed off and the date the
    partners signed the recommendation off; rejecting needs a reason. StaleRecord if someone moved
    it since the form was opened at `expected_version`."""
    today = today or timezone.localdate()
    version_claim(recommendation, expected_version, yours={"status": to})
    workflow.check_recommendation(recommendation.status, to)
    statuses = list(recommendation.actions.values_list("status", flat=True))
    needs: dict[str, tuple[frozenset[str] | set[str], str]] = {
        R.IMPLEMENTED: (workflow.ACTION_DONE, "implemented"),
        R.IMPACT_EVIDENCED: ({A.IMPACT_EVIDENCED, A.SIGNED_OFF}, "with impact evidenced"),
        R.CLOSED: ({A.SIGNED_OFF}, "signed off"),
    }
    if to in needs:
        allowed, words = needs[to]
        if not statuses:
            raise refuse("__all__", f"{recommendation} has no actions yet")
        waiting = sum(1 for s in statuses if s not in allowed)
        if waiting:
            raise refuse("__all__", f"{waiting} of its {len(statuses)} actions are not {words}")
    if to == R.REJECTED:
        recommendation.rejected_reason = _text(reason, "reason", "The reason", limit=2000)
    if to == R.CLOSED:
        day = _day(signed_off_on, "signed_off_on", "The date the partners signed off", today=today)
        if day < recommendation.made_on:
            raise refuse(
                "signed_off_on",
                f"The sign-off date must be on or after the date it was made, "
                f"{_long(recommendation.made_on)}",
            )
        recommendation.signed_off_on = day
        recommendation.signed_off_note = _text(
            signed_off_note, "signed_off_note", "The note", limit=300, required=False
        )
    before = recommendation.get_status_display().lower()
    recommendation.status = to
    recommendation.save()
    event_record(
        by=by,
        verb=f"recommendation.{to}",
        message=f"Moved recommendation {recommendation} from {before} to "
        f"{recommendation.get_status_display().lower()}",
        subject=recommendation,
        partnership=recommendation.partnership,
        data={"reason": recommendation.rejected_reason} if to == R.REJECTED else None,
    )
    return recommendation


# Actions -----------------------------------------------------------------------------------------


@transaction.atomic
def action_create(
    *,
    recommendation: Recommendation,
    by: Any,
    text: Any,
    owner: Any,
    due_on: Any,
    owner_role: Any = "",
) -> Action:
    if recommendation.status in workflow.RECOMMENDATION_TERMINAL:
        raise refuse(
            "__all__",
            f"{recommendation} is {recommendation.get_status_display().lower()}: "
            "no actions can be added",
        )
    text = _text(text, "text", "The action", limit=5000)
    owner_role = _text(owner_role, "owner_role", "The owner's role", limit=200, required=False)
    if not isinstance(owner, Organisation):
        raise refuse("owner", "Select the organisation that owns the action")
    partnership = recommendation.partnership
    if not partnership_organisations(partnership).filter(pk=owner.pk).exists():
        raise refuse(
            "owner", f"{owner} is not one of {partnership}'s partners or relevant agencies"
        )
    if not isinstance(due_on, date):
        raise refuse("due_on", "Enter the due date")
    if due_on < recommendation.made_on:
        raise refuse(
            "due_on",
            f"The due date must be on or after the date the recommendation was made, "
            f"{_long(recommendation.made_on)}",
        )
    action = Action.objects.create(
        recommendation=recommendation,
        partnership=partnership,
        text=text,
        owner=owner,
        owner_role=owner_role,
        due_on=due_on,
    )
    event_record(
        by=by,
        verb="action.created",
        message=f"Added an action to {recommendation} for {owner}, due {_long(due_on)}",
        subject=action,
        partnership=partnership,
    )
    return action


def _checked_link(value: Any) -> str:
    link = _text(value, "link", "The link", limit=500, required=False)
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            raise refuse("link", "Enter a web address starting https://") from None
    return link


@transaction.atomic
def action_update_add(
    *,
    action: Action,
    by: Any,
    on: Any,
    text: Any,
    kind: Any,
    link: Any = "",
    today: date | None = None,
) -> ActionUpdate:
    today = today or timezone.localdate()
    if action.status == A.SIGNED_OFF:
        raise refuse("__all__", "The action is signed off: it can no longer be updated")
    if kind not in UpdateKind.values:
        raise refuse("kind", "Select what kind of update this is")
    on = _day(on, "on", "The date of the update", today=today)
    if on < action.recommendation.made_on:
        raise refuse(
            "on",
            f"The date must be on or after the date the recommendation was made, "
            f"{_long(action.recommendation.made_on)}",
        )
    text = _text(text, "text", "The update", limit=5000)
    link = _checked_link(link)
    actor = by if getattr(by, "is_authenticated", False) else None
    update = ActionUpdate.objects.create(
        action=action, on=on, text=text, kind=kind, link=link, by=actor,
        by_label=str(actor) if actor else "MASA",
    )  # fmt: skip
    event_record(
        by=by,
        verb=f"action.update.{kind}",
        message=f"Added {update.get_kind_display().lower()} to {action}, dated {_long(on)}",
        subject=action,
        partnership=action.partnership,
    )
    return update


@transaction.atomic
def action_transition(
    *, action: Action, to: str, by: Any, expected_version: Any = UNCHECKED
) -> Action:
    """Implemented needs evidence of implementation; impact evidenced needs evidence of impact;
    signed off needs the sign-off of all three safeguarding partners. StaleRecord if someone
    moved it since the form was opened at `expected_version`."""
    version_claim(action, expected_version, yours={"status": to})
    workflow.check_action(action.status, to)
    kinds = set(action.updates.values_list("kind", flat=True))
    if to == A.IMPLEMENTED and UpdateKind.IMPLEMENTATION_EVIDENCE not in kinds:
        raise refuse("__all__", "Add evidence of implementation before marking it implemented")
    if to == A.IMPACT_EVIDENCED and UpdateKind.IMPACT_EVIDENCE not in kinds:
        raise refuse("__all__", "Add evidence of impact before marking the impact evidenced")
    if to == A.SIGNED_OFF:
        signed = set(action.sign_offs.values_list("partner_type", flat=True))
        missing = [label for value, label in SignOffPartner.choices if value not in signed]
        if missing:
            raise refuse("__all__", f"Still to sign off: {', '.join(missing).lower()}")
    before = action.get_status_display().lower()
    action.status = to
    action.save()
    event_record(
        by=by,
        verb=f"action.{to}",
        message=f"Moved {action} from {before} to {action.get_status_display().lower()}",
        subject=action,
        partnership=action.partnership,
    )
    return action


# The sign-off's partner words and the registry's (masa.partnerships.models.PartnerType).
SIGN_OFF_PARTNER_TYPES = {
    SignOffPartner.LA: PartnerType.LOCAL_AUTHORITY,
    SignOffPartner.ICB: PartnerType.ICB,
    SignOffPartner.POLICE: PartnerType.POLICE,
}


@transaction.atomic
def action_sign_off(*, action: Action, partner_type: Any, by: Any) -> ActionSignOff:
    """One safeguarding partner signs off the action's impact (CA2004 s.16E: the three partners
    are jointly responsible), through the person who holds its lead role (or its delegated role,
    with signing delegated) for that organisation today (masa.accounts.signing)."""
    if partner_type not in SignOffPartner.values:
        raise refuse("partner_type", "Select which safeguarding partner is signing off")
    if action.status != A.IMPACT_EVIDENCED:
        raise refuse("__all__", "Partners sign off an action once its impact is evidenced")
    if action.sign_offs.filter(partner_type=partner_type).exists():
        label = SignOffPartner(partner_type).label.lower()
        raise refuse("partner_type", f"The {label} has already signed off")
    authority = signing.authority_on(
        user=by,
        partnership=action.partnership,
        partner_type=SIGN_OFF_PARTNER_TYPES[SignOffPartner(partner_type)],
        on=timezone.localdate(),
    )
    sign_off = ActionSignOff.objects.create(
        action=action, partner_type=partner_type, by=by, at=timezone.now(),
        by_label=authority.role.job_title or str(by),
    )  # fmt: skip
    event_record(
        by=by,
        verb="action.partner_signed_off",
        message=f"Recorded the {sign_off.get_partner_type_display().lower()} sign-off of {action}",
        subject=action,
        partnership=action.partnership,
    )
    return sign_off
