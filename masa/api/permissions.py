"""Who may use the API for a partnership: its own token, or a signed-in person with case access
(readers read; editors also write)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from rest_framework import permissions

from masa.incidents.access import can_edit_cases, can_read_cases
from masa.partnerships.models import Partnership

from .models import ApiToken


class PartnershipCaseAccess(permissions.BasePermission):
    message = "You may not use the API for this partnership"

    def has_permission(self, request: Any, view: Any) -> bool:
        token = request.auth if isinstance(request.auth, ApiToken) else None
        if token is None and not request.user.is_authenticated:
            return False  # DRF answers 401
        partnership = get_object_or_404(Partnership, slug=view.kwargs["slug"])
        view.partnership = partnership
        if token is not None:
            return token.partnership_id == partnership.pk
        if request.method in permissions.SAFE_METHODS:
            return can_read_cases(request.user, partnership)
        return can_edit_cases(request.user, partnership)
