from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("new/", views.document_add, name="add"),
    path("<int:pk>/", views.document_detail, name="document"),
    path("<int:pk>/new-version/", views.version_add, name="version-add"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/versions/<int:number>/details/", views.details_edit, name="details"),
    path("<int:pk>/versions/<int:number>/sign/", views.version_sign, name="sign"),
    path("<int:pk>/versions/<int:number>/publish/", views.version_publish, name="publish"),
    path(
        "<int:pk>/versions/<int:number>/sections/<slug:key>/",
        views.section_edit,
        name="section",
    ),
]
