from django.urls import path

from . import views

app_name = "incidents"

urlpatterns = [
    path("", views.incident_list, name="list"),
    path("add/", views.incident_add, name="add"),
    path("export.csv", views.incident_export_csv, name="export-csv"),
    path("<int:pk>/", views.incident_detail, name="detail"),
    path("<int:pk>/edit/", views.incident_edit, name="edit"),
    path("<int:pk>/history/", views.incident_history, name="history"),
    path("<int:pk>/status/", views.incident_status, name="status"),
    path("<int:pk>/sent/<slug:which>/", views.incident_sent, name="sent"),
    path("<int:pk>/clocks/pause/", views.clock_pause, name="clock-pause"),
    path("<int:pk>/clocks/extend/", views.clock_extend, name="clock-extend"),
]
