"""Narratives are Markdown; whatever is typed, only safe HTML comes out."""

import pytest
from bs4 import BeautifulSoup

from masa.documents.markdown import ALLOWED_TAGS, markdown_html


def test_markdown_becomes_html():
    html = markdown_html("## Our work\n\nWe **met** 12 times.\n\n- one\n- two\n\n> quoted")
    assert "<h3>Our work</h3>" in html  # section headings are h2: the author's sit beneath
    assert "<strong>met</strong>" in html
    assert "<ul>" in html and "<li>one</li>" in html
    assert "<blockquote>" in html


def test_tables_and_safe_links_survive():
    html = markdown_html(
        "| Partner | Share |\n|---|---|\n| Police | 30% |\n\n"
        "[Our site](https://example.org/lscp) and [write](mailto:lscp@example.org)"
    )
    assert "<table>" in html and "<td>Police</td>" in html
    assert 'href="https://example.org/lscp"' in html
    assert 'href="mailto:lscp@example.org"' in html
    assert 'rel="noopener noreferrer"' in html


def _elements(html):
    return BeautifulSoup(html, "html.parser").find_all(True)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src='https://evil.example'></iframe>",
        '<a href="https://x.example" onclick="alert(1)">x</a>',
        "<p style='background:url(javascript:alert(1))'>x</p>",
        "<svg onload=alert(1)>",
        "Text <b onmouseover=alert(1)>bold</b>",
    ],
)
def test_raw_html_is_shown_as_text_never_run(text):
    html = markdown_html(text)
    for element in _elements(html):
        assert element.name in ALLOWED_TAGS, html
        assert not [a for a in element.attrs if a.startswith("on") or a == "style"], html
    assert "&lt;" in html  # escaped, so the reader sees what was typed


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "<javascript:alert(1)>",
        "[x](  javascript:alert(1))",
        "[x](ftp://files.example/a)",  # the parser allows it; the sanitiser's allow-list does not
    ],
)
def test_unsafe_link_schemes_are_dropped(link):
    html = markdown_html(link)
    for element in _elements(html):
        href = element.get("href")
        assert href is None or href.split(":")[0] in ("http", "https", "mailto"), html


def test_empty_text_and_nul_bytes():
    assert markdown_html("") == ""
    assert markdown_html("   \n ") == ""
    assert "\x00" not in markdown_html("a\x00b")


def test_images_do_not_load_from_elsewhere():
    assert "<img" not in markdown_html("![logo](https://tracker.example/p.png)")
