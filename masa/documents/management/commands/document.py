"""`masa document build SLUG arrangements|yearly-report [--period 2024-25] --format html|docx|pdf|json
[--out FILE]` and `masa document check SLUG arrangements|yearly-report [--period 2024-25] --format json`
(a DESIGN.md-style contract: keep the names and the JSON keys).

`build` renders the current published version, or the draft when nothing is published yet: html is a
whole standalone page, json is the content every renderer reads (`DocumentContent.as_json()`).
`check` prints the statutory contents check of the newest version (the draft being prepared, if
there is one) as `{framework, items: [{requirement, level, state, where}]}`, state `present`, `thin`
or `missing`. `--version N` picks a version for either. A yearly report without `--period` is the
latest year's. An unknown slug, kind, period, version or format exits 1 with one line on stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.documents.assembly import content_for
from masa.documents.completeness import check
from masa.documents.models import (
    KIND_SLUGS,
    SLUG_KINDS,
    Document,
    DocumentKind,
    DocumentVersion,
    VersionStatus,
    financial_year,
)
from masa.documents.render import render_docx, render_pdf, render_standalone
from masa.partnerships.models import Partnership

BUILD_FORMATS = ("html", "docx", "pdf", "json")
KINDS = tuple(KIND_SLUGS.values())


class Command(BaseCommand):
    help = (
        "Published arrangements and yearly reports: `build` writes one as HTML, Word, PDF or "
        "JSON; `check` lists each statutory content item as present, thin or missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{build,check}")
        build = actions.add_parser("build", help="write a document as HTML, Word, PDF or JSON")
        check_ = actions.add_parser("check", help="the statutory contents check as JSON")
        for sub in (build, check_):
            sub.add_argument("slug", help="the partnership's slug, e.g. northshire")
            # Checked in handle(), not with argparse choices, so a wrong word exits 1 like any error.
            sub.add_argument("kind", metavar="arrangements|yearly-report")
            sub.add_argument("--period", metavar="2024-25", help="the yearly report's year")
            sub.add_argument("--version", type=str, metavar="N", help="a version number")
            sub.add_argument("--out", metavar="FILE", help="write to FILE, not standard output")
        build.add_argument("--format", default="html", metavar="html|docx|pdf|json")
        check_.add_argument("--format", default="json", metavar="json")

    def handle(self, *args: Any, **options: Any) -> None:
        formats = BUILD_FORMATS if options["action"] == "build" else ("json",)
        fmt = options["format"]
        if fmt not in formats:
            raise CommandError(f"--format must be one of {', '.join(formats)}, not {fmt!r}")
        version = self._version(options)
        if options["action"] == "check":
            data = json.dumps(check(version).as_json(), indent=2, ensure_ascii=False) + "\n"
            return self._write(data.encode(), options["out"], fmt, f"the check of {version}")
        content = content_for(version)
        if fmt == "json":
            output = (json.dumps(content.as_json(), indent=2, ensure_ascii=False) + "\n").encode()
        elif fmt == "html":
            output = render_standalone(content).encode()
        elif fmt == "docx":
            output = render_docx(content)
        else:
            output = render_pdf(content)
        self._write(output, options["out"], fmt, str(version))

    # Finding the version -------------------------------------------------------------------------

    def _version(self, options: dict[str, Any]) -> DocumentVersion:
        slug, kind_slug, period = options["slug"], options["kind"], options["period"]
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is None:
            known = ", ".join(Partnership.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No partnership with the slug {slug!r}. Known: {known or 'none'}.")
        if kind_slug not in SLUG_KINDS:
            raise CommandError(f"The document must be one of {', '.join(KINDS)}, not {kind_slug!r}")
        kind = SLUG_KINDS[kind_slug]
        documents = Document.objects.filter(partnership=partnership, kind=kind)
        if kind == DocumentKind.ARRANGEMENTS:
            if period:
                raise CommandError("--period is for a yearly report; the arrangements have none")
            document = documents.first()
            missing = f"{partnership.slug} has no published arrangements document in MASA"
        elif period:
            try:
                start, _ = financial_year(period)
            except ValueError as error:
                raise CommandError(f"--period: {error}") from error
            document = documents.filter(period_start=start).first()
            missing = f"{partnership.slug} has no yearly report for {period} in MASA"
        else:
            document = documents.order_by("-period_start").first()
            missing = f"{partnership.slug} has no yearly report in MASA"
        if document is None:
            raise CommandError(missing)
        versions = list(document.versions.order_by("-number").defer("snapshot"))
        if options["version"] is not None:
            chosen = next((v for v in versions if str(v.number) == options["version"]), None)
            if chosen is None:
                numbers = ", ".join(str(v.number) for v in versions) or "none"
                raise CommandError(
                    f"{document} has no version {options['version']!r}. Versions: {numbers}."
                )
        elif options["action"] == "check":
            chosen = versions[0] if versions else None
        else:
            published = [v for v in versions if v.status == VersionStatus.PUBLISHED]
            drafts = [v for v in versions if v.status == VersionStatus.DRAFT]
            chosen = published[0] if published else (drafts[0] if drafts else None)
        if chosen is None:
            raise CommandError(f"{document} of {partnership.slug} has no version to use")
        return DocumentVersion.objects.select_related("document__partnership").get(pk=chosen.pk)

    # Output --------------------------------------------------------------------------------------

    def _write(self, output: bytes, out: str | None, fmt: str, what: str) -> None:
        if out:
            try:
                Path(out).write_bytes(output)
            except OSError as error:
                raise CommandError(f"--out: cannot write {out}: {error.strerror}") from error
            self.stderr.write(f"Wrote {what} ({fmt}, {len(output):,} bytes) to {out}")
        elif fmt in ("json", "html"):
            self.stdout.write(output.decode(), ending="")
        else:
            self.stdout.flush()
            stream = getattr(self.stdout, "_out", sys.stdout)
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                raise CommandError(f"--format {fmt} needs --out FILE here")
            buffer.write(output)
            buffer.flush()
