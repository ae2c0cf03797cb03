"""A section's Markdown narrative as safe HTML, for the web page, Word and PDF alike.

markdown-it-py in CommonMark mode with raw HTML switched off turns the text into HTML; nh3 (the
Rust `ammonia` sanitiser) then keeps only an allow-list of elements and attributes, and links only
to http, https and mailto addresses. Both steps are needed: the parser already escapes raw HTML,
and the sanitiser is the guarantee if a parser option or plugin ever lets something through.
"""

from __future__ import annotations

import functools

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset(
    {
        "p", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre",
        "br", "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"align"}, "td": {"align"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# Images are not part of a narrative (no alt text can be checked, and they would fetch from
# elsewhere): with the image rule off, `![alt](url)` reads as "!" and a link to the image.
# Section headings are h2 in every rendering; the author's headings sit beneath them.
_HEADING_LEVELS = {"h1": "h3", "h2": "h3", "h5": "h4", "h6": "h4"}


@functools.cache
def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").disable("image")
    )


def markdown_html(text: str) -> str:
    """Markdown → sanitised HTML. Empty text gives an empty string."""
    if not text.strip():
        return ""
    tokens = _parser().parse(text.replace("\x00", ""))
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag in _HEADING_LEVELS:
            token.tag = _HEADING_LEVELS[token.tag]
    html = _parser().renderer.render(tokens, _parser().options, {})
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
