"""Renderers of a document version's content (`masa.documents.content.DocumentContent`): the GOV.UK
web fragment, a standalone page, Word and PDF, and the charts they share. Each reads only the
content, so every format of a version says the same thing."""

from .docx import render_docx
from .html import render_html, render_standalone
from .pdf import render_pdf

__all__ = ["render_docx", "render_html", "render_pdf", "render_standalone"]
