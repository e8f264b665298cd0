"""Who the client is: the socket peer, unless that peer is a proxy the operator trusts.

Anybody can send ``X-Forwarded-For``; only a proxy we know appends to it truthfully. So
the header is read only when the peer is in ``F1_TRUSTED_PROXIES``, from the right: each
trusted hop vouches for the address left of it, and the first untrusted one is the
client. With no trusted proxies (the default) the header means nothing, and the address
that rate limits, the login throttle and the access log see is the peer's.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any, cast

from litestar.types import Scope

_SCHEMES = frozenset({"http", "https"})
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustedProxies:
    """The proxies allowed to say who the client is and whether it came over TLS."""

    def __init__(self, networks: Iterable[str]) -> None:
        self._networks: tuple[IpNetwork, ...] = tuple(
            ipaddress.ip_network(n, strict=False) for n in networks
        )

    def trusts(self, address: str) -> bool:
        """Whether ``address`` (an IP address; anything else is not trusted) is a proxy of ours."""
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self._networks)

    def client_of(self, peer: str, forwarded_for: str) -> str:
        """The client's address for a request from ``peer`` carrying ``forwarded_for``."""
        if not self.trusts(peer):
            return peer
        client = peer
        for hop in reversed(forwarded_for.split(",")):
            address = _address(hop)
            if address is None:
                break  # not written by a proxy of ours: keep the last hop we can vouch for
            client = address
            if not self.trusts(address):
                break
        return client

    def apply(self, scope: Scope) -> None:
        """Rewrite the scope's client (and scheme) from a trusted proxy's headers, in place."""
        if not self._networks:
            return
        raw = cast(dict[str, Any], scope)
        peer = raw.get("client")
        if not peer or not self.trusts(peer[0]):
            return
        forwarded_for = _header(raw, b"x-forwarded-for")
        if forwarded_for:
            raw["client"] = (self.client_of(peer[0], forwarded_for), 0)
        # The nearest proxy appends last: its word on the scheme is the one we can check.
        proto = _header(raw, b"x-forwarded-proto").rsplit(",", 1)[-1].strip().lower()
        if proto in _SCHEMES:
            raw["scheme"] = proto


def _header(scope: dict[str, Any], name: bytes) -> str:
    # Repeated headers are one list, in order (RFC 9110 5.3).
    return ",".join(v.decode("latin-1") for k, v in scope["headers"] if k == name)


def _address(hop: str) -> str | None:
    text = hop.strip()
    if text.startswith("["):  # [IPv6]:port
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:  # IPv4:port
        text = text.partition(":")[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None
