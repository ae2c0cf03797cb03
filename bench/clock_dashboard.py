"""Benchmark: the clock dashboard with national-scale data (150 partnerships × 10 years of cases).

    uv run python bench/clock_dashboard.py [--runs 30] [--partnerships 150] [--notifications 10000]

Uses a fresh on-disk SQLite database in a temporary MASA_DATA_DIR (settings config.settings.local):
migrates, then bulk-creates the partnerships (one fictional local authority each) and the serious
incident notifications spread evenly over them and over the ten years to today (about 67 each):
sent to the Panel and the partners 1 to 7 working days after the local authority became aware (so
some late), one in ten a looked-after child's death, the newest ones not yet sent, and a rapid
review for every other notified case; each partnership also has open actions (one in three
overdue) and practice reviews under way with checkpoints held (about one for every ten
notifications). One more partnership gets only two notifications, two actions and one practice
review. Requests
the clock dashboard `/partnerships/<slug>/clocks/` of one large partnership as its signed-in
business manager `--runs` times with Django's test Client, and times `masa clocks list SLUG`
(in process, through call_command).

Prints the median and 95th-percentile server time in ms and the page's SQL query count. Exits 1
if the median is 300 ms or more, or if the query count for the small partnership differs from the
large one's (the page's queries must not grow with the data).
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from action_list import _setup_django  # the same fresh database as the action list
from harness import measure

# The table rows the page lists, counted to show how much it held.
ROW = b'<tr class="govuk-table__row"'

TARGET_MS = 300.0
YEARS = 10


def _incidents(partnership, la, count: int, today: date):  # -> list[SeriousIncident]
    from masa.core.clocks.calendar import add_working_days
    from masa.incidents.models import AbuseOrNeglect, Outcome, SeriousIncident, Where
    from masa.incidents.workflow import Status

    span = YEARS * 365
    made = []
    for i in range(count):
        aware = today - timedelta(days=span - (i * span) // count)
        recent = (today - aware).days < 10
        lac = i % 10 == 0
        sent = None if recent else add_working_days(aware, 1 + i % 7)  # 6 and 7: late
        made.append(
            SeriousIncident(
                partnership=partnership,
                reference=f"SIN-{aware.year}-{i:03d}",
                local_authority=la,
                incident_date=aware - timedelta(days=i % 4),
                became_aware_on=aware,
                abuse_or_neglect=AbuseOrNeglect.KNOWN,
                outcome=Outcome.DIED if lac or i % 9 == 0 else Outcome.SERIOUSLY_HARMED,
                where=Where.IN_AREA,
                looked_after_child=lac,
                care_leaver=i % 13 == 0,
                panel_notified_on=sent,
                partners_notified_on=sent,
                sos_ofsted_notified_on=sent if lac else None,
                summary="Fictional bench notification.",
                status=Status.NOTIFIED if sent else Status.DRAFT,
            )
        )
    return made


def _actions_and_practice_reviews(rows, per: int, small, today: date) -> None:
    """Open actions (every third overdue) and practice reviews in progress, each with two
    checkpoints held: `per // 3` actions and `per // 10` reviews a partnership, two and one for
    `small`."""
    from masa.actions.models import Action, Recommendation
    from masa.partnerships.models import Organisation
    from masa.reviews.models import PracticeReview, ReviewCheckpoint
    from masa.reviews.workflow import PracticeStatus

    owners = Organisation.objects.bulk_create(
        Organisation(name=f"Bench agency {p.slug}", kind="relevant_agency") for p in rows
    )
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(partnership=p, source_label="Bench", reference=f"{p.slug}-R1",
                       text="Fictional bench recommendation.", made_on=today - timedelta(days=400))
        for p in rows
    )  # fmt: skip
    actions, reviews = [], []
    for p, owner, recommendation in zip(rows, owners, recommendations, strict=True):
        count, review_count = (2, 1) if p == small else (max(2, per // 3), max(1, per // 10))
        actions.extend(
            Action(recommendation=recommendation, partnership=p, text=f"Bench action {i}",
                   owner=owner, due_on=today + timedelta(days=30 - 20 * (i % 3)))
            for i in range(count)
        )  # fmt: skip
        reviews.extend(
            PracticeReview(partnership=p, reference=f"LCSPR-B-{i:03d}", title="Child B",
                           initiated_on=today - timedelta(days=100 + i),
                           status=PracticeStatus.IN_PROGRESS)
            for i in range(review_count)
        )  # fmt: skip
    Action.objects.bulk_create(actions, batch_size=2000)
    made = PracticeReview.objects.bulk_create(reviews, batch_size=2000)
    ReviewCheckpoint.objects.bulk_create(
        (
            ReviewCheckpoint(review=r, due_on=r.initiated_on + timedelta(weeks=6 * n),
                             held_on=r.initiated_on + timedelta(weeks=6 * n, days=1),
                             progress_satisfactory=True, quality_satisfactory=True)
            for r in made
            for n in (1, 2)
        ),
        batch_size=2000,
    )  # fmt: skip


def _fixture(partnerships: int, notifications: int):  # -> (large, small, user)
    from masa.accounts.models import Membership, Role, User
    from masa.core.clocks.calendar import add_working_days
    from masa.geography.models import LocalAuthority
    from masa.incidents.models import SeriousIncident
    from masa.partnerships.models import Partnership, PartnershipArea
    from masa.reviews.models import ClockBasis, RapidReview
    from masa.reviews.workflow import RapidStatus

    today = date.today()
    rows = Partnership.objects.bulk_create(
        Partnership(name=f"Bench partnership {i:03d}", slug=f"bench-{i:03d}")
        for i in range(partnerships + 1)
    )
    las = LocalAuthority.objects.bulk_create(
        LocalAuthority(code=f"E06{i:06d}", name=f"Bench council {i:03d}", region_code="E12000001",
                       region_name="North East")
        for i in range(len(rows))
    )  # fmt: skip
    PartnershipArea.objects.bulk_create(
        PartnershipArea(partnership=p, local_authority=la, start=date(2016, 4, 1))
        for p, la in zip(rows, las, strict=True)
    )
    large, small = rows[0], rows[-1]
    per, extra = divmod(notifications, partnerships)
    batch: list = []
    for index, partnership in enumerate(rows[:-1]):
        batch.extend(_incidents(partnership, las[index], per + (index < extra), today))
    batch.extend(_incidents(small, las[-1], 2, today - timedelta(days=40)))
    incidents = SeriousIncident.objects.bulk_create(batch, batch_size=2000)
    RapidReview.objects.bulk_create(
        (
            RapidReview(
                incident=incident,
                partnership_id=incident.partnership_id,
                clock_start_basis=ClockBasis.NOTIFICATION_SENT,
                started_on=incident.panel_notified_on,
                sent_to_panel_on=add_working_days(incident.panel_notified_on, 10 + i % 9),
                status=RapidStatus.SENT,
            )
            for i, incident in enumerate(incidents)
            if incident.panel_notified_on and i % 2 == 0
        ),
        batch_size=2000,
    )
    _actions_and_practice_reviews(rows, per, small, today)
    user = User.objects.create(username="bench-manager")
    Membership.objects.bulk_create(
        Membership(user=user, partnership=p, role=Role.BUSINESS_MANAGER) for p in (large, small)
    )
    return large, small, user


def _time_command(slug: str, runs: int) -> tuple[float, int]:
    from django.core.management import call_command

    times, out = [], ""
    for _ in range(runs):
        buffer = io.StringIO()
        start = time.perf_counter()
        call_command("clocks", "list", slug, stdout=buffer)
        times.append((time.perf_counter() - start) * 1000)
        out = buffer.getvalue()
    return statistics.median(times), out.count('"subject"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--partnerships", type=int, default=150)
    parser.add_argument("--notifications", type=int, default=10_000)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="masa-bench-")
    try:
        _setup_django(data_dir)
        from django.test import Client

        from masa.incidents.models import SeriousIncident
        from masa.reviews.models import RapidReview

        start = time.perf_counter()
        large, small, user = _fixture(args.partnerships, args.notifications)
        built = time.perf_counter() - start
        total = SeriousIncident.objects.count()
        rapids = RapidReview.objects.count()
        on_page = SeriousIncident.objects.filter(partnership=large).count()
        from masa.actions.models import Action
        from masa.reviews.models import PracticeReview

        actions_on_page = Action.objects.filter(partnership=large).count()
        practice_on_page = PracticeReview.objects.filter(partnership=large).count()
        client = Client()
        client.force_login(user)
        url = "/partnerships/{}/clocks/"
        _, small_queries, _ = measure(client, url.format(small.slug), 1, row=ROW)
        times, queries, rows = measure(client, url.format(large.slug), args.runs, row=ROW)
        command_ms, listed = _time_command(large.slug, max(5, args.runs // 3))
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    print(
        f"clock dashboard: {total} notifications and {rapids} rapid reviews over "
        f"{args.partnerships + 1} partnerships (built in {built:.0f} s); {on_page} notifications, "
        f"{actions_on_page} open actions and {practice_on_page} practice reviews with checkpoints "
        f"in the measured partnership, {rows} table rows, {args.runs} runs"
    )
    print(f"  median {median:.1f} ms   p95 {p95:.1f} ms   (target: median < {TARGET_MS:.0f} ms)")
    print(f"  SQL queries per page: {queries} ({small_queries} for a partnership with 2)")
    print(f"  masa clocks list {large.slug}: median {command_ms:.1f} ms, {listed} clocks")
    failed = False
    if median >= TARGET_MS:
        print(f"FAIL: median {median:.1f} ms is not under {TARGET_MS:.0f} ms")
        failed = True
    if queries != small_queries:
        print(f"FAIL: {queries} queries for {on_page} notifications, {small_queries} for 2")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
