"""Settings read from the environment: the server's read deadlines."""

from __future__ import annotations

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
