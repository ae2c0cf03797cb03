"""Wide tables scroll inside their own labelled, focusable region, never the whole page (WCAG 1.4.10
reflow); tests/browser/test_narrow_screen.py checks every signed-in page at 390 px."""

import re
from pathlib import Path

from bs4 import BeautifulSoup
from django.template import Context, Template

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# The print page (WeasyPrint's PDF) lays tables out on paper, never on a screen.
PRINT_ONLY = {"documents/render/print.html", "documents/render/_print_table.html"}


def test_a_scroll_region_is_labelled_and_takes_keyboard_focus():
    html = Template(
        '{% load govuk %}{% scroll_region label %}<table class="govuk-table"></table>'
        "{% endscroll_region %}"
    ).render(Context({"label": "Actions <due>"}))
    region = BeautifulSoup(html, "html.parser").div
    assert region["role"] == "region"
    assert region["aria-label"] == "Actions <due>"  # escaped in the markup, read back here
    assert region["tabindex"] == "0"
    assert "masa-table-wrapper" in region["class"]
    assert region.table is not None
    assert "&lt;due&gt;" in html


def test_every_table_on_a_screen_page_is_inside_a_scroll_region():
    outside = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name in PRINT_ONLY:
            continue
        depth = 0
        for token in re.findall(r"{%\s*(?:end)?scroll_region\b|<table\b", path.read_text()):
            if token.startswith("<table"):
                if depth == 0:
                    outside.append(name)
            else:
                depth += -1 if "endscroll_region" in token else 1
    assert outside == []


def test_the_stylesheet_scrolls_the_region_and_shows_its_focus():
    css = (Path(__file__).resolve().parents[2] / "static" / "masa" / "masa.css").read_text()
    rule = re.search(r"\.masa-table-wrapper \{([^}]*)\}", css).group(1)
    assert "overflow-x: auto" in rule
    # govuk-visually-hidden text is absolutely positioned: it must be clipped by the region too
    assert "position: relative" in rule
    assert ".masa-table-wrapper:focus" in css
