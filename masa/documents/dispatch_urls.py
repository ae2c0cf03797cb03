"""Staff pages for the documents' clocks and dispatches, under
/partnerships/<slug>/documents/dispatch/ (config/urls.py includes this before the documents' own
pages)."""

from django.urls import path

from . import dispatch_views as views

app_name = "document_dispatch"

urlpatterns = [
    path("", views.dispatch_index, name="index"),
    path("<int:pk>/", views.dispatch_version, name="version"),
    path("<int:pk>/<slug:recipient>/", views.dispatch_send, name="send"),
]
