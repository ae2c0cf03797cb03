from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

from . import api, views

app_name = "api"

NOTIFICATIONS = "v1/partnerships/<slug:slug>/notifications/"

urlpatterns = [
    path("", views.api_docs, name="docs"),
    path(
        "schema/",
        SpectacularAPIView.as_view(permission_classes=[AllowAny], authentication_classes=[]),
        name="schema",
    ),
    path(NOTIFICATIONS, api.NotificationListApi.as_view(), name="notifications"),
    path(
        NOTIFICATIONS + "<str:reference>/",
        api.NotificationDetailApi.as_view(),
        name="notification",
    ),
    path(
        NOTIFICATIONS + "<str:reference>/clocks/",
        api.NotificationClocksApi.as_view(),
        name="notification-clocks",
    ),
]
