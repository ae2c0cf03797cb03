"""Operators' Django admin: every registered model's list and add pages open."""

import pytest
from django.contrib import admin
from django.urls import reverse

from masa.accounts.models import User

pytestmark = pytest.mark.django_db


def test_every_admin_page_opens_for_an_operator(client):
    operator = User.objects.create_superuser("operator", password="operator-password")
    client.force_login(operator)
    opened = 0
    for model in admin.site._registry:
        meta = model._meta
        for view in ("changelist", "add"):
            response = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}"))
            assert response.status_code in {200, 403}, (meta.label, view, response.status_code)
            opened += response.status_code == 200
    assert opened > 20


def test_admin_is_for_staff_only(client):
    client.force_login(User.objects.create_user("viewer", password="viewer-password"))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
