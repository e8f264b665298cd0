"""The nesting depth of a JSON body, measured without decoding it."""

from __future__ import annotations

import pytest

from entrypoints.http.strict import json_depth


@pytest.mark.parametrize(
    ("body", "depth"),
    [
        (b'"text"', 0),
        (b"{}", 1),
        (b'{"a": [1, {"b": []}], "c": {}}', 4),
        (b'{"q": "[[[{{{"}', 1),
        (b'{"q": "a \\" [[[ \\\\"}', 1),  # escaped quotes do not end the string
        (b'{"q": "\\\\", "r": [[]]}', 3),  # an escaped backslash does
        (b"[[[[", 4),  # malformed: counted as far as it goes
    ],
)
def test_depth_counts_structure_not_text(body: bytes, depth: int) -> None:
    assert json_depth(body) == depth


def test_depth_stops_counting_past_the_limit() -> None:
    assert json_depth(b"[" * 100_000, limit=32) == 33
