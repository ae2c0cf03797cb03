"""Benchmark: the compliance matrix page with 500 requirements and ten years of assessments.

    uv run python bench/compliance_matrix.py [--runs 30] [--requirements 500]

Uses a fresh on-disk SQLite database in a temporary MASA_DATA_DIR (settings config.settings.local):
migrates, syncs the statute library, records one complete WT2023 partnership, adds a bench
framework (regulations, in force) of N requirements with an assessment for each of ten yearly
periods and an evidence link on the current one, then requests the matrix page as a signed-in
member `--runs` times with Django's test Client.

Prints the median and 95th-percentile server time in ms and the page's SQL query count. Exits 1
if the median is 200 ms or more, or if the query count with 50 requirements differs from the
count with N (the page's queries must not grow with the data).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

from harness import measure

# The table rows the page lists, counted to show how much it held.
ROW = b'<tr class="govuk-table__row" data-requirement='

TARGET_MS = 200.0
PERIODS = 10

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _setup_django(data_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["MASA_DATA_DIR"] = data_dir
    os.environ.pop("MASA_DATABASE_URL", None)
    os.environ.setdefault("MASA_DEBUG", "false")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    call_command("migrate", interactive=False, verbosity=0)


def _fixture(count: int):  # -> (partnership, user)
    from django.utils import timezone

    from masa.accounts.models import Role
    from masa.compliance.models import Assessment, EvidenceLink, Status
    from masa.compliance.periods import financial_year
    from masa.partnerships.tests.factories import (
        MembershipFactory,
        UserFactory,
        complete_partnership,
    )
    from masa.statute.models import Framework, Requirement
    from masa.statute.services import statute_sync

    statute_sync()
    partnership = complete_partnership(name="Benchshire Safeguarding Partnership", slug="bench")
    user = UserFactory(username="bench-member")
    MembershipFactory(user=user, partnership=partnership, role=Role.VIEWER)
    Framework.objects.create(
        id="bench",
        title="Bench regulations",
        short_title="BENCH",
        kind="regulations",
        in_force_from=date(2018, 6, 29),
    )
    _requirements(count)
    now = timezone.now()
    current = financial_year(timezone.localdate()).start
    statuses = [s.value for s in Status]
    assessments = [
        Assessment(
            partnership=partnership,
            requirement_id=f"bench.r{i:04d}",
            period_start=date(current.year - back, 4, 1),
            period_end=date(current.year - back + 1, 3, 31),
            status=statuses[(i + back) % len(statuses)],
            partnership_level=f"Partnership-level narrative {i} for {current.year - back}.",
            local_authority_level=f"Local-authority narrative {i}.",
            assessed_at=now,
        )
        for i in range(count)
        for back in range(PERIODS)
    ]
    Assessment.objects.bulk_create(assessments, batch_size=1000)
    EvidenceLink.objects.bulk_create(
        [
            EvidenceLink(assessment=a, title=f"Minutes {a.pk}", url="https://example.org/m",
                         added_at=now)
            for a in Assessment.objects.filter(partnership=partnership, period_start=current)
        ],
        batch_size=1000,
    )  # fmt: skip
    assert Requirement.objects.filter(framework_id="bench").count() == count
    return partnership, user


def _requirements(count: int) -> None:
    from masa.statute.models import Requirement

    existing = Requirement.objects.filter(framework_id="bench").count()
    topics = ["arrangements", "scrutiny", "funding", "publication", "yearly_report", "training"]
    Requirement.objects.bulk_create(
        [
            Requirement(
                id=f"bench.r{i:04d}", framework_id="bench", level=("must", "should", "may")[i % 3],
                holder="safeguarding_partners", topic=topics[i % len(topics)],
                summary=f"Bench requirement {i}: the partners must do a thing, on time, well.",
                citation=f"BENCH reg {i}", evidence="manual", confidence="recalled", position=i,
            )
            for i in range(existing, count)
        ],
        batch_size=1000,
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--requirements", type=int, default=500)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="masa-bench-")
    try:
        _setup_django(data_dir)
        from django.test import Client

        small = 50
        partnership, user = _fixture(small)
        client = Client()
        client.force_login(user)
        url = f"/partnerships/{partnership.slug}/compliance/"
        _, small_queries, _ = measure(client, url, 1, row=ROW)
        _grow(partnership, small, args.requirements)
        times, queries, rows = measure(client, url, args.runs, row=ROW)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    print(
        f"compliance matrix page, {args.requirements} bench requirements (+ the statute library) "
        f"x {PERIODS} yearly periods of assessments: {rows} rows on the page, {args.runs} runs"
    )
    print(f"  median {median:.1f} ms   p95 {p95:.1f} ms   (target: median < {TARGET_MS:.0f} ms)")
    print(f"  SQL queries per page: {queries} ({small_queries} with {small} requirements)")
    failed = False
    if median >= TARGET_MS:
        print(f"FAIL: median {median:.1f} ms is not under {TARGET_MS:.0f} ms")
        failed = True
    if queries != small_queries:
        print(f"FAIL: {queries} queries with {args.requirements} requirements, "
              f"{small_queries} with {small}")  # fmt: skip
        failed = True
    return 1 if failed else 0


def _grow(partnership, small: int, count: int) -> None:
    """Add requirements up to `count` and their ten periods of assessments."""
    from django.utils import timezone

    from masa.compliance.models import Assessment, EvidenceLink
    from masa.compliance.periods import financial_year

    _requirements(count)
    now = timezone.now()
    current = financial_year(timezone.localdate()).start
    Assessment.objects.bulk_create(
        [
            Assessment(
                partnership=partnership, requirement_id=f"bench.r{i:04d}",
                period_start=date(current.year - back, 4, 1),
                period_end=date(current.year - back + 1, 3, 31),
                status="met", partnership_level=f"Narrative {i}.", assessed_at=now,
            )
            for i in range(small, count)
            for back in range(PERIODS)
        ],
        batch_size=1000,
    )  # fmt: skip
    EvidenceLink.objects.bulk_create(
        [
            EvidenceLink(assessment=a, title=f"Minutes {a.pk}", note="Board minutes", added_at=now)
            for a in Assessment.objects.filter(
                partnership=partnership, period_start=current, evidence_links__isnull=True
            )
        ],
        batch_size=1000,
    )


if __name__ == "__main__":
    sys.exit(main())
