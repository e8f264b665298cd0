"""Score the offline interpreter on the blind split, the way ``f1 ask --json`` answers.

Each question goes through the composition root exactly as the CLI sends it (offline
interpreter, the recorded FastF1 replay, the Ergast archive imported on first use) and is
classified:

- correct: the right kind (or a neighbouring kind that answers the same question, listed
  in ``ANSWERED_BY``), the right slots, and every expected value in the answer's paragraph
  (or in a table row about the asked driver);
- refused: a clear error (exit 2 on the CLI);
- confidently wrong: an answer (exit 0) with the wrong kind, slots or values;
- crash: an unexpected exception (a traceback on the CLI);
- kinds the project has not built yet count apart: refused, or answered (wrongly unless
  an existing kind happened to answer it right, which is listed as such).

Run: ``.nox/tests/bin/python tests/questions/score_blind.py [-v] [ids...]``. It changes
nothing under ``src/``; it only reads the split, never tunes against it (README).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
SPLIT = Path(__file__).with_name("blind_split.json")
sys.path.insert(0, str(ROOT / "src"))

from f1core.kinds.registry import KINDS  # noqa: E402  (after src is on the path)

# The kinds built so far: the registry's (a kind the split names that is not there yet
# counts apart).
BUILT = {kind.name for kind in KINDS}

# Existing kinds whose answer legitimately carries what another kind asks for: "who won
# the race" is a classification or a race-winner; a season's champion is also the top of
# the standings. A neighbour still has to carry the right slots and values.
ANSWERED_BY: dict[str, set[str]] = {
    "classification": {
        "race-winner",
        "podium",
        "fastest-lap",
        "best-laps",
        "driver-session-summary",
        "race-summary",
    },
    "fastest-lap": {"classification", "best-laps"},
    "best-laps": {"classification", "fastest-lap"},
    "race-winner": {"classification", "podium", "race-summary"},
    "podium": {"classification", "race-summary"},
    "champion": {"standings"},
    "standings": {"champion", "career-stat", "archive-stat"},
    "season-head-to-head": {"teammate-head-to-head"},
    "career-stat": {"standings"},
    "most-wins": {"career-stat"},
    "teammates": {"best-laps"},
    "practice-order": {"classification", "best-laps", "fastest-lap"},
    "driver-pit-stops": {"strategy", "pit-stops"},
    "driver-session-summary": {"classification", "best-laps", "grid-vs-finish", "practice-order"},
    "race-summary": {"classification", "podium", "race-winner"},
    "starting-tyres": {"strategy"},
    "biggest-movers": {"grid-vs-finish"},
    "laps-completed": {"classification"},
    "teammate-head-to-head": {"season-head-to-head"},
    "historic-race": {
        "podium",
        "race-winner",
        "archive-stat",
        "qualifying-result",
        "race-classification",
    },
    "archive-stat": {"career-stat", "most-wins", "champion", "wins-at-circuit", "standings"},
}

# Expected slot name -> the query field that carries it.
SLOT_FIELDS = {
    "year": "year",
    "event": "event",
    "session": "session",
    "drivers": "drivers",
    "championship": "championship",
    "runner_up": "runner_up",
    "after_round": "after_round",
    "subject": "subject",
    "stat": "stat",
    "circuit": "circuit",
    "driver": "driver",
    "driver_a": "driver_a",
    "driver_b": "driver_b",
}


def norm(text: str) -> str:
    """Case, accents and punctuation folded, so 'Räikkönen' matches 'Raikkonen'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9:.+ ]", " ", text.casefold())).strip()


def _same_name(expected: str, given: str, text: str) -> bool:
    e, g = norm(expected), norm(given)
    if not g:
        return False
    surname = e.split(" ")[-1]
    return e == g or e in g or g in e or surname == g.split(" ")[-1] or (e in norm(text))


def slots_match(expect: dict[str, Any], query: dict[str, Any], text: str) -> list[str]:
    """The expected slots the query got wrong (empty when it matches)."""
    wrong = []
    for slot, value in expect.items():
        field = SLOT_FIELDS.get(slot)
        if field is None or field not in query:
            continue  # a slot of a kind not built yet, or one this variant does not carry
        got = query[field]
        if slot == "drivers":
            ok = set(value) <= set(got or ())
        elif slot in ("driver_a", "driver_b"):
            pair = [query.get("driver_a") or "", query.get("driver_b") or ""]
            ok = any(_same_name(value, g, "") for g in pair)
        elif isinstance(value, str):
            ok = isinstance(got, str) and _same_name(value, got, text)
        else:
            ok = got == value
        if not ok:
            wrong.append(f"{slot}: want {value!r}, got {got!r}")
    return wrong


_NO_DATA = re.compile(r"\bno \w+ data\b|not available|was not recorded", re.IGNORECASE)
# A paragraph says "won" or "took pole" rather than "position 1".
_WINNER = re.compile(r"\b(won|wins|pole|fastest|topped|quickest|led|first|p1)\b")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])")


def _number_present(value: float, text: str, tolerance: float) -> bool:
    return any(abs(float(n) - value) <= tolerance for n in _NUMBER.findall(text))


def _value_present(key: str, value: Any, haystack: str) -> bool:
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, list):
        return all(_value_present(key, v, haystack) for v in value)
    if isinstance(value, dict):
        return all(
            _value_present(key, k, haystack) and _value_present(key, v, haystack)
            for k, v in value.items()
        )
    if isinstance(value, int):
        if key == "position" and value == 1 and _WINNER.search(haystack):
            return True
        return re.search(rf"(?<![\d.]){value}(?:\.0+)?(?![\d]|\.\d)", haystack) is not None
    if isinstance(value, float):
        tolerance = 0.1 if key.startswith("gap") or "temp" in key else 0.0015
        return _number_present(value, haystack, tolerance)
    text = norm(str(value))
    if re.fullmatch(r"[a-z]{3}", text):  # a driver code
        return re.search(rf"\b{text}\b", haystack) is not None
    return text in haystack or text.split(" ")[-1] in haystack.split(" ")


def values_missing(expect: dict[str, Any], answer: dict[str, Any]) -> list[str]:
    """Expected values not found in the paragraph (or the asked driver's table rows)."""
    text = norm(answer["text"])
    drivers = expect["slots"].get("drivers") or []
    rows = [norm(" ".join(str(c) for c in r)) for r in answer.get("table", {}).get("rows", [])]
    subject = drivers[0] if len(drivers) == 1 else expect["answer"].get("driver")
    # The table may carry a figure the paragraph leaves out, but only for the driver the
    # paragraph is about: a session total with the driver's row somewhere below is wrong.
    if isinstance(subject, str) and re.search(rf"\b{norm(subject)}\b", text):
        code = norm(subject)
        text += " " + " ".join(r for r in rows if re.search(rf"\b{code}\b", r))
    missing = []
    for key, value in expect["answer"].items():
        if key == "faster" and len(drivers) == 2:
            other = next(d for d in drivers if d != value)
            a = re.search(rf"\b{norm(value)}\b", text)
            b = re.search(rf"\b{norm(other)}\b", text)
            ok = a is not None and (b is None or a.start() < b.start())
        else:
            ok = _value_present(key, value, text)
        if not ok:
            missing.append(f"{key}={value!r}")
    return missing


def classify(entry: dict[str, Any], outcome: dict[str, Any]) -> tuple[str, str]:
    """(category, detail) for one question and what the system did with it."""
    expect = entry["expect"]
    if "crash" in outcome:
        return "crash", outcome["crash"]
    if "refuse" in expect:
        if "refused" in outcome:
            return "refusal expected: refused", outcome["refused"]
        if _NO_DATA.search(outcome["answer"]["text"]):
            return "refusal expected: answered 'no data' with exit 0", _said(outcome)
        return "refusal expected: answered (confidently wrong)", _said(outcome)
    kind = expect["kind"]
    built = kind in BUILT
    if "refused" in outcome:
        return ("refused" if built else "kind not built yet: refused"), outcome["refused"]
    answer = outcome["answer"]
    query = answer["query"]
    problems = []
    if query["type"] != kind and query["type"] not in ANSWERED_BY.get(kind, set()):
        problems.append(f"kind {query['type']} (want {kind})")
    problems += slots_match(_comparable(kind, expect["slots"]), query, answer["text"])
    problems += values_missing(expect, answer)
    if not problems:
        if built:
            return "correct", _said(outcome)
        return "kind not built yet: answered right by an existing kind", _said(outcome)
    detail = "; ".join(problems) + " | " + _said(outcome)
    if built:
        return "confidently wrong", detail
    return "kind not built yet: answered (confidently wrong)", detail


def _comparable(kind: str, slots: dict[str, Any]) -> dict[str, Any]:
    """archive-stat slots in the words of the existing archive variants (subject, year)."""
    if kind != "archive-stat":
        return slots
    f = slots.get("filters", {})
    out: dict[str, Any] = {}
    if who := f.get("driver") or f.get("team"):
        out["subject"] = who
    if "season" in f:
        out["year"] = f["season"]
    return out


def _said(outcome: dict[str, Any]) -> str:
    answer = outcome["answer"]
    return f"{answer['query']['type']}: {answer['text'][:400]}"


def _environment(scratch: str) -> None:
    # The defaults the CLI uses offline: the replay, the archive, a scratch data dir.
    os.environ["F1_DATA_DIR"] = scratch
    os.environ["F1_FASTF1_REPLAY_DIR"] = str(DATA / "fastf1-http-cache")
    os.environ["F1_ARCHIVE_DIR"] = str(DATA / "ergast-csv")
    os.environ["F1_INTERPRETER"] = "offline"
    os.environ.pop("OPENAI_API_KEY", None)
    os.environ.pop("F1_LLM_PHRASING", None)
    sys.path.insert(0, str(ROOT / "src"))


async def _ask_all(questions: list[str]) -> list[dict[str, Any]]:
    import msgspec

    from entrypoints.composition import bootstrap
    from entrypoints.settings import Settings
    from f1core.errors import F1Error

    container = bootstrap(Settings.from_env())
    outcomes: list[dict[str, Any]] = []
    try:
        use_case = await container.ask.ask_question()
        for question in questions:
            try:
                answer = await use_case.execute(question, user_id=None)
            except F1Error as exc:
                outcomes.append({"refused": f"{exc.kind}: {exc.message}"})
            except Exception as exc:  # the CLI would print a traceback here
                outcomes.append({"crash": f"{type(exc).__name__}: {exc}"})
            else:
                outcomes.append({"answer": msgspec.to_builtins(answer)})
    finally:
        shutdown = container.shutdown_resources()
        if shutdown is not None:
            await shutdown
    return outcomes


ORDER = (
    "correct",
    "refused",
    "confidently wrong",
    "kind not built yet: answered right by an existing kind",
    "kind not built yet: refused",
    "kind not built yet: answered (confidently wrong)",
    "refusal expected: refused",
    "refusal expected: answered 'no data' with exit 0",
    "refusal expected: answered (confidently wrong)",
    "crash",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-v", "--verbose", action="store_true", help="show every question")
    parser.add_argument("--json", type=Path, help="also write every verdict to this file")
    parser.add_argument(
        "--split",
        type=Path,
        action="append",
        help="score this split file instead (repeatable; default blind_split.json)",
    )
    parser.add_argument("ids", nargs="*", help="only these question ids")
    args = parser.parse_args()
    split = [
        e
        for path in args.split or [SPLIT]
        for e in json.loads(path.read_text(encoding="utf-8"))
        if not args.ids or e["id"] in args.ids
    ]
    with tempfile.TemporaryDirectory(prefix="f1-blind-") as scratch:
        _environment(scratch)
        outcomes = asyncio.run(_ask_all([e["question"] for e in split]))
    verdicts = [(e, *classify(e, o)) for e, o in zip(split, outcomes, strict=True)]
    counts = Counter(v[1] for v in verdicts)
    for category in ORDER:
        print(f"{counts.get(category, 0):4d}  {category}")
    print(f"{len(verdicts):4d}  questions")
    built = [
        v for v in verdicts if "refuse" not in v[0]["expect"] and v[0]["expect"]["kind"] in BUILT
    ]
    if built:
        right = sum(v[1] == "correct" for v in built)
        print(f"existing kinds: {right}/{len(built)} correct ({100 * right / len(built):.0f}%)")
    for category in ORDER[1:]:
        listed = [v for v in verdicts if v[1] == category]
        if not listed or (category.endswith("refused") and not args.verbose):
            continue
        print(f"\n== {category}")
        for entry, _, detail in listed:
            print(f"{entry['id']}  {entry['question']}\n      {detail}")
    if args.verbose:
        print("\n== correct")
        for entry, category, detail in verdicts:
            if category == "correct":
                print(f"{entry['id']}  {entry['question']}\n      {detail}")
    if args.json:
        rows = [{"id": e["id"], "category": c, "detail": d} for e, c, d in verdicts]
        args.json.write_text(
            json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
