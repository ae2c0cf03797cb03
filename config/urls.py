from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("masa.core.urls")),
    path("account/", include("masa.accounts.urls")),
    path("statute/", include("masa.statute.urls")),
    path("coverage/", include("masa.geography.urls")),
    path("published/", include("masa.documents.published_index_urls")),
    path("published/<slug:slug>/", include("masa.documents.public_urls")),
    path("partnerships/", include("masa.partnerships.urls")),
    path("partnerships/<slug:slug>/compliance/", include("masa.compliance.urls")),
    path("partnerships/<slug:slug>/incidents/", include("masa.incidents.urls")),
    path("partnerships/<slug:slug>/reviews/", include("masa.reviews.urls")),
    path("partnerships/<slug:slug>/clocks/", include("masa.clocks.urls")),
    path("partnerships/<slug:slug>/actions/", include("masa.actions.urls")),
    path("partnerships/<slug:slug>/documents/dispatch/", include("masa.documents.dispatch_urls")),
    path("partnerships/<slug:slug>/documents/", include("masa.documents.urls")),
    path("partnerships/<slug:slug>/case-reads/", include("masa.casereads.urls")),
    path("partnerships/<slug:slug>/api-tokens/", include("masa.api.token_urls")),
    path("api/", include("masa.api.urls")),
    path("operators/admin/", admin.site.urls),
]

handler400 = "masa.core.views.bad_request"
handler403 = "masa.core.views.permission_denied"
handler404 = "masa.core.views.page_not_found"
handler500 = "masa.core.views.server_error"
