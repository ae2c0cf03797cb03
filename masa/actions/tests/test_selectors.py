"""Selectors: filters, the overdue rule, recurring themes, and a query count that does not grow."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from masa.actions import selectors
from masa.actions.models import LearningTheme
from masa.actions.workflow import ActionStatus as A
from masa.partnerships.tests.factories import complete_partnership

from .factories import ActionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 2)


def test_overdue_means_past_due_and_not_yet_implemented(recommendation, owner):
    past = TODAY - timedelta(days=1)
    late = {s: ActionFactory(recommendation=recommendation, owner=owner, status=s, due_on=past)
            for s in A.values}  # fmt: skip
    ActionFactory(recommendation=recommendation, owner=owner, due_on=TODAY)
    overdue = selectors.actions_for(recommendation.partnership, today=TODAY, overdue=True)
    assert {a.status for a in overdue} == {A.NOT_STARTED, A.IN_PROGRESS, A.BLOCKED}
    on_time = selectors.actions_for(recommendation.partnership, today=TODAY, overdue=False)
    assert late[A.NOT_STARTED] not in on_time and on_time.count() == 4


def test_filters_by_status_owner_and_theme(partnership, organisations):
    neglect = LearningTheme.objects.get(slug="neglect")
    themed = RecommendationFactory(partnership=partnership)
    themed.themes.add(neglect)
    plain = RecommendationFactory(partnership=partnership)
    a = ActionFactory(recommendation=themed, owner=organisations[0], status=A.IN_PROGRESS)
    b = ActionFactory(recommendation=plain, owner=organisations[1])
    rows = lambda **kw: list(selectors.actions_for(partnership, today=TODAY, **kw))  # noqa: E731
    assert rows(theme=neglect) == [a]
    assert rows(status=A.IN_PROGRESS) == [a]
    assert rows(owner=organisations[1]) == [b]
    other = complete_partnership(slug="otherville")
    assert list(selectors.actions_for(other, today=TODAY)) == []


def test_recurring_themes_count_recommendations_and_list_sources(partnership):
    neglect, sleep = LearningTheme.objects.filter(slug__in=["neglect", "safer-sleep"]).order_by(
        "slug"
    )
    # Sources are listed in the order the recommendations were made (references are text, so the
    # factory's R9/R10 sequence would not sort by number).
    for day, label in ((1, "Review A (fictional)"), (2, "Review B (fictional)")):
        RecommendationFactory(
            partnership=partnership, source_label=label, made_on=date(2025, 3, day)
        ).themes.add(neglect)
    RecommendationFactory(partnership=partnership, source_label="Audit C").themes.add(sleep)
    other = complete_partnership(slug="otherville")
    RecommendationFactory(partnership=other, source_label="Review Z").themes.add(sleep, neglect)
    local = selectors.recurring_themes(partnership)
    assert [(t.theme.slug, t.recommendations, t.recurring) for t in local] == [
        ("neglect", 2, True),
        ("safer-sleep", 1, False),
    ]
    assert local[0].sources == ["Review A (fictional)", "Review B (fictional)"]
    national = {t.theme.slug: t for t in selectors.recurring_themes()}
    assert national["neglect"].recommendations == 3
    assert national["safer-sleep"].recurring and len(national["safer-sleep"].partnerships) == 2


def _fill(partnership, organisations, count):
    themes = list(LearningTheme.objects.all()[:3])
    for _r in range(count // 5):
        recommendation = RecommendationFactory(partnership=partnership)
        recommendation.themes.set(themes)
        for i in range(5):
            ActionFactory(recommendation=recommendation, owner=organisations[i % len(organisations)],
                          due_on=TODAY - timedelta(days=i * 30 - 60))  # fmt: skip


@pytest.mark.parametrize("count", [5, 60])
def test_the_list_page_runs_a_bounded_number_of_queries(
    partnership, organisations, member_client, django_assert_max_num_queries, count
):
    _fill(partnership, organisations, count)
    neglect = LearningTheme.objects.first()
    url = reverse("actions:list", args=[partnership.slug])
    with django_assert_max_num_queries(14):
        response = member_client.get(url, {"overdue": "yes", "theme": neglect.pk})
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        assert member_client.get(url).status_code == 200
    with django_assert_max_num_queries(14):
        assert member_client.get(reverse("actions:recommendations", args=[partnership.slug]))
    with django_assert_max_num_queries(14):
        assert member_client.get(reverse("actions:themes", args=[partnership.slug]))
