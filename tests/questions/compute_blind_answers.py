"""Recompute every answer of the blind split from the raw data, independently of ``src/``.

Session answers come from FastF1 itself replaying the recorded HTTP responses; archive
answers from pandas on the Ergast CSV dump. Nothing under ``src/`` is imported, so a bug
in the project cannot leak into the expected answers.

Run with the project venv (it has fastf1 and pandas)::

    .nox/tests/bin/python tests/questions/compute_blind_answers.py          # verify
    .nox/tests/bin/python tests/questions/compute_blind_answers.py --fill   # write empty answers

Verify prints every computed answer next to the stored one and exits 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
SPLIT = Path(__file__).with_name("blind_split.json")
ERGAST = DATA / "ergast-csv"

Facts = dict[str, Any]

# FastF1 names the 2023 sprint qualifying "Sprint Shootout"; the split uses SQ throughout.
_FASTF1_SESSION = {"FP1": "FP1", "FP2": "FP2", "FP3": "FP3", "Q": "Q", "S": "S", "R": "R"}


# --- FastF1 on the recorded responses ------------------------------------------------


@functools.cache
def _fastf1() -> Any:
    import fastf1
    import requests
    import requests_cache
    from requests_cache.backends.filesystem import FileCache

    # The recorded cache keys were made with this Accept-Encoding header (data README).
    init = requests.Session.__init__

    def pinned(self: requests.Session) -> None:
        init(self)
        self.headers["Accept-Encoding"] = "gzip, deflate"

    requests.Session.__init__ = pinned  # type: ignore[method-assign]
    stage2 = ROOT / ".nox" / "blind-fastf1-cache"
    stage2.mkdir(parents=True, exist_ok=True)
    fastf1.Cache.configure(
        cache_dir=str(stage2), _backend=FileCache(str(DATA / "fastf1-http-cache"))
    )
    settings = fastf1.Cache._requests_session_cached.settings
    settings.expire_after = requests_cache.NEVER_EXPIRE
    settings.cache_control = False
    settings.allowable_codes = ()
    fastf1.Cache.offline_mode(True)
    fastf1.set_log_level("ERROR")
    logging.getLogger("fastf1").setLevel(logging.ERROR)
    return fastf1


@functools.cache
def _session(year: int, event: str, session: str) -> Any:
    fastf1 = _fastf1()
    name = _FASTF1_SESSION.get(session)
    if session == "SQ":
        name = "Sprint Shootout" if year == 2023 else "Sprint Qualifying"
    ses = fastf1.get_session(year, event, name)
    # Race control messages are needed: without them FastF1 leaves sprint-qualifying
    # positions empty.
    ses.load(telemetry=False, messages=True, weather=True)
    return ses


def _laps(s: Facts) -> pd.DataFrame:
    """The session's laps with a driver code on every row.

    The 2020 70th Anniversary FP2 recording has no driver list, only car numbers: the
    codes come from the Ergast entry list of that weekend's race.
    """
    laps = _session(s["year"], s["event"], s["session"]).laps.copy()
    if (laps["Driver"] == "").any():
        numbers = _entry_numbers(s["year"], s["event"])
        laps["Driver"] = laps["DriverNumber"].map(lambda n: numbers[int(n)])
    return laps


def _entry_numbers(year: int, event: str) -> dict[int, str]:
    e = _ergast()
    rid = _race_id(year, event)
    rows = e["results"][e["results"].raceId == rid].merge(
        e["drivers"][["driverId", "code"]], on="driverId"
    )
    return {int(n): c for n, c in zip(rows["number"], rows["code"], strict=True)}


def _results(s: Facts) -> pd.DataFrame:
    return _session(s["year"], s["event"], s["session"]).results


def fmt_lap(td: Any) -> str | None:
    if pd.isna(td):
        return None
    ms = round(td.total_seconds() * 1000)
    minutes, rest = divmod(ms, 60000)
    if minutes == 0:
        return f"{rest // 1000}.{rest % 1000:03d}"
    return f"{minutes}:{rest // 1000:02d}.{rest % 1000:03d}"


def _seconds(td: Any) -> float:
    return round(float(td.total_seconds()), 3)


def _best_laps(s: Facts) -> pd.Series:
    """Each driver's best valid lap: FastF1's own pick (personal bests), fastest first."""
    laps = _laps(s)
    best = {}
    for drv, g in laps.groupby("Driver"):
        lap = g.pick_fastest()
        if lap is not None and not pd.isna(lap["LapTime"]):
            best[drv] = lap["LapTime"]
    return pd.Series(best).sort_values()


def _one(s: Facts) -> str:
    drivers = s.get("drivers") or []
    return str(drivers[0]) if drivers else ""


def _is_race(s: Facts) -> bool:
    return s["session"] in ("R", "S")


def _order(s: Facts) -> list[str]:
    """Finishing order: the official classification, else best laps for practice."""
    res = _results(s)
    if s["session"].startswith("FP"):
        return list(_best_laps(s).index)
    res = res[res["Position"].notna()].sort_values("Position")
    return list(res["Abbreviation"])


def classification(s: Facts) -> Facts:
    order = _order(s)
    res = _results(s).set_index("Abbreviation")
    if drv := _one(s):
        facts: Facts = {"driver": drv}
        row = res.loc[drv]
        classified = str(row["ClassifiedPosition"]).isdigit() or not _is_race(s)
        facts["position"] = order.index(drv) + 1 if classified else None
        if _is_race(s) and not classified:
            facts["status"] = str(row["Status"])
        if _is_race(s) and classified and facts["position"] > 1:
            facts["gap_s"] = _seconds(row["Time"])
        return facts
    pos = int(s.get("position", 1))
    return {"driver": order[pos - 1], "position": pos}


def practice_order(s: Facts) -> Facts:
    best = _best_laps(s)
    order = list(best.index)
    drv = _one(s) or order[int(s.get("position", 1)) - 1]
    return {"driver": drv, "position": order.index(drv) + 1, "time": fmt_lap(best[drv])}


def fastest_lap(s: Facts) -> Facts:
    lap = _laps(s).pick_fastest()
    return {"driver": str(lap["Driver"]), "time": fmt_lap(lap["LapTime"])}


def best_laps(s: Facts) -> Facts:
    best = _best_laps(s)
    drv = _one(s) or str(best.index[0])
    facts: Facts = {"driver": drv, "time": fmt_lap(best[drv])}
    if s.get("gap"):  # only when the question asks how far off the best it was
        facts["gap_s"] = _seconds(best[drv] - best.iloc[0])
    return facts


def _valid_laps(s: Facts) -> pd.DataFrame:
    laps = _laps(s)
    return laps[laps["IsAccurate"] | laps["IsPersonalBest"].eq(True)]


def theoretical_best(s: Facts) -> Facts:
    # Sectors only from laps FastF1 trusts, so one broken timing line cannot win.
    laps = _valid_laps(s)
    sums = laps.groupby("Driver")[["Sector1Time", "Sector2Time", "Sector3Time"]].min()
    total = sums.sum(axis=1, min_count=3).dropna().sort_values()
    drv = _one(s) or str(total.index[0])
    return {"driver": drv, "time": fmt_lap(total[drv])}


def sectors(s: Facts) -> Facts:
    col = f"Sector{int(s['sector'])}Time"
    laps = _valid_laps(s)
    row = laps.loc[laps[col].idxmin()]
    return {"driver": str(row["Driver"]), "sector": int(s["sector"]), "time": fmt_lap(row[col])}


def speed_traps(s: Facts) -> Facts:
    top = _laps(s).groupby("Driver")["SpeedST"].max()
    best = top.max()
    drivers = sorted(str(d) for d in top[top == best].index)
    facts: Facts = {"speed": int(best)}
    if len(drivers) == 1:
        facts["driver"] = drivers[0]
    return facts


def _clean_laps(s: Facts, drv: str) -> pd.DataFrame:
    g = _laps(s).pick_drivers(drv)
    keep = (
        (g["LapNumber"] > 1)
        & g["PitInTime"].isna()
        & g["PitOutTime"].isna()
        & (g["TrackStatus"] == "1")
        & g["LapTime"].notna()
        & g["IsAccurate"]
    )
    return g[keep]


def race_pace(s: Facts) -> Facts:
    med = {d: _clean_laps(s, d)["LapTime"].median() for d in s["drivers"]}
    return {"faster": min(med, key=lambda d: med[d])}


def _stints(s: Facts, drv: str) -> list[str]:
    g = _laps(s).pick_drivers(drv).sort_values("LapNumber")
    comps = g.groupby("Stint")["Compound"].first()
    out: list[str] = []
    for c in comps:
        if isinstance(c, str) and c not in ("nan", "UNKNOWN") and (not out or out[-1] != c):
            out.append(c)
    return out


def _pit_laps(s: Facts, drv: str) -> list[int]:
    g = _laps(s).pick_drivers(drv)
    in_laps = sorted(int(n) for n in g[g["PitInTime"].notna()]["LapNumber"])
    last = int(g["LapNumber"].max())
    # A car that drives into the pits on its last lap and stays there retired; no stop.
    finished = _laps_completed_official(s, drv) >= last
    return [n for n in in_laps if n < last or finished]


def strategy(s: Facts) -> Facts:
    drv = _one(s)
    return {"driver": drv, "stops": len(_pit_laps(s, drv)), "compounds": _stints(s, drv)}


def degradation(s: Facts) -> Facts:
    drv = _one(s)
    g = _laps(s).pick_drivers(drv)
    stint = g[g["Compound"] == s["compound"]]
    return {"driver": drv, "compound": s["compound"], "laps": len(stint)}


def positions(s: Facts) -> Facts:
    drv, lap = _one(s), int(s["lap"])
    g = _laps(s).pick_drivers(drv)
    return {"driver": drv, "lap": lap, "position": int(g[g["LapNumber"] == lap]["Position"].item())}


def gaps(s: Facts) -> Facts:
    drv, lap = _one(s), int(s["lap"])
    laps = _laps(s)
    at = laps[laps["LapNumber"] == lap]
    leader = at[at["Position"] == 1]["Time"].item()
    mine = at[at["Driver"] == drv]["Time"].item()
    return {"driver": drv, "lap": lap, "gap_s": round(_seconds(mine - leader), 1)}


def grid_vs_finish(s: Facts) -> Facts:
    drv = _one(s)
    row = _results(s).set_index("Abbreviation").loc[drv]
    return {"driver": drv, "grid": int(row["GridPosition"]), "finish": int(row["Position"])}


def biggest_movers(s: Facts) -> Facts:
    res = _results(s)
    res = res[res["ClassifiedPosition"].astype(str).str.isdigit()].copy()
    # Ergast and FastF1 record a pit-lane start as grid 0: it counts as the back.
    grid = res["GridPosition"].where(res["GridPosition"] > 0, len(_results(s)))
    res["gained"] = grid - res["Position"]
    top = res.sort_values("gained", ascending=False).iloc[0]
    return {"driver": str(top["Abbreviation"]), "gained": int(top["gained"])}


def teammates(s: Facts) -> Facts:
    best = _best_laps(s)
    a, b = s["drivers"]
    faster, slower = (a, b) if best[a] <= best[b] else (b, a)
    return {"faster": faster, "gap_s": _seconds(best[slower] - best[faster])}


def long_runs(s: Facts) -> Facts:
    laps = _laps(s)
    inner = laps[laps["PitInTime"].isna() & laps["PitOutTime"].isna() & laps["LapTime"].notna()]
    runs = inner.groupby(["Driver", "Stint"]).size().sort_values(ascending=False)
    return {"driver": str(runs.index[0][0])}


def pit_stops(s: Facts) -> Facts:
    drivers = _laps(s)["Driver"].unique()
    return {"stops": sum(len(_pit_laps(s, str(d))) for d in drivers)}


def weather(s: Facts) -> Facts:
    w = _session(s["year"], s["event"], s["session"]).weather_data
    return {
        "air_temp_max": round(float(w["AirTemp"].max()), 1),
        "track_temp_max": round(float(w["TrackTemp"].max()), 1),
    }


def laps_led(s: Facts) -> Facts:
    laps = _laps(s)
    led = laps[laps["Position"] == 1].groupby("Driver").size()
    drv = _one(s) or str(led.idxmax())
    return {"driver": drv, "laps": int(led.get(drv, 0))}


def _laps_completed_official(s: Facts, drv: str) -> int:
    res = _results(s).set_index("Abbreviation")
    if _is_race(s) and not pd.isna(res.loc[drv, "Laps"]):
        return int(res.loc[drv, "Laps"])
    return len(_laps(s).pick_drivers(drv))


def laps_completed(s: Facts) -> Facts:
    drv = _one(s)
    return {"driver": drv, "laps": _laps_completed_official(s, drv)}


def driver_session_summary(s: Facts) -> Facts:
    drv = _one(s)
    if _is_race(s):
        row = _results(s).set_index("Abbreviation").loc[drv]
        facts: Facts = {"driver": drv, "grid": int(row["GridPosition"])}
        if str(row["ClassifiedPosition"]).isdigit():
            facts["position"] = int(row["Position"])
        else:
            facts["status"] = str(row["Status"])
        return facts
    best = _best_laps(s)
    facts = {"driver": drv, "laps": len(_laps(s).pick_drivers(drv))}
    if drv in best:
        facts["time"] = fmt_lap(best[drv])
        if s["session"].startswith("FP"):
            facts["position"] = list(best.index).index(drv) + 1
    if not s["session"].startswith("FP"):
        facts["position"] = _order(s).index(drv) + 1
    return facts


def driver_pit_stops(s: Facts) -> Facts:
    drv = _one(s)
    return {"driver": drv, "stops": len(_pit_laps(s, drv))}


def starting_tyres(s: Facts) -> Facts:
    laps = _laps(s)
    first = laps[laps["LapNumber"] == 1].set_index("Driver")["Compound"]
    if comp := s.get("compound"):
        return {"compound": comp, "drivers": sorted(str(d) for d in first[first == comp].index)}
    return {"compounds": sorted({str(c) for c in first.dropna()})}


def race_summary(s: Facts) -> Facts:
    order = _order(s)
    return {"winner": order[0], "second": order[1], "third": order[2]}


# --- The Ergast archive ---------------------------------------------------------------


@functools.cache
def _ergast() -> dict[str, pd.DataFrame]:
    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(ERGAST / f"{name}.csv", na_values=["\\N"], keep_default_na=False)

    t = {
        n: read(n)
        for n in (
            "races",
            "results",
            "drivers",
            "constructors",
            "circuits",
            "qualifying",
            "driver_standings",
            "constructor_standings",
            "status",
        )
    }
    t["drivers"]["name"] = t["drivers"]["forename"] + " " + t["drivers"]["surname"]
    races = t["races"].merge(
        t["circuits"][["circuitId", "name", "location", "country"]].rename(
            columns={"name": "circuit"}
        ),
        on="circuitId",
    )
    t["races"] = races
    r = t["results"].merge(
        races[["raceId", "year", "round", "name", "date", "circuit"]], on="raceId"
    )
    r = r.merge(
        t["drivers"][["driverId", "name", "nationality", "dob"]].rename(
            columns={"name": "driver", "nationality": "dnat"}
        ),
        on="driverId",
    )
    r = r.merge(
        t["constructors"][["constructorId", "name"]].rename(columns={"name": "team"}),
        on="constructorId",
    )
    t["R"] = r.merge(t["status"], on="statusId")
    return t


def _race_id(year: int, event: str) -> int:
    races = _ergast()["races"]
    return int(races[(races.year == year) & (races.name == event)]["raceId"].item())


def _final_race(year: int, after_round: int | None = None) -> int:
    races = _ergast()["races"]
    season = races[(races.year == year) & races.raceId.isin(_ergast()["results"].raceId)]
    if after_round is not None:
        season = season[season["round"] == after_round]
    return int(season.sort_values("round")["raceId"].iloc[-1])


def _final_table(year: int, constructors: bool = False) -> pd.DataFrame:
    e = _ergast()
    if constructors:
        st = e["constructor_standings"].merge(e["constructors"], on="constructorId")
    else:
        st = e["driver_standings"].merge(e["drivers"], on="driverId")
    return st[st.raceId == _final_race(year)].sort_values("position")


def _race_rows(year: int, event: str) -> pd.DataFrame:
    r = _ergast()["R"]
    return r[r.raceId == _race_id(year, event)].sort_values("positionOrder")


def race_winner(s: Facts) -> Facts:
    return {"winner": str(_race_rows(s["year"], s["event"])["driver"].iloc[0])}


def podium(s: Facts) -> Facts:
    top = list(_race_rows(s["year"], s["event"])["driver"].iloc[:3])
    return {"first": top[0], "second": top[1], "third": top[2]}


def standings(s: Facts) -> Facts:
    e = _ergast()
    constructors = s.get("championship") == "constructors"
    rid = _final_race(s["year"], s.get("after_round"))
    if constructors:
        st = e["constructor_standings"].merge(e["constructors"], on="constructorId")
    else:
        st = e["driver_standings"].merge(e["drivers"], on="driverId")
    st = st[st.raceId == rid].sort_values("position")
    if who := s.get("driver"):
        row = st[st["name"] == who].iloc[0]
    else:
        row = st[st["position"] == int(s.get("position", 1))].iloc[0]
    return {
        "name": str(row["name"]),
        "position": int(row["position"]),
        "points": _num(row["points"]),
    }


def _num(x: Any) -> int | float:
    f = float(x)
    return int(f) if f.is_integer() else f


def champion(s: Facts) -> Facts:
    table = _final_table(s["year"], s.get("championship") == "constructors")
    pos = 2 if s.get("runner_up") else 1
    return {"name": str(table[table["position"] == pos]["name"].iloc[0])}


def _poles(r: pd.DataFrame) -> pd.DataFrame:
    """Pole sitters: qualifying position 1 where recorded, else grid 1 (Ergast's habit)."""
    e = _ergast()
    q = e["qualifying"][e["qualifying"].position == 1][["raceId", "driverId"]]
    grid1 = r[r.grid == 1][["raceId", "driverId"]]
    poles = pd.concat([q, grid1[~grid1.raceId.isin(q.raceId)]])
    keys = poles.set_index(["raceId", "driverId"]).index
    return r[r.set_index(["raceId", "driverId"]).index.isin(keys)]


def _rows(s: Facts) -> pd.DataFrame:
    """Result rows filtered as the slots say (season or range, team, driver, nationality...)."""
    r = _ergast()["R"]
    f = s.get("filters", {})
    if "season" in f:
        r = r[r.year == f["season"]]
    if "seasons" in f:
        lo, hi = f["seasons"]
        r = r[(r.year >= lo) & (r.year <= hi)]
    if "team" in f:
        r = r[r.team == f["team"]]
    if "driver" in f:
        r = r[r.driver == f["driver"]]
    if "nationality" in f:
        r = r[r.dnat == f["nationality"]]
    if "circuit" in f:
        r = r[r.circuit == f["circuit"]]
    if "grid" in f:
        r = r[r.grid == f["grid"]]
    return r


def _metric_rows(s: Facts) -> pd.DataFrame:
    r = _rows(s)
    metric = s["metric"]
    if metric == "wins":
        return r[r.position == 1]
    if metric == "podiums":
        return r[r.position <= 3]
    if metric == "poles":
        return _poles(r)
    if metric == "fastest-laps":
        return r[r["rank"] == 1]
    if metric == "dnfs":
        # Not classified: retired, disqualified, did not start or qualify all count out.
        return r[r.positionText.isin(["R"])]
    raise ValueError(metric)


def _career(name: str, metric: str, subject: str = "driver", year: int | None = None) -> int:
    s: Facts = {"metric": metric, "filters": {subject if subject != "team" else "team": name}}
    if year is not None:
        s["filters"]["season"] = year
    return len(_metric_rows(s))


def career_stat(s: Facts) -> Facts:
    stat = s["stat"]
    subject_kind = s.get("subject_kind", "driver")
    if stat == "points":
        table = _final_table(s["year"], subject_kind == "team")
        return {"points": _num(table[table["name"] == s["subject"]]["points"].iloc[0])}
    metric = {"wins": "wins", "poles": "poles", "podiums": "podiums"}[stat]
    return {"count": _career(s["subject"], metric, subject_kind, s.get("year"))}


def most_wins(s: Facts) -> Facts:
    f: Facts = {} if s.get("year") is None else {"season": s["year"]}
    wins = _metric_rows({"metric": "wins", "filters": f})
    col = "team" if s.get("subject_kind") == "team" else "driver"
    # A shared drive (1956 Argentina: Musso and Fangio) is one win for the team.
    counts = wins.drop_duplicates(["raceId", col]).groupby(col).size()
    counts = counts.sort_values(ascending=False)
    return {"name": _tied(counts, int(counts.iloc[0])), "wins": int(counts.iloc[0])}


def wins_at_circuit(s: Facts) -> Facts:
    wins = _metric_rows({"metric": "wins", "filters": {"circuit": s["circuit"]}})
    counts = wins.groupby("driver").size().sort_values(ascending=False)
    who = s.get("driver") or str(counts.index[0])
    return {"name": who, "wins": int(counts.get(who, 0))}


def _titles() -> pd.DataFrame:
    e = _ergast()
    rows = []
    for year in sorted(e["races"].year.unique()):
        if year > 2024:  # 2025 was still running when the dump was taken.
            continue
        d = _final_table(int(year))
        rows.append(("driver", int(year), str(d["name"].iloc[0]), str(d["nationality"].iloc[0])))
        if year >= 1958:
            c = _final_table(int(year), True)
            rows.append(("constructor", int(year), str(c["name"].iloc[0]), ""))
    return pd.DataFrame(rows, columns=["subject", "year", "name", "nationality"])


def _age_on(dob: str, day: str) -> int:
    b, d = date.fromisoformat(dob), date.fromisoformat(day)
    return (d - b).days


def archive_stat(s: Facts) -> Facts:
    metric, agg = s["metric"], s["aggregation"]
    subject = s.get("subject", "driver")
    f = s.get("filters", {})
    if metric in ("titles", "championship-position"):
        return _title_stat(s)
    rows = _metric_rows(s).sort_values(["date"])
    col = "team" if subject == "constructor" else "driver"
    if agg == "count":
        if s.get("distinct"):
            return {"count": int(rows[col].nunique())}
        return {"count": len(rows)}
    if agg in ("most", "fewest") or agg.startswith("rank-"):
        counts = rows.groupby(col).size().sort_values(ascending=False)
        i = int(agg.split("-")[1]) - 1 if agg.startswith("rank-") else 0
        return {"name": _tied(counts, int(counts.iloc[i])), "count": int(counts.iloc[i])}
    if agg in ("first", "last"):
        row = rows.iloc[0] if agg == "first" else rows.iloc[-1]
        return {"name": str(row[col]), "year": int(row["year"]), "event": str(row["name"])}
    if agg in ("youngest", "oldest"):
        ages = rows.apply(lambda x: _age_on(x["dob"], x["date"]), axis=1)
        row = rows.loc[ages.idxmin() if agg == "youngest" else ages.idxmax()]
        return {"name": str(row["driver"]), "year": int(row["year"]), "event": str(row["name"])}
    raise ValueError((metric, agg, f))


def _tied(counts: pd.Series, value: int) -> str | list[str]:
    """The one name with ``value``, or every tied name: a tie is part of the answer."""
    names = sorted(str(n) for n in counts[counts == value].index)
    return names[0] if len(names) == 1 else names


def _title_stat(s: Facts) -> Facts:
    agg, f = s["aggregation"], s.get("filters", {})
    subject = s.get("subject", "driver")
    if s["metric"] == "championship-position":
        e = _ergast()
        pos = int(f["position"])
        years = []
        for year in sorted(e["races"].year.unique()):
            if year > 2024:
                continue
            t = _final_table(int(year))
            if (t[t["position"] == pos]["name"] == f["driver"]).any():
                years.append(int(year))
        return {"count": len(years)} if agg == "count" else {"seasons": years}
    t = _titles()
    t = t[t.subject == subject]
    if "nationality" in f:
        t = t[t.nationality == f["nationality"]]
    if "driver" in f:
        t = t[t.name == f["driver"]]
    if agg == "count":
        return {"count": int(t["name"].nunique()) if s.get("distinct") else len(t)}
    if agg == "most":
        counts = t.groupby("name").size().sort_values(ascending=False)
        return {"name": _tied(counts, int(counts.iloc[0])), "count": int(counts.iloc[0])}
    if agg in ("youngest", "oldest"):
        e = _ergast()
        dob = e["drivers"].set_index("name")["dob"]
        ages = {
            (n, y): _age_on(
                dob[n], str(e["races"][e["races"].raceId == _final_race(y)]["date"].item())
            )
            for n, y in zip(t["name"], t["year"], strict=True)
        }
        pick = (
            min(ages, key=ages.__getitem__)
            if agg == "youngest"
            else max(ages, key=ages.__getitem__)
        )
        return {"name": pick[0], "year": pick[1]}
    raise ValueError(s)


def _h2h(year: int, a: str, b: str) -> Facts:
    e = _ergast()
    r = e["R"][e["R"].year == year]
    ids = e["drivers"].set_index("name")["driverId"]
    ia, ib = int(ids[a]), int(ids[b])
    q = e["qualifying"][e["qualifying"].raceId.isin(r.raceId)]
    qa = q[q.driverId == ia].set_index("raceId")["position"]
    qb = q[q.driverId == ib].set_index("raceId")["position"]
    both = qa.index.intersection(qb.index)
    ra = r[r.driverId == ia].set_index("raceId")["positionOrder"]
    rb = r[r.driverId == ib].set_index("raceId")["positionOrder"]
    rboth = ra.index.intersection(rb.index)
    return {
        "qualifying": {
            a: int((qa[both] < qb[both]).sum()),
            b: int((qb[both] < qa[both]).sum()),
        },
        "race": {
            a: int((ra[rboth] < rb[rboth]).sum()),
            b: int((rb[rboth] < ra[rboth]).sum()),
        },
    }


def season_head_to_head(s: Facts) -> Facts:
    facts = _h2h(s["year"], s["driver_a"], s["driver_b"])
    part = s.get("part")
    return {part: facts[part]} if part else facts


def teammate_head_to_head(s: Facts) -> Facts:
    e = _ergast()
    r = e["R"][(e["R"].year == s["year"]) & (e["R"].team == s["team"])]
    starts = r.groupby("driver").size().sort_values(ascending=False)
    a, b = sorted(str(d) for d in starts.index[:2])
    facts = _h2h(s["year"], a, b)
    part = s.get("part")
    return {part: facts[part]} if part else facts


def historic_race(s: Facts) -> Facts:
    fact = s["fact"]
    if fact == "first":
        r = _ergast()["R"]
        r = r[r.circuit == s["circuit"]] if "circuit" in s else r[r.name == s["event"]]
        first = r[r.position == 1].sort_values("date").iloc[0]
        return {
            "year": int(first["year"]),
            "event": str(first["name"]),
            "winner": str(first["driver"]),
        }
    rows = _race_rows(s["year"], s["event"])
    if fact == "pole":
        return {"name": str(_poles(rows)["driver"].iloc[0])}
    if fact == "fastest-lap":
        row = rows[rows["rank"] == 1].iloc[0]
        return {"name": str(row["driver"]), "time": str(row["fastestLapTime"])}
    if fact == "margin":
        second = rows.iloc[1]
        return {
            "name": str(rows["driver"].iloc[0]),
            "margin_s": float(str(second["time"]).lstrip("+")),
        }
    raise ValueError(fact)


KINDS: dict[str, Callable[[Facts], Facts]] = {
    "classification": classification,
    "fastest-lap": fastest_lap,
    "best-laps": best_laps,
    "theoretical-best": theoretical_best,
    "sectors": sectors,
    "speed-traps": speed_traps,
    "race-pace": race_pace,
    "strategy": strategy,
    "degradation": degradation,
    "positions": positions,
    "grid-vs-finish": grid_vs_finish,
    "gaps": gaps,
    "teammates": teammates,
    "long-runs": long_runs,
    "pit-stops": pit_stops,
    "weather": weather,
    "laps-led": laps_led,
    "laps-completed": laps_completed,
    "practice-order": practice_order,
    "driver-session-summary": driver_session_summary,
    "driver-pit-stops": driver_pit_stops,
    "starting-tyres": starting_tyres,
    "biggest-movers": biggest_movers,
    "race-summary": race_summary,
    "race-winner": race_winner,
    "podium": podium,
    "standings": standings,
    "champion": champion,
    "career-stat": career_stat,
    "most-wins": most_wins,
    "wins-at-circuit": wins_at_circuit,
    "season-head-to-head": season_head_to_head,
    "archive-stat": archive_stat,
    "teammate-head-to-head": teammate_head_to_head,
    "historic-race": historic_race,
}


def _clean(facts: Facts) -> Facts:
    """Drop unknown values: an answer states only what the data says."""
    return {k: v for k, v in facts.items() if v is not None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", action="store_true", help="write answers that are empty")
    parser.add_argument("ids", nargs="*", help="only these question ids")
    args = parser.parse_args()
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    mismatches = 0
    for entry in split:
        if args.ids and entry["id"] not in args.ids:
            continue
        expect = entry["expect"]
        if "refuse" in expect:
            print(f"{entry['id']}  refuse ({expect['refuse']})  {entry['question']}")
            continue
        try:
            computed = _clean(KINDS[expect["kind"]](expect["slots"]))
        except Exception as exc:  # one broken computation must not hide the others
            computed = {"error": f"{type(exc).__name__}: {exc}"}
        stored = expect.get("answer")
        if args.fill and not stored and "error" not in computed:
            expect["answer"] = stored = computed
        status = "ok" if stored == computed else "MISMATCH"
        mismatches += status != "ok"
        print(f"{entry['id']}  {status:8}  {expect['kind']:22} {json.dumps(computed)}")
        if status != "ok":
            print(f"      stored: {json.dumps(stored)}")
    if args.fill:
        SPLIT.write_text(json.dumps(split, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{mismatches} mismatch(es)")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
