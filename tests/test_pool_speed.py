"""The fast paths for large pools give exactly what the plain paths give.

Each fast path (pyarrow's CSV reader for the rows at your targets, orjson for the JSON
report, evidence built in bulk, one hash lookup for membership) has a plain twin that
decides whenever the fast one does not apply; these tests hold them to the same output
on arbitrary input.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netgraph.evidence import Evidence, connected_records, describe_connected, describe_evidence
from netgraph.io import _parse, _table
from netgraph.io._connections import SPECS
from netgraph.io._table import decode, find_header
from netgraph.report._json import dumps
from netgraph.score import among

# -- the CSV reader: pyarrow for the rows at a target, else pandas -------------------------

CELLS = st.one_of(
    st.sampled_from(["", " ", "Acme", " Acme ", "Acme, Inc.", 'VP "Ops"', '"', '""', "Zoë", "Stripe", "Meta",
                     "a\nb", "x\r", "\t", ";", "é€😀", "07 Nov 2023"]),
    st.text(max_size=8),
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


@st.composite
def connections_files(draw) -> bytes:
    delimiter = draw(st.sampled_from([",", ";"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [HEADER.replace(",", delimiter)]
    for _ in range(draw(st.integers(0, 12))):
        n = draw(st.one_of(st.just(7), st.integers(0, 9)))
        cells = []
        for _ in range(n):
            value = draw(CELLS)
            style = draw(st.sampled_from(["plain", "quoted", "plain"]))
            cells.append('"' + value.replace('"', '""') + '"' if style == "quoted" else value)
        lines.append(delimiter.join(cells))
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline + newline]))
    return text.encode("utf-8")


def _read(raw: bytes, fast: bool, monkeypatch) -> tuple | str:
    """The Table read_table gives for the rows at 'targets', as plain values."""
    def keep(companies):
        return np.array([("a" in c.lower()) or c == "" for c in companies], dtype=bool)

    with monkeypatch.context() as m:
        if not fast:
            m.setattr(_table, "parse_kept", lambda *a, **k: None)
        try:
            text = decode(raw, "Connections.csv")
        except Exception as error:  # noqa: BLE001 - the same error either way
            return f"{type(error).__name__}: {error}"
        header = find_header(text, SPECS[0].accepts)
        if header is None:
            return "no header"
        try:
            table = _table.read_table(text, header, None, None, ("company", keep), ())
        except Exception as error:  # noqa: BLE001
            return f"{type(error).__name__}: {error}"
    return ({k: v.tolist() for k, v in table.columns.items()}, table.line.tolist(), table.extra.tolist(),
            table.reasons.tolist(), table.details.tolist())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(connections_files())
def test_rows_at_targets_read_by_pyarrow_are_the_rows_pandas_reads(monkeypatch, raw):
    assert _read(raw, True, monkeypatch) == _read(raw, False, monkeypatch)


def test_a_plain_file_takes_the_fast_path_and_a_ragged_or_multiline_one_does_not():
    pytest.importorskip("pyarrow")
    plain = (HEADER + "\nAna,Ruiz,,,Acme,Engineer,07 Nov 2023\nBo,Li,,,Other,Chef,07 Nov 2023\n").encode()
    text = decode(plain, "Connections.csv")
    header = find_header(text, SPECS[0].accepts)

    def choose(values):
        return np.array([v == "Acme" for v in values]), values

    rows = _parse.parse_kept(text, header, list(range(7)), 4, choose)
    assert rows is not None and rows.line.tolist() == [2] and rows.arrays[0].tolist() == ["Ana"]
    ragged = decode(plain + b"Cy,Oz,,,Acme,Engineer,07 Nov 2023,extra\n", "Connections.csv")
    assert _parse.parse_kept(ragged, header, list(range(7)), 4, choose) is None
    multiline = decode(plain.replace(b"Engineer", b'"Staff\nEngineer"'), "Connections.csv")
    assert _parse.parse_kept(multiline, header, list(range(7)), 4, choose) is None


# -- JSON: orjson's text is json.dumps's text --------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    [", ", ": ", '", "', "\n  ", ",\n", "\\", '\\"', "é€😀", "\u2028", "\x7f", "\x00"])
LEAVES = st.none() | st.booleans() | st.integers(-10**6, 10**6) | TEXT \
    | st.floats(0, 1).map(lambda x: round(x, 3))
DOCUMENTS = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                         max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(DOCUMENTS, st.booleans())
def test_json_text_is_json_dumps_text(document, indent):
    assert dumps(document, indent=indent).decode() == json.dumps(document, ensure_ascii=False,
                                                                 indent=2 if indent else None, allow_nan=False)


def test_json_one_line_layout_survives_chunks(monkeypatch):
    """The one-line layout is made a few megabytes at a time: cut anywhere, the same text."""
    pytest.importorskip("orjson")
    from netgraph.report import _json

    document = {"rows": [{"name": f"n{i}, x: y", "reasons": ["a, b", "c"], "score": 0.5, "empty": []}
                         for i in range(300)]}
    expected = json.dumps(document, ensure_ascii=False, allow_nan=False)
    for size in (7, 64, 1000):
        monkeypatch.setattr(_json, "_CHUNK", size)
        assert dumps(document, indent=False).decode() == expected


def test_json_refuses_nan_as_json_dumps_does():
    with pytest.raises(ValueError):
        dumps({"summary": {"x": float("nan")}}, indent=False)


# -- evidence in bulk ---------------------------------------------------------------------


@given(st.lists(st.one_of(st.none(), st.datetimes(dt.datetime(2003, 1, 1), dt.datetime(2030, 1, 1))), max_size=20))
def test_connected_sentences_in_bulk_are_the_sentences_one_by_one(days):
    as_of = dt.date(2026, 11, 20)
    dates = pd.Series(pd.to_datetime(days), dtype="datetime64[ns]")
    stamps = [None if pd.isna(d) else pd.Timestamp(d) for d in dates]
    one_by_one = [describe_evidence(Evidence("connected", date=d), as_of) for d in stamps]
    assert describe_connected(dates, as_of).tolist() == one_by_one
    records = connected_records(["Ana"] * len(stamps), stamps)
    assert records == [Evidence("connected", who="Ana", date=d) for d in stamps]
    assert [hash(r) for r in records] == [hash(Evidence("connected", who="Ana", date=d)) for d in stamps]


@given(st.lists(st.sampled_from(["in:a", "in:b", "email:c", "", "name:d|e"]), max_size=12),
       st.lists(st.sampled_from(["in:a", "email:c", "", "x"]), max_size=6))
def test_among_is_isin(values, wanted):
    series = pd.Series(values, dtype="str")
    assert among(series, wanted).tolist() == series.isin(wanted).tolist()
    assert among(pd.Index(values, dtype="str"), pd.Index(wanted, dtype="str")).tolist() == \
        pd.Index(values, dtype="str").isin(wanted).tolist()


# -- without the optional accelerators: the same results ----------------------------------


def test_without_orjson_the_json_is_the_same(monkeypatch):
    import sys

    document = {"rows": [{"name": "Zoë, x: y", "score": 0.5, "reasons": ["a", "b, c"]}], "empty": {}}
    with_orjson = dumps(document, indent=False)
    monkeypatch.setitem(sys.modules, "orjson", None)  # `import orjson` now fails
    assert dumps(document, indent=False) == with_orjson
    assert dumps(document, indent=True).decode() == json.dumps(document, ensure_ascii=False, indent=2)


def test_without_pyarrow_a_friends_export_reads_the_same(monkeypatch):
    import sys

    from netgraph.companies import read_targets
    from netgraph.io import read_export
    from netgraph.load import _at_targets
    from netgraph.sample_data import SAMPLE_DIR, network_specs

    targets = read_targets([SAMPLE_DIR / "targets.csv"])
    paths = [spec.split("=", 1)[-1] for spec in network_specs() if not spec.endswith("share.csv")]

    def read_all():
        keep = _at_targets(targets, builtin_aliases=True)
        return [read_export(path, keep_companies=keep) for path in paths]

    fast = read_all()
    monkeypatch.setitem(sys.modules, "pyarrow.csv", None)  # `import pyarrow.csv` now fails
    plain = read_all()
    for a, b in zip(fast, plain):
        pd.testing.assert_frame_equal(a.connections, b.connections)
        pd.testing.assert_frame_equal(a.skipped, b.skipped)
        assert a.hidden == b.hidden and a.notes == b.notes
