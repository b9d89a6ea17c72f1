"""How warm a tie is, and how relevant a person at a target is, each with its reasons.

Warmth is one documented model: every piece of evidence adds *points*, older evidence
counts less (each signal halves after its half-life), and ``warmth = 1 - exp(-points)``
maps the sum onto 0..1 so that more evidence always helps but never past 1. Your own
notes (``--contacts``) override the model's guess. All weights live in :class:`Weights`.

The functions here work on whole frames with pandas group-bys, so scoring 30,000 ties
costs a few hundred milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from netgraph.companies import company_keys
from netgraph.evidence import Evidence, connected_records, describe_all, describe_connected
from netgraph.io.export import Export
from netgraph.roles import classify_roles
from netgraph.weights import Weights, describe_weights

__all__ = ["Weights", "score_ties", "score_network_ties", "score_known_ties", "score_relevance", "describe_weights"]

_DAY = np.timedelta64(1, "D")


# ---------------------------------------------------------------------------
# Plain-word helpers


def _decay(age_days: pd.Series | np.ndarray, half_life: float) -> np.ndarray:
    age = np.clip(np.asarray(age_days, dtype=float), 0, None)
    return np.power(0.5, age / half_life)


def _age_days(dates: pd.Series, as_of: pd.Timestamp) -> pd.Series:
    return (as_of - pd.to_datetime(dates)) / _DAY


def among(values, wanted) -> np.ndarray:
    """Which of ``values`` are in ``wanted``, as a boolean array (``Series.isin`` for text).

    Hashes ``wanted`` once into an index: pandas' own ``isin`` on a ``str`` column turns
    every wanted value into a scalar one at a time, which costs seconds for a hundred
    thousand person ids.

    Examples
    --------
    >>> among(pd.Series(["in:a", "in:b", "in:c"]), ["in:c", "in:a", "in:a"]).tolist()
    [True, False, True]
    """
    index = wanted if isinstance(wanted, pd.Index) else pd.Index(wanted)
    if not index.is_unique:
        index = index.unique()
    if not len(index):
        return np.zeros(len(values), dtype=bool)
    return index.get_indexer(values) >= 0


# ---------------------------------------------------------------------------
# Evidence gathered per person


def _message_evidence(messages: pd.DataFrame, as_of: pd.Timestamp, w: Weights) -> pd.DataFrame:
    m = messages.loc[messages["date"].notna() & (messages["date"] <= as_of + pd.Timedelta(days=1))]
    m = m.assign(
        weight=_decay(_age_days(m["date"], as_of), w.message_half_life_days),
        is_sent=m["direction"].eq("sent"),
    )
    m = m.assign(is_received=~m["is_sent"])
    g = m.groupby("person_id", sort=False)
    out = pd.DataFrame({
        "sent": g["is_sent"].sum(),
        "received": g["is_received"].sum(),
        "decayed": g["weight"].sum(),
        "last_message": g["date"].max(),
    })
    last_sent = m.loc[m["is_sent"]].groupby("person_id")["date"].max()
    last_received = m.loc[m["is_received"]].groupby("person_id")["date"].max()
    # The last exchange: the later of the two sides' last messages, only when both exist.
    out["last_reply"] = pd.concat([last_sent, last_received], axis=1).min(axis=1, skipna=False)
    out["exchanges"] = pd.concat([out["sent"], out["received"]], axis=1).min(axis=1)
    return out


def _dated_evidence(frame: pd.DataFrame, as_of: pd.Timestamp, half_life: float, cap: int | None = None) -> pd.DataFrame:
    """Per person and direction: count, decayed count (at most ``cap`` counted), last date."""
    if frame.empty:
        return pd.DataFrame(columns=["count", "decayed", "last", "year"])
    f = frame.assign(weight=_decay(_age_days(frame["date"], as_of).fillna(3650), half_life))
    f = f.sort_values("weight", ascending=False)
    if cap:
        f = f.groupby(["person_id", "direction"], sort=False).head(cap)
    g = f.groupby(["person_id", "direction"], sort=False)
    return pd.DataFrame({"count": g.size(), "decayed": g["weight"].sum(), "last": g["date"].max()})


def _shared_history(connections: pd.DataFrame, history: pd.DataFrame, *, place: str,
                    as_of: pd.Timestamp) -> pd.DataFrame:
    """Connections made while the owner was at a place (a job or a school).

    For jobs the connection must also work at that company now (a likely former
    colleague); for schools any connection made during the years there counts.
    Returns ``person_id, place, ended`` for the best match per person.
    """
    if history.empty or connections.empty:
        return pd.DataFrame(columns=["place", "began", "ended", "cohort"])
    name_col = "company" if place == "company" else "school"
    owners = ["_owner"] if "_owner" in history else []  # several owners' exports, stacked
    h = history.loc[history["started_on"].notna(), [name_col, "started_on", "finished_on", *owners]]
    h = h.assign(finished_on=h["finished_on"].fillna(as_of), _key=company_keys(h[name_col]))
    c = connections.loc[connections["connected_on"].notna(), ["person_id", "company", "connected_on"]]
    if owners:
        c = c.assign(_owner=c["person_id"].str.partition(_SEP)[0])
    if place == "company":
        c = c.assign(_key=company_keys(c["company"]))
        pairs = c.merge(h, on=["_key", *owners], suffixes=("", "_h"))
    else:
        pairs = c.merge(h, on=owners) if owners else c.merge(h, how="cross")
    inside = (pairs["connected_on"] >= pairs["started_on"]) & (
        pairs["connected_on"] <= pairs["finished_on"] + pd.Timedelta(days=92))
    pairs = pairs.loc[inside & pairs["_key"].ne("")] if place == "company" else pairs.loc[inside]
    if pairs.empty:
        return pd.DataFrame(columns=["place", "began", "ended", "cohort"])
    pairs = pairs.sort_values("finished_on", ascending=False).drop_duplicates("person_id")
    window = [name_col, "started_on", *owners]
    pairs = pairs.assign(cohort=pairs.groupby(window, sort=False)["person_id"].transform("size"))
    renamed = pairs.set_index("person_id").rename(
        columns={name_col: "place", "finished_on": "ended", "started_on": "began"})
    return renamed[["place", "began", "ended", "cohort"]]


def _closeness_warmth(contacts: pd.DataFrame, w: Weights) -> pd.DataFrame:
    """Warmth implied by your own notes: closeness wins, else the best tag floor."""
    floors = dict(w.tag_floor)
    closeness = contacts["closeness"].round().clip(1, 5)
    by_closeness = closeness.map(lambda c: w.closeness[int(c) - 1] if pd.notna(c) else np.nan)
    by_tags = contacts["tags"].map(lambda tags: max((floors.get(t, 0.0) for t in tags), default=np.nan))
    return pd.DataFrame({"closeness": closeness, "note_closeness": by_closeness, "note_floor": by_tags,
                         "note_tags": contacts["tags"], "last_contact": contacts["last_contact"],
                         "note_text": contacts["notes"].fillna("").astype(str).str.strip()
                         if "notes" in contacts else ""},
                        index=contacts.index)


# ---------------------------------------------------------------------------
# The model


def score_ties(
    export: Export,
    *,
    as_of: dt.date,
    weights: Weights | None = None,
    contacts: pd.DataFrame | None = None,
    people: pd.Index | None = None,
    who: str | pd.Series = "you",
) -> pd.DataFrame:
    """Score the export owner's tie to each connection: warmth 0..1 with reasons.

    Parameters
    ----------
    export
        The owner's export (yours, or a friend's shared with you).
    as_of
        The day ages are measured from.
    weights
        The model's weights; ``Weights()`` by default.
    contacts
        Your own notes (:func:`netgraph.io.read_contacts`) indexed by the ``person_id``
        of the connection each is about (``build_graph`` resolves them by URL or name);
        they override the model's guess.
    people
        Score only these ``person_id`` values (all connections when None).
    who
        How reasons name the export's owner: ``"you"``, or a friend's first name (or a
        Series of names by ``person_id``, for stacked exports: see :func:`score_network_ties`).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``person_id``: ``warmth, confidence, messages, sent, received,
        last_contact, connected_on, quiet_days, reasons``. ``quiet_days`` counts the
        days since the last contact of any kind (or since connecting, without one);
        ``reasons`` is a tuple of short sentences.

    Examples
    --------
    >>> from netgraph.io.export import Export, Owner
    >>> conns = pd.DataFrame({"person_id": ["in:a"], "name": ["Ann"], "company": ["X"],
    ...     "connected_on": [pd.Timestamp("2017-01-05")]})
    >>> empty = pd.DataFrame(columns=["person_id", "direction", "date"])
    >>> e = Export("x", Owner("Me", "", "in:me"), conns, 0, empty, empty, empty, empty,
    ...     pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    >>> score_ties(e, as_of=dt.date(2026, 11, 20)).loc["in:a", "reasons"]
    ('connected 9 years ago, no messages since',)
    """
    w = weights or Weights()
    now = pd.Timestamp(as_of)
    conns = export.connections
    if people is not None:
        conns = conns.loc[among(conns["person_id"], people)]
    conns = conns.drop_duplicates("person_id").set_index("person_id")
    ids = conns.index
    t = pd.DataFrame(index=ids)
    t["connected_on"] = conns["connected_on"]
    t["name"] = conns["name"] if "name" in conns else ""

    msgs = _message_evidence(_for(export.messages, ids), now, w).reindex(ids)
    t["sent"] = msgs["sent"].fillna(0).astype(int)
    t["received"] = msgs["received"].fillna(0).astype(int)
    t["messages"] = t["sent"] + t["received"]
    # Messages you sent that were never answered are outreach, not a relationship: no points.
    decayed = msgs["decayed"].fillna(0.0).where(t["received"] > 0, 0.0)
    reply_age = _age_days(msgs["last_reply"], now)
    exchanges = msgs["exchanges"].fillna(0).astype(float)
    points = w.message * np.log1p(decayed) + w.two_way * exchanges / (exchanges + 2) * pd.Series(
        _decay(reply_age.fillna(1e9), w.message_half_life_days), index=ids)
    points += w.connection

    recs = _dated_evidence(_for(export.recommendations, ids), now, w.recommendation_half_life_days)
    ends = _dated_evidence(_for(export.endorsements, ids), now, w.endorsement_half_life_days, cap=3)
    points += _sum_by_person(recs, ids) * w.recommendation + _sum_by_person(ends, ids) * w.endorsement

    inv = _for(export.invitations, ids)
    noted = inv.loc[inv["has_note"].astype(bool)] if "has_note" in inv else inv.iloc[0:0]
    points += among(ids, noted["person_id"]).astype(float) * w.invitation_note

    jobs = _shared_history(conns.reset_index(), export.positions, place="company", as_of=now)
    schools = _shared_history(conns.reset_index(), _as_history(export.education), place="school", as_of=now)
    for hist in (jobs, schools):
        h = hist.reindex(ids)
        # A cohort of 166 connections made during one course is not 166 classmates.
        share = (w.shared_history_cohort / h["cohort"].astype(float).clip(lower=1)).clip(upper=1.0).fillna(0.0)
        points += w.shared_history * share * pd.Series(
            _decay(_age_days(h["ended"], now).fillna(1e9), w.shared_history_half_life_days), index=ids)

    last = pd.concat([msgs["last_message"], _last_by_person(recs, ids), _last_by_person(ends, ids)], axis=1).max(axis=1)
    t["warmth"] = 1.0 - np.exp(-points.astype(float))

    notes = _closeness_warmth(contacts, w).reindex(ids) if contacts is not None and len(contacts) else None
    if notes is not None:
        noted_contact = notes["last_contact"]
        last = pd.concat([last, noted_contact], axis=1).max(axis=1)
        # A recent contact you noted counts like a message both ways.
        contact_points = w.message * np.log1p(2 * pd.Series(
            _decay(_age_days(noted_contact, now).fillna(1e9), w.message_half_life_days), index=ids))
        t["warmth"] = 1.0 - np.exp(-(points + contact_points).astype(float))
        t["warmth"] = np.fmax(t["warmth"], notes["note_floor"].fillna(0.0))
        t["warmth"] = notes["note_closeness"].fillna(t["warmth"])
    t["last_contact"] = pd.to_datetime(last)
    quiet_since = last.fillna(t["connected_on"])
    t["quiet_days"] = _age_days(quiet_since, now)
    if notes is not None:
        # Your note that you are close now, without a date, means the tie is not cold.
        close_now = (notes["note_closeness"].fillna(notes["note_floor"]) >= 0.5) & notes["last_contact"].isna()
        t.loc[close_now, "quiet_days"] = 0.0
    t["confidence"] = _confidence(t, recs, ends, jobs, schools, notes, ids, export)
    t["evidence"], t["reasons"] = _tie_evidence(t, msgs, recs, ends, inv, jobs, schools, notes, who, as_of)
    t["warmth"] = t["warmth"].clip(0.0, 1.0).round(4)
    return t[["warmth", "confidence", "messages", "sent", "received", "last_contact", "connected_on",
              "quiet_days", "reasons", "evidence"]]


_SEP = "\x1f"


def score_network_ties(
    exports: Sequence[tuple[Export, pd.Index, str]],
    *,
    as_of: dt.date,
    weights: Weights | None = None,
) -> list[pd.DataFrame]:
    """Score the ties in many friends' exports at once, as :func:`score_ties` would one by one.

    The exports' frames are stacked (each person id prefixed with the export's number) and
    scored in one pass: a hundred small exports cost little more than one large one.

    Parameters
    ----------
    exports
        ``(export, people, who)`` per friend: the export, the ``person_id`` values to
        score, and how reasons name the export's owner.
    as_of, weights
        As for :func:`score_ties`.

    Returns
    -------
    list of pandas.DataFrame
        One frame per export, in order, as :func:`score_ties` returns.
    """
    if not exports:
        return []
    scored, owner = score_stacked(exports, as_of=as_of, weights=weights)
    bounds = np.searchsorted(owner, np.arange(len(exports) + 1))  # each export's rows are together, in order
    return [scored.iloc[bounds[i]:bounds[i + 1]] for i in range(len(exports))]


def score_stacked(exports: Sequence[tuple[Export, pd.Index, str]], *, as_of: dt.date,
                  weights: Weights | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """:func:`score_network_ties` as one frame: every export's ties one below the other
    (index ``person_id``), and the number of the export of each row (ascending).

    Examples
    --------
    >>> scored, owner = score_stacked([], as_of=dt.date(2026, 11, 20))
    >>> len(scored), owner.tolist()
    (0, [])
    """
    prefixes = np.array([f"{i}{_SEP}" for i in range(len(exports))], dtype=object)
    wanted = pd.Index(np.concatenate([prefixes[i] + np.asarray(p, dtype=object)
                                      for i, (_, p, _) in enumerate(exports)] or [np.zeros(0, dtype=object)]))
    empty = pd.DataFrame(columns=["person_id", "direction", "date", "has_note"])

    def stack(name: str) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
        """The frame ``name`` of every export, one below the other, only the wanted people's
        rows, each ``person_id`` prefixed with its export's number (one pass, not one per
        export); and each kept row's export number and ``person_id`` as written."""
        frames = [(i, f) for i, (e, _, _) in enumerate(exports)
                  if (f := getattr(e, name)) is not None and not f.empty and "person_id" in f]
        none = np.zeros(0, dtype=np.int64)
        if not frames:
            return empty, none, none.astype(object)
        owner = np.concatenate([np.full(len(f), i) for i, f in frames])
        whole = pd.concat([f for _, f in frames], ignore_index=True) if len(frames) > 1 else frames[0][1]
        ids = whole["person_id"].to_numpy(dtype=object, na_value="")
        keys = prefixes[owner] + ids
        keep = among(keys, wanted)
        if not keep.any():
            return empty, none, none.astype(object)
        kept = whole.loc[keep]
        kept = kept.assign(person_id=pd.Series(keys[keep], index=kept.index, dtype=kept["person_id"].dtype))
        return kept, owner[keep], ids[keep]

    def owned(frames: list) -> pd.DataFrame:
        frames = [f.assign(_owner=str(i)) for i, f in enumerate(frames) if f is not None and len(f)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    if not exports:
        return pd.DataFrame(columns=_TIE_FRAME, index=pd.Index([], name="person_id")), np.zeros(0, dtype=np.int64)
    connections, owner, ids = stack("connections")
    parts = {name: stack(name)[0] for name in ("messages", "invitations", "endorsements", "recommendations")}
    stacked = Export(source="", owner=exports[0][0].owner, hidden=0, connections=connections,
                     messages=parts["messages"], invitations=parts["invitations"],
                     endorsements=parts["endorsements"], recommendations=parts["recommendations"],
                     positions=owned([e.positions for e, _, _ in exports]),
                     education=owned([e.education for e, _, _ in exports]),
                     files=pd.DataFrame(), skipped=pd.DataFrame())
    if stacked.connections.empty:
        frames = [score_ties(e, as_of=as_of, weights=weights, people=p, who=w) for e, p, w in exports]
        order = np.concatenate([np.full(len(f), i) for i, f in enumerate(frames)] or [np.zeros(0, dtype=np.int64)])
        return pd.concat(frames).rename_axis("person_id"), order.astype(np.int64)
    names = np.array([w for _, _, w in exports], dtype=object)
    keys = stacked.connections["person_id"].to_numpy(dtype=object)
    who = pd.Series(names[owner], index=keys)
    scored = score_ties(stacked, as_of=as_of, weights=weights, who=who)
    first = np.flatnonzero(~pd.Index(keys).duplicated())  # the scored rows, in order
    scored.index = pd.Index(ids[first], name="person_id")
    return scored, owner[first]


_TIE_FRAME = ["warmth", "confidence", "messages", "sent", "received", "last_contact", "connected_on", "quiet_days",
              "reasons", "evidence"]


def _for(frame: pd.DataFrame, ids: pd.Index) -> pd.DataFrame:
    if frame is None or frame.empty or "person_id" not in frame:
        return pd.DataFrame(columns=["person_id", "direction", "date", "has_note"])
    return frame.loc[among(frame["person_id"], ids)]


def _as_history(education: pd.DataFrame) -> pd.DataFrame:
    if education is None or education.empty:
        return pd.DataFrame(columns=["school", "started_on", "finished_on"])
    return education


def _sum_by_person(evidence: pd.DataFrame, ids: pd.Index) -> pd.Series:
    if evidence.empty:
        return pd.Series(0.0, index=ids)
    return evidence["decayed"].groupby(level=0).sum().reindex(ids).fillna(0.0)


def _last_by_person(evidence: pd.DataFrame, ids: pd.Index) -> pd.Series:
    if evidence.empty:
        return pd.Series(pd.NaT, index=ids, dtype="datetime64[ns]")
    return evidence["last"].groupby(level=0).max().reindex(ids)


def _confidence(t, recs, ends, jobs, schools, notes, ids, export) -> pd.Series:
    rich = (t["sent"] > 0) & (t["received"] > 0) & (t["messages"] >= 3)
    if notes is not None:
        rich |= notes["note_closeness"].notna() | notes["note_floor"].notna()
    some = (t["messages"] > 0) | among(ids, jobs.index) | among(ids, schools.index)
    for ev in (recs, ends):
        if not ev.empty:
            some |= among(ids, ev.index.get_level_values(0))
    return pd.Series(np.select([rich, some], ["high", "medium"], "low"), index=ids)


def _tie_evidence(t, msgs, recs, ends, inv, jobs, schools, notes, who, as_of) -> tuple[pd.Series, list]:
    """The evidence of each tie as a tuple of :class:`~netgraph.evidence.Evidence`, and
    the reasons (sentences) for it.

    The loop runs over plain Python lists (not pandas rows): it is the one per-person
    step, and it runs for every one of your connections and every friend's tie at a
    target. Most ties have nothing but the connection: their records are built many at a
    time and their sentences said once per number of days.
    """
    rec_map = _by_direction(recs, "last")
    end_map = _by_direction(ends, "count")
    job_map = _history_map(jobs)
    school_map = _history_map(schools)
    note_map = {}
    if notes is not None:  # only the notes that say something (the frame has a row for everyone)
        texts = notes["note_text"].fillna("").astype(str)
        notes = notes.assign(note_text=texts)
        said = notes["closeness"].notna() | notes["last_contact"].notna() | texts.ne("") \
            | notes["note_tags"].map(lambda tags: isinstance(tags, tuple) and len(tags) > 0).astype(bool)
        noted = notes.loc[said, ["closeness", "note_tags", "last_contact", "note_text"]]
        note_map = {pid: {"closeness": c, "note_tags": t, "last_contact": d, "text": x} for pid, c, t, d, x in zip(
            noted.index.tolist(), noted["closeness"].tolist(), noted["note_tags"].tolist(), noted["last_contact"],
            noted["note_text"].tolist())}
    inv_map = {}
    if len(inv):
        firsts = inv.sort_values("date", kind="stable").drop_duplicates("person_id")
        inv_map = {pid: (d, bool(n) if n == n else False, day) for pid, d, n, day in zip(
            firsts["person_id"].tolist(), firsts["direction"].tolist(),
            firsts.get("has_note", pd.Series(False, index=firsts.index)).tolist(), firsts["date"])}
    more = rec_map.keys() | end_map.keys() | job_map.keys() | school_map.keys() | note_map.keys() | inv_map.keys()
    ids = t.index.tolist()
    counts = t["messages"].tolist()
    names = who.reindex(t.index).fillna("they").tolist() if isinstance(who, pd.Series) else [who] * len(t)
    connected = _stamps(t["connected_on"])
    plain = [not n and pid not in more for pid, n in zip(ids, counts)]
    out: list = [()] * len(ids)
    at = [i for i, p in enumerate(plain) if p]
    for i, record in zip(at, connected_records([names[i] for i in at], [connected[i] for i in at])):
        out[i] = (record,)
    last_message = msgs["last_message"].tolist()
    last_reply = msgs["last_reply"].tolist()
    sent_all, received_all = t["sent"].tolist(), t["received"].tolist()
    for i in (i for i, p in enumerate(plain) if not p):
        pid, name, n, sent, received = ids[i], names[i], counts[i], sent_all[i], received_all[i]
        ev: list[Evidence] = []
        tags: tuple = ()
        note = note_map.get(pid)
        if note is not None:
            tags = note["note_tags"] if isinstance(note["note_tags"], tuple) else ()
            closeness = int(note["closeness"]) if pd.notna(note["closeness"]) else 0
            if closeness or tags or note["text"]:
                ev.append(Evidence("note", who=name, closeness=closeness, tags=tags, text=note["text"]))
            if pd.notna(note["last_contact"]):
                ev.append(Evidence("last_contact", who=name, date=note["last_contact"]))
        if n:
            direction = "both" if sent and received else "sent" if sent else "received"
            ev.append(Evidence("messages", who=name, direction=direction, count=int(n), date=_stamp(last_message[i]),
                               since=_stamp(last_reply[i]) if direction == "both" else None))
        ev += [Evidence("recommendation", who=name, direction=d, date=_stamp(day)) for d, day in rec_map.get(pid, ())]
        ev += [Evidence("endorsement", who=name, direction=d, count=int(c)) for d, c in end_map.get(pid, ())]
        if pid in job_map:
            place, began, ended, cohort = job_map[pid]
            ev.append(Evidence("shared_history", who=name, place=place, since=began, date=ended, cohort=cohort,
                               inferred="colleague" not in tags, flag="job"))
        if pid in school_map:
            place, began, ended, cohort = school_map[pid]
            classmate = "classmate" in tags
            ev.append(Evidence("shared_history", who=name, place=place, since=began, date=ended, cohort=cohort,
                               inferred=not (classmate or "alumni" in tags),
                               flag="school" if classmate or "alumni" not in tags else "alumni"))
        if pid in inv_map:
            direction, has_note, day = inv_map[pid]
            ev.append(Evidence("invitation", who=name, direction=direction, date=_stamp(day),
                               flag="note" if has_note else ""))
        if not n:
            ev.append(Evidence("connected", who=name, date=connected[i]))
        out[i] = tuple(ev)
    reasons = np.empty(len(ids), dtype=object)
    sentences = describe_connected(t["connected_on"].iloc[at], as_of)
    codes, distinct = pd.factorize(sentences)
    alone = np.empty(len(distinct), dtype=object)
    alone[:] = [(sentence,) for sentence in distinct]
    reasons[at] = alone[codes]
    for i in (i for i, p in enumerate(plain) if not p):
        reasons[i] = describe_all(out[i], as_of)
    return pd.Series(out, index=t.index, dtype=object), list(reasons)


def _stamps(values: pd.Series) -> list:
    """:func:`_stamp` of every value (a Timestamp, or None for a missing date)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return [None if v is pd.NaT else v for v in values.tolist()]
    return [_stamp(v) for v in values.tolist()]


def _stamp(value: object) -> pd.Timestamp | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return pd.Timestamp(value)  # type: ignore[arg-type]


def _history_map(history: pd.DataFrame) -> dict:
    if not len(history):
        return {}
    return {pid: (place, _stamp(began), _stamp(ended), int(cohort)) for pid, place, began, ended, cohort in zip(
        history.index, history["place"], history["began"], history["ended"], history["cohort"])}


def _by_direction(evidence: pd.DataFrame, column: str) -> dict:
    out: dict = {}
    if evidence.empty:
        return out
    keys: list[tuple[str, str]] = list(evidence.index)  # a (person_id, direction) MultiIndex
    for (pid, direction), value in zip(keys, evidence[column].tolist()):
        out.setdefault(pid, []).append((direction, value))
    return out


def score_known_ties(known: pd.DataFrame, *, weights: Weights | None = None) -> pd.Series:
    """Strength (0..1) of ties you recorded in ``--known``, from their 1..5 strength.

    Examples
    --------
    >>> score_known_ties(pd.DataFrame({"strength": [5.0, float("nan")]})).tolist()
    [0.9, 0.35]
    """
    w = weights or Weights()
    levels = known["strength"].round().clip(1, 5)
    return levels.map(lambda s: w.known_strength[int(s) - 1] if pd.notna(s) else w.known_default).astype(float)


def score_relevance(people: pd.DataFrame, targets: pd.DataFrame, *, weights: Weights | None = None) -> pd.DataFrame:
    """How much a person at a target could help: priority, and their role there.

    Parameters
    ----------
    people
        ``target`` (the target company name) and ``position`` per person.
    targets
        The targets frame (``company, priority, titles``).

    Returns
    -------
    pandas.DataFrame
        Same index: ``relevance (0..1), role, reasons``.

    Examples
    --------
    >>> targets = pd.DataFrame({"company": ["Stripe"], "priority": [1], "titles": [("Backend Engineer",)]})
    >>> people = pd.DataFrame({"target": ["Stripe", "Stripe"], "position": ["Senior Backend Engineer", "Recruiter"]})
    >>> score_relevance(people, targets)["role"].tolist()
    ['wanted title', 'recruiter']
    """
    w = weights or Weights()
    info = targets.set_index("company")
    # Each distinct (target, position) is classified and worded once: a pool of friends'
    # exports has tens of thousands of people at the targets, and a few hundred titles.
    target_codes, _ = pd.factorize(people["target"], use_na_sentinel=False)
    position_codes, _ = pd.factorize(people["position"], use_na_sentinel=False)
    codes, _ = pd.factorize(target_codes.astype(np.int64) * (int(position_codes.max(initial=0)) + 1) + position_codes)
    first = np.unique(codes, return_index=True)[1]
    one = people.iloc[first]
    priority = one["target"].map(info["priority"]).fillna(1).astype(float)
    titles = one["target"].map(info["titles"]).map(lambda x: x if isinstance(x, tuple) else ())
    position = one["position"].fillna("").astype(str)
    role = classify_roles(position, titles)
    factor = role.map(dict(w.role_factor))
    relevance = (factor / (1.0 + w.priority_step * (priority - 1))).round(4).to_numpy()
    reasons = np.empty(len(one), dtype=object)
    reasons[:] = [_relevance_reason(r, pos, tgt, int(p))
                  for r, pos, tgt, p in zip(role, position, one["target"], priority)]
    return pd.DataFrame({"relevance": relevance[codes],
                         "role": pd.Series(role.to_numpy()[codes], index=people.index, dtype=object),
                         "reasons": reasons[codes]}, index=people.index)


def _relevance_reason(role: str, position: str, target: str, priority: int) -> tuple[str, ...]:
    where = f"{target} (priority {priority})"
    if role == "wanted title":
        return (f"works as {position} at {where}: the role you want",)
    if role == "recruiter":
        return (f"recruits for {where}",)
    if role == "hiring manager":
        return (f"{position} at {where}: may manage the team you would join",)
    return (f"{position or 'works'} at {where}",)
