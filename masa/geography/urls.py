from django.urls import path

from . import views

app_name = "geography"

urlpatterns = [
    path("", views.coverage_page, name="coverage"),
    path("coverage.json", views.coverage_json_download, name="coverage-json"),
    path("coverage.csv", views.coverage_csv_download, name="coverage-csv"),
]
