"""Bar charts for documents, drawn with matplotlib from a `Chart` block's data: SVG for the web page
and the PDF, PNG for Word. Output is deterministic (no date, a fixed hash salt), so the same
content always gives the same bytes, and nothing is fetched. Every chart is shown with its data
table by the renderers; the SVG also carries a <title> and a <desc> naming what it shows."""

from __future__ import annotations

import io
import re
import textwrap
from html import escape, unescape
from typing import Any

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from masa.documents.content import Chart

# GOV.UK palette colours with at least 3:1 contrast on white (WCAG 2.2 1.4.11), and a hatch per
# series so they differ without colour too.
COLOURS = ("#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#6f72af", "#b58840")
HATCHES = ("", "//", "..", "xx", "\\\\", "--")
TEXT = "#0b0c0c"

RC: dict[Any, Any] = {
    "svg.hashsalt": "masa-documents",
    "svg.fonttype": "none",  # text stays text: smaller, selectable, scales with the page
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Liberation Sans", "DejaVu Sans"],
    "font.size": 11,
    "axes.edgecolor": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "text.color": TEXT,
}


def _wrapped(label: str, width: int = 11) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _figure(chart: Chart) -> Figure:
    count = max(len(chart.labels), 1)
    figure = Figure(figsize=(max(6.0, min(0.9 * count + 2, 10.0)), 3.6), layout="constrained")
    axes = figure.subplots()
    series = chart.series or (("", tuple(0.0 for _ in chart.labels)),)
    width = 0.8 / len(series)
    positions = range(len(chart.labels))
    for index, (name, values) in enumerate(series):
        offset = (index - (len(series) - 1) / 2) * width
        axes.bar(
            [p + offset for p in positions],
            values,
            width=width,
            label=name or chart.unit,
            color=COLOURS[index % len(COLOURS)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white" if index % len(HATCHES) else None,
        )
    # long category names ("October to December 2024") wrap rather than run into each other
    axes.set_xticks(list(positions), [_wrapped(label) for label in chart.labels])
    axes.set_ylabel(chart.unit[:1].upper() + chart.unit[1:])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no half notifications
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#b1b4b6", linewidth=0.6)
    axes.set_axisbelow(True)
    if len(series) > 1:
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return figure


def describe(chart: Chart) -> str:
    """One plain sentence for the SVG's <desc>: what the bars count, over what, in which series."""
    labels = chart.labels
    over = (
        ", ".join(labels) if len(labels) <= 6 else f"{labels[0]} to {labels[-1]}"
    ) or "no categories"
    names = [name for name, _ in chart.series if name]
    series = f" ({' and '.join(names)})" if len(names) > 1 else ""
    return f"Bar chart of {chart.unit} for {over}{series}. The table below gives the figures."


def chart_svg(chart: Chart, *, id_prefix: str) -> str:
    """The chart as an inline <svg> element (no XML prolog) with role="img", <title> and <desc>.
    `id_prefix` makes its internal ids unique on a page with several charts."""
    with rc_context(RC):
        buffer = io.StringIO()
        _figure(chart).savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{id_prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{id_prefix}-{m.group(1)})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{id_prefix}-{m.group(1)}"', svg)
    # matplotlib writes its own <metadata>; the accessible name and description go first.
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, count=1, flags=re.S)
    # Its <style> would apply to the whole page: joins are a detail worth dropping for that.
    svg = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", "", svg, count=1, flags=re.S)
    svg = re.sub(r'\sstyle="([^"]*)"', _presentation_attributes, svg)
    # Fit the width of the page; the viewBox keeps the proportions.
    svg = re.sub(r'width="[^"]+" height="[^"]+"', 'width="100%"', svg, count=1)
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    opening_end = svg.index(">") + 1
    opening = svg[: opening_end - 1].rstrip("/")
    return (
        f'{opening} role="img" aria-labelledby="{title_id} {desc_id}" focusable="false">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(describe(chart))}</desc>' + svg[opening_end:]
    )


def _presentation_attributes(match: re.Match[str]) -> str:
    """`style="fill: #fff; stroke-width: 0.8"` as `fill="#fff" stroke-width="0.8"`: the same drawing,
    and the page's Content-Security-Policy (style-src 'self') blocks style attributes, not these.
    matplotlib writes only properties that SVG also has as attributes (fill, stroke…, font-size,
    font-family, text-anchor)."""
    declarations = (
        part.split(":", 1) for part in unescape(match.group(1)).split(";") if ":" in part
    )
    return "".join(
        f' {name.strip()}="{escape(value.strip())}"' for name, value in declarations if name.strip()
    )


def chart_png(chart: Chart, *, dpi: int = 150) -> bytes:
    with rc_context(RC):
        buffer = io.BytesIO()
        _figure(chart).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
