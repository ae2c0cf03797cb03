from django.conf import settings
from django.http import HttpRequest


def sign_in(request: HttpRequest) -> dict[str, object]:
    return {
        "two_factor_off_in_demo": settings.MASA_DEMONSTRATION
        and not settings.MASA_TWO_FACTOR_REQUIRED,
        "single_sign_on": bool(getattr(settings, "OIDC_RP_CLIENT_ID", "")),
    }
