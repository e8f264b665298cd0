"""Answers: the charts (Vega-Lite specs and their SVG fallback) and the phrasing check."""
