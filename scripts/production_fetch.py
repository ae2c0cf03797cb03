"""Fetches pages from a MASA served by gunicorn with production settings (run by scripts/check-production).

Usage: production_fetch.py BASE_URL. Prints one line per check; exits 1 on the first failure.
"""

from __future__ import annotations

import re
import sys
import time
import urllib.error
import urllib.request
from email.message import Message
from urllib.parse import urljoin

from bs4 import BeautifulSoup

HASHED = re.compile(r"\.[0-9a-f]{12}\.[a-z]+$")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, *, https: bool = True) -> tuple[int, Message, bytes]:
    # The load balancer terminates TLS and says so in X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER).
    headers = {"X-Forwarded-Proto": "https"} if https else {}
    request = urllib.request.Request(url, headers=headers)
    try:
        with _opener.open(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def check(condition: bool, message: str) -> None:
    if not condition:
        print(f"FAIL {message}", file=sys.stderr)
        sys.exit(1)
    print(f"ok   {message}")


def wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            fetch(base + "/")
            return
        except OSError:
            time.sleep(0.5)
    check(False, f"gunicorn answers on {base} within 60 s")


def page(base: str, path: str, *, expect: str) -> BeautifulSoup:
    status, headers, body = fetch(base + path)
    check(status == 200, f"GET {path} is 200 (got {status})")
    check(headers.get_content_type() == "text/html", f"GET {path} is HTML")
    soup = BeautifulSoup(body, "html.parser")
    check(expect in soup.get_text(" "), f"GET {path} shows {expect!r}")
    for header in ("Content-Security-Policy", "Permissions-Policy", "Strict-Transport-Security"):
        check(bool(headers.get(header)), f"GET {path} sends {header}")
    return soup


def static_files(base: str, page_url: str, soup: BeautifulSoup) -> None:
    urls = [link["href"] for link in soup.select("link[rel~=stylesheet][href]")]
    urls += [script["src"] for script in soup.select("script[src]")]
    check(len(urls) >= 3, f"the page links its stylesheets and scripts ({len(urls)})")
    for url in urls:
        check(bool(HASHED.search(url)), f"{url} has the manifest's content hash")
        status, headers, body = fetch(urljoin(page_url, url))
        check(status == 200 and len(body) > 0, f"GET {url} is 200 with content (got {status})")
        check("immutable" in headers.get("Cache-Control", ""), f"{url} is cached for good")
        if url.endswith(".css"):
            check(headers.get_content_type() == "text/css", f"{url} is CSS")
            check(b".govuk-" in body or b".masa-" in body, f"{url} holds the service's styles")
        if url.endswith((".js", ".mjs")):
            # A module's relative imports must resolve on the server too.
            for imported in re.findall(rb'from\s*"(\.[^"]+)"', body):
                target = urljoin(urljoin(page_url, url), imported.decode())
                status, _, _ = fetch(target)
                check(status == 200, f"{url} imports {imported.decode()}: 200 (got {status})")


def main(base: str) -> None:
    wait_for(base)
    status, headers, _ = fetch(base + "/", https=False)
    check(
        status == 301 and headers.get("Location", "").startswith("https://"),
        f"plain HTTP is redirected to HTTPS (got {status} {headers.get('Location')})",
    )
    home = page(base, "/", expect="MASA")
    static_files(base, base + "/", home)
    sign_in = page(base, "/account/sign-in/", expect="Sign in")
    check(
        bool(sign_in.select_one("form[method=post] input[name=password]")),
        "the sign-in page has its password field",
    )
    statute = page(base, "/statute/", expect="Working Together")
    check(bool(statute.select("table tbody tr")), "the public statute library lists requirements")
    page(base, "/accessibility/", expect="Accessibility")
    status, _, _ = fetch(base + "/no-such-page/")
    check(status == 404, f"an unknown page is a 404, not a server error (got {status})")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
