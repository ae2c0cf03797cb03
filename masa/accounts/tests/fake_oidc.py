"""A tiny OpenID provider on 127.0.0.1 for tests of single sign-on: the authorization redirect,
a token endpoint returning an RS256 ID token signed with a key made for the test, its JWKS and a
userinfo endpoint. It checks what Entra checks (client, secret, redirect URI, PKCE verifier) and
lets a test spoil the token (another audience, issuer or key) to see MASA refuse it."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLIENT_ID = "masa-test-client"
CLIENT_SECRET = "masa-test-secret"


class FakeProvider:
    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.signing_key = self.key  # a test may swap in another key: a forged signature
        self.kid = "test-key-1"
        self.claims: dict[str, Any] = {"sub": "entra-object-id-1", "email": "bm@example.org"}
        self.overrides: dict[str, Any] = {}
        self.grants: dict[str, dict[str, str]] = {}
        self.tokens: dict[str, dict[str, Any]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.issuer = f"{self.url}/tenant/v2.0"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def settings(self) -> dict[str, Any]:
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
            "MASA_OIDC_ISSUER": self.issuer,
        }

    def id_token(self, nonce: str) -> str:
        now = int(time.time())
        payload = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "nonce": nonce,
            **self.claims,
            **self.overrides,
        }
        return jwt.encode(payload, self.signing_key, algorithm="RS256", headers={"kid": self.kid})

    def jwks(self) -> dict[str, Any]:
        jwk = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/authorize":
                    if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
                        return self._json(400, {"error": "invalid_request"})
                    code = secrets.token_urlsafe(16)
                    provider.grants[code] = query
                    back = urlencode({"code": code, "state": query["state"]})
                    self.send_response(302)
                    self.send_header("Location", f"{query['redirect_uri']}?{back}")
                    self.end_headers()
                    return None
                if url.path == "/jwks":
                    return self._json(200, provider.jwks())
                if url.path == "/userinfo":
                    auth = self.headers.get("Authorization", "")
                    token = provider.tokens.get(auth.removeprefix("Bearer "))
                    if token is None:
                        return self._json(401, {"error": "invalid_token"})
                    return self._json(200, {**provider.claims, **provider.overrides})
                return self._json(404, {"error": "not_found"})

            def do_POST(self) -> None:
                if urlsplit(self.path).path != "/token":
                    return self._json(404, {"error": "not_found"})
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                grant = provider.grants.pop(form.get("code", ""), None)
                if (
                    grant is None
                    or form.get("client_id") != CLIENT_ID
                    or form.get("client_secret") != CLIENT_SECRET
                    or form.get("redirect_uri") != grant["redirect_uri"]
                ):
                    return self._json(400, {"error": "invalid_grant"})
                if "code_challenge" in grant:
                    verifier = form.get("code_verifier", "").encode()
                    digest = hashlib.sha256(verifier).digest()
                    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
                    if challenge != grant["code_challenge"]:
                        return self._json(400, {"error": "invalid_grant"})
                access = secrets.token_urlsafe(16)
                provider.tokens[access] = grant
                return self._json(
                    200,
                    {
                        "access_token": access,
                        "token_type": "Bearer",
                        "expires_in": 3600,
                        "id_token": provider.id_token(grant.get("nonce", "")),
                    },
                )

        return Handler
