"""The phrasing check: an LLM may reword an answer, but may not add a fact to it.

Every number and every name in the new text must already occur in the computed answer
(its paragraph, table, source or query). The check fails closed: a word it cannot
place makes the whole text unfit, and the plain computed paragraph is kept instead.
"""

from __future__ import annotations

import re

import msgspec

from f1core.domain.answer import Answer
from f1core.text import fold as _fold

# "1:11.383", "0.214", "2024", "1,234.5": one token each; signs and units are dropped.
_NUMBER = re.compile(r"\d+(?:[:,]\d+)*(?:\.\d+)?")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)

# Capitalised words that carry no fact: sentence starts, calendar and racing vocabulary.
# Anything else capitalised counts as a name and must be found in the answer.
_COMMON_WORDS = """
    a an the and or but so yet as at by for from in into of on onto over to with without
    after before behind ahead during while when where which who whose whom what that this
    these those there their they them he him his she her hers it its we our you your i
    was were is are be been being had has have did does do not no nor only also just then
    than both each every all any some most more less least few many much one
    first second third fourth fifth last next previous final overall
    meanwhile however still again indeed notably overall finally moreover
    grand prix gp race sprint qualifying quali shootout practice session pole position
    lap laps fastest best time times gap gaps pace stint stints tyre tyres tire tires
    soft medium hard intermediate wet compound compounds driver drivers team teams
    championship title season round points point wins win winner podium career
    formula f1 p1 p2 p3 s km h
    """
_COMMON = frozenset(_COMMON_WORDS.split())


def _numbers(text: str) -> set[str]:
    return {_canonical_number(m) for m in _NUMBER.findall(text)}


def _canonical_number(token: str) -> str:
    token = token.replace(",", "")
    if "." in token and ":" not in token:
        # 0.2140 and 0.214 state the same fact; 214 and 0.214 do not.
        token = token.rstrip("0").rstrip(".") or "0"
    return token


def _answer_corpus(answer: Answer) -> str:
    cells: list[str] = [answer.text, answer.source, " ".join(answer.table.columns)]
    for row in answer.table.rows:
        cells.extend(_cell_forms(cell) for cell in row)
    cells.append(msgspec.json.encode(answer.query).decode())
    if answer.question:
        cells.append(answer.question)
    return "\n".join(cells)


def _cell_forms(cell: object) -> str:
    if isinstance(cell, float):
        # The paragraph writes floats as people do: 25.0 points is "25", 0.5 is "0.5".
        return f"{cell} {cell:g} {cell:.3f}"
    return "" if cell is None else str(cell)


def unsupported_facts(text: str, answer: Answer) -> tuple[str, ...]:
    """The numbers and names in ``text`` that ``answer`` does not contain, in text order."""
    corpus = _answer_corpus(answer)
    known_numbers = _numbers(corpus)
    known_words = {_fold(w).strip(".'’-") for w in _WORD.findall(corpus)}
    problems: list[str] = []
    for token in _NUMBER.findall(text):
        if _canonical_number(token) not in known_numbers:
            problems.append(token)
    for word in _WORD.findall(text):
        bare = word.strip(".'’-")
        if not bare or not (bare[0].isupper() or bare.isupper()):
            continue
        folded = _fold(bare)
        possessive = folded.removesuffix("'s").removesuffix("’s")
        if folded in _COMMON or possessive in _COMMON:
            continue
        if folded in known_words or possessive in known_words:
            continue
        problems.append(bare)
    return tuple(dict.fromkeys(problems))


def is_faithful(text: str, answer: Answer) -> bool:
    """True when ``text`` states only numbers and names found in ``answer`` (and is not empty)."""
    return bool(text.strip()) and not unsupported_facts(text, answer)
