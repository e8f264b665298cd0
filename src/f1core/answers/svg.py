"""A small SVG drawing of the simple Vega-Lite specs this package writes (bars, lines).

The notebook has no network to fetch vega-embed from, so it shows this drawing beside
the spec. It understands only the shapes ``f1core.answers.charts`` produces for ``bar``
and ``lines``; anything else (layers, stint ranges, grouped bars) returns None and the
caller shows the table alone.
"""

from __future__ import annotations

import html
from typing import Any

from f1core.domain.team_colours import CATEGORY10

_W, _H = 560, 320
_LEFT, _RIGHT, _TOP, _BOTTOM = 70, 110, 30, 60
_PALETTE = CATEGORY10


def render_svg(spec: dict[str, Any]) -> str | None:
    """An ``<svg>`` drawing of a bar or line spec, or None for any other shape."""
    mark = spec.get("mark")
    kind = mark.get("type") if isinstance(mark, dict) else mark
    values = spec.get("data", {}).get("values")
    encoding = spec.get("encoding", {})
    if not values or not isinstance(values, list):
        return None
    if kind == "bar" and "x2" not in encoding and "xOffset" not in encoding:
        return _bars(spec, values, encoding)
    if kind == "line" and "color" in encoding:
        return _lines(spec, values, encoding)
    return None


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


def _frame(title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" '
        f'font-family="sans-serif" font-size="11">'
        f'<text x="{_W / 2}" y="16" text-anchor="middle" font-size="13">{html.escape(title)}</text>'
        + "".join(body)
        + "</svg>"
    )


def _bars(spec: dict[str, Any], values: list[dict[str, Any]], enc: dict[str, Any]) -> str | None:
    horizontal = enc["x"].get("type") == "quantitative"
    cat_enc, val_enc = (enc["y"], enc["x"]) if horizontal else (enc["x"], enc["y"])
    cat, val = cat_enc["field"], val_enc["field"]
    rows = [(str(v[cat]), float(v[val])) for v in values if v.get(val) is not None]
    if not rows:
        return None
    numbers = [n for _, n in rows]
    zero = val_enc.get("scale", {}).get("zero", True)
    lo = min(0.0, *numbers) if zero else min(numbers)
    hi = max(0.0, *numbers) if zero else max(numbers)
    if not zero:
        pad = (hi - lo) * 0.1 or 1.0
        lo -= pad
    span = (hi - lo) or 1.0
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM
    body: list[str] = []
    step = (plot_h if horizontal else plot_w) / len(rows)
    for i, (label, number) in enumerate(rows):
        start = (min(number, 0.0) if zero else lo) - lo
        length = abs(number - (0.0 if zero else lo))
        if horizontal:
            x = _LEFT + start / span * plot_w
            y = _TOP + i * step
            w = length / span * plot_w
            body.append(
                f'<rect x="{x:.1f}" y="{y + 1:.1f}" width="{w:.1f}" height="{step - 2:.1f}" '
                f'fill="#4c78a8"><title>{html.escape(label)}: {_fmt(number)}</title></rect>'
                f'<text x="{_LEFT - 4}" y="{y + step / 2 + 4:.1f}" text-anchor="end">'
                f"{html.escape(label[:18])}</text>"
            )
        else:
            x = _LEFT + i * step
            h = length / span * plot_h
            y = _TOP + plot_h - ((max(number, 0.0) if zero else number) - lo) / span * plot_h
            body.append(
                f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{step - 2:.1f}" height="{h:.1f}" '
                f'fill="#4c78a8"><title>{html.escape(label)}: {_fmt(number)}</title></rect>'
                f'<text x="{x + step / 2:.1f}" y="{_TOP + plot_h + 14}" text-anchor="end" '
                f'transform="rotate(-45 {x + step / 2:.1f} {_TOP + plot_h + 14})">'
                f"{html.escape(label[:18])}</text>"
            )
    axis = html.escape(str(val_enc.get("title", val)))
    body.append(
        f'<text x="{_LEFT}" y="{_H - 4}" font-size="10">{axis}: {_fmt(lo)} to {_fmt(hi)}</text>'
    )
    return _frame(str(spec.get("title", "")), body)


def _lines(spec: dict[str, Any], values: list[dict[str, Any]], enc: dict[str, Any]) -> str | None:
    x, y, group = enc["x"]["field"], enc["y"]["field"], enc["color"]["field"]
    series: dict[str, list[tuple[float, float]]] = {}
    for v in values:
        if v.get(x) is None or v.get(y) is None:
            continue
        series.setdefault(str(v[group]), []).append((float(v[x]), float(v[y])))
    points = [p for pts in series.values() for p in pts]
    if not points:
        return None
    x_lo, x_hi = min(p[0] for p in points), max(p[0] for p in points)
    y_lo, y_hi = min(p[1] for p in points), max(p[1] for p in points)
    if enc["y"].get("scale", {}).get("zero", True):
        y_lo = min(0.0, y_lo)
    reverse = enc["y"].get("scale", {}).get("reverse", False)
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def sx(value: float) -> float:
        return _LEFT + (value - x_lo) / ((x_hi - x_lo) or 1.0) * plot_w

    def sy(value: float) -> float:
        share = (value - y_lo) / ((y_hi - y_lo) or 1.0)
        return _TOP + (share if reverse else 1 - share) * plot_h

    body = [
        f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" fill="none" '
        'stroke="#ccc"/>'
    ]
    for i, (name, pts) in enumerate(series.items()):
        colour = _PALETTE[i % len(_PALETTE)]
        path = " ".join(f"{sx(a):.1f},{sy(b):.1f}" for a, b in sorted(pts))
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5">'
            f"<title>{html.escape(name)}</title></polyline>"
        )
        if i < 20:
            body.append(
                f'<text x="{_W - _RIGHT + 8}" y="{_TOP + 12 * i + 8}" fill="{colour}">'
                f"{html.escape(name)}</text>"
            )
    x_title = html.escape(str(enc["x"].get("title", x)))
    y_title = html.escape(str(enc["y"].get("title", y)))
    body.append(
        f'<text x="{_LEFT}" y="{_H - 20}" font-size="10">{x_title}: {_fmt(x_lo)} to '
        f"{_fmt(x_hi)}</text>"
        f'<text x="{_LEFT}" y="{_H - 6}" font-size="10">{y_title}: {_fmt(y_lo)} to '
        f"{_fmt(y_hi)}{' (reversed)' if reverse else ''}</text>"
    )
    return _frame(str(spec.get("title", "")), body)
