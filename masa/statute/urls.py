from django.urls import path

from . import views

app_name = "statute"

# Fixed paths first: requirement ids always contain a dot, so they never collide with these.
urlpatterns = [
    path("", views.requirement_list, name="list"),
    path("content-lists/", views.content_lists_page, name="content-lists"),
    path("relevant-agencies/", views.relevant_agencies_page, name="relevant-agencies"),
    path("export.json", views.export_json, name="export-json"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("<str:requirement_id>/", views.requirement_page, name="detail"),
]
