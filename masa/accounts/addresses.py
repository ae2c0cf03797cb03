"""Where a request comes from, as the sign-in log and the lockout count it.

Behind a load balancer every request arrives from the balancer's address; the client's is the one
the outermost trusted proxy appended to X-Forwarded-For. That header is believed only when
MASA_PROXY_COUNT says how many proxies stand in front of MASA: anyone can send the header, so
otherwise it would let an attacker choose the address that gets locked out.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    proxies = settings.MASA_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if not forwarded:
        return remote
    # Each of our `proxies` appends the address it saw: the client is that many from the right.
    chosen = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    return _valid(chosen) or remote


def user_agent(request: HttpRequest) -> str:
    return str(request.META.get("HTTP_USER_AGENT", ""))[:300]
