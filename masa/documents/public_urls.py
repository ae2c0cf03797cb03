"""Public addresses of published documents (masa.documents.public), under /published/<slug>/."""

from django.urls import URLPattern, path

from . import public
from .arrangements_json import arrangements_json_view
from .yearly_report_json import yearly_report_json_view


def _document_paths(prefix: str, name: str) -> list[URLPattern]:
    """A document's page, downloads and history, for the current version and for version n."""
    kind = {"kind": name}
    docx, pdf = kind | {"fmt": "docx"}, kind | {"fmt": "pdf"}
    version = f"{prefix}/versions/<int:number>"
    return [
        path(f"{prefix}/", public.document_page, kind, name=name),
        path(f"{prefix}.docx", public.document_download, docx, name=f"{name}-docx"),
        path(f"{prefix}.pdf", public.document_download, pdf, name=f"{name}-pdf"),
        path(f"{prefix}/history/", public.history_page, kind, name=f"{name}-history"),
        path(f"{version}/", public.version_page, kind, name=f"{name}-version"),
        path(f"{version}.docx", public.version_download, docx, name=f"{name}-version-docx"),
        path(f"{version}.pdf", public.version_download, pdf, name=f"{name}-version-pdf"),
    ]


app_name = "public_documents"

urlpatterns = [
    path("", public.partnership_index, name="index"),
    *_document_paths("arrangements", "arrangements"),
    *_document_paths("yearly-report/<str:period>", "yearly-report"),
    path("arrangements.json", arrangements_json_view, name="arrangements-json"),
    path(
        "yearly-report/<str:period>/report.json",
        yearly_report_json_view,
        name="yearly-report-json",
    ),
]
