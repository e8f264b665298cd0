"""Login throttling: how failed logins slow down the next attempts, as pure arithmetic.

Failures are counted per (account, address) and per address, never per account alone:
an account-wide count lets anyone lock the owner out by failing on purpose from
anywhere. Each counter lets a few failures go free; after those, every failure doubles
the wait before the next attempt is heard, from 1 s up to 15 minutes (a delay, never a
lock). Every 15 minutes without a failure forgives one. A correct password from an
address with no recent failures is therefore always heard, whatever others do elsewhere.
"""

from __future__ import annotations

import ipaddress
import math
from datetime import datetime

import msgspec

FIRST_DELAY_S = 1
MAX_DELAY_S = 900
FORGIVE_EVERY_S = 900
FREE_FAILURES_PER_ACCOUNT_ADDRESS = 5
FREE_FAILURES_PER_ADDRESS = 20
# IPv6 clients usually get a whole /64; counting single addresses would give one client
# 2**64 fresh counters.
IPV6_PREFIX = 64


class FailureCount(msgspec.Struct, frozen=True, kw_only=True):
    """Failed logins on one counter, as stored. Times are integer Unix milliseconds."""

    failures: int
    last_failure_ms: int
    # When every failure is forgiven: the store may forget the count from then on.
    forget_at_ms: int


class ThrottlePolicy(msgspec.Struct, frozen=True, kw_only=True):
    """How many failures each counter lets go before delays start."""

    free_per_account_address: int = FREE_FAILURES_PER_ACCOUNT_ADDRESS
    free_per_address: int = FREE_FAILURES_PER_ADDRESS


def to_ms(at: datetime) -> int:
    """An aware datetime as integer Unix milliseconds."""
    return math.floor(at.timestamp() * 1000)


def address_key(address: str) -> str:
    """The counter key of a client address: its /64 for IPv6, itself otherwise."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return f"addr:{address}"  # "local" (the CLI), "unknown" (no peer)
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"addr:{ip.ipv4_mapped}"
        return f"addr:{ipaddress.ip_network(f'{ip}/{IPV6_PREFIX}', strict=False)}"
    return f"addr:{ip}"


def account_address_key(account: str, address: str) -> str:
    """The counter key of one account (normalised username) from one address."""
    # The address part never contains "|", so the account part can be anything.
    return f"pair:{address_key(address).removeprefix('addr:')}|{account}"


def outstanding(count: FailureCount | None, now_ms: int) -> int:
    """Failures not yet forgiven at ``now_ms`` (one per FORGIVE_EVERY_S without failures)."""
    if count is None:
        return 0
    forgiven = max(0, now_ms - count.last_failure_ms) // (FORGIVE_EVERY_S * 1000)
    return max(0, count.failures - forgiven)


def delay_after(failures: int, free: int) -> int:
    """Seconds to wait after the ``failures``-th failure: 0 while free, then 1, 2, 4 ... 900."""
    beyond = failures - free
    if beyond <= 0:
        return 0
    # Capped before exponentiating, so a huge count never builds a huge integer.
    return min(MAX_DELAY_S, FIRST_DELAY_S << min(beyond - 1, 30))


def wait_seconds(count: FailureCount | None, now_ms: int, free: int) -> int:
    """Whole seconds (at least 1) until this counter hears another attempt; 0 if it does now."""
    if count is None:
        return 0
    until_ms = count.last_failure_ms + delay_after(outstanding(count, now_ms), free) * 1000
    if now_ms >= until_ms:
        return 0
    return max(1, math.ceil((until_ms - now_ms) / 1000))


def with_failure(count: FailureCount | None, now_ms: int) -> FailureCount:
    """The counter after one more failure at ``now_ms``."""
    failures = outstanding(count, now_ms) + 1
    return FailureCount(
        failures=failures,
        last_failure_ms=now_ms,
        forget_at_ms=now_ms + failures * FORGIVE_EVERY_S * 1000,
    )
