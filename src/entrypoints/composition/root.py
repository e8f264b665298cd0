"""The root container: every sub-container around one ``Settings`` object.

Imported through ``entrypoints.composition`` (``from entrypoints.composition import
bootstrap``); importing it costs dependency-injector, SQLAlchemy and every adapter, which
is why the package only loads this module when ``Container`` or ``bootstrap`` is used.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from entrypoints.composition.accounts import AccountsContainer
from entrypoints.composition.archive import ArchiveContainer
from entrypoints.composition.ask import AskContainer
from entrypoints.composition.sessions import SessionsContainer
from entrypoints.composition.storage import StorageContainer
from entrypoints.settings import Settings
from f1core.usecases.history.answer_history_item import AnswerHistoryItem
from f1core.usecases.history.save_history_answer import SaveHistoryAnswer


class Container(containers.DeclarativeContainer):
    """Root container; sub-containers share the settings and the one database engine."""

    settings = providers.Dependency(instance_of=Settings)
    sessions = providers.Container(SessionsContainer, settings=settings)
    storage = providers.Container(StorageContainer, settings=settings)
    accounts = providers.Container(AccountsContainer, settings=settings, engine=storage.engine)
    archive = providers.Container(ArchiveContainer, settings=settings, engine=storage.engine)
    ask = providers.Container(
        AskContainer,
        settings=settings,
        loader=sessions.loader,
        historical_archive=archive.historical_archive,
        answer_cache=accounts.answer_cache,
        record_question=accounts.record_question,
    )
    # History use cases that answer again: they need both the accounts' storage and
    # the question-answering side.
    answer_history_item = providers.Factory(
        AnswerHistoryItem, uow=accounts.uow, answer_query=ask.answer_query
    )
    save_history_answer = providers.Factory(
        SaveHistoryAnswer, uow=accounts.uow, answer_query=ask.answer_query, clock=accounts.clock
    )


def bootstrap(settings: Settings | None = None) -> Container:
    """Build the container from ``settings`` (from the environment by default)."""
    return Container(settings=settings or Settings.from_env())
