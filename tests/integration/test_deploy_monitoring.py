"""deploy/: the alert rules pass promtool, and every metric the rules and the Grafana
dashboard name is one the service's /metrics really exposes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from tests.unit.test_http_app import make_client

DEPLOY = Path(__file__).parents[2] / "deploy"
RULES = DEPLOY / "prometheus" / "alerts.yml"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "f1-service.json"
_METRIC = re.compile(r"\b(f1_[a-z0-9_]+)")
_SUFFIXES = ("_bucket", "_count", "_sum")


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.skip("promtool is not installed (Debian package prometheus)")
    return found


def test_alert_rules_pass_promtool() -> None:
    result = subprocess.run(
        [promtool(), "check", "rules", str(RULES)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 4 rules found" in result.stdout
    names = {r["alert"] for g in yaml.safe_load(RULES.read_text())["groups"] for r in g["rules"]}
    assert names == {"F1HighErrorRate", "F1HighLatencyP99", "F1NotReady", "F1ArchiveStale"}


def test_prometheus_config_passes_promtool(tmp_path: Path) -> None:
    config = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    config["rule_files"] = [str(RULES)]  # where compose mounts it, here
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    result = subprocess.run(
        [promtool(), "check", "config", str(tmp_path / "prometheus.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def named_metrics() -> set[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    rules = [r["expr"] for g in yaml.safe_load(RULES.read_text())["groups"] for r in g["rules"]]
    names = set()
    for expr in exprs + rules:
        for name in _METRIC.findall(expr):
            for suffix in _SUFFIXES:
                name = name.removesuffix(suffix)
            names.add(name)
    return names


def test_every_metric_the_dashboard_and_rules_name_is_exposed(tmp_path: Path) -> None:
    names = named_metrics()
    assert {"f1_http_requests_total", "f1_archive_latest_race_timestamp_seconds"} <= names
    with make_client(tmp_path) as client:
        assert client.get("/healthz").status_code == 200
        body = client.get("/metrics").text
    exposed = set(re.findall(r"^# TYPE (\S+) ", body, flags=re.MULTILINE))
    # prometheus_client names a counter's family without _total in TYPE lines
    exposed |= {f"{n}_total" for n in exposed}
    assert names - exposed == set()
    assert "f1_ready 1.0" in body
    assert "f1_archive_latest_race_timestamp_seconds 0.0" in body  # empty archive here


def test_dashboard_panels_cover_the_headline_figures() -> None:
    titles = [p["title"] for p in json.loads(DASHBOARD.read_text())["panels"]]
    for wanted in (
        "Request rate",
        "Error rate",
        "Latency percentiles",
        "Answers by kind",
        "cache hit rate",
        "FastF1 session load",
        "Database pool",
        "Archive freshness",
    ):
        assert any(wanted.lower() in t.lower() for t in titles), wanted


def test_compose_provisions_prometheus_grafana_and_the_proxy() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"api", "db", "redis", "proxy", "prometheus", "grafana"} <= set(services)
    for name in ("proxy", "prometheus", "grafana"):
        for volume in services[name]["volumes"]:
            source = volume.split(":", 1)[0]
            if source.startswith("./") and not source.endswith("certs"):
                assert (DEPLOY / source).exists(), (name, source)
    assert "443:443" in services["proxy"]["ports"]
