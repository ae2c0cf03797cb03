from django.urls import path

from . import views

app_name = "casereads"

urlpatterns = [
    path("", views.read_list, name="list"),
    path("export.csv", views.read_export_csv, name="export-csv"),
]
