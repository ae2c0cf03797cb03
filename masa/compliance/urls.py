from django.urls import path

from . import views

app_name = "compliance"

urlpatterns = [
    path("", views.matrix, name="matrix"),
    path("export/", views.export, name="export"),
    path("evidence/<int:pk>/remove/", views.evidence_remove, name="evidence-remove"),
    # Requirement ids contain dots ("ca2004.s16e.make-arrangements"): str, looked up in the view.
    path("<str:requirement_id>/", views.requirement, name="requirement"),
]
