"""Benchmark: the action list page with national-scale data (150 partnerships, 100,000 actions).

    uv run python bench/action_list.py [--runs 30] [--partnerships 150] [--actions 100000]

Uses a fresh on-disk SQLite database in a temporary MASA_DATA_DIR (settings config.settings.local):
migrates, then bulk-creates the partnerships (each with its three partners as owner
organisations), ten recommendations each with two learning themes, and the actions spread evenly
over the partnerships (about 670 each) across every status and due date, a third of them overdue.
One more partnership gets only five actions. Requests the action list page of one large
partnership as a signed-in member `--runs` times with Django's test Client.

Prints the median and 95th-percentile server time in ms and the page's SQL query count. Exits 1
if the median is 300 ms or more, or if the query count for the small partnership differs from the
large one's (the page's queries must not grow with the data).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from harness import measure

# The table rows the page lists, counted to show how much it held.
ROW = b'<tr class="govuk-table__row" data-action='

TARGET_MS = 300.0
RECOMMENDATIONS = 10

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


def _fixture(partnerships: int, actions: int):  # -> (large, small, user)
    from masa.accounts.models import Membership, Role, User
    from masa.actions.models import Action, LearningTheme, Recommendation
    from masa.actions.workflow import ActionStatus
    from masa.partnerships.models import (
        Organisation,
        OrganisationKind,
        Partnership,
        PartnerType,
        StatutoryPartner,
    )

    rows = Partnership.objects.bulk_create(
        Partnership(name=f"Bench partnership {i:03d}", slug=f"bench-{i:03d}")
        for i in range(partnerships + 1)
    )
    kinds = [
        (OrganisationKind.LOCAL_AUTHORITY, PartnerType.LOCAL_AUTHORITY, "Council"),
        (OrganisationKind.ICB, PartnerType.ICB, "ICB"),
        (OrganisationKind.POLICE, PartnerType.POLICE, "Police"),
    ]
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Bench {p.slug} {label}", kind=kind)
        for p in rows
        for kind, _t, label in kinds
    )
    owners = {p.pk: orgs[3 * i : 3 * i + 3] for i, p in enumerate(rows)}
    StatutoryPartner.objects.bulk_create(
        StatutoryPartner(partnership=p, organisation=o, partner_type=kinds[j][1],
                         start=date(2019, 4, 1))
        for p in rows for j, o in enumerate(owners[p.pk])
    )  # fmt: skip
    made = date(2024, 4, 1)
    recs = Recommendation.objects.bulk_create(
        Recommendation(partnership=p, reference=f"{p.slug}-R{r}", made_on=made,
                       source_label=f"Practice review {p.slug}-{r} (bench)", text="Bench text.")
        for p in rows for r in range(RECOMMENDATIONS)
    )  # fmt: skip
    themes = list(LearningTheme.objects.values_list("pk", flat=True))
    through = Recommendation.themes.through
    through.objects.bulk_create(
        through(recommendation_id=rec.pk, learningtheme_id=themes[(i + k) % len(themes)])
        for i, rec in enumerate(recs) for k in (0, 5)
    )  # fmt: skip
    by_partnership: dict[int, list] = {}
    for rec in recs:
        by_partnership.setdefault(rec.partnership_id, []).append(rec)
    large, small = rows[0], rows[-1]
    statuses = ActionStatus.values
    per, extra = divmod(actions, partnerships)

    def build(partnership, count):
        recs_here = by_partnership[partnership.pk]
        for i in range(count):
            yield Action(
                recommendation=recs_here[i % len(recs_here)], partnership=partnership,
                text=f"Bench action {i}: brief every team and audit twenty cases.",
                owner=owners[partnership.pk][i % 3], owner_role="Safeguarding lead",
                due_on=made + timedelta(days=(i * 7) % 900), status=statuses[i % len(statuses)],
            )  # fmt: skip

    batch: list = []
    for index, partnership in enumerate(rows[:-1]):
        batch.extend(build(partnership, per + (index < extra)))
        if len(batch) >= 20_000:
            Action.objects.bulk_create(batch, batch_size=2000)
            batch = []
    Action.objects.bulk_create([*batch, *build(small, 5)], batch_size=2000)
    user = User.objects.create(username="bench-member")
    Membership.objects.bulk_create(
        Membership(user=user, partnership=p, role=Role.VIEWER) for p in (large, small)
    )
    return large, small, user


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--partnerships", type=int, default=150)
    parser.add_argument("--actions", type=int, default=100_000)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="masa-bench-")
    try:
        _setup_django(data_dir)
        from django.test import Client

        from masa.actions.models import Action

        start = time.perf_counter()
        large, small, user = _fixture(args.partnerships, args.actions)
        built = time.perf_counter() - start
        total = Action.objects.count()
        on_page = Action.objects.filter(partnership=large).count()
        client = Client()
        client.force_login(user)
        _, small_queries, _ = measure(client, f"/partnerships/{small.slug}/actions/", 1, row=ROW)
        times, queries, rows = measure(
            client, f"/partnerships/{large.slug}/actions/", args.runs, row=ROW
        )
        overdue, _, _ = measure(
            client, f"/partnerships/{large.slug}/actions/?overdue=yes&theme=1", args.runs, row=ROW
        )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    print(
        f"action list page: {total} actions over {args.partnerships + 1} partnerships "
        f"(built in {built:.0f} s); {on_page} in the measured partnership, {rows} rows on the "
        f"page, {args.runs} runs"
    )
    print(f"  median {median:.1f} ms   p95 {p95:.1f} ms   (target: median < {TARGET_MS:.0f} ms)")
    print(f"  filtered (overdue, one theme): median {statistics.median(overdue):.1f} ms")
    print(f"  SQL queries per page: {queries} ({small_queries} for a partnership with 5 actions)")
    failed = False
    if median >= TARGET_MS:
        print(f"FAIL: median {median:.1f} ms is not under {TARGET_MS:.0f} ms")
        failed = True
    if queries != small_queries:
        print(f"FAIL: {queries} queries for {on_page} actions, {small_queries} for 5")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
