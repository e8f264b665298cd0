"""Names vulture reports as unused that frameworks, libraries or users call.

Regenerate candidates with ``vulture --make-whitelist``; add a name here only when
something outside our code uses it, and delete dead code instead.
"""

# ruff: noqa
# mypy: ignore-errors

# Litestar: handlers are routed by decorator, ``security`` is read by the framework
_.archive_version  # unused method (src/entrypoints/http/controllers/data.py)
_.history_answer  # unused method (src/entrypoints/http/controllers/ask.py)
_.history_item  # unused method (src/entrypoints/http/controllers/ask.py)
_.logout  # unused method (src/entrypoints/http/controllers/auth.py)
_.logout_everywhere  # unused method (src/entrypoints/http/controllers/auth.py)
_.rerun  # unused method (src/entrypoints/http/controllers/ask.py)
_.save  # unused method (src/entrypoints/http/controllers/ask.py)
_.session_analysis  # unused method (src/entrypoints/http/controllers/data.py)
_.session_summary  # unused method (src/entrypoints/http/controllers/data.py)
_.unsave  # unused method (src/entrypoints/http/controllers/ask.py)
security  # unused variable (src/entrypoints/http/controllers/admin.py)
security  # unused variable (src/entrypoints/http/controllers/ask.py)
security  # unused variable (src/entrypoints/http/controllers/data.py)

# click: commands registered by decorator; the context object
_.obj  # unused attribute (src/entrypoints/cli.py)
analyses  # unused function (src/entrypoints/cli.py)
disable  # unused function (src/entrypoints/cli_db.py)
import_  # unused function (src/entrypoints/cli_archive.py)
list_  # unused function (src/entrypoints/cli_db.py)
session_show  # unused function (src/entrypoints/cli.py)

# msgspec Structs: fields are part of the encoded data (API, snapshots, notebook)
archive_first  # unused variable (src/entrypoints/http/schemas.py)
session_load_mean_s  # ServiceStatus field (src/entrypoints/http/controllers/status.py)
db_pool_in_use  # ServiceStatus field
db_pool_size  # ServiceStatus field
archive_last_import  # ServiceStatus field
driver_number  # unused variable (src/f1core/domain/session.py)
flag  # unused variable (src/f1core/domain/session.py)
mean_slope_s_per_lap  # unused variable (src/f1core/analysis/long_runs.py)
pressure  # unused variable (src/f1core/domain/session.py)
refresh_expires_at  # unused variable (src/f1core/domain/accounts.py)
share_path  # unused variable (src/entrypoints/http/schemas.py)
team_color  # unused variable (src/f1core/domain/session.py)
timing  # unused variable (src/entrypoints/http/schemas.py)
token_type  # unused variable (src/f1core/domain/accounts.py)

# Public API of the notebook facade (called by users, not by the code)
_.analyses  # unused method (src/entrypoints/notebook.py)
_.to_dict  # unused method (src/entrypoints/notebook.py)
_.to_dict  # unused method (src/entrypoints/notebook.py)

# SQLAlchemy TypeDecorator hooks and settings
_.process_bind_param  # unused method (src/adapters/sql/tables.py)
_.process_result_value  # unused method (src/adapters/sql/tables.py)
cache_ok  # unused variable (src/adapters/sql/tables.py)
impl  # unused variable (src/adapters/sql/tables.py)

# Attributes set for libraries to read (requests-cache, ssl, nox, socketserver)
_.allowable_codes  # unused attribute (src/adapters/fastf1/replay.py)
_.check_hostname  # unused attribute (src/adapters/sql/engine.py)
_.daemon_threads  # unused attribute (tests/fake_openai_server.py)
_.default_venv_backend  # unused attribute (noxfile.py)
_.expire_after  # unused attribute (src/adapters/fastf1/replay.py)
_.needs_version  # unused attribute (noxfile.py)
_.reuse_venv  # unused attribute (noxfile.py)
disable_nagle_algorithm  # unused variable (tests/fake_openai_server.py)
protocol_version  # unused variable (tests/fake_openai_server.py)

# Protocol-required parameters (__aexit__) and stdlib handler hooks
_.do_POST  # unused method (tests/fake_openai_server.py)
_.handle_data  # unused method (tests/unit/test_web_router.py)
_.handle_endtag  # unused method (tests/unit/test_web_router.py)
_.handle_starttag  # unused method (tests/unit/test_web_router.py)
_.log_message  # unused method (tests/fake_openai_server.py)
_.do_GET  # unused method (tests/jolpica_replay.py)
after_request  # Litestar reads the controller attribute (entrypoints/http/controllers/data.py)
_.close_connection  # BaseHTTPRequestHandler reads it (tests/jolpica_replay.py)
exc_type  # unused variable (src/adapters/openai/client.py)
exc_type  # unused variable (src/adapters/sql/unit_of_work.py)
exc_type  # unused variable (src/f1core/ports/unit_of_work.py)
exc_type  # unused variable (tests/fake_openai_server.py)
exc_type  # unused variable (tests/fakes.py)

# nox sessions, pytest fixtures, markers and schemathesis hooks
_schemathesis_node_id  # unused function (tests/integration/test_http_schemathesis.py)
after_validate  # unused function (tests/integration/test_http_schemathesis.py)
api_schema  # unused function (tests/integration/test_http_schemathesis.py)
cli_env  # unused function (tests/integration/test_ask_e2e.py)
cli_env  # unused variable (tests/integration/test_ask_e2e.py)
cli_env  # unused variable (tests/integration/test_ask_e2e.py)
cli_env  # unused variable (tests/integration/test_ask_e2e.py)
demo  # unused function (noxfile.py)
lint  # unused function (noxfile.py)
postgresql_db  # unused function (tests/contract/conftest.py)
pytestmark  # unused variable (tests/e2e/test_web_app.py)
pytestmark  # unused variable (tests/e2e/test_web_chart.py)
pytestmark  # unused variable (tests/integration/test_archive_contract.py)
pytestmark  # unused variable (tests/integration/test_archive_full.py)
pytestmark  # unused variable (tests/integration/test_archive_update.py)
pytestmark  # unused variable (tests/integration/test_fastf1_source.py)
sqlite_db  # unused function (tests/contract/conftest.py)
tests  # unused function (noxfile.py)
vendor  # unused function (noxfile.py)
permissive_umask  # pytest fixture, requested by name (tests/integration/conftest.py)

# IPython: calls _ipython_display_ and _repr_mimebundle_(include=..., exclude=...) by name
_._ipython_display_  # unused method (src/entrypoints/notebook.py)
include  # unused variable (src/entrypoints/notebook.py)
exclude  # unused variable (src/entrypoints/notebook.py)

# Python: a module's __getattr__ serves its lazily imported names
__getattr__  # unused function (src/entrypoints/composition/__init__.py)
