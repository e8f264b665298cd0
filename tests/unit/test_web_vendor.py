"""The vendored browser bundles under ``web/static/vendor``: built from ``web-build/``'s lock.

The service serves them itself (no CDN, no npm at run time); ``web-build/build.mjs``
stamps each with the exact versions it was built from, which must be the lock's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from entrypoints.web.router import STATIC_DIR

ROOT = Path(__file__).parents[2]
LOCK = ROOT / "web-build" / "package-lock.json"
MANIFEST = ROOT / "web-build" / "package.json"
VENDOR = STATIC_DIR / "vendor"
_HEADER = re.compile(r"^/\*! f1-analysis vendor build \(web-build/build\.mjs\): (.+) \*/$")


def _locked() -> dict[str, str]:
    packages = json.loads(LOCK.read_text())["packages"]
    return {
        path.removeprefix("node_modules/"): entry["version"]
        for path, entry in packages.items()
        if path.startswith("node_modules/")
    }


def _stamped(name: str) -> dict[str, str]:
    first = (VENDOR / name).read_text(encoding="utf-8").splitlines()[0]
    match = _HEADER.match(first)
    assert match, f"{name} has no build header: rebuild with `npm run build` in web-build/"
    return dict(item.rsplit("@", 1) for item in match[1].split())


@pytest.mark.parametrize(
    ("bundle", "packages"),
    [
        ("vega.js", {"vega", "vega-lite", "vega-embed", "vega-interpreter"}),
        ("vega.css", {"vega-embed", "vega-tooltip"}),
        ("swagger-ui.js", {"swagger-ui-dist"}),
        ("swagger-ui.css", {"swagger-ui-dist"}),
    ],
)
def test_each_bundle_is_built_from_the_locked_versions(bundle: str, packages: set[str]) -> None:
    stamped = _stamped(bundle)
    locked = _locked()
    assert packages <= set(stamped)
    assert {name: locked[name] for name in stamped} == stamped


def test_the_manifest_pins_exact_versions_the_lock_resolves() -> None:
    manifest = json.loads(MANIFEST.read_text())
    locked = _locked()
    for name, wanted in {**manifest["dependencies"], **manifest["devDependencies"]}.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), f"{name}: pin an exact version"
        assert locked[name] == wanted, name


def test_vega_lite_major_matches_the_specs_schema() -> None:
    # The answers' specs say Vega-Lite v5; a v6 bundle would warn on every chart.
    from f1core.answers.charts import VEGA_LITE_SCHEMA

    major = VEGA_LITE_SCHEMA.rsplit("/v", 1)[1].split(".")[0]
    assert _stamped("vega.js")["vega-lite"].split(".")[0] == major


def test_every_bundled_package_has_its_licence_shipped() -> None:
    licences = (VENDOR / "LICENSES.txt").read_text(encoding="utf-8")
    for name in ("vega", "vega-lite", "vega-embed", "vega-interpreter", "swagger-ui-dist"):
        assert f"== {name}@{_locked()[name]} ==" in licences
