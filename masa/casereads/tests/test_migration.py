"""The reads logged per record before this log are carried into it, then their tables dropped."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Partnerships as they were then too, so the old models match the tables they write to.
BEFORE = [("casereads", "0001_case_read_log"), ("incidents", "0001_initial"),
          ("reviews", "0001_initial"), ("partnerships", "0002_dated_constraints")]  # fmt: skip
AFTER = [("casereads", "0002_copy_earlier_reads"), ("incidents", "0004_read_log_moved_to_casereads"),
         ("reviews", "0003_read_log_moved_to_casereads")]  # fmt: skip
AT = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_earlier_reads_are_carried_over():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Partnership = old.get_model("partnerships", "Partnership")
    User = old.get_model("accounts", "User")
    Incident = old.get_model("incidents", "SeriousIncident")
    LocalAuthority = old.get_model("geography", "LocalAuthority")
    partnership = Partnership.objects.create(name="Oldshire", slug="oldshire")
    user = User.objects.create(username="reader", first_name="Rea", last_name="Der")
    la = LocalAuthority.objects.first() or LocalAuthority.objects.create(
        code="E06000999",
        name="Oldshire",
        dfe_code="999",
        region_code="E12000001",
        region_name="North East",
    )
    incident = Incident.objects.create(
        partnership=partnership, reference="SIN-2025-009", local_authority=la,
        incident_date=date(2025, 6, 1), became_aware_on=date(2025, 6, 2),
    )  # fmt: skip
    Practice = old.get_model("reviews", "PracticeReview")
    review = Practice.objects.create(
        partnership=partnership, reference="LCSPR-2025-01", title="Child Q",
        initiated_on=date(2025, 7, 1),
    )  # fmt: skip
    old.get_model("incidents", "CaseRecordView").objects.create(
        user=user, incident=incident, viewed_at=AT, page="export.csv"
    )
    old.get_model("reviews", "ReviewRecordView").objects.create(
        user=None, practice_review=review, viewed_at=AT, page="detail"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    rows = list(new.get_model("casereads", "CaseRead").objects.order_by("id").values(
        "at", "reader_id", "reader_label", "partnership_id", "channel", "record_type",
        "record_ids", "references", "what",
    ))  # fmt: skip
    assert rows == [
        {"at": AT, "reader_id": user.pk, "reader_label": "Rea Der",
         "partnership_id": partnership.pk, "channel": "export", "record_type": "notification",
         "record_ids": [incident.pk], "references": ["SIN-2025-009"],
         "what": "notification SIN-2025-009 (export.csv)"},
        {"at": AT, "reader_id": None, "reader_label": "MASA", "partnership_id": partnership.pk,
         "channel": "page", "record_type": "practice review", "record_ids": [review.pk],
         "references": ["LCSPR-2025-01"], "what": "practice review LCSPR-2025-01 (detail)"},
    ]  # fmt: skip
    tables = connection.introspection.table_names()
    assert "incidents_caserecordview" not in tables and "reviews_reviewrecordview" not in tables
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
