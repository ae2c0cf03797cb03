from django.urls import path

from . import views

app_name = "clocks"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("reminders/", views.reminder_settings, name="reminder-settings"),
]
