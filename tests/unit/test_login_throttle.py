"""The login throttling policy: free failures, doubling delays, forgiveness (issue 9, item 5)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from f1core.domain.login_throttle import (
    FORGIVE_EVERY_S,
    MAX_DELAY_S,
    FailureCount,
    account_address_key,
    address_key,
    delay_after,
    outstanding,
    wait_seconds,
    with_failure,
)

T0 = 1_740_830_400_000  # 2025-03-01 12:00 UTC, in ms
FREE = 5


def failures(n: int, at: int = T0) -> FailureCount | None:
    count: FailureCount | None = None
    for _ in range(n):
        count = with_failure(count, at)
    return count


def test_free_failures_then_doubling_delays_capped_at_fifteen_minutes() -> None:
    delays = [delay_after(n, FREE) for n in range(1, 18)]
    assert delays == [0] * 5 + [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]
    assert delay_after(10**9, FREE) == MAX_DELAY_S


def test_wait_counts_down_from_the_last_failure() -> None:
    assert wait_seconds(None, T0, FREE) == 0
    assert wait_seconds(failures(5), T0, FREE) == 0
    sixth = failures(6)
    assert wait_seconds(sixth, T0, FREE) == 1
    assert wait_seconds(sixth, T0 + 999, FREE) == 1
    assert wait_seconds(sixth, T0 + 1000, FREE) == 0
    eighth = failures(8)
    assert wait_seconds(eighth, T0, FREE) == 4
    assert wait_seconds(eighth, T0 + 2500, FREE) == 2  # rounded up, never 0 while waiting


def test_one_failure_forgiven_per_quiet_period() -> None:
    count = failures(7)
    step = FORGIVE_EVERY_S * 1000
    assert outstanding(count, T0 + step - 1) == 7
    assert outstanding(count, T0 + step) == 6
    assert outstanding(count, T0 + 3 * step + 5) == 4
    assert outstanding(count, T0 + 100 * step) == 0
    # A failure after a quiet spell starts from what is left, not from the old total.
    later = with_failure(count, T0 + 3 * step)
    assert later.failures == 5 and later.last_failure_ms == T0 + 3 * step
    assert later.forget_at_ms == T0 + 3 * step + 5 * step


def test_addresses_key_by_ip_and_ipv6_by_its_slash_64() -> None:
    assert address_key("203.0.113.9") == "addr:203.0.113.9"
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::2")
    assert address_key("2001:db8:1:2::1") == "addr:2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("::ffff:203.0.113.9") == "addr:203.0.113.9"
    assert address_key("local") == "addr:local"
    assert account_address_key("ana", "203.0.113.9") == "pair:203.0.113.9|ana"
    assert account_address_key("a|b", "local") != account_address_key("a", "b|local")


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=10**7))
def test_a_wait_never_outlasts_the_cap_nor_grows_with_time(n: int, later_ms: int) -> None:
    count = failures(n)
    now = wait_seconds(count, T0, FREE)
    assert 0 <= now <= MAX_DELAY_S
    assert wait_seconds(count, T0 + later_ms, FREE) <= now
