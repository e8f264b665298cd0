"""schemathesis against the OpenAPI document the service serves, without a token and as an
admin, with every default check of schemathesis and zero failures allowed.

A real ``f1 serve`` on loopback (one uvicorn worker) over a temporary SQLite database with
the recorded archive imported, the recorded FastF1 data and the offline interpreter. The
in-process ASGI transport is not used: it starts a new event loop per request, while the
app's async engine belongs to one loop. Generation is deterministic (derandomized, fixed
seed, no example database), so a run is repeatable; the number of generated cases and the
checks that ran are printed and written to ``artifacts/schemathesis.txt``.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from tests.integration.conftest import REPO_ROOT, embedded_env
from tests.serving import serve

PASSWORD = "correct horse battery"
ADMIN = "schemathesis-admin"
VIEWER = "schemathesis-viewer"
# Per operation and phase: about 2,150 generated cases per run (MIN_CASES is the floor),
# under 5 minutes for the module on a busy two-core machine.
MAX_EXAMPLES = 10
MIN_CASES = 1000
SEED = 20240623
ARTIFACT = REPO_ROOT / "artifacts" / "schemathesis.txt"
ARCHIVE_DIR = REPO_ROOT.parent / "shared/data/ergast-csv"

CONFIG = {
    "seed": SEED,
    "generation": {"deterministic": True, "max-examples": MAX_EXAMPLES, "database": "none"},
    "checks": {
        # Schema-valid is not the same as acceptable: a question nobody can answer, a
        # common password or an analysis a session cannot support is well-formed and
        # refused with 422, which RFC 9110 defines for exactly that. 400 stays a failure:
        # it means the schema let through something the server calls malformed.
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
        }
    },
}


def _f1(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from entrypoints.cli import main; main()", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"f1 {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


class Service:
    """The running server and an admin's access token (renewed when a test revokes it)."""

    def __init__(self, url: str, admin_id: int, viewer_id: int) -> None:
        self.url = url
        self.admin_id = admin_id
        self.viewer_id = viewer_id
        self.token = ""
        self.log_in()

    def log_in(self) -> None:
        r = httpx.post(
            f"{self.url}/api/v1/auth/login",
            json={"username": ADMIN, "password": PASSWORD},
            timeout=30,
        )
        assert r.status_code == 200, r.text
        self.token = r.json()["access_token"]

    @property
    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    data_dir = tmp_path_factory.mktemp("schemathesis")
    unlimited = "100000/minute"  # the fuzzer sends hundreds of requests from one address
    env = embedded_env(
        data_dir,
        F1_HTTP_RATE_LIMIT=unlimited,
        F1_HTTP_AUTH_RATE_LIMIT=unlimited,
        F1_HTTP_REGISTER_RATE_LIMIT=unlimited,
        F1_HTTP_ACCOUNT_RATE_LIMIT=unlimited,
        # Its wrong logins for the admin, all from 127.0.0.1, must not delay re-logging in.
        F1_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS="100000",
        F1_LOGIN_FREE_FAILURES_PER_ADDRESS="100000",
        F1_HTTP_LOG_REQUESTS="0",
    )
    # Archive routes answer 503 on an empty archive; imported, they have real data.
    _f1(env, "archive", "import", str(ARCHIVE_DIR))
    _f1(env, "user", "create", ADMIN, "--admin", "--password-stdin", stdin=PASSWORD + "\n")
    with serve(env, data_dir / "server.log") as server:
        url = server.url
        viewer = httpx.post(
            f"{url}/api/v1/auth/register", json={"username": VIEWER, "password": PASSWORD}
        )
        assert viewer.status_code == 201, viewer.text
        service = Service(url, admin_id=1, viewer_id=viewer.json()["id"])
        _seed_history(service)
        yield service


def _seed_history(service: Service) -> None:
    # A history entry and a saved answer with id 1, so that small generated ids reach
    # the success paths of the history and saved-answer routes, not only their 404s.
    with httpx.Client(base_url=service.url, headers=service.bearer, timeout=60) as client:
        asked = client.post(
            "/api/v1/ask", json={"question": "fastest lap 2024 spanish gp qualifying"}
        )
        assert asked.status_code == 200, asked.text
        assert "1:11.383" in asked.json()["text"]
        saved = client.post("/api/v1/history/1/save")
        assert saved.status_code == 201, saved.text


class Tally:
    """Generated cases per run, the statuses they got and the checks that judged them."""

    def __init__(self) -> None:
        self.cases: Counter[str] = Counter()
        self.statuses: dict[str, Counter[int]] = {}
        self.checks: set[str] = set()

    def record(self, run: str, case: Any, response: Any) -> None:
        self.cases[run] += 1
        self.statuses.setdefault(run, Counter())[response.status_code] += 1

    def report(self) -> str:
        lines = [f"schemathesis {schemathesis.__version__}, seed {SEED}, derandomized"]
        lines.append(f"max_examples {MAX_EXAMPLES} per operation and phase")
        for run, count in sorted(self.cases.items()):
            by_status = ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses[run].items()))
            lines.append(f"{run}: {count} generated cases ({by_status})")
        lines.append(f"total: {sum(self.cases.values())} generated cases")
        lines.append("checks: " + ", ".join(sorted(self.checks)))
        return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def tally() -> Iterator[Tally]:
    tally = Tally()
    yield tally
    text = tally.report()
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(text)
    print("\n" + text)


@pytest.fixture(scope="module")
def api_schema(service: Service, tally: Tally) -> Any:
    loaded = schemathesis.openapi.from_url(
        f"{service.url}/schema/openapi.json", config=SchemathesisConfig.from_dict(CONFIG)
    )

    @loaded.hook
    def after_validate(context: Any, case: Any, response: Any, results: list[Any]) -> None:
        tally.checks.update(result.name for result in results)

    return loaded


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(autouse=True)
def _schemathesis_node_id(request: pytest.FixtureRequest) -> None:
    # schemathesis 4.32 renames each operation's subtest through ``node._nodeid``, an
    # attribute pytest 9.2 no longer has (the id lives in ``_id``). Provide it; the
    # subtests then report under the test's own id.
    node: Any = request.node
    if not hasattr(node, "_nodeid"):
        node._nodeid = node.nodeid


@schema.parametrize()
def test_api_without_a_token(case: Any, tally: Tally) -> None:
    response = case.call_and_validate(timeout=60)
    tally.record("without a token", case, response)
    secured = bool(case.operation.definition.raw.get("security"))
    if secured and case.method.upper() == case.operation.method.upper():
        # The run proves something only if the guards held: nothing secured answered.
        assert response.status_code >= 400, response.text


@schema.parametrize()
def test_api_as_admin(case: Any, service: Service, tally: Tally) -> None:
    if str((case.path_parameters or {}).get("user_id")) == str(service.admin_id):
        # Once the fuzzer has promoted some user, the admin could disable or demote
        # itself, and every later case would be a 401/403 that tests nothing. Aim those
        # cases at a viewer instead; the last-admin refusal has its own unit test.
        case.path_parameters["user_id"] = service.viewer_id
    response = case.call_and_validate(headers=service.bearer, timeout=60)
    tally.record("as admin", case, response)
    if case.operation.path == "/api/v1/auth/logout-everywhere" and response.status_code == 204:
        service.log_in()  # the case revoked every token of the admin, as it should


def test_each_run_generated_enough_cases(tally: Tally) -> None:
    # Runs after the two runs above (file order): a schema or config change that starves
    # generation fails here instead of passing on a handful of cases.
    assert set(tally.cases) == {"without a token", "as admin"}, tally.cases
    assert min(tally.cases.values()) >= MIN_CASES, tally.report()
