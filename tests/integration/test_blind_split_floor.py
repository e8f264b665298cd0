"""The blind split's score may not fall below what it was once all its kinds were built.

The split is never tuned against (``tests/questions/README.md``): this test only stops a
change from quietly making it worse. When a general fix lifts the score, raise the floor.
The scorer runs in its own process, as ``f1 ask --json`` would (it sets its environment).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCORER = Path(__file__).parents[1] / "questions" / "score_blind.py"
RIGHT = ("correct", "refusal expected: refused")
# stop 21, all kinds built: 166 of 181 answered right, 37 of 38 refused as expected
FLOOR_RIGHT = 203
CEILING_CONFIDENTLY_WRONG = 4


def test_the_blind_split_does_not_get_worse(tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("F1_", "OPENAI_"))}
    subprocess.run(
        [sys.executable, str(SCORER), "--json", str(verdicts)],
        check=True,
        env=env,
        capture_output=True,
        timeout=600,
    )
    rows = json.loads(verdicts.read_text(encoding="utf-8"))
    right = sum(row["category"] in RIGHT for row in rows)
    wrong = [row["id"] for row in rows if "confidently wrong" in row["category"]]
    assert len(rows) == 219
    assert right >= FLOOR_RIGHT, f"{right} of {len(rows)} right"
    assert len(wrong) <= CEILING_CONFIDENTLY_WRONG, wrong
