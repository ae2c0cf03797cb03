"""/published/: every partnership's published documents (masa.documents.published_index)."""

from django.urls import path

from .published_index import published_index, published_index_json

app_name = "published"

urlpatterns = [
    path("", published_index, name="index"),
    path("index.json", published_index_json, name="index-json"),
]
