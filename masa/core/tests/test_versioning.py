"""The optimistic lock itself (ADR 0018): a compare-and-set in the database, a clear refusal for a
missing version, what changed read from the history, and the form re-filled at the newer version."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from masa.core.errors import InvalidInput, StaleRecord
from masa.core.forms import VersionedForm, date_field
from masa.core.versioning import UNCHECKED, expected_version, version_claim
from masa.partnerships.models import Priority
from masa.partnerships.tests.factories import PriorityFactory, UserFactory


@pytest.mark.parametrize("value", [None, "", "abc", "-1", "1.5", True, -3])
def test_a_missing_or_garbled_version_is_refused_clearly(value):
    with pytest.raises(InvalidInput) as refused:
        expected_version(value)
    assert "open the record again" in refused.value.message


@pytest.mark.parametrize(("value", "number"), [("3", 3), (" 7 ", 7), (0, 0), (12, 12)])
def test_a_version_is_a_whole_number(value, number):
    assert expected_version(value) == number


@pytest.mark.django_db
def test_the_claim_is_one_conditional_update_in_the_database():
    priority = PriorityFactory()
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        version_claim(priority, 1, yours={"title": "New"})
    [update] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    where = update.split("WHERE", 1)[1]
    assert '"version" = 1' in where  # the comparison is the database's, not Python's
    assert priority.version == 2 and Priority.objects.get().version == 2


@pytest.mark.django_db
def test_two_claims_from_one_version_only_the_first_wins():
    priority = PriorityFactory(title="Before")
    first, second = Priority.objects.get(), Priority.objects.get()  # both opened at version 1
    with transaction.atomic():
        version_claim(first, 1, yours={"title": "First"})
        first.title = "First"
        first.save()
    with pytest.raises(StaleRecord) as refused, transaction.atomic():
        version_claim(second, 1, yours={"title": "Second"})
    assert [(c.field, c.theirs, c.yours) for c in refused.value.changes] == [
        ("title", "First", "Second")
    ]
    assert refused.value.refill == {"expected_version": 2}
    priority.refresh_from_db()
    assert (priority.title, priority.version) == ("First", 2)


@pytest.mark.django_db
def test_an_unchecked_write_still_moves_the_version_on():
    priority = PriorityFactory()
    with transaction.atomic():
        version_claim(priority, UNCHECKED, yours={})
    assert Priority.objects.get().version == 2
    with pytest.raises(StaleRecord), transaction.atomic():
        version_claim(Priority.objects.get(), 1, yours={})


@pytest.mark.django_db
def test_the_refusal_names_who_saved_and_only_what_they_changed():
    priority = PriorityFactory(title="Keep", description="Old")
    colleague = UserFactory(first_name="Casey", last_name="Colleague")
    with transaction.atomic():
        version_claim(priority, 1, yours={})
        priority.description = "Theirs"
        priority._history_user = colleague  # type: ignore[attr-defined]
        priority.save()
    with pytest.raises(StaleRecord) as refused, transaction.atomic():
        # You changed the title; they changed the description.
        version_claim(Priority.objects.get(), 1, yours={"title": "Mine", "description": "Old"})
    error = refused.value
    assert error.changed_by == "Casey Colleague"
    assert error.message.startswith(
        "Someone else changed this record since you opened it: Casey Colleague saved it on "
    )
    assert [(c.field, c.theirs, c.yours) for c in error.changes] == [
        ("description", "Theirs", "Old")
    ]
    # Your title stays yours; the description you did not touch comes back as theirs.
    assert error.refill == {"expected_version": 2, "description": "Theirs"}


class _Form(VersionedForm):
    title = date_field("Start date")


def test_the_form_comes_back_at_the_newer_version_with_their_values():
    form = _Form({"expected_version": "1", "title_0": "1", "title_1": "4", "title_2": "2025"})
    assert form.is_valid()
    error = StaleRecord(changed_by="Casey", changed_at="", changes=[],
                        refill={"expected_version": 2, "title": date(2026, 5, 3)})  # fmt: skip
    form.add_service_error(error)
    assert form.non_field_errors() == [error.message]
    assert form["expected_version"].value() == "2"
    assert form["title"].value() == ["3", "5", "2026"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_claims_on_postgresql_let_exactly_one_through():
    """Two connections claim the same version at once: the row lock makes the second wait, then
    match no row. (SQLite serialises writers itself; its in-memory test database has one
    connection, so this runs on PostgreSQL only.)"""
    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent connections")
    priority = PriorityFactory()
    barrier = threading.Barrier(2)
    results: list[str] = []

    def claim() -> None:
        from django.db import connections

        try:
            with transaction.atomic():
                mine = Priority.objects.get(pk=priority.pk)
                barrier.wait(timeout=10)
                version_claim(mine, 1, yours={"title": "x"})
            results.append("claimed")
        except StaleRecord:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["claimed", "refused"]
    assert Priority.objects.get().version == 2
