"""Services against the database: each rule, each bad input (nothing written), a timeline event
for every write."""

from datetime import date

import pytest

from masa.accounts.models import Role
from masa.accounts.tests.people import member_of
from masa.actions import services
from masa.actions.models import (
    Action,
    ActionSignOff,
    ActionUpdate,
    LearningTheme,
    Recommendation,
    UpdateKind,
)
from masa.actions.workflow import ActionStatus as A
from masa.actions.workflow import RecommendationStatus as R
from masa.core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from masa.partnerships.tests.factories import OrganisationFactory
from masa.timeline.models import Event

from .factories import MADE, ActionFactory, ActionUpdateFactory

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)


def _counts():
    return tuple(
        m.objects.count() for m in (Recommendation, Action, ActionUpdate, ActionSignOff, Event)
    )


@pytest.fixture
def unchanged():
    """Assert, at the end of the test, that nothing was written."""
    before = _counts()
    yield
    assert _counts() == before


def test_themes_are_seeded():
    names = set(LearningTheme.objects.values_list("name", flat=True))
    assert {"Neglect", "Safer sleep", "Racism and inequality", "Voice of the child"} <= names
    assert len(names) == 18


# Recommendations ---------------------------------------------------------------------------------


def _recommend(partnership, **overrides):
    data = {
        "reference": "TS-R1", "text": "Improve information sharing at the front door.",
        "source_label": "Practice review TS-LCSPR-2025-01 (fictional)", "made_on": MADE,
    }  # fmt: skip
    return services.recommendation_create(
        partnership=partnership, by=None, today=TODAY, **{**data, **overrides}
    )


def test_recommendation_create_with_themes(partnership):
    themes = list(LearningTheme.objects.filter(slug__in=["neglect", "information-sharing"]))
    recommendation = _recommend(partnership, themes=themes, source=partnership)
    assert set(recommendation.themes.all()) == set(themes)
    assert recommendation.status == R.OPEN
    assert recommendation.source == partnership
    event = Event.objects.get(verb="recommendation.made")
    assert "TS-R1" in event.message and event.partnership == partnership


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reference": ""}, "reference"),
        ({"reference": "x" * 41}, "reference"),
        ({"text": "  "}, "text"),
        ({"text": "a\x00b"}, "text"),
        ({"source_label": ""}, "source_label"),
        ({"made_on": None}, "made_on"),
        ({"made_on": "2025-01-01"}, "made_on"),
        ({"made_on": date(2025, 6, 3)}, "made_on"),
        ({"themes": ["neglect"]}, "themes"),
    ],
)
def test_recommendation_create_refuses_bad_input(partnership, unchanged, overrides, field):
    with pytest.raises(InvalidInput) as error:
        _recommend(partnership, **overrides)
    assert field in error.value.field_errors


def test_recommendation_create_refuses_a_retired_theme_and_a_used_reference(partnership):
    theme = LearningTheme.objects.get(slug="neglect")
    theme.retired = True
    theme.save()
    with pytest.raises(InvalidInput, match="retired"):
        _recommend(partnership, themes=[theme])
    _recommend(partnership)
    with pytest.raises(InvalidInput, match="already used"):
        _recommend(partnership)
    assert Recommendation.objects.count() == 1


def _move(recommendation, to, **kwargs):
    return services.recommendation_transition(
        recommendation=recommendation, to=to, by=None, today=TODAY, **kwargs
    )


def test_recommendation_reject_needs_a_reason(recommendation):
    with pytest.raises(InvalidInput, match="Enter the reason"):
        _move(recommendation, R.REJECTED)
    _move(recommendation, R.REJECTED, reason="Already covered by the neglect strategy")
    recommendation.refresh_from_db()
    assert recommendation.status == R.REJECTED
    with pytest.raises(TransitionNotAllowed):
        _move(recommendation, R.ACCEPTED)


def test_recommendation_follows_its_actions_to_closure(recommendation, action):
    _move(recommendation, R.ACCEPTED)
    with pytest.raises(InvalidInput, match="1 of its 1 actions are not implemented"):
        _move(recommendation, R.IMPLEMENTED)
    Action.objects.filter(pk=action.pk).update(status=A.IMPLEMENTED)
    _move(recommendation, R.IMPLEMENTED)
    with pytest.raises(InvalidInput, match="not with impact evidenced"):
        _move(recommendation, R.IMPACT_EVIDENCED)
    Action.objects.filter(pk=action.pk).update(status=A.IMPACT_EVIDENCED)
    _move(recommendation, R.IMPACT_EVIDENCED)
    with pytest.raises(InvalidInput, match="not signed off"):
        _move(recommendation, R.CLOSED, signed_off_on=TODAY)
    Action.objects.filter(pk=action.pk).update(status=A.SIGNED_OFF)
    with pytest.raises(InvalidInput, match="Enter the date the partners signed off"):
        _move(recommendation, R.CLOSED)
    with pytest.raises(InvalidInput, match="on or after"):
        _move(recommendation, R.CLOSED, signed_off_on=date(2025, 1, 1))
    _move(recommendation, R.CLOSED, signed_off_on=TODAY, signed_off_note="Board, 2 June")
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.signed_off_on) == (R.CLOSED, TODAY)
    assert Event.objects.filter(verb__startswith="recommendation.").count() == 4


def test_recommendation_without_actions_cannot_be_implemented(recommendation, unchanged):
    recommendation.status = R.ACCEPTED
    recommendation.save()
    with pytest.raises(InvalidInput, match="has no actions"):
        _move(recommendation, R.IMPLEMENTED)


# Actions -----------------------------------------------------------------------------------------


def _act(recommendation, organisation, **overrides):
    data = {"text": "Audit referrals", "owner": organisation, "due_on": date(2025, 9, 30)}
    return services.action_create(recommendation=recommendation, by=None, **{**data, **overrides})


def test_action_create(recommendation, owner):
    action = _act(recommendation, owner, owner_role="Head of service")
    assert action.partnership == recommendation.partnership
    assert action.status == A.NOT_STARTED
    assert Event.objects.get(verb="action.created").subject_id == str(action.pk)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": ""}, "text"),
        ({"owner": None}, "owner"),
        ({"owner": "Police"}, "owner"),
        ({"due_on": None}, "due_on"),
        ({"due_on": date(2025, 3, 2)}, "due_on"),
        ({"owner_role": "x" * 201}, "owner_role"),
    ],
)
def test_action_create_refuses_bad_input(recommendation, owner, unchanged, overrides, field):
    with pytest.raises(InvalidInput) as error:
        _act(recommendation, owner, **overrides)
    assert field in error.value.field_errors


def test_action_owner_must_be_one_of_the_partnerships_organisations(recommendation, unchanged):
    with pytest.raises(InvalidInput, match="is not one of"):
        _act(recommendation, OrganisationFactory())


def test_no_action_on_a_closed_or_rejected_recommendation(recommendation, owner, unchanged):
    recommendation.status, recommendation.rejected_reason = R.REJECTED, "Not ours"
    recommendation.save()
    with pytest.raises(InvalidInput, match="rejected"):
        _act(recommendation, owner)


def _update(action, **overrides):
    data = {"on": TODAY, "text": "Audit of 20 referrals done", "kind": UpdateKind.PROGRESS}
    return services.action_update_add(action=action, by=None, today=TODAY, **{**data, **overrides})


def test_update_add(action):
    update = _update(action, kind=UpdateKind.IMPACT_EVIDENCE, link="https://example.org/audit")
    assert update.by_label == "MASA" and update.link == "https://example.org/audit"
    assert Event.objects.filter(verb="action.update.impact_evidence").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kind": "gossip"}, "kind"),
        ({"on": None}, "on"),
        ({"on": date(2025, 6, 3)}, "on"),
        ({"on": date(2025, 3, 2)}, "on"),
        ({"text": ""}, "text"),
        ({"link": "javascript:alert(1)"}, "link"),
        ({"link": "not a link"}, "link"),
    ],
)
def test_update_add_refuses_bad_input(action, unchanged, overrides, field):
    with pytest.raises(InvalidInput) as error:
        _update(action, **overrides)
    assert field in error.value.field_errors


def _to(action, status):
    return services.action_transition(action=action, to=status, by=None)


def test_implemented_needs_evidence_of_implementation(action):
    _to(action, A.IN_PROGRESS)
    _update(action, kind=UpdateKind.PROGRESS)
    with pytest.raises(InvalidInput, match="evidence of implementation"):
        _to(action, A.IMPLEMENTED)
    _update(action, kind=UpdateKind.IMPLEMENTATION_EVIDENCE)
    _to(action, A.IMPLEMENTED)
    with pytest.raises(InvalidInput, match="evidence of impact"):
        _to(action, A.IMPACT_EVIDENCED)
    _update(action, kind=UpdateKind.IMPACT_EVIDENCE)
    _to(action, A.IMPACT_EVIDENCED)
    action.refresh_from_db()
    assert action.status == A.IMPACT_EVIDENCED
    assert Event.objects.filter(verb__in=["action.in_progress", "action.implemented"]).count() == 2


@pytest.mark.parametrize("current", A.values)
def test_forbidden_moves_write_nothing(recommendation, owner, current):
    action = ActionFactory(recommendation=recommendation, owner=owner, status=current)
    before = _counts()
    for target in set(A.values) - {"in_progress", "blocked", "implemented", "impact_evidenced",
                                   "signed_off"} | {current}:  # fmt: skip
        with pytest.raises(TransitionNotAllowed):
            _to(action, target)
    assert _counts() == before


def test_blocked_and_back(action):
    _to(action, A.IN_PROGRESS)
    _to(action, A.BLOCKED)
    with pytest.raises(TransitionNotAllowed):
        _to(action, A.IMPLEMENTED)
    _to(action, A.IN_PROGRESS)
    assert Action.objects.get(pk=action.pk).status == A.IN_PROGRESS


# Sign-off ----------------------------------------------------------------------------------------


def test_sign_off_needs_all_three_partners(recommendation, owner, lead_partners):
    action = ActionFactory(recommendation=recommendation, owner=owner, status=A.IMPACT_EVIDENCED)
    ActionUpdateFactory(action=action, kind=UpdateKind.IMPACT_EVIDENCE)
    services.action_sign_off(action=action, partner_type="la", by=lead_partners["la"])
    services.action_sign_off(action=action, partner_type="icb", by=lead_partners["icb"])
    with pytest.raises(InvalidInput, match="Still to sign off: police"):
        _to(action, A.SIGNED_OFF)
    with pytest.raises(InvalidInput, match="already signed off"):
        services.action_sign_off(action=action, partner_type="la", by=lead_partners["la"])
    services.action_sign_off(action=action, partner_type="police", by=lead_partners["police"])
    _to(action, A.SIGNED_OFF)
    assert Event.objects.filter(verb="action.partner_signed_off").count() == 3
    with pytest.raises(InvalidInput, match="signed off"):
        _update(action)


@pytest.mark.parametrize("status", [A.NOT_STARTED, A.IN_PROGRESS, A.IMPLEMENTED, A.SIGNED_OFF])
def test_sign_off_only_once_impact_is_evidenced(recommendation, owner, status):
    action = ActionFactory(recommendation=recommendation, owner=owner, status=status)
    before = _counts()
    with pytest.raises(InvalidInput, match="once its impact is evidenced"):
        services.action_sign_off(action=action, partner_type="la", by=None)
    assert _counts() == before


def test_sign_off_is_only_by_the_partners_lead_on_the_day(
    recommendation, owner, partnership, lead_partners, editor
):
    action = ActionFactory(recommendation=recommendation, owner=owner, status=A.IMPACT_EVIDENCED)
    ActionUpdateFactory(action=action, kind=UpdateKind.IMPACT_EVIDENCE)
    before = _counts()
    nobody = member_of(partnership, "lsp-nobody", Role.LEAD_PARTNER)  # no organisation
    for who, partner in (
        (None, "la"),
        (editor, "la"),
        (nobody, "icb"),
        (lead_partners["la"], "police"),
    ):
        with pytest.raises(NotPermitted):
            services.action_sign_off(action=action, partner_type=partner, by=who)
    assert _counts() == before and not action.sign_offs.exists()
    sign_off = services.action_sign_off(action=action, partner_type="la", by=lead_partners["la"])
    assert sign_off.by_label == "Chief Executive"  # the lead role's job title


def test_sign_off_refuses_an_unknown_partner(action, unchanged):
    with pytest.raises(InvalidInput) as error:
        services.action_sign_off(action=action, partner_type="fire", by=None)
    assert "partner_type" in error.value.field_errors
