"""Settings read from the environment: the server's read deadlines, the refresh grace."""

from __future__ import annotations

import re

import pytest

from entrypoints.settings import Settings
from f1core.errors import ConfigurationError


def test_read_deadlines_have_defaults_and_can_be_set() -> None:
    defaults = Settings.from_env({})
    assert (defaults.http_header_timeout, defaults.http_body_timeout) == (10.0, 30.0)
    custom = Settings.from_env({"F1_HTTP_HEADER_TIMEOUT": "2.5", "F1_HTTP_BODY_TIMEOUT": "60"})
    assert (custom.http_header_timeout, custom.http_body_timeout) == (2.5, 60.0)


@pytest.mark.parametrize("raw", ["soon", "0", "-1", "nan", "inf"])
def test_a_read_deadline_that_is_not_a_positive_number_is_refused(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="F1_HTTP_BODY_TIMEOUT must be a positive"):
        Settings.from_env({"F1_HTTP_BODY_TIMEOUT": raw})


def test_refresh_grace_defaults_to_five_seconds_and_zero_turns_it_off() -> None:
    assert Settings.from_env({}).refresh_grace_seconds == 5.0
    assert Settings.from_env({"F1_REFRESH_GRACE_SECONDS": "0"}).refresh_grace_seconds == 0.0
    assert Settings.from_env({"F1_REFRESH_GRACE_SECONDS": "2.5"}).refresh_grace_seconds == 2.5


@pytest.mark.parametrize("raw", ["soon", "-1", "61", "nan", "inf"])
def test_a_refresh_grace_outside_zero_to_a_minute_is_refused(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="F1_REFRESH_GRACE_SECONDS must be 0 to 60"):
        Settings.from_env({"F1_REFRESH_GRACE_SECONDS": raw})


def test_trusted_proxies_are_none_by_default_and_take_addresses_and_networks() -> None:
    assert Settings.from_env({}).trusted_proxies == ()
    listed = Settings.from_env({"F1_TRUSTED_PROXIES": " 10.0.0.7, 172.30.0.0/24 ,::1,"})
    assert listed.trusted_proxies == ("10.0.0.7/32", "172.30.0.0/24", "::1/128")


@pytest.mark.parametrize("raw", ["*", "localhost", "10.0.0.300", "10.0.0.0/33"])
def test_a_trusted_proxy_that_is_not_an_address_is_refused(raw: str) -> None:
    with pytest.raises(ConfigurationError, match=re.escape(f"; {raw!r} is neither")):
        Settings.from_env({"F1_TRUSTED_PROXIES": f"127.0.0.1,{raw}"})


def test_free_login_failures_default_to_five_and_twenty_and_can_be_raised() -> None:
    defaults = Settings.from_env({})
    assert defaults.login_free_failures_per_account_address == 5
    assert defaults.login_free_failures_per_address == 20
    assert defaults.redis_key_prefix == "f1"
    custom = Settings.from_env(
        {
            "F1_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS": "0",
            "F1_LOGIN_FREE_FAILURES_PER_ADDRESS": "1000",
            "F1_REDIS_KEY_PREFIX": "f1-staging",
        }
    )
    assert custom.login_free_failures_per_account_address == 0
    assert custom.login_free_failures_per_address == 1000
    assert custom.redis_key_prefix == "f1-staging"


@pytest.mark.parametrize("raw", ["many", "-1", "2.5"])
def test_a_free_failure_count_that_is_not_a_whole_number_is_refused(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="F1_LOGIN_FREE_FAILURES_PER_ADDRESS must be"):
        Settings.from_env({"F1_LOGIN_FREE_FAILURES_PER_ADDRESS": raw})
