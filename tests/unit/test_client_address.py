"""The client address behind proxies: X-Forwarded-For is read only from trusted peers."""

from __future__ import annotations

from typing import Any

import pytest

from entrypoints.http.client_address import TrustedProxies

PROXIES = TrustedProxies(["10.0.0.0/8", "::1/128"])


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "client"),
    [
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),  # an untrusted peer says nothing
        ("10.0.0.2", "198.51.100.1", "198.51.100.1"),
        ("10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # a spoofed first hop
        ("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.1.1.1", "198.51.100.1"),  # two proxies
        ("10.0.0.2", "10.3.3.3, 10.1.1.1", "10.3.3.3"),  # all trusted: the farthest
        ("10.0.0.2", "junk, 10.1.1.1", "10.1.1.1"),  # keep the last hop we vouch for
        ("10.0.0.2", "198.51.100.1:4711", "198.51.100.1"),
        ("::1", "[2001:db8::1]:443", "2001:db8::1"),
        ("::1", "2001:DB8::1", "2001:db8::1"),
        ("testclient", "198.51.100.1", "testclient"),  # not an IP: never a proxy
    ],
)
def test_client_of(peer: str, forwarded_for: str, client: str) -> None:
    assert PROXIES.client_of(peer, forwarded_for) == client


def _scope(peer: str, *headers: tuple[bytes, bytes]) -> dict[str, Any]:
    return {"type": "http", "client": (peer, 5555), "scheme": "http", "headers": list(headers)}


def test_apply_rewrites_client_and_scheme_only_for_a_trusted_peer() -> None:
    headers = ((b"x-forwarded-for", b"198.51.100.1"), (b"x-forwarded-proto", b"https"))
    trusted = _scope("10.0.0.2", *headers)
    PROXIES.apply(trusted)  # type: ignore[arg-type]
    assert (trusted["client"], trusted["scheme"]) == (("198.51.100.1", 0), "https")
    untrusted = _scope("203.0.113.9", *headers)
    PROXIES.apply(untrusted)  # type: ignore[arg-type]
    assert (untrusted["client"], untrusted["scheme"]) == (("203.0.113.9", 5555), "http")
    nobody = _scope("127.0.0.1", *headers)
    TrustedProxies([]).apply(nobody)  # type: ignore[arg-type]
    assert (nobody["client"], nobody["scheme"]) == (("127.0.0.1", 5555), "http")


def test_repeated_forwarded_for_headers_are_one_list() -> None:
    scope = _scope("10.0.0.2", (b"x-forwarded-for", b"6.6.6.6"), (b"x-forwarded-for", b"7.7.7.7"))
    PROXIES.apply(scope)  # type: ignore[arg-type]
    assert scope["client"] == ("7.7.7.7", 0)
