from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_index, name="index"),
    path("settings/", views.review_settings, name="settings"),
    path("rapid/from-incident/<int:pk>/", views.rapid_review_start, name="rapid-review-start"),
    path("rapid/<int:pk>/", views.rapid_review_detail, name="rapid-detail"),
    path("rapid/<int:pk>/pack.docx", views.rapid_review_pack, name="rapid-pack"),
    path("rapid/<int:pk>/clocks/pause/", views.rapid_review_pause, name="rapid-pause"),
    path("rapid/<int:pk>/clocks/extend/", views.rapid_review_extend, name="rapid-extend"),
    path("rapid/<int:pk>/<slug:step>/", views.rapid_review_step, name="rapid-step"),
    path("practice/", views.practice_review_list, name="practice-list"),
    path("practice/add/", views.practice_review_add, name="practice-add"),
    path("practice/<int:pk>/", views.practice_review_detail, name="practice-detail"),
    path("practice/<int:pk>/clocks/pause/", views.practice_review_pause, name="practice-pause"),
    path("practice/<int:pk>/clocks/extend/", views.practice_review_extend, name="practice-extend"),
    path(
        "practice/<int:pk>/reviewers/<int:appointment>/remove/",
        views.reviewer_remove,
        name="reviewer-remove",
    ),
    path(
        "practice/<int:pk>/recommendations/add/",
        views.practice_recommendation_add,
        name="practice-recommendation-add",
    ),
    path("practice/<int:pk>/reports/upload/", views.practice_report_upload, name="report-upload"),
    path(
        "practice/<int:pk>/reports/<int:upload>/",
        views.practice_report_download,
        name="report-download",
    ),
    path("practice/<int:pk>/<slug:step>/", views.practice_review_step, name="practice-step"),
]
