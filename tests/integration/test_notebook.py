"""The notebook facade as a notebook user meets it: the example notebook, executed."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from tests.integration.conftest import REPO_ROOT, recorded_replay_dir

from entrypoints.notebook import VEGA_LITE_MIME as VEGA_LITE
from entrypoints.notebook import connect
from entrypoints.settings import Settings


def test_example_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("F1_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("F1_FASTF1_REPLAY_DIR", str(recorded_replay_dir()))
    notebook = nbformat.read(REPO_ROOT / "examples" / "quickstart.ipynb", as_version=4)
    NotebookClient(
        notebook, timeout=300, resources={"metadata": {"path": str(REPO_ROOT)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("1:11.383" in h and "NOR" in h for h in html)
    # the fastest-lap chart goes out on its own as Vega-Lite, which JupyterLab draws
    # natively (in one bundle with text/html, JupyterLab would show the HTML instead)
    charts = [o["data"] for o in outputs if VEGA_LITE in o.get("data", {})]
    assert len(charts) == 1 and "text/html" not in charts[0]
    spec = charts[0][VEGA_LITE]
    assert spec["$schema"].endswith("/v5.json")
    colour = spec["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"], strict=True))["NOR"] == "#ff8000"
    assert "<svg" in charts[0]["image/svg+xml"]  # for front ends without Vega-Lite


def test_facade_renders_html_and_converts_to_pandas(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            **os.environ,
            "F1_DATA_DIR": str(tmp_path),
            "F1_FASTF1_REPLAY_DIR": str(recorded_replay_dir()),
        }
    )
    f1 = connect(settings)
    try:
        quali = f1.session(2019, "Monza", "Q")
        result = quali.fastest_lap()
        assert "<table>" in result._repr_html_()
        assert "1:19.307" in result._repr_html_()
        frame = quali.best_laps().to_pandas()
        assert frame.iloc[0]["Driver"] == "LEC"
        assert "fastest_lap" in dir(quali)
        # one bundle with every form: the chart for Vega-Lite front ends, HTML, text
        bundle = result._repr_mimebundle_()
        assert set(bundle) == {VEGA_LITE, "text/html", "text/plain"}
        assert bundle[VEGA_LITE] == result.chart
        assert "vega-lite-spec" in bundle["text/html"] and "<table>" in bundle["text/html"]
        pace = f1.session(2018, "Baku", "R").race_pace()
        spec = pace._repr_mimebundle_()[VEGA_LITE]
        assert [layer["mark"]["type"] for layer in spec["layer"]] == ["boxplot", "point"]
        assert "<svg" not in pace._repr_html_()  # beyond the SVG fallback: Vega-Lite only
        with pytest.raises(AttributeError):
            _ = quali.no_such_analysis
    finally:
        f1.close()
