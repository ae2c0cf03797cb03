from django.urls import path

app_name = "statute"

urlpatterns: list = []
