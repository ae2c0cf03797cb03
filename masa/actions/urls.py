from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("", views.action_list, name="list"),
    path("export.csv", views.action_export_csv, name="export-csv"),
    path("themes/", views.theme_list, name="themes"),
    path("recommendations/", views.recommendation_list, name="recommendations"),
    path("recommendations/add/", views.recommendation_add, name="recommendation-add"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation"),
    path(
        "recommendations/<int:pk>/status/",
        views.recommendation_status,
        name="recommendation-status",
    ),
    path("recommendations/<int:pk>/add-action/", views.action_add, name="add"),
    path("<int:pk>/", views.action_detail, name="detail"),
    path("<int:pk>/update/", views.update_add, name="update-add"),
    path("<int:pk>/status/", views.action_status, name="status"),
    path("<int:pk>/sign-off/", views.action_sign_off, name="sign-off"),
]
