"""Reading every source and answering: :func:`load_plan`, the one call a notebook needs.

Sources are your export, friends' exports (read by worker processes when there are many),
ties you know of, your notes and the ledger; ``--as-of`` is parsed here too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph._memory import give_back_memory
from netgraph.blurb import read_background
from netgraph.companies import match_companies, read_targets
from netgraph.errors import SourceError
from netgraph.graph import build_graph
from netgraph.io import read_contacts, read_export, read_known
from netgraph.io._pack import is_pack, read_pack
from netgraph.io.export import Export
from netgraph.ledger import ledger_threads, read_ledger
from netgraph.paths import answer
from netgraph.plan import Plan
from netgraph.weights import Weights

__all__ = ["load_plan", "parse_network_spec", "parse_as_of", "PARALLEL_FROM"]


def parse_network_spec(spec: str) -> tuple[str | None, str]:
    """Split ``--network [OWNER=]PATH`` into the owner (or None) and the path.

    A path that exists is taken whole, ``=`` and all. Otherwise the split is at the ``=``
    after which an existing path follows (so an owner whose name holds ``=`` works:
    ``"A=B Ltd=exports/sam.zip"``), else at the first ``=``.

    Examples
    --------
    >>> parse_network_spec("Sam Lee=exports/sam.zip")
    ('Sam Lee', 'exports/sam.zip')
    >>> parse_network_spec("exports/sam.zip")
    (None, 'exports/sam.zip')
    """
    if "=" not in spec or Path(spec).exists():
        return None, spec
    splits = [i for i, ch in enumerate(spec) if ch == "="]
    existing = [i for i in splits if Path(spec[i + 1:].strip()).exists()]
    cut = existing[0] if existing else splits[0]
    owner, path = spec[:cut].strip(), spec[cut + 1:].strip()
    if owner and path:
        return owner, path
    raise SourceError(f"--network '{spec}': expected OWNER=PATH or PATH")


def load_plan(
    export: str | Path,
    *,
    targets: str | Path | Iterable[str | Path],
    network: Iterable[str] = (),
    known: str | Path | None = None,
    contacts: str | Path | None = None,
    as_of: dt.date | str | None = None,
    weights: Weights | None = None,
    builtin_aliases: bool = True,
    ledger: str | Path | None = None,
    on_read: Callable[[str], None] | None = None,
) -> Plan:
    """Read everything and answer: the one call a notebook needs.

    Parameters
    ----------
    export
        Your export: the zip, the folder, or Connections.csv.
    targets
        One targets file or several.
    network
        Friends' exports or share packs (recognised by their first line) as ``"PATH"`` or
        ``"OWNER=PATH"``; one path alone is accepted too.
    known, contacts
        Optional CSVs of ties you know of and of your own notes.
    as_of
        The day recency is measured from (default today).
    weights
        The scoring model.
    builtin_aliases
        Whether well-known other company names count as matches.
    ledger
        Your give-and-ask ledger (an SQLite file from ``netgraph log``), if you keep one.
    on_read
        Called with each export's path after it is read (for progress bars).

    Returns
    -------
    Plan

    Examples
    --------
    >>> from netgraph.sample_data import SAMPLE_DIR  # doctest: +SKIP
    >>> plan = load_plan(SAMPLE_DIR / "Complete_LinkedInDataExport_11-20-2026.zip",
    ...                  targets=SAMPLE_DIR / "targets.csv")  # doctest: +SKIP
    """
    day = parse_as_of(as_of)
    w = weights or Weights()
    step = on_read or (lambda _: None)
    if isinstance(network, (str, os.PathLike)):
        network = [network]  # one export given alone, not a list of one
    if isinstance(targets, (str, os.PathLike)):
        targets = [targets]
    elif isinstance(targets, (set, frozenset)):
        targets = sorted(targets, key=str)  # a set has no order: the same inputs give the same output
    target_frame = read_targets(list(targets))
    specs = [parse_network_spec(str(spec)) for spec in network]
    packs = [(owner, read_pack(path)) for owner, path in specs if is_pack(path)]
    specs = [(owner, path) for owner, path in specs if not is_pack(path)]
    with _friend_reader(target_frame, builtin_aliases, len(specs)) as read_friend:
        pending = [read_friend(path) for _, path in specs]  # read in the background when it pays
        me = read_export(export)
        step(str(export))
        friends = []
        for (owner, path), result in zip(specs, pending):
            friends.append((owner, result.result()))
            step(path)
    known_frame = read_known(known) if known else None
    contacts_frame = read_contacts(contacts) if contacts else None
    entries = read_ledger(ledger) if ledger else None
    background, you = read_background(me), me.owner
    G = build_graph(me, target_frame, as_of=day, networks=friends, known=known_frame,
                    contacts=contacts_frame, weights=w, builtin_aliases=builtin_aliases, ledger=entries,
                    packs=packs)
    del me, friends, pending  # the exports' frames are in the graph now: their memory serves the answers
    give_back_memory()
    plan = answer(G, target_frame, owner=you, weights=w)  # G is ours: no copy needed
    threads = ledger_threads(entries, as_of=day, weights=w) if entries is not None else plan.threads
    return dataclasses.replace(plan, me=background, threads=threads)


def _at_targets(targets: pd.DataFrame, *, builtin_aliases: bool) -> Callable[[np.ndarray], np.ndarray]:
    """A row filter for friends' exports: is each company string one of the targets?

    Each distinct string is matched once, across all exports.
    """
    known: dict[str, bool] = {}

    def keep(companies: np.ndarray) -> np.ndarray:
        values = companies.tolist()
        fresh = [c for c in dict.fromkeys(values) if c not in known]
        if fresh:
            matches = match_companies(fresh, targets, builtin_aliases=builtin_aliases)
            known.update(zip(matches.index.tolist(), matches["target"].ne("").tolist()))
        return np.fromiter(map(known.__getitem__, values), dtype=bool, count=len(values))

    return keep


#: From this many friends' exports on, they are read by worker processes.
PARALLEL_FROM = 8

_worker_keep: Callable | None = None


def _init_worker(targets: pd.DataFrame, builtin_aliases: bool) -> None:
    global _worker_keep
    _worker_keep = _at_targets(targets, builtin_aliases=builtin_aliases)


def _read_friend(path: str) -> Export:
    """In a worker: read one friend's export, keeping only the rows at a target."""
    return read_export(path, keep_companies=_worker_keep)


@contextlib.contextmanager
def _friend_reader(targets: pd.DataFrame, builtin_aliases: bool, count: int):
    """Yield ``read(path) -> future`` for friends' exports.

    With many exports and more than one core, worker processes (forked, so nothing is
    imported twice) read them while this process reads your own export; otherwise each is
    read here, when asked. Only friends' rows at a target are kept, so what comes back
    is small. The results are the same either way.
    """
    cores = os.cpu_count() or 1
    if count >= PARALLEL_FROM and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
        # The company matcher's word lists load once, here, and every worker inherits them.
        _at_targets(targets, builtin_aliases=builtin_aliases)(np.asarray(targets["company"], dtype=object))
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(cores, 4), mp_context=context, initializer=_init_worker,
                                 initargs=(targets, builtin_aliases)) as pool:
            yield lambda path: pool.submit(_read_friend, path)
        return
    keep = _at_targets(targets, builtin_aliases=builtin_aliases)
    yield lambda path: _done(read_export(path, keep_companies=keep))


def _done(result: Export) -> Future:
    future: Future = Future()
    future.set_result(result)
    return future


#: The days ``--as-of`` may name: LinkedIn exists since 2003, and dates past 2100 are typos.
AS_OF_RANGE = (dt.date(2003, 1, 1), dt.date(2100, 12, 31))


def parse_as_of(as_of: dt.date | str | None) -> dt.date:
    """The ``--as-of`` day: a date or ``YYYY-MM-DD`` between 2003-01-01 and 2100-12-31; today when None.

    Raises
    ------
    SourceError
        For anything else, with one line that says what to give.

    Examples
    --------
    >>> parse_as_of("2026-11-20")
    datetime.date(2026, 11, 20)
    >>> parse_as_of("9999-12-31")
    Traceback (most recent call last):
    ...
    netgraph.errors.SourceError: --as-of '9999-12-31' is outside 2003-01-01..2100-12-31; give a date in that range
    """
    if as_of is None:
        day = dt.date.today()
    elif isinstance(as_of, dt.datetime):
        day = as_of.date()
    elif isinstance(as_of, dt.date):
        day = as_of
    else:
        try:
            day = dt.date.fromisoformat(str(as_of).strip())
        except ValueError:
            raise SourceError(f"--as-of '{as_of}' is not a date; use YYYY-MM-DD, e.g. 2026-11-20") from None
    low, high = AS_OF_RANGE
    if not low <= day <= high:
        raise SourceError(f"--as-of '{day.isoformat()}' is outside {low.isoformat()}..{high.isoformat()}; "
                          "give a date in that range")
    return day
