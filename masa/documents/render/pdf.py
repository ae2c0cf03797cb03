"""A document version as PDF, printed by WeasyPrint from the standalone page (`render_standalone`),
so the PDF holds the same content as the web page and the Word file.

Nothing is fetched while printing: the page carries its own CSS and inline SVG, and the URL
fetcher allows only `data:` URLs, so neither a narrative link nor anything else reaches the network
or the file system."""

from __future__ import annotations

from masa.documents.content import DocumentContent

from .html import render_standalone


def render_pdf(content: DocumentContent) -> bytes:
    # Imported here: WeasyPrint is slow to load and most requests never print.
    from weasyprint import HTML, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=False)
    document = HTML(string=render_standalone(content), url_fetcher=fetcher, base_url=None)
    # Tagged PDF: headings, lists and tables keep their structure for screen readers.
    pdf = document.write_pdf(pdf_tags=True)
    assert pdf is not None  # write_pdf returns the bytes when given no target
    return pdf
