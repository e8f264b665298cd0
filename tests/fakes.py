"""In-memory fakes of the f1core ports, one per port; contract tests keep them honest."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import msgspec

from adapters.sql.archive_importer import LoadedDump, read_dump
from f1core.domain.accounts import (
    NewUser,
    RefreshTokenRecord,
    Role,
    User,
    UsernameTakenError,
    normalize_username,
    username_skeleton,
)
from f1core.domain.archive import (
    ArchiveCircuit,
    ArchiveDriver,
    ArchiveImport,
    ArchiveRace,
    ArchiveTeam,
    HeadToHead,
    Leaderboard,
    RaceEntry,
    RaceResult,
    SeasonChampions,
    StandingRow,
    Standings,
    SubjectKind,
    Tally,
)
from f1core.domain.archive_counting import (
    RaceLine,
    circuit_board,
    final_races,
    head_to_head_counts,
    names_of,
    race_summary,
    rank_leaders,
    standings_race,
    teams_in_order,
)
from f1core.domain.archive_names import ReferenceIndex
from f1core.domain.archive_race import (
    HistoricRace,
    QualifyingResult,
    RacePitStops,
    ResultLine,
    best_time,
    historic_race,
    qualifying_result,
    race_pit_stops,
)
from f1core.domain.archive_stat import (
    SEASON_METRICS,
    Match,
    Resolved,
    StatAnswer,
    StatSpec,
    counts_races,
    finish,
    resolve,
    started,
)
from f1core.domain.archive_teammates import Entry, TeammateBattle, season_battle
from f1core.domain.archive_teammates import resolve as resolve_teammates
from f1core.domain.history import (
    HistoryEntry,
    NewHistoryEntry,
    NewSavedAnswer,
    SavedAnswer,
)
from f1core.domain.login_throttle import FailureCount
from f1core.domain.session import (
    ClassificationRow,
    Driver,
    EventInfo,
    Lap,
    Session,
    SessionKind,
    SessionRef,
)
from f1core.errors import DataUnavailableError, F1Error, InvalidRequestError, SessionNotFoundError
from f1core.ports.login_failures import Change
from f1core.query import Interpretation, Query, Refusal

# ---- accounts and history ------------------------------------------------------------


class FakeClock:
    """A settable clock: ``clock()`` is the current instant, ``advance()`` moves it."""

    def __init__(self, start: datetime = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class FakeMonotonicClock:
    """A ``time.monotonic`` that moves only when told: ``clock.now += seconds``."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class FakePasswordHasher:
    """Reversible "hashes" tagged with a parameter version; counts the verifications done."""

    def __init__(self, version: int = 1) -> None:
        self.version = version
        self.verifications = 0

    async def hash(self, password: str) -> str:
        return f"fake$v{self.version}${password}"

    async def verify(self, password_hash: str, password: str) -> bool:
        self.verifications += 1
        _, _, stored = password_hash.partition("$")
        return stored.partition("$")[2] == password

    async def verify_dummy(self, password: str) -> None:
        self.verifications += 1

    def needs_rehash(self, password_hash: str) -> bool:
        return not password_hash.startswith(f"fake$v{self.version}$")


class FakeCommonPasswords:
    def __init__(self, passwords: tuple[str, ...] = ("password123", "qwertyuiop")) -> None:
        self._passwords = {p.casefold() for p in passwords}

    def contains(self, password: str) -> bool:
        return password.casefold() in self._passwords


@dataclasses.dataclass
class AccountsState:
    """What the fake database holds; each unit of work works on a copy until commit."""

    users: dict[int, User] = dataclasses.field(default_factory=dict)
    refresh_tokens: dict[str, RefreshTokenRecord] = dataclasses.field(default_factory=dict)
    history: dict[int, HistoryEntry] = dataclasses.field(default_factory=dict)
    saved_answers: dict[int, SavedAnswer] = dataclasses.field(default_factory=dict)
    next_id: int = 1

    def copy(self) -> AccountsState:
        # Values are frozen structs, so copying the dicts is a full snapshot.
        return AccountsState(
            dict(self.users),
            dict(self.refresh_tokens),
            dict(self.history),
            dict(self.saved_answers),
            self.next_id,
        )

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


class InMemoryUserRepository:
    def __init__(self, state: AccountsState) -> None:
        self._s = state

    async def add(self, user: NewUser) -> User:
        skeleton = username_skeleton(user.username)
        if await self.get_by_username(user.username) is not None or any(
            username_skeleton(u.username) == skeleton for u in self._s.users.values()
        ):
            raise UsernameTakenError(f"The username {user.username!r} is taken.")
        stored = User(
            id=self._s.new_id(),
            public_id=str(uuid.uuid4()),
            username=user.username,
            password_hash=user.password_hash,
            role=user.role,
            disabled=False,
            created_at=user.created_at,
        )
        self._s.users[stored.id] = stored
        return stored

    async def get(self, user_id: int) -> User | None:
        return self._s.users.get(user_id)

    async def get_by_public_id(self, public_id: str) -> User | None:
        return next((u for u in self._s.users.values() if u.public_id == public_id), None)

    async def get_by_username(self, username: str) -> User | None:
        key = normalize_username(username)
        return next(
            (u for u in self._s.users.values() if normalize_username(u.username) == key), None
        )

    async def list(self) -> tuple[User, ...]:
        return tuple(sorted(self._s.users.values(), key=lambda u: u.id))

    async def count(self) -> int:
        return len(self._s.users)

    def _replace(self, user_id: int, **changes: object) -> None:
        if user_id in self._s.users:
            self._s.users[user_id] = msgspec.structs.replace(self._s.users[user_id], **changes)

    async def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self._replace(user_id, password_hash=password_hash)

    async def set_role(self, user_id: int, role: Role) -> None:
        self._replace(user_id, role=role)

    async def set_disabled(self, user_id: int, disabled: bool) -> None:
        self._replace(user_id, disabled=disabled)

    async def set_tokens_valid_after(self, user_id: int, at: datetime) -> None:
        self._replace(user_id, tokens_valid_after=at.astimezone(UTC))


class InMemoryRefreshTokenRepository:
    def __init__(self, state: AccountsState) -> None:
        self._s = state

    async def add(self, record: RefreshTokenRecord) -> None:
        self._s.refresh_tokens[record.token_hash] = record

    async def get(self, token_hash: str) -> RefreshTokenRecord | None:
        return self._s.refresh_tokens.get(token_hash)

    async def mark_rotated(self, token_hash: str, at: datetime) -> bool:
        record = self._s.refresh_tokens.get(token_hash)
        if record is None or record.rotated_at is not None or record.revoked_at is not None:
            return False
        self._s.refresh_tokens[token_hash] = msgspec.structs.replace(record, rotated_at=at)
        return True

    async def set_successor(
        self, token_hash: str, successor_hash: str, sealed_successor: str
    ) -> None:
        record = self._s.refresh_tokens.get(token_hash)
        if record is not None:
            self._s.refresh_tokens[token_hash] = msgspec.structs.replace(
                record, replaced_by=successor_hash, sealed_successor=sealed_successor
            )

    async def revoke(self, token_hash: str, at: datetime) -> None:
        record = self._s.refresh_tokens.get(token_hash)
        if record is not None and record.revoked_at is None:
            self._s.refresh_tokens[token_hash] = msgspec.structs.replace(record, revoked_at=at)

    async def _revoke_where(self, keep: object, at: datetime, field: str) -> int:
        hashes = [
            h
            for h, r in self._s.refresh_tokens.items()
            if getattr(r, field) == keep and r.revoked_at is None
        ]
        for h in hashes:
            await self.revoke(h, at)
        return len(hashes)

    async def revoke_family(self, family_id: str, at: datetime) -> int:
        return await self._revoke_where(family_id, at, "family_id")

    async def revoke_all_for_user(self, user_id: int, at: datetime) -> int:
        return await self._revoke_where(user_id, at, "user_id")


class InMemoryHistoryRepository:
    def __init__(self, state: AccountsState) -> None:
        self._s = state

    async def add(self, entry: NewHistoryEntry) -> HistoryEntry:
        stored = HistoryEntry(
            id=self._s.new_id(),
            user_id=entry.user_id,
            question=entry.question,
            status=entry.status,
            interpreted_query=entry.interpreted_query,
            answer_summary=entry.answer_summary,
            timings_ms=dict(entry.timings_ms),
            created_at=entry.created_at,
        )
        self._s.history[stored.id] = stored
        return stored

    async def get(self, user_id: int, entry_id: int) -> HistoryEntry | None:
        entry = self._s.history.get(entry_id)
        return entry if entry is not None and entry.user_id == user_id else None

    async def list(
        self, user_id: int, *, limit: int, before_id: int | None = None
    ) -> tuple[HistoryEntry, ...]:
        mine = [
            e
            for e in self._s.history.values()
            if e.user_id == user_id and (before_id is None or e.id < before_id)
        ]
        return tuple(sorted(mine, key=lambda e: -e.id)[:limit])

    async def delete(self, user_id: int, entry_id: int) -> bool:
        if await self.get(user_id, entry_id) is None:
            return False
        del self._s.history[entry_id]
        for sid, saved in list(self._s.saved_answers.items()):
            if saved.history_id == entry_id:
                self._s.saved_answers[sid] = msgspec.structs.replace(saved, history_id=None)
        return True


class InMemorySavedAnswerRepository:
    def __init__(self, state: AccountsState) -> None:
        self._s = state

    async def add(self, answer: NewSavedAnswer) -> SavedAnswer:
        stored = SavedAnswer(id=self._s.new_id(), **msgspec.structs.asdict(answer))
        self._s.saved_answers[stored.id] = stored
        return stored

    async def get(self, user_id: int, answer_id: int) -> SavedAnswer | None:
        saved = self._s.saved_answers.get(answer_id)
        return saved if saved is not None and saved.user_id == user_id else None

    async def get_by_share_token(self, share_token: str) -> SavedAnswer | None:
        return next(
            (s for s in self._s.saved_answers.values() if s.share_token == share_token), None
        )

    async def list(self, user_id: int) -> tuple[SavedAnswer, ...]:
        mine = [s for s in self._s.saved_answers.values() if s.user_id == user_id]
        return tuple(sorted(mine, key=lambda s: -s.id))

    async def delete(self, user_id: int, answer_id: int) -> bool:
        if await self.get(user_id, answer_id) is None:
            return False
        del self._s.saved_answers[answer_id]
        return True


class FakeUnitOfWork:
    """``UnitOfWork`` over ``AccountsState``: writes become visible on commit only."""

    def __init__(self, state: AccountsState | None = None) -> None:
        self.state = state if state is not None else AccountsState()
        self._bind(self.state.copy())

    def _bind(self, work: AccountsState) -> None:
        self._work = work
        self.users = InMemoryUserRepository(work)
        self.refresh_tokens = InMemoryRefreshTokenRepository(work)
        self.history = InMemoryHistoryRepository(work)
        self.saved_answers = InMemorySavedAnswerRepository(work)

    async def __aenter__(self) -> Self:
        self._bind(self.state.copy())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.rollback()

    async def commit(self) -> None:
        self.state.__dict__.update(self._work.copy().__dict__)

    async def rollback(self) -> None:
        self._bind(self.state.copy())


class InMemoryAnswerCache:
    def __init__(self) -> None:
        self._entries: dict[str, bytes] = {}
        self._hits: dict[str, int] = {}

    async def get(self, key: str) -> bytes | None:
        if key not in self._entries:
            return None
        self._hits[key] = self._hits.get(key, 0) + 1
        return self._entries[key]

    async def put(self, key: str, answer_json: bytes) -> None:
        self._entries[key] = answer_json
        self._hits[key] = 0

    async def hits(self, key: str) -> int:
        return self._hits.get(key, 0)

    async def clear(self) -> int:
        count = len(self._entries)
        self._entries.clear()
        self._hits.clear()
        return count


class InMemoryLoginFailureStore:
    """``LoginFailureStore`` in a dict; no await between read and write, so atomic."""

    def __init__(self) -> None:
        self.counts: dict[str, FailureCount] = {}

    async def get(self, key: str) -> FailureCount | None:
        return self.counts.get(key)

    async def update(self, key: str, change: Change) -> FailureCount | None:
        new = change(self.counts.get(key))
        if new is None:
            self.counts.pop(key, None)
        else:
            self.counts[key] = new
        return new

    async def delete(self, key: str) -> None:
        self.counts.pop(key, None)


# ---- sessions and snapshots ----------------------------------------------------------

_WEEKEND = (
    SessionKind.FP1,
    SessionKind.FP2,
    SessionKind.FP3,
    SessionKind.QUALIFYING,
    SessionKind.RACE,
)


def make_event(
    year: int,
    round: int,
    name: str,
    country: str = "",
    location: str = "",
    sessions: tuple[SessionKind, ...] = _WEEKEND,
    official_name: str = "",
) -> EventInfo:
    """An ``EventInfo`` with a conventional weekend unless told otherwise."""
    return EventInfo(
        year=year,
        round=round,
        name=name,
        country=country,
        location=location,
        date=f"{year}-06-{min(round, 28):02d}",
        sessions=sessions,
        official_name=official_name,
    )


def make_lap(driver: str, number: int, time_ms: int | None, **changes: object) -> Lap:
    """A clean, accurate lap; ``changes`` overrides any field (``deleted=True``...)."""
    lap = Lap(
        driver=driver,
        number=number,
        time_ms=time_ms,
        sector1_ms=None,
        sector2_ms=None,
        sector3_ms=None,
        compound="SOFT",
        tyre_life=number,
        stint=1,
        pit_in_at_ms=None,
        pit_out_at_ms=None,
        position=None,
        track_status="1",
        accurate=True,
        deleted=False,
        deleted_reason="",
        speed_i1=None,
        speed_i2=None,
        speed_fl=None,
        speed_st=None,
        start_at_ms=None,
        end_at_ms=None,
    )
    return msgspec.structs.replace(lap, **changes) if changes else lap


def make_session(
    event: EventInfo, kind: SessionKind, laps: tuple[Lap, ...] = (), source: str = "fake"
) -> Session:
    """A session of ``event`` whose drivers and classification follow from ``laps``."""
    codes = list(dict.fromkeys(lap.driver for lap in laps))
    best = {
        c: min((lap.time_ms for lap in laps if lap.driver == c and lap.time_ms), default=None)
        for c in codes
    }
    order = sorted(codes, key=lambda c: (best[c] is None, best[c] or 0))
    drivers = tuple(Driver(c, str(i + 1), c.title(), "Team") for i, c in enumerate(codes))
    results = tuple(
        ClassificationRow(
            position=i + 1,
            classified=str(i + 1),
            driver=c,
            number=str(codes.index(c) + 1),
            full_name=c.title(),
            team="Team",
            grid=None,
            status="",
            points=None,
            q1_ms=best[c] if kind.is_qualifying_like else None,
            q2_ms=None,
            q3_ms=None,
            time_ms=None,
            laps=None,
        )
        for i, c in enumerate(order)
    )
    return Session(
        ref=SessionRef(event.year, event.name, kind),
        event=event,
        drivers=drivers,
        laps=laps,
        results=results,
        weather=(),
        messages=(),
        source=source,
    )


class FakeSessionSource:
    """``SessionSource`` over given calendars and sessions; records every call.

    Behaves as the FastF1 adapter does: unknown season or event and sessions the event
    did not hold raise ``SessionNotFoundError``; a held session it has no data for raises
    ``DataUnavailableError``. ``failures`` makes a load raise until the entry is removed;
    ``delay`` (seconds) keeps loads in flight long enough to overlap.
    ``knows_sessions=False`` plays FastF1 live: ``known_sessions`` cannot tell (None).
    """

    def __init__(
        self,
        calendars: dict[int, tuple[EventInfo, ...]] | None = None,
        sessions: tuple[Session, ...] = (),
        *,
        delay: float = 0.0,
        knows_sessions: bool = True,
    ) -> None:
        self.calendars = dict(calendars or {})
        self.sessions = {s.ref: s for s in sessions}
        self.delay = delay
        self.knows_sessions = knows_sessions
        self.failures: dict[SessionRef, F1Error] = {}
        self.load_calls: list[SessionRef] = []
        self.events_calls: list[int] = []

    async def events(self, year: int) -> tuple[EventInfo, ...]:
        self.events_calls.append(year)
        if year not in self.calendars:
            raise SessionNotFoundError(f"no calendar for {year}")
        return self.calendars[year]

    async def load(self, ref: SessionRef) -> Session:
        self.load_calls.append(ref)
        if self.delay:
            await asyncio.sleep(self.delay)
        if ref in self.failures:
            raise self.failures[ref]
        event = next((e for e in self.calendars.get(ref.year, ()) if e.name == ref.event), None)
        if event is None:
            raise SessionNotFoundError(f"no event named {ref.event!r} in {ref.year}")
        if ref.kind not in event.sessions:
            raise SessionNotFoundError(f"the {ref.year} {ref.event} had no {ref.kind.label}")
        if ref not in self.sessions:
            raise DataUnavailableError(f"timing data for the {ref} is not available")
        return self.sessions[ref]

    async def known_sessions(self, year: int) -> frozenset[tuple[str, SessionKind]] | None:
        if not self.knows_sessions:
            return None
        return frozenset((ref.event, ref.kind) for ref in self.sessions if ref.year == year)


class InMemorySnapshotStore:
    """``SnapshotStore`` in dicts; counts reads and writes."""

    def __init__(self) -> None:
        self.sessions: dict[SessionRef, Session] = {}
        self.calendars: dict[int, tuple[EventInfo, ...]] = {}
        self.session_reads = 0
        self.session_writes = 0

    async def get_session(self, ref: SessionRef) -> Session | None:
        self.session_reads += 1
        return self.sessions.get(ref)

    async def put_session(self, session: Session) -> None:
        self.session_writes += 1
        self.sessions[session.ref] = session

    async def get_events(self, year: int) -> tuple[EventInfo, ...] | None:
        return self.calendars.get(year)

    async def put_events(self, year: int, events: tuple[EventInfo, ...]) -> None:
        self.calendars[year] = events


# ---- historical archive --------------------------------------------------------------


class InMemoryHistoricalArchive:
    """``HistoricalArchive`` and ``ArchiveImporter`` over plain lists in memory.

    It reads a dump with the same CSV reader as the SQL importer (parsing is not what
    the contract tests are about) but answers every query with its own Python loops.
    An import builds the new state completely before swapping it in, so a failed
    import leaves the previous one, as the port promises.
    """

    def __init__(self) -> None:
        self._state: _ArchiveState | None = None
        self._imports: list[ArchiveImport] = []

    async def import_dump(self, directory: Path) -> ArchiveImport:
        dump = read_dump(directory)
        state = _ArchiveState(dump)
        record = ArchiveImport(
            id=len(self._imports) + 1,
            source_dir=str(dump.directory),
            checksum=dump.checksum,
            imported_at=datetime.now(UTC),
            row_counts=dump.row_counts(),
            duration_s=0.0,
        )
        self._state = state
        self._imports.append(record)
        return record

    async def data_version(self) -> ArchiveImport | None:
        return self._imports[-1] if self._imports else None

    def _s(self) -> _ArchiveState:
        if self._state is None:
            raise DataUnavailableError(
                "the historical archive is empty: load it with `f1 archive import DIR`"
            )
        return self._state

    async def race_result(self, year: int, event: str, *, top: int = 3) -> RaceResult:
        s = self._s()
        return self._classification(s.results_by_race, year, event, top, "results")

    async def sprint_result(self, year: int, event: str) -> RaceResult:
        s = self._s()
        by_race: dict[int, list[dict[str, Any]]] = {}
        for r in s.sprint_results:
            by_race.setdefault(r["race_id"], []).append(r)
        return self._classification(by_race, year, event, 99, "sprint results")

    def _classification(
        self, by_race: dict[int, list[dict[str, Any]]], year: int, event: str, top: int, what: str
    ) -> RaceResult:
        s = self._s()
        race = s.index.race(year, event)
        rows = sorted(by_race.get(race.id, []), key=lambda r: r["position_order"])
        if not rows:
            raise SessionNotFoundError(f"the {year} {race.name} has no {what} in the archive yet")
        entries = tuple(
            RaceEntry(
                position=r["position"],
                position_text=r["position_text"],
                driver=s.index.drivers[r["driver_id"]].name,
                driver_ref=s.index.drivers[r["driver_id"]].ref,
                code=s.index.drivers[r["driver_id"]].code,
                team=s.index.teams[r["constructor_id"]].name,
                grid=r["grid"],
                laps=r["laps"],
                time=r["time"],
                status=s.status[r["status_id"]],
                points=float(r["points"]),
            )
            for r in rows[: max(top, 1)]
        )
        return RaceResult(race=race_summary(s.index, race), entries=entries)

    async def standings(
        self, year: int, *, after_round: int | None = None, constructors: bool = False
    ) -> Standings:
        s = self._s()
        race = s.standings_race(year, after_round, constructors)
        season = s.index.season(year)
        return Standings(
            year=year,
            kind="constructors" if constructors else "drivers",
            after_round=race.round,
            round_name=race.name,
            final=race.round == season[-1].round,
            rows=s.standing_rows(race, constructors),
        )

    async def champions(self, year: int) -> SeasonChampions:
        s = self._s()
        race = s.standings_race(year, None, False)
        drivers = s.standing_rows(race, False)
        teams: tuple[StandingRow, ...] = ()
        if any(r.id in s.team_standings for r in s.index.season(year)):
            teams = s.standing_rows(s.standings_race(year, None, True), True)
        return SeasonChampions(
            year=year,
            complete=race.round == s.index.season(year)[-1].round,
            after_round=race.round,
            champion=drivers[0],
            runner_up=drivers[1] if len(drivers) > 1 else None,
            constructors_champion=teams[0] if teams else None,
            constructors_runner_up=teams[1] if len(teams) > 1 else None,
        )

    async def tally(self, subject: str, *, kind: SubjectKind, year: int | None = None) -> Tally:
        s = self._s()
        who: ArchiveDriver | ArchiveTeam
        if kind == "driver":
            who = s.index.driver(subject, year=year)
            key, standings = "driver_id", s.driver_standings
        else:
            who = s.index.team(subject, year=year)
            key, standings = "constructor_id", s.team_standings
        mine = [
            r
            for r in s.results
            if r[key] == who.id and (year is None or s.index.races[r["race_id"]].year == year)
        ]
        finals = final_races(s.index, frozenset(standings), year)
        own = [
            (race_id, row) for race_id in finals for row in standings[race_id] if row[key] == who.id
        ]
        return Tally(
            kind=kind,
            name=who.name,
            ref=who.ref,
            year=year,
            entries=len({r["race_id"] for r in mine}),
            wins=len({r["race_id"] for r in mine if r["position"] == 1}),
            poles=len({r["race_id"] for r in mine if r["grid"] == 1}),
            podiums=sum(1 for r in mine if r["position"] is not None and r["position"] <= 3),
            points=sum(float(row["points"]) for _, row in own),
            championship_position=own[0][1]["position"] if year is not None and own else None,
            titles=sum(1 for race_id, row in own if row["position"] == 1 and finals[race_id]),
        )

    async def most_wins(
        self, *, kind: SubjectKind = "driver", year: int | None = None, limit: int = 10
    ) -> Leaderboard:
        s = self._s()
        key = "driver_id" if kind == "driver" else "constructor_id"
        winners: dict[int, set[int]] = {}
        for r in s.results:
            if r["position"] == 1 and (year is None or s.index.races[r["race_id"]].year == year):
                winners.setdefault(r[key], set()).add(r["race_id"])
        scope = "all time" if year is None else str(year)
        who = "drivers" if kind == "driver" else "constructors"
        return Leaderboard(
            title=f"Most wins, {who}, {scope}",
            kind=kind,
            year=year,
            circuit=None,
            rows=rank_leaders(
                {k: len(v) for k, v in winners.items()}, names_of(s.index, kind), limit
            ),
        )

    async def wins_at_circuit(
        self, circuit: str, *, driver: str | None = None, limit: int = 10
    ) -> Leaderboard:
        s = self._s()
        place = s.index.circuit(circuit)
        who = s.index.driver(driver) if driver is not None else None
        winners: dict[int, set[int]] = {}
        for r in s.results:
            if r["position"] == 1 and s.index.races[r["race_id"]].circuit_id == place.id:
                winners.setdefault(r["driver_id"], set()).add(r["race_id"])
        counts = {k: len(v) for k, v in winners.items()}
        return circuit_board(s.index, place, counts, who, limit)

    async def head_to_head(self, year: int, driver_a: str, driver_b: str) -> HeadToHead:
        s = self._s()
        a = s.index.driver(driver_a, year=year)
        b = s.index.driver(driver_b, year=year)
        if a.id == b.id:
            raise InvalidRequestError(f"a head-to-head needs two drivers, got {a.name} twice")
        season = {r.id for r in s.index.season(year)}
        quali: dict[tuple[int, int], int] = {}
        for q in s.qualifying:
            if q["race_id"] in season and q["position"] is not None:
                k = (q["race_id"], q["driver_id"])
                quali[k] = min(quali.get(k, q["position"]), q["position"])

        def lines(driver_id: int) -> list[RaceLine]:
            return [
                RaceLine(
                    race_id=r["race_id"],
                    position_order=r["position_order"],
                    position=r["position"],
                    grid=r["grid"],
                    quali=quali.get((r["race_id"], driver_id)),
                )
                for r in s.results
                if r["driver_id"] == driver_id and r["race_id"] in season
            ]

        counts = head_to_head_counts(
            lines(a.id), lines(b.id), quali_races=frozenset(q["race_id"] for q in s.qualifying)
        )
        finals = final_races(s.index, frozenset(s.driver_standings), year)
        points = {
            row["driver_id"]: float(row["points"])
            for race_id in finals
            for row in s.driver_standings[race_id]
        }
        return HeadToHead(
            year=year,
            driver_a=a.name,
            driver_b=b.name,
            points_a=points.get(a.id, 0.0),
            points_b=points.get(b.id, 0.0),
            **msgspec.structs.asdict(counts),
        )

    async def historic_race(self, year: int, event: str) -> HistoricRace:
        s = self._s()
        race = s.index.race(year, event)
        rows = s.results_by_race.get(race.id, [])
        if not rows:
            raise SessionNotFoundError(f"the {year} {race.name} has no results in the archive yet")
        lines = [
            ResultLine(
                r["driver_id"],
                r["constructor_id"],
                r["position"],
                r["position_text"],
                r["position_order"],
                r["grid"],
                r["laps"],
                r["time"],
                s.status[r["status_id"]],
                r["fastest_lap"],
                r["rank"],
                r["fastest_lap_time"],
            )
            for r in rows
        ]
        poles = [q for q in s.qualifying if q["race_id"] == race.id and q["position"] == 1]
        pole = None
        if poles:
            q = poles[0]
            pole = (q["driver_id"], q["constructor_id"], best_time(q["q1"], q["q2"], q["q3"]))
        return historic_race(s.index, race, lines, pole)

    async def qualifying_result(self, year: int, event: str) -> QualifyingResult:
        s = self._s()
        race = s.index.race(year, event)
        rows = sorted(
            (
                (q["position"], q["driver_id"], q["constructor_id"], q["q1"], q["q2"], q["q3"])
                for q in s.qualifying
                if q["race_id"] == race.id
            ),
            key=lambda row: row[0] if row[0] is not None else 10**6,
        )
        return qualifying_result(s.index, race, rows)

    async def pit_stops(
        self, year: int, event: str, *, drivers: tuple[str, ...] = ()
    ) -> RacePitStops:
        s = self._s()
        race = s.index.race(year, event)
        ids = tuple(s.index.driver(d, year=year).id for d in drivers)
        rows = [
            (p["driver_id"], p["stop"], p["lap"], p["duration"], p["milliseconds"])
            for p in s.pit_stops
            if p["race_id"] == race.id
        ]
        return race_pit_stops(s.index, race, rows, ids)

    async def teammates(
        self, year: int, *, team: str | None = None, drivers: tuple[str, ...] = ()
    ) -> TeammateBattle:
        s = self._s()
        team_id, driver_ids = resolve_teammates(s.index, year, team, drivers)
        season = {r.id for r in s.index.season(year)}
        entries = [
            Entry(
                r["race_id"],
                r["driver_id"],
                r["constructor_id"],
                r["position_order"],
                r["position"],
                r["position_text"],
                r["grid"],
                float(r["points"]),
            )
            for r in s.results
            if r["race_id"] in season
        ]
        quali = {
            (q["race_id"], q["driver_id"], q["constructor_id"]): q["position"]
            for q in s.qualifying
            if q["race_id"] in season and q["position"] is not None
        }
        return season_battle(
            s.index,
            year,
            entries,
            quali,
            has_qualifying=bool(quali),
            team_id=team_id,
            driver_ids=driver_ids,
        )

    async def stat(self, spec: StatSpec) -> StatAnswer:
        """The statistic by plain loops over fact dicts (the SQL adapter groups in SQL)."""
        s = self._s()
        res = resolve(spec, s.index)
        season = spec.metric in SEASON_METRICS
        facts = s.season_facts(spec) if season else s.race_facts(spec)
        kept = [f for f in facts if _stat_filter(spec, res, f, season)]
        hits = [f for f in kept if _stat_hit(spec, f, season)]
        by_race = season or counts_races(spec)

        def measure(rows: list[dict[str, Any]]) -> float:
            if spec.metric == "points":
                return float(sum(f["points"] or 0 for f in rows))
            return float(
                len({f["race_id"] if by_race else (f["race_id"], f["driver_id"]) for f in rows})
            )

        agg = spec.aggregation
        if agg == "count":
            return finish(
                spec, res, s.index, value=measure(kept if spec.metric == "points" else hits)
            )
        groups: dict[Any, list[dict[str, Any]]] = {}
        field = "year" if agg == "per_season" else "subject_id"
        for f in kept:
            groups.setdefault(f[field], [])
        for f in hits if spec.metric != "points" else kept:
            groups[f[field]].append(f)
        if agg in ("most", "fewest", "count_distinct"):
            return finish(spec, res, s.index, grouped={k: measure(v) for k, v in groups.items()})
        if agg == "per_season":
            return finish(spec, res, s.index, seasons={k: measure(v) for k, v in groups.items()})
        if agg in ("youngest", "oldest"):
            pick = min if agg == "youngest" else max
            extremes: dict[int, Any] = {}
            for f in hits:
                k = f["subject_id"]
                extremes[k] = pick(extremes.get(k, f["date"]), f["date"])
            return finish(spec, res, s.index, extremes=extremes)
        if agg in ("first", "last") and hits:
            day = (min if agg == "first" else max)(f["date"] for f in hits)
            hits = [f for f in hits if f["date"] == day]
        return finish(
            spec,
            res,
            s.index,
            matches=[
                Match(
                    subject_id=f["subject_id"],
                    race_id=f["race_id"],
                    position=f["position"],
                    points=float(f["points"] or 0),
                )
                for f in hits
            ],
        )


def _stat_filter(spec: StatSpec, res: Resolved, f: dict[str, Any], season: bool) -> bool:
    checks = [
        spec.year_from is None or f["year"] >= spec.year_from,
        spec.year_to is None or f["year"] <= spec.year_to,
        res.circuit_id is None or f["circuit_id"] == res.circuit_id,
        res.driver_id is None or f["driver_id"] == res.driver_id,
        res.team_id is None or f["constructor_id"] == res.team_id,
        res.nationality_ids is None or f["subject_id"] in res.nationality_ids,
    ]
    if not season:
        checks.append(spec.grid is None or f["grid"] == spec.grid)
        checks.append(spec.position is None or f["position"] == spec.position)
    return all(checks)


def _stat_hit(spec: StatSpec, f: dict[str, Any], season: bool) -> bool:
    m, pos = spec.metric, f["position"]
    if season:
        want = 1 if m == "titles" else spec.position
        return want is None or pos == want
    return {
        "wins": pos == 1,
        "poles": f["grid"] == 1,
        "podiums": pos is not None and pos <= 3,
        "fastest_laps": f["rank"] == 1,
        "dnfs": f["position_text"] == "R",
        "races": f["position_order"] == 1,
        "starts": started(f["position_text"], f["grid"]),
    }.get(m, True)


class _ArchiveState:
    """One imported dump, indexed the simple way."""

    def __init__(self, dump: LoadedDump) -> None:
        races = [
            ArchiveRace(
                id=r["id"],
                year=r["year"],
                round=r["round"],
                circuit_id=r["circuit_id"],
                name=r["name"],
                date=r["date"],
            )
            for r in dump.records("archive_races")
        ]
        by_id = {r.id: r for r in races}
        self.results = dump.records("archive_results")
        self.qualifying = dump.records("archive_qualifying")
        self.pit_stops = (
            dump.records("archive_pit_stops") if "archive_pit_stops" in dump.columns else []
        )
        self.sprint_results = (
            dump.records("archive_sprint_results")
            if "archive_sprint_results" in dump.columns
            else []
        )
        self.status = {r["id"]: r["status"] for r in dump.records("archive_status")}
        self.results_by_race: dict[int, list[dict[str, Any]]] = {}
        entries: dict[int, dict[int, set[int]]] = {}
        team_seasons: dict[int, set[int]] = {}
        for r in self.results:
            self.results_by_race.setdefault(r["race_id"], []).append(r)
            year = by_id[r["race_id"]].year
            entries.setdefault(r["driver_id"], {}).setdefault(year, set()).add(r["race_id"])
            team_seasons.setdefault(r["constructor_id"], set()).add(year)
        self.driver_standings = self._by_race(dump.records("archive_driver_standings"))
        self.team_standings = self._by_race(dump.records("archive_constructor_standings"))
        self.index = ReferenceIndex(
            drivers=[
                ArchiveDriver(
                    id=d["id"],
                    ref=d["ref"],
                    code=d["code"],
                    forename=d["forename"],
                    surname=d["surname"],
                    nationality=d["nationality"] or "",
                    dob=d["dob"],
                )
                for d in dump.records("archive_drivers")
            ],
            teams=[
                ArchiveTeam(
                    id=c["id"], ref=c["ref"], name=c["name"], nationality=c["nationality"] or ""
                )
                for c in dump.records("archive_constructors")
            ],
            circuits=[
                ArchiveCircuit(
                    id=c["id"],
                    ref=c["ref"],
                    name=c["name"],
                    location=c["location"] or "",
                    country=c["country"] or "",
                )
                for c in dump.records("archive_circuits")
            ],
            races=races,
            driver_entries={
                d: {y: len(ids) for y, ids in seasons.items()} for d, seasons in entries.items()
            },
            team_seasons=team_seasons,
        )

    def race_facts(self, spec: StatSpec) -> list[dict[str, Any]]:
        rows = self.results + (self.sprint_results if spec.metric == "points" else [])
        team = spec.subject == "team" and spec.metric != "races"
        out = []
        for r in rows:
            race = self.index.races[r["race_id"]]
            out.append(
                {
                    **r,
                    "subject_id": r["constructor_id"] if team else r["driver_id"],
                    "year": race.year,
                    "circuit_id": race.circuit_id,
                    "date": race.date,
                }
            )
        return out

    def season_facts(self, spec: StatSpec) -> list[dict[str, Any]]:
        team = spec.subject == "team"
        table = self.team_standings if team else self.driver_standings
        finals = final_races(self.index, frozenset(table), None)
        out = []
        for race_id, complete in finals.items():
            if spec.metric == "titles" and not complete:
                continue
            race = self.index.races[race_id]
            for row in table[race_id]:
                key = row["constructor_id"] if team else row["driver_id"]
                out.append(
                    {
                        "race_id": race_id,
                        "driver_id": None if team else key,
                        "constructor_id": key if team else None,
                        "subject_id": key,
                        "position": row["position"],
                        "points": row["points"],
                        "year": race.year,
                        "circuit_id": race.circuit_id,
                        "date": race.date,
                    }
                )
        return out

    @staticmethod
    def _by_race(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            out.setdefault(row["race_id"], []).append(row)
        for group in out.values():
            group.sort(key=lambda r: r["position"] if r["position"] is not None else 10**6)
        return out

    def standings_race(self, year: int, after_round: int | None, constructors: bool) -> ArchiveRace:
        table = self.team_standings if constructors else self.driver_standings
        return standings_race(
            self.index.season(year), frozenset(table), year, after_round, constructors=constructors
        )

    def standing_rows(self, race: ArchiveRace, constructors: bool) -> tuple[StandingRow, ...]:
        if constructors:
            return tuple(
                StandingRow(
                    position=row["position"] or 0,
                    position_text=row["position_text"] or str(row["position"]),
                    name=self.index.teams[row["constructor_id"]].name,
                    ref=self.index.teams[row["constructor_id"]].ref,
                    code=None,
                    teams=(),
                    points=float(row["points"]),
                    wins=row["wins"],
                )
                for row in self.team_standings[race.id]
            )
        first: dict[tuple[int, int], int] = {}
        for r in self.results:
            other = self.index.races[r["race_id"]]
            if other.year == race.year and other.round <= race.round:
                k = (r["driver_id"], r["constructor_id"])
                first[k] = min(first.get(k, other.round), other.round)
        teams = teams_in_order(self.index, [(d, c, rnd) for (d, c), rnd in first.items()])
        out = []
        for row in self.driver_standings[race.id]:
            d = self.index.drivers[row["driver_id"]]
            out.append(
                StandingRow(
                    position=row["position"] or 0,
                    position_text=row["position_text"] or str(row["position"]),
                    name=d.name,
                    ref=d.ref,
                    code=d.code,
                    teams=teams.get(d.id, ()),
                    points=float(row["points"]),
                    wins=row["wins"],
                )
            )
        return tuple(out)


# ---- query interpreter ---------------------------------------------------------------


class FakeQueryInterpreter:
    """``QueryInterpreter`` answering from a table of questions; records what it was asked.

    A question not in the table gets ``default``, or a refusal naming it.
    """

    def __init__(
        self,
        answers: dict[str, Interpretation] | None = None,
        default: Interpretation | None = None,
    ) -> None:
        self.answers = dict(answers or {})
        self.default = default
        self.questions: list[str] = []
        self.contexts: list[Query | None] = []

    async def interpret(self, question: str, context: Query | None = None) -> Interpretation:
        self.questions.append(question)
        self.contexts.append(context)
        if question in self.answers:
            return self.answers[question]
        if self.default is not None:
            return self.default
        return Refusal(reason=f"the fake interpreter has no reading of {question!r}")


# ---- answer phraser ------------------------------------------------------------------


class FakeAnswerPhraser:
    """``AnswerPhraser`` returning a fixed text (or raising ``error``); records each answer."""

    def __init__(self, text: str | None = None, error: Exception | None = None) -> None:
        self.text = text
        self.error = error
        self.seen: list[str] = []

    async def phrase(self, answer: Any) -> str | None:
        self.seen.append(answer.text)
        if self.error is not None:
            raise self.error
        return self.text


class InMemoryJobLock:
    """``JobLock`` in memory: instances sharing one ``held`` set exclude each other."""

    def __init__(self, held: set[str] | None = None) -> None:
        self.held = held if held is not None else set()

    @contextlib.asynccontextmanager
    async def hold(self, name: str) -> AsyncIterator[bool]:
        if name in self.held:
            yield False
            return
        self.held.add(name)
        try:
            yield True
        finally:
            self.held.discard(name)
