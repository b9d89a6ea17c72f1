"""netgraph.io.read_known and read_contacts: the user's own CSVs (invented people only)."""

from __future__ import annotations

import codecs

import pandas as pd
import pytest

from netgraph.errors import NetgraphError, SourceError
from netgraph.io import read_contacts, read_known


def write(tmp_path, name: str, text: str | bytes):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_read_known_columns_values_and_ids(tmp_path):
    path = write(tmp_path, "known.csv",
                 "connector,name,company,position,url,strength\n"
                 "Zoë Adler,Kim Lo,Stripe,Engineer,https://www.linkedin.com/in/Kim-Lo/,4\n"
                 "https://www.linkedin.com/in/bo-li-42, Ana Ruiz ,Shopify,,,\n"
                 "Zoë Adler,Émile Roy,\"Acme, Inc.\",CTO,,2.5\n")
    known = read_known(path)
    assert known.columns.tolist() == ["connector", "name", "company", "position", "url", "strength",
                                      "person_id", "line"]
    assert known.drop(columns="strength").values.tolist() == [
        ["Zoë Adler", "Kim Lo", "Stripe", "Engineer", "https://www.linkedin.com/in/kim-lo", "in:kim-lo", 2],
        ["https://www.linkedin.com/in/bo-li-42", "Ana Ruiz", "Shopify", "", "", "name:ana ruiz|shopify", 3],
        ["Zoë Adler", "Émile Roy", "Acme, Inc.", "CTO", "", "name:emile roy|acme, inc.", 4],
    ]
    assert known["strength"].tolist()[0] == 4.0 and pd.isna(known["strength"].iloc[1])
    assert known["strength"].iloc[2] == 2.5


def test_read_known_accepts_a_bom_semicolons_and_any_column_order(tmp_path):
    path = write(tmp_path, "known.csv", codecs.BOM_UTF8 + "Strength;Name;Connector\n3;Kim Lo;Zoë Adler\r\n".encode())
    known = read_known(path)
    assert known[["connector", "name", "strength", "company", "url"]].values.tolist() == [
        ["Zoë Adler", "Kim Lo", 3.0, "", ""]]


@pytest.mark.parametrize("text, message", [
    ("connector,name,strength\nZoë Adler,Kim Lo,7\n",
     "known.csv line 2: 'strength' is '7', expected a number from 1 to 5 (or leave it empty)"),
    ("connector,name,strength\nZoë Adler,Kim Lo,high\n",
     "known.csv line 2: 'strength' is 'high', expected a number from 1 to 5 (or leave it empty)"),
    ("connector,name,strength\nZoë Adler,Kim Lo,3\n,Ana Ruiz,2\n",
     "known.csv line 3: 'connector' is empty: write the name or profile URL of one of your connections"),
    ("connector,name,url\nZoë Adler,,\n",
     "known.csv line 2: it has neither 'name' nor 'url': give at least one"),
    ("connector,name,url\nZoë Adler,Kim Lo,kim-lo\n",
     "known.csv line 2: 'url' is 'kim-lo', expected a LinkedIn profile URL like "
     "https://www.linkedin.com/in/ana-ruiz (or leave it empty)"),
    ("name,company\nKim Lo,Stripe\n",
     "known.csv line 1: the header has no 'connector' column; it has name, company. Its first "
     "line should name the columns, e.g. connector,name,company,position,url,strength"),
    ("",
     "known.csv is empty: its first line should name the columns, e.g. "
     "connector,name,company,position,url,strength"),
])
def test_read_known_errors_name_file_line_and_value(tmp_path, text, message):
    with pytest.raises(SourceError) as caught:
        read_known(write(tmp_path, "known.csv", text))
    assert str(caught.value) == message


def test_read_known_missing_file(tmp_path):
    with pytest.raises(SourceError) as caught:
        read_known(tmp_path / "nope.csv")
    assert str(caught.value) == (f"--known {tmp_path / 'nope.csv'} does not exist: pass a CSV file "
                                 "with the columns connector,name,company,position,url,strength")


def test_read_contacts_columns_values_tags_and_dates(tmp_path):
    path = write(tmp_path, "contacts.csv",
                 "url,name,closeness,tags,last_contact,notes\n"
                 "https://www.linkedin.com/in/bo-li-42,,5,Friend| alumni||,2026-10-01,\"met at PyCon, 2019\"\n"
                 ",Dee Ray,,,,\n"
                 ",Zoë Adler,2.5,colleague,2025-11-03,\n")
    contacts = read_contacts(path)
    assert contacts.columns.tolist() == ["url", "name", "closeness", "tags", "last_contact", "notes", "line"]
    assert contacts["url"].tolist() == ["https://www.linkedin.com/in/bo-li-42", "", ""]
    assert contacts["name"].tolist() == ["", "Dee Ray", "Zoë Adler"]
    assert contacts["tags"].tolist() == [("friend", "alumni"), (), ("colleague",)]
    assert contacts["last_contact"].dt.strftime("%Y-%m-%d").fillna("").tolist() == ["2026-10-01", "", "2025-11-03"]
    assert str(contacts["last_contact"].dtype) == "datetime64[ns]"
    assert contacts["closeness"].fillna(0).tolist() == [5.0, 0.0, 2.5]
    assert contacts["notes"].tolist() == ["met at PyCon, 2019", "", ""]
    assert contacts["line"].tolist() == [2, 3, 4]


@pytest.mark.parametrize("dates, expected", [
    (["2026-10-01", "2025-01-31"], ["2026-10-01", "2025-01-31"]),
    (["01 Oct 2026", "31 Jan 2025"], ["2026-10-01", "2025-01-31"]),
    (["10/01/2026", "01/31/2025"], ["2026-10-01", "2025-01-31"]),  # month-first
    (["01/10/2026", "31/01/2025"], ["2026-10-01", "2025-01-31"]),  # day-first (31 > 12)
    (["Oct 2026", "2025-01-31"], ["2026-10-01", "2025-01-31"]),  # hand-written mix, no ambiguity
])
def test_read_contacts_accepts_any_sane_date(tmp_path, dates, expected):
    text = "name,last_contact\n" + "".join(f"P{i},{d}\n" for i, d in enumerate(dates))
    contacts = read_contacts(write(tmp_path, "contacts.csv", text))
    assert contacts["last_contact"].dt.strftime("%Y-%m-%d").tolist() == expected


@pytest.mark.parametrize("text, message", [
    ("name,closeness\nKim Lo,0\n",
     "contacts.csv line 2: 'closeness' is '0', expected a number from 1 to 5 (or leave it empty)"),
    ("name,closeness\nKim Lo,5\nAna Ruiz,6\n",
     "contacts.csv line 3: 'closeness' is '6', expected a number from 1 to 5 (or leave it empty)"),
    ("name,last_contact\nKim Lo,yesterday\n",
     "contacts.csv line 2: 'last_contact' is 'yesterday', expected a date like 2026-11-20 (or leave it empty)"),
    ("name,last_contact\nKim Lo,1850-01-01\n",
     "contacts.csv line 2: 'last_contact' is '1850-01-01', expected a date like 2026-11-20 (or leave it empty)"),
    ("url,name,closeness\n,,3\n", "contacts.csv line 2: it has neither 'url' nor 'name': give at least one"),
    ("closeness,tags\n5,friend\n",
     "contacts.csv line 1: the header has no 'url' or 'name' column; it has closeness, tags. Its "
     "first line should name the columns, e.g. url,name,closeness,tags,last_contact,notes"),
])
def test_read_contacts_errors_name_file_line_and_value(tmp_path, text, message):
    with pytest.raises(SourceError) as caught:
        read_contacts(write(tmp_path, "contacts.csv", text))
    assert str(caught.value) == message


def test_read_contacts_folder_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="--contacts .* is a folder: pass a CSV file"):
        read_contacts(tmp_path)


def test_source_errors_are_netgraph_errors():
    assert issubclass(SourceError, NetgraphError)
