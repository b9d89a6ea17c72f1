"""netgraph.io: every shape of a real LinkedIn export, built in code (invented people only).

The variants follow docs/linkedin-export.md: headers by era, the Notes: preamble
(genuine and Excel forms), encodings, delimiters, dates, hidden members, the archive
layouts, and the optional files (messages, invitations, endorsements, recommendations,
profile, positions, education).
"""

from __future__ import annotations

import codecs
import io
import logging
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from netgraph.errors import ExportFormatError
from netgraph.io import (
    Export,
    Owner,
    make_person_ids,
    normalize_name,
    normalize_names,
    normalize_url,
    normalize_urls,
    read_export,
    render_inspection,
)

# The genuine preamble: byte-identical in every export since March 2021 (375 bytes).
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
HEADER_NO_URL = "First Name,Last Name,Email Address,Company,Position,Connected On"
PROFILE = ("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
           "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
           "Robin,Owner,,,Mar 3,Engineer,,Software,,Lisbon,,,\n")
OWNER_URL = "https://www.linkedin.com/in/robin-owner"
ZOE = "https://www.linkedin.com/in/zo%C3%AB-adler"  # as Connections.csv writes it
ZOE_RAW = "https://www.linkedin.com/in/zoë-adler"  # as messages.csv writes it
BO = "https://www.linkedin.com/in/bo-li-42"

# A small modern network used by the messages/invitations tests.
NETWORK = PREAMBLE + HEADER + "\n" + "\n".join([
    f'Zoë,Adler,{ZOE},,"Acme, Inc.",Engineering Manager,07 Nov 2023',
    f"Bo,Li,{BO},,Globex,Staff Engineer,14 Mar 2019",
    "Dee,Ray,,dee@example.com,Initech,Recruiter,01 Feb 2016",
    ",,,,,,07 Jun 2022",
])


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def zip_bytes(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def read_bare(tmp_path: Path, content: str | bytes, name: str = "Connections.csv") -> Export:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return read_export(path)


def read_folder(tmp_path: Path, files: dict[str, str | bytes]) -> Export:
    return read_export(write_files(tmp_path / "export", files))


def people(export: Export) -> list[tuple]:
    c = export.connections
    return list(zip(c["name"], c["url"], c["email"], c["company"], c["position"],
                    c["connected_on"].dt.strftime("%Y-%m-%d %H:%M").fillna(""), c["line"]))


def skipped(export: Export) -> list[tuple]:
    s = export.skipped
    return list(zip(s["file"], s["line"], s["reason"], s["detail"]))


def file_row(export: Export, kind: str) -> dict:
    rows = export.files[export.files["kind"] == kind]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


# --------------------------------------------------------------------------------------
# Identity


@pytest.mark.parametrize("raw, expected", [
    ("https://www.linkedin.com/in/ana-ruiz", "https://www.linkedin.com/in/ana-ruiz"),
    ("https://www.linkedin.com/in/zo%C3%AB-adler", "https://www.linkedin.com/in/zoë-adler"),
    ("https://www.linkedin.com/in/zo%c3%ab-adler", "https://www.linkedin.com/in/zoë-adler"),
    ("https://www.linkedin.com/in/Zoë-Adler", "https://www.linkedin.com/in/zoë-adler"),
    ("www.linkedin.com/in/ana-ruiz", "https://www.linkedin.com/in/ana-ruiz"),
    ("linkedin.com/in/ana-ruiz/", "https://www.linkedin.com/in/ana-ruiz"),
    ("http://uk.linkedin.com/in/Ana-Ruiz?trk=public_profile#about", "https://www.linkedin.com/in/ana-ruiz"),
    ("https://m.linkedin.com/in/ana-ruiz/details/experience/", "https://www.linkedin.com/in/ana-ruiz"),
    ("  https://www.linkedin.com/in/ana-ruiz  ", "https://www.linkedin.com/in/ana-ruiz"),
    ("https://www.linkedin.com/in", ""),
    ("https://www.linkedin.com/in/", ""),
    ("https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH", ""),
    ("urn:li:member:123456", ""),
    ("https://example.com/in/ana-ruiz", ""),
    ("https://www.linkedin.com/company/acme", ""),
    ("", ""),
])
def test_normalize_url(raw, expected):
    assert normalize_url(raw) == expected


def test_normalize_urls_is_the_scalar_function_on_each_value_and_keeps_the_index():
    raw = ["https://www.linkedin.com/in/zo%C3%AB-adler", "www.linkedin.com/in/Bo-Li/", None,
           "https://www.linkedin.com/in/%zz-bad", "https://www.linkedin.com/in/a%0Ab",
           "https://www.linkedin.com/in/zo%C3%AB-adler"]
    out = normalize_urls(pd.Series(raw, index=[10, 11, 12, 13, 14, 15], dtype=object))
    assert out.index.tolist() == [10, 11, 12, 13, 14, 15]
    assert out.tolist() == ["https://www.linkedin.com/in/zoë-adler", "https://www.linkedin.com/in/bo-li",
                            "", "https://www.linkedin.com/in/%zz-bad", "",
                            "https://www.linkedin.com/in/zoë-adler"]
    assert out.tolist() == [normalize_url(u) if u else "" for u in raw]


@pytest.mark.parametrize("raw, expected", [
    ("  Zoë   ADLER ", "zoe adler"),
    ("José Núñez", "jose nunez"),
    ("Łucja Zielińska", "łucja zielinska"),
    ("Günther Straße", "gunther strasse"),
    ("Nguyễn Thảo", "nguyen thao"),
    ("", ""),
])
def test_normalize_name(raw, expected):
    assert normalize_name(raw) == expected
    assert normalize_names(pd.Series([raw])).tolist() == [expected]


def test_make_person_ids_prefers_url_then_email_then_name_and_company():
    ids = make_person_ids(
        pd.Series(["https://www.linkedin.com/in/Zo%C3%AB-Adler/", "", "", "urn:li:member:1"]),
        pd.Series(["zoe@example.com", " Kim@Example.COM ", "", ""]),
        pd.Series(["Zoë Adler", "Kim Lo", "Émile  Roy", "Ana Ruiz"]),
        pd.Series(["Acme", "", "Acme, Inc.", ""]),
    )
    assert ids.tolist() == ["in:zoë-adler", "email:kim@example.com", "name:emile roy|acme, inc.",
                            "name:ana ruiz|"]


# --------------------------------------------------------------------------------------
# Connections.csv: every generation and every damage seen in the wild

ZOE_ROW = ("Zoë", "Adler", "Acme Robotics", "Engineering Manager")
BO_ROW = ("Bo", "Li", "Globex", "Staff Engineer")


def _outlook_header() -> list[str]:
    named = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "E-mail Address",
             "E-mail 2 Address", "E-mail 3 Address", "Business Phone", "Business Phone 2",
             "Business Fax", "Home Phone", "Home Phone 2", "Home Fax", "Mobile Phone", "Pager",
             "Company", "Job Title", "Department", "Office Location", "Business Street",
             "Business City", "Business State", "Business Postal Code", "Business Country",
             "Home Street", "Home City", "Home State", "Home Postal Code", "Home Country",
             "Web Page", "Notes", "Birthday", "Anniversary", "Categories"]
    return named + [f"User {i}" for i in range(1, 59 - len(named) + 1)]


def _outlook() -> str:
    header = _outlook_header()
    assert len(header) == 59

    def row(first, last, email, company, title):
        values = dict.fromkeys(header, "")
        values.update({"First Name": first, "Last Name": last, "E-mail Address": email,
                       "Company": company, "Job Title": title})
        return ",".join(f'"{values[h]}"' for h in header)

    return "\r\n".join([",".join(f'"{h}"' for h in header),
                        row("Zoë", "Adler", "zoe@example.com", "Acme Robotics", "Engineering Manager"),
                        row("Bo", "Li", "", "Globex", "Staff Engineer")]) + "\r\n"


CONNECTION_VARIANTS = {
    # id: (bytes, first data line, expected dates, encoding, delimiter, date format)
    "2026-genuine": (
        (PREAMBLE + HEADER + f"\nZoë,Adler,{ZOE},,Acme Robotics,Engineering Manager,07 Nov 2023"
         f"\nBo,Li,{BO},,Globex,Staff Engineer,14 Mar 2019").encode(),
        5, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d %b %Y"),
    "2026-final-newline": (
        (PREAMBLE + HEADER + f"\nZoë,Adler,{ZOE},,Acme Robotics,Engineering Manager,07 Nov 2023"
         f"\nBo,Li,{BO},,Globex,Staff Engineer,14 Mar 2019\n").encode(),
        5, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d %b %Y"),
    "2021-no-url": (
        (PREAMBLE + HEADER_NO_URL + "\nZoë,Adler,,Acme Robotics,Engineering Manager,07 Nov 2023"
         "\nBo,Li,,Globex,Staff Engineer,14 Mar 2019").encode(),
        5, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d %b %Y"),
    "2020-no-preamble": (
        (HEADER_NO_URL + "\nZoë,Adler,,Acme Robotics,Engineering Manager,07 Nov 2023"
         "\nBo,Li,,Globex,Staff Engineer,14 Mar 2019").encode(),
        2, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d %b %Y"),
    "preamble-deleted-by-hand": (
        (HEADER + f"\nZoë,Adler,{ZOE},,Acme Robotics,Engineering Manager,07 Nov 2023"
         f"\nBo,Li,{BO},,Globex,Staff Engineer,14 Mar 2019").encode(),
        2, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d %b %Y"),
    "nov-2018": (
        (HEADER_NO_URL + '\nZoë,Adler,zoe@example.com,Acme Robotics,Engineering Manager,"11/7/18, 3:24 PM"'
         '\nBo,Li,bo@example.com,Globex,Staff Engineer,"3/14/18, 11:05 AM"').encode(),
        2, ("2018-11-07 15:24", "2018-03-14 11:05"), "utf-8", "comma", "%m/%d/%y, %I:%M %p"),
    "early-2018-extra-columns": (
        ("First Name,Last Name,Address,Email Address,Company,Position,Connected On,Websites,"
         'Instant Messengers\nZoë,Adler,,zoe@example.com,Acme Robotics,Engineering Manager,'
         '"11/7/18, 3:24 PM",,\nBo,Li,,bo@example.com,Globex,Staff Engineer,"3/14/18, 11:05 AM",,').encode(),
        2, ("2018-11-07 15:24", "2018-03-14 11:05"), "utf-8", "comma", "%m/%d/%y, %I:%M %p"),
    "excel-us-notes-crlf": (
        ('Notes:,,\r\n"When exporting your connection data, you may notice that some of the email '
         'addresses are missing."\r\n,,\r\n' + HEADER + "\r\n"
         f"Zoë,Adler,{ZOE},,Acme Robotics,Engineering Manager,7-Nov-23\r\n"
         f"Bo,Li,{BO},,Globex,Staff Engineer,14-Mar-19\r\n").encode(),
        5, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d-%b-%y"),
    "excel-utf8-bom": (
        codecs.BOM_UTF8 + (PREAMBLE + HEADER + f"\nZoë,Adler,{ZOE},,Acme Robotics,Engineering Manager,07 Nov 2023"
                           f"\nBo,Li,{BO},,Globex,Staff Engineer,14 Mar 2019").encode(),
        5, ("2023-11-07", "2019-03-14"), "utf-8-sig", "comma", "%d %b %Y"),
    "excel-europe-semicolon-cp1252": (
        ("First Name;Last Name;Email Address;Company;Position;Connected on\r\n"
         "Zoë;Adler;;Acme Robotics;Engineering Manager;07.11.2023\r\n"
         "Bo;Li;;Globex;Staff Engineer;14.03.2019\r\n").encode("cp1252"),
        2, ("2023-11-07", "2019-03-14"), "cp1252", "semicolon", "%d.%m.%Y"),
    "utf16-tab-quoted": (
        codecs.BOM_UTF16_LE + ("\r\n".join(
            "\t".join(f'"{v}"' for v in row) for row in [
                HEADER.split(","),
                ["Zoë", "Adler", ZOE, "", "Acme Robotics", "Engineering Manager", "07 Nov 2023"],
                ["Bo", "Li", BO, "", "Globex", "Staff Engineer", "14 Mar 2019"],
            ]) + "\r\n").encode("utf-16-le"),
        2, ("2023-11-07", "2019-03-14"), "utf-16", "tab", "%d %b %Y"),
    "old-mac-cr-only": (
        (HEADER + f"\rZoë,Adler,{ZOE},,Acme Robotics,Engineering Manager,07 Nov 2023"
         f"\rBo,Li,{BO},,Globex,Staff Engineer,14 Mar 2019\r").encode(),
        2, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d %b %Y"),
    "stray-spaces": (
        (PREAMBLE + HEADER + f"\n Zoë , Adler,{ZOE} ,,Acme Robotics  , Engineering Manager,07 Nov 2023"
         f"\nBo  ,Li,{BO},,Globex,Staff Engineer ,14 Mar 2019").encode(),
        5, ("2023-11-07", "2019-03-14"), "utf-8", "comma", "%d %b %Y"),
}


@pytest.mark.parametrize("variant", list(CONNECTION_VARIANTS))
def test_every_generation_of_connections_csv(tmp_path, variant):
    raw, first_line, dates, encoding, delimiter, date_format = CONNECTION_VARIANTS[variant]
    export = read_bare(tmp_path, raw)
    has_url = b"URL" in raw or "URL".encode("utf-16-le") in raw
    emails = ("zoe@example.com", "bo@example.com") if "2018" in variant else ("", "")
    assert people(export) == [
        ("Zoë Adler", ZOE_RAW if has_url else "", emails[0], "Acme Robotics", "Engineering Manager",
         dates[0] if " " in dates[0] else dates[0] + " 00:00", first_line),
        ("Bo Li", BO if has_url else "", emails[1], "Globex", "Staff Engineer",
         dates[1] if " " in dates[1] else dates[1] + " 00:00", first_line + 1),
    ]
    assert export.connections["person_id"].tolist() == (
        ["in:zoë-adler", "in:bo-li-42"] if has_url else
        ["email:zoe@example.com", "email:bo@example.com"] if "2018" in variant else
        ["name:zoe adler|acme robotics", "name:bo li|globex"])
    info = file_row(export, "connections")
    assert (info["file"], info["rows"], info["used"], info["encoding"], info["delimiter"],
            info["date_format"]) == ("Connections.csv", 2, 2, encoding, delimiter, date_format)
    assert export.hidden == 0 and export.skipped.empty


def test_outlook_export_of_2016_maps_its_columns(tmp_path):
    export = read_bare(tmp_path, _outlook(), name="linkedin_connections_export_microsoft_outlook.csv")
    assert people(export) == [
        ("Zoë Adler", "", "zoe@example.com", "Acme Robotics", "Engineering Manager", "", 2),
        ("Bo Li", "", "", "Globex", "Staff Engineer", "", 3),
    ]
    assert export.connections["person_id"].tolist() == ["email:zoe@example.com", "name:bo li|globex"]
    assert file_row(export, "connections")["date_format"] == ""


def test_outlook_export_is_found_in_a_folder_without_connections_csv(tmp_path):
    export = read_folder(tmp_path, {"linkedin_connections_export_microsoft_outlook.csv": _outlook()})
    assert export.connections["name"].tolist() == ["Zoë Adler", "Bo Li"]
    assert file_row(export, "connections")["file"] == "linkedin_connections_export_microsoft_outlook.csv"


def test_the_genuine_preamble_is_375_bytes():
    assert len(PREAMBLE.encode()) == 375


def test_quoted_fields_embedded_quotes_commas_and_newlines_keep_line_numbers(tmp_path):
    text = PREAMBLE + HEADER + "\n" + "\n".join([
        'Zoë,Adler,,,"Acme, Inc.","VP ""Ops"", EMEA",07 Nov 2023',
        'Bo,Li,,,Globex,"Staff Engineer\nPlatform\nTeam",14 Mar 2019',
        "Dee,Ray,,,Initech,Recruiter,01 Feb 2016",
    ])
    export = read_bare(tmp_path, text)
    assert people(export) == [
        ("Zoë Adler", "", "", "Acme, Inc.", 'VP "Ops", EMEA', "2023-11-07 00:00", 5),
        ("Bo Li", "", "", "Globex", "Staff Engineer\nPlatform\nTeam", "2019-03-14 00:00", 6),
        ("Dee Ray", "", "", "Initech", "Recruiter", "2016-02-01 00:00", 9),
    ]


@pytest.mark.parametrize("header, hidden_row", [
    (HEADER, ",,,,,,07 Jun 2022"),
    (HEADER_NO_URL, ",,,,,07 Jun 2022"),
])
def test_date_only_rows_are_hidden_members_counted_and_listed(tmp_path, header, hidden_row):
    url = [ZOE] if header == HEADER else []
    zoe = ",".join(["Zoë", "Adler", *url, "", "Acme", "Engineer", "07 Nov 2023"])
    text = PREAMBLE + header + "\n" + "\n".join([zoe, hidden_row, hidden_row, "Bo,Li," + ",Globex,Eng,14 Mar 2019"
                                                 if header == HEADER_NO_URL else f"Bo,Li,{BO},,Globex,Eng,14 Mar 2019"])
    export = read_bare(tmp_path, text)
    assert export.hidden == 2
    assert export.connections["name"].tolist() == ["Zoë Adler", "Bo Li"]
    assert export.connections["line"].tolist() == [5, 8]
    assert skipped(export) == [
        ("Connections.csv", 6, "hidden member: the row has only a date", ""),
        ("Connections.csv", 7, "hidden member: the row has only a date", ""),
    ]
    assert (file_row(export, "connections")["rows"], file_row(export, "connections")["used"]) == (4, 2)


def test_unknown_extra_columns_are_ignored_and_logged(tmp_path, caplog):
    text = HEADER + ",Favourite Colour\n" + f"Zoë,Adler,{ZOE},,Acme,Engineer,07 Nov 2023,teal"
    with caplog.at_level(logging.INFO, logger="netgraph.io"):
        export = read_bare(tmp_path, text)
    assert people(export) == [("Zoë Adler", ZOE_RAW, "", "Acme", "Engineer", "2023-11-07 00:00", 2)]
    assert "Connections.csv: ignoring unknown columns Favourite Colour" in caplog.text


@pytest.mark.parametrize("dates, expected, fmt", [
    # All ambiguous: month-first, as LinkedIn (US) writes it.
    (["01/02/2020", "03/04/2021"], ["2020-01-02", "2021-03-04"], "%m/%d/%Y"),
    # One value only reads day-first: the whole file is day-first, never a mix.
    (["01/02/2020", "03/04/2021", "13/04/2021"], ["2020-02-01", "2021-04-03", "2021-04-13"], "%d/%m/%Y"),
    # One value only reads month-first, late in the file.
    (["01/02/2020"] * 300 + ["04/13/2021"], ["2020-01-02"] * 300 + ["2021-04-13"], "%m/%d/%Y"),
    (["7-Nov-23", "14-Mar-19"], ["2023-11-07", "2019-03-14"], "%d-%b-%y"),
])
def test_one_date_format_per_file_the_one_that_reads_every_value(tmp_path, dates, expected, fmt):
    rows = [f"P{i},Q,,Acme,Eng,{d}" for i, d in enumerate(dates)]
    export = read_bare(tmp_path, HEADER_NO_URL + "\n" + "\n".join(rows))
    assert export.connections["connected_on"].dt.strftime("%Y-%m-%d").tolist() == expected
    assert file_row(export, "connections")["date_format"] == fmt
    assert export.skipped.empty


def test_a_bad_date_skips_that_row_only(tmp_path):
    text = PREAMBLE + HEADER + "\n" + "\n".join([
        "Zoë,Adler,,,Acme,Engineer,07 Nov 2023", "Cai,Wu,,,Initech,PM,31/31/2020",
        "Bo,Li,,,Globex,Eng,14 Mar 2019"])
    export = read_bare(tmp_path, text)
    assert export.connections["name"].tolist() == ["Zoë Adler", "Bo Li"]
    assert skipped(export) == [("Connections.csv", 6, "'Connected On' is not a date like '07 Nov 2023'",
                                "'31/31/2020'")]


def test_a_row_with_more_fields_than_the_header_is_skipped(tmp_path):
    text = HEADER_NO_URL + "\nZoë,Adler,,Acme, Inc,Engineer,07 Nov 2023\nBo,Li,,Globex,Eng,14 Mar 2019"
    export = read_bare(tmp_path, text)
    assert export.connections["name"].tolist() == ["Bo Li"]
    assert skipped(export) == [("Connections.csv", 2, "more fields than the header has", "1 extra")]


def test_a_row_with_very_many_fields_goes_through_the_row_by_row_reader(tmp_path):
    text = HEADER_NO_URL + "\nZoë,Adler,,Acme,Engineer,07 Nov 2023,a,b,c,d,e,f,g\nBo,Li,,Globex,Eng,14 Mar 2019"
    export = read_bare(tmp_path, text)
    assert export.connections["name"].tolist() == ["Bo Li"]
    assert export.connections["line"].tolist() == [3]
    assert skipped(export) == [("Connections.csv", 2, "more fields than the header has", "7 extra")]


def test_the_same_person_twice_is_one_connection(tmp_path):
    text = HEADER + "\n" + "\n".join([f"Zoë,Adler,{ZOE},,Acme,Engineer,07 Nov 2023",
                                      f"Zoë,Adler,{ZOE_RAW}/,,Acme,Engineer,07 Nov 2023"])
    export = read_bare(tmp_path, text)
    assert export.connections["line"].tolist() == [2]
    assert skipped(export) == [("Connections.csv", 3, "the same person as another row", "line 2")]


# --------------------------------------------------------------------------------------
# Archive layouts


@pytest.mark.parametrize("name", ["Basic_LinkedInDataExport_11-20-2026 (1).zip", "x.zip.zip",
                                  "Complete_LinkedInDataExport_11-20-2026.zip (1).zip", "download"])
def test_a_zip_under_any_name(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(zip_bytes({"Connections.csv": NETWORK, "Profile.csv": PROFILE}))
    export = read_export(path)
    assert export.source == str(path)
    assert export.connections["name"].tolist() == ["Zoë Adler", "Bo Li", "Dee Ray"]
    assert export.owner == Owner("Robin Owner", "", "name:robin owner|")
    assert export.hidden == 1


def test_a_zip_with_one_wrapper_folder_and_macos_litter(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({
        "Basic_LinkedInDataExport_11-20-2026/Connections.csv": NETWORK,
        "__MACOSX/Basic_LinkedInDataExport_11-20-2026/._Connections.csv": b"\x00\x05\x16\x07junk",
        "Basic_LinkedInDataExport_11-20-2026/Jobs/Saved Jobs.csv": "Saved Date,Job Url\n",
    }))
    export = read_export(path)
    assert len(export.connections) == 3
    assert export.files[["file", "kind"]].values.tolist() == [
        ["Basic_LinkedInDataExport_11-20-2026/Connections.csv", "connections"],
        ["Basic_LinkedInDataExport_11-20-2026/Jobs/Saved Jobs.csv", "other"],
    ]


def test_a_zip_inside_a_zip(tmp_path):
    inner = zip_bytes({"Connections.csv": NETWORK})
    path = tmp_path / "outer.zip"
    path.write_bytes(zip_bytes({"Basic_LinkedInDataExport_11-20-2026.zip": inner}))
    assert len(read_export(path).connections) == 3


def test_a_folder_finds_files_by_basename_recursively_and_case_insensitively(tmp_path):
    export = read_folder(tmp_path, {
        "Basic_LinkedInDataExport_11-20-2026/CONNECTIONS_4711.csv": NETWORK,
        "Basic_LinkedInDataExport_11-20-2026/profile.CSV": PROFILE,
        "Basic_LinkedInDataExport_11-20-2026/Rich Media.csv": "Date/Time,Media Description\n",
    })
    assert len(export.connections) == 3
    assert export.owner.name == "Robin Owner"
    assert export.files[["file", "kind", "rows", "used"]].values.tolist() == [
        ["Basic_LinkedInDataExport_11-20-2026/CONNECTIONS_4711.csv", "connections", 4, 3],
        ["Basic_LinkedInDataExport_11-20-2026/profile.CSV", "profile", 1, 1],
        ["Basic_LinkedInDataExport_11-20-2026/Rich Media.csv", "other", 0, 0],
    ]


@pytest.mark.parametrize("name", ["Connections.csv", "my network (copy).txt", "connections"])
def test_a_bare_connections_file_under_any_name(tmp_path, name):
    export = read_bare(tmp_path, NETWORK, name=name)
    assert export.connections["name"].tolist() == ["Zoë Adler", "Bo Li", "Dee Ray"]
    assert export.files["file"].tolist() == [name]
    assert export.messages.empty and export.owner == Owner("", "", "name:|")


def test_empty_frames_have_their_columns_and_types(tmp_path):
    export = read_bare(tmp_path, NETWORK)
    expected = {
        "messages": ["conversation_id", "date", "direction", "person_id", "name", "url", "line"],
        "invitations": ["person_id", "name", "url", "direction", "date", "has_note", "line"],
        "endorsements": ["person_id", "name", "url", "direction", "skill", "date", "line"],
        "recommendations": ["person_id", "name", "company", "position", "direction", "date", "line"],
        "positions": ["company", "title", "started_on", "finished_on", "line"],
        "education": ["school", "degree", "started_on", "finished_on", "line"],
    }
    for field, columns in expected.items():
        frame = getattr(export, field)
        assert frame.columns.tolist() == columns and frame.empty
        assert frame["line"].dtype == np.int64
    assert export.connections.columns.tolist() == [
        "person_id", "name", "first_name", "last_name", "url", "email", "company", "position",
        "connected_on", "line"]
    assert str(export.connections["connected_on"].dtype) == "datetime64[ns]"
    assert export.skipped.columns.tolist() == ["file", "line", "reason", "detail"]
    assert export.files.columns.tolist() == ["file", "kind", "rows", "used", "encoding", "delimiter",
                                             "date_format", "first_date", "last_date"]


def test_text_columns_are_never_missing(tmp_path):
    export = read_bare(tmp_path, NETWORK)
    for column in ["person_id", "name", "first_name", "last_name", "url", "email", "company", "position"]:
        assert export.connections[column].notna().all()
    assert export.connections["email"].tolist() == ["", "", "dee@example.com"]


# --------------------------------------------------------------------------------------
# messages.csv: all header generations

MSG10 = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
         "DATE,SUBJECT,CONTENT,FOLDER")
DEE_URL = "https://www.linkedin.com/in/dee-ray-7"
SAM_URL = "https://www.linkedin.com/in/sam-stranger"
# (conversation, title, from, sender url, to, recipient urls, date, content, folder)
MESSAGE_ROWS = [
    ("2-AAA==", "", "Robin Owner", OWNER_URL, "Zoë Adler, Bo Li", f"{ZOE_RAW},{BO}",
     "2024-01-02 10:00:00 UTC", "Hi both, see you Tuesday", "INBOX"),
    ("2-AAA==", "", "Zoë Adler", ZOE_RAW, "Robin Owner, Bo Li", f"{OWNER_URL},{BO}",
     "2024-01-03 11:30:00 UTC", 'Sounds "great"', "INBOX"),
    ("2-BBB==", "", "Dee Ray", DEE_URL, "Robin Owner", OWNER_URL, "2024-02-01 09:00:00 UTC",
     "Hello", "ARCHIVE"),
    ("2-BBB==", "", "Robin Owner", OWNER_URL, "Dee Ray", DEE_URL, "2024-02-02 09:00:00 UTC",
     "Thanks", "ARCHIVE"),
    ("2-CCC==", "Sponsored Conversation", "Acme Ads", "", "Robin Owner", OWNER_URL,
     "2024-03-01 08:00:00 UTC", '<p class="spinmail-quill-editor__spin-break">Offer</p>', "INBOX"),
    ("2-DDD==", "", "LinkedIn Member", "", "Robin Owner", OWNER_URL, "2024-03-02 08:00:00 UTC",
     "hi", "INBOX"),
    ("2-EEE==", "", "Robin Owner", OWNER_URL, "LinkedIn Member", "", "2024-03-03 08:00:00 UTC",
     "hello?", "INBOX"),
    ("2-FFF==", "", "Sam Stranger", SAM_URL, "Robin Owner", OWNER_URL, "2024-03-04 08:00:00 UTC",
     "Hi", "INBOX"),
    ("2-GGG==", "", "Robin Owner", OWNER_URL, "Bo Li", BO, "not a date", "x", "INBOX"),
]
EXPECTED_MESSAGES = [
    ("2-AAA==", "2024-01-02 10:00:00", "sent", "in:zoë-adler", "Zoë Adler", ZOE_RAW, 2),
    ("2-AAA==", "2024-01-02 10:00:00", "sent", "in:bo-li-42", "Bo Li", BO, 2),
    ("2-AAA==", "2024-01-03 11:30:00", "received", "in:zoë-adler", "Zoë Adler", ZOE_RAW, 3),
    ("2-BBB==", "2024-02-01 09:00:00", "received", "email:dee@example.com", "Dee Ray", DEE_URL, 4),
    ("2-BBB==", "2024-02-02 09:00:00", "sent", "email:dee@example.com", "Dee Ray", DEE_URL, 5),
    ("2-FFF==", "2024-03-04 08:00:00", "received", "in:sam-stranger", "Sam Stranger", SAM_URL, 9),
]
EXPECTED_MESSAGE_SKIPS = [
    ("messages.csv", 6, "sponsored conversation (an ad)", ""),
    ("messages.csv", 7, "sender is 'LinkedIn Member' (a hidden member)", ""),
    ("messages.csv", 8, "recipient is 'LinkedIn Member' (a hidden member)", ""),
    ("messages.csv", 10, "'DATE' is not a date like '2023-11-07 14:03:22 UTC'", "'not a date'"),
]
HIDDEN_SKIP = ("Connections.csv", 8, "hidden member: the row has only a date", "")


def csv_line(values, *, quote_all=False) -> str:
    def field(v: str) -> str:
        if quote_all or any(c in v for c in ',"\n'):
            return '"' + v.replace('"', '""') + '"'
        return v
    return ",".join(field(v) for v in values)


def messages_csv(form: str) -> str:
    """MESSAGE_ROWS in one of the header generations of messages.csv."""
    extra = {"10": [], "11-attachments": ["ATTACHMENTS"], "12-drafts": ["IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
             "12-attachments-draft": ["ATTACHMENTS", "IS MESSAGE DRAFT"], "2026-quoted": ["ATTACHMENTS"]}[form]
    quote_all = form == "2026-quoted"
    lines = [csv_line(MSG10.split(",") + extra, quote_all=quote_all)]
    for conv, title, sender, sender_url, to, urls, date, content, folder in MESSAGE_ROWS:
        values = [conv, title, sender, sender_url, to, urls, date, "", content, folder]
        values += ["No" if "DRAFT" in e else "" for e in extra]
        lines.append(csv_line(values, quote_all=quote_all))
    return "\n".join(lines) + "\n"


def messages_export(tmp_path, messages: str, **more) -> Export:
    return read_folder(tmp_path, {"Connections.csv": NETWORK, "Profile.csv": PROFILE,
                                  "messages.csv": messages, **more})


def message_rows(export: Export) -> list[tuple]:
    m = export.messages
    return list(zip(m["conversation_id"], m["date"].dt.strftime("%Y-%m-%d %H:%M:%S"), m["direction"],
                    m["person_id"], m["name"], m["url"], m["line"]))


@pytest.mark.parametrize("form", ["10", "11-attachments", "12-drafts", "12-attachments-draft", "2026-quoted"])
def test_messages_of_every_url_era(tmp_path, form):
    export = messages_export(tmp_path, messages_csv(form))
    assert export.owner == Owner("Robin Owner", OWNER_URL, "in:robin-owner")
    assert message_rows(export) == EXPECTED_MESSAGES
    assert skipped(export) == [HIDDEN_SKIP] + EXPECTED_MESSAGE_SKIPS
    info = file_row(export, "messages")
    assert (info["rows"], info["used"], info["date_format"]) == (9, 5, "%Y-%m-%d %H:%M:%S UTC")
    assert (info["first_date"], info["last_date"]) == (pd.Timestamp("2024-01-02 10:00:00"),
                                                       pd.Timestamp("2024-03-04 08:00:00"))
    assert str(export.messages["date"].dtype) == "datetime64[ns]"


def test_multi_line_messages_of_2026_keep_their_line_numbers(tmp_path):
    rows = list(MESSAGE_ROWS)
    rows[1] = rows[1][:7] + ("Sounds great.\nSee you\nTuesday", "INBOX")
    text = "\n".join([csv_line(MSG10.split(","), quote_all=True)] + [
        csv_line([c, t, f, su, to, u, d, "", x, fo], quote_all=True) for c, t, f, su, to, u, d, x, fo in rows]) + "\n"
    export = messages_export(tmp_path, text)
    assert export.messages["line"].tolist() == [2, 2, 3, 6, 7, 11]
    assert [s[1] for s in skipped(export)[1:]] == [8, 9, 10, 12]


def test_drafts_are_skipped(tmp_path):
    header = MSG10 + ",IS MESSAGE DRAFT,IS CONVERSATION DRAFT"
    text = "\n".join([header,
                      csv_line(["2-A", "", "Robin Owner", OWNER_URL, "Bo Li", BO, "2024-01-02 10:00:00 UTC", "", "hi",
                                "INBOX", "No", "No"]),
                      csv_line(["2-A", "", "Robin Owner", OWNER_URL, "Bo Li", BO, "2024-01-03 10:00:00 UTC", "",
                                "draft", "INBOX", "Yes", "No"]),
                      csv_line(["2-B", "", "Robin Owner", OWNER_URL, "Zoë Adler", ZOE_RAW, "", "", "draft", "",
                                "No", "Yes"])]) + "\n"
    export = messages_export(tmp_path, text)
    assert message_rows(export) == [("2-A", "2024-01-02 10:00:00", "sent", "in:bo-li-42", "Bo Li", BO, 2)]
    assert skipped(export)[1:] == [("messages.csv", 3, "draft", ""), ("messages.csv", 4, "draft", "")]


def test_messages_of_2021_without_recipient_urls_use_the_names(tmp_path):
    header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER"
    text = "\n".join([header] + [csv_line([c, t, f, su, to, d, "", x, fo])
                                 for c, t, f, su, to, _u, d, x, fo in MESSAGE_ROWS]) + "\n"
    export = messages_export(tmp_path, text)
    assert export.owner.url == OWNER_URL
    assert message_rows(export) == [
        ("2-AAA==", "2024-01-02 10:00:00", "sent", "in:zoë-adler", "Zoë Adler", ZOE_RAW, 2),
        ("2-AAA==", "2024-01-02 10:00:00", "sent", "in:bo-li-42", "Bo Li", BO, 2),
        ("2-AAA==", "2024-01-03 11:30:00", "received", "in:zoë-adler", "Zoë Adler", ZOE_RAW, 3),
        ("2-BBB==", "2024-02-01 09:00:00", "received", "email:dee@example.com", "Dee Ray", DEE_URL, 4),
        ("2-BBB==", "2024-02-02 09:00:00", "sent", "email:dee@example.com", "Dee Ray", "", 5),
        ("2-FFF==", "2024-03-04 08:00:00", "received", "in:sam-stranger", "Sam Stranger", SAM_URL, 9),
    ]
    assert skipped(export) == [HIDDEN_SKIP] + EXPECTED_MESSAGE_SKIPS


def test_messages_of_2018_use_the_direction_column(tmp_path):
    text = "\n".join([
        "From,To,Date,Subject,Content,Direction,Folder",
        'Robin Owner,"Zoë Adler, Bo Li","1/2/24, 10:00 AM",,Hi both,OUTGOING,SENT',
        'Zoë Adler,"Robin Owner, Bo Li","1/3/24, 11:30 AM",Re: lunch,"Hey, sure",INCOMING,INBOX',
        'Dee Ray,Robin Owner,"2/1/24, 9:00 PM",,Hello,INCOMING,ARCHIVED',
    ]) + "\n"
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Messages.csv": text})
    assert export.owner == Owner("Robin Owner", "", "name:robin owner|")
    assert message_rows(export) == [
        ("", "2024-01-02 10:00:00", "sent", "in:zoë-adler", "Zoë Adler", ZOE_RAW, 2),
        ("", "2024-01-02 10:00:00", "sent", "in:bo-li-42", "Bo Li", BO, 2),
        ("", "2024-01-03 11:30:00", "received", "in:zoë-adler", "Zoë Adler", ZOE_RAW, 3),
        ("", "2024-02-01 21:00:00", "received", "email:dee@example.com", "Dee Ray", "", 4),
    ]
    assert file_row(export, "messages")["date_format"] == "%m/%d/%y, %I:%M %p"


@pytest.mark.parametrize("to, urls, expected", [
    # A comma inside a name: the URLs decide; names align once the credential is kept.
    ("Ana Ruiz, PhD, Bo Li", f"https://www.linkedin.com/in/ana-ruiz,{BO}",
     [("in:ana-ruiz", "Ana Ruiz, PhD"), ("in:bo-li-42", "Bo Li")]),
    # Names and URLs disagree: the URLs win, names come from the connections.
    ("Smith, Jane, Bo Li", f"https://www.linkedin.com/in/jane-smith,{BO}",
     [("in:jane-smith", ""), ("in:bo-li-42", "Bo Li")]),
    # One recipient: TO is that one name, commas and all.
    ("Li, Bo", BO, [("in:bo-li-42", "Li, Bo")]),
    # No URL list: names alone, credentials kept with their name.
    ("Ana Ruiz, PhD, Bo Li", "", [("name:ana ruiz, phd|", "Ana Ruiz, PhD"), ("in:bo-li-42", "Bo Li")]),
])
def test_recipients_of_a_message_the_owner_sent(tmp_path, to, urls, expected):
    text = MSG10 + "\n" + "\n".join([
        csv_line(["2-A", "", "Robin Owner", OWNER_URL, to, urls, "2024-01-02 10:00:00 UTC", "", "hi", "INBOX"]),
        csv_line(["2-B", "", "Robin Owner", OWNER_URL, "Zoë Adler", ZOE_RAW, "2024-01-03 10:00:00 UTC", "", "hi",
                  "INBOX"]),
    ]) + "\n"
    export = messages_export(tmp_path, text)
    m = export.messages[export.messages["line"] == 2]
    assert list(zip(m["person_id"], m["name"])) == expected
    assert (m["direction"] == "sent").all()


def test_the_owner_url_is_checked_against_the_profile_name(tmp_path):
    # One conversation with one person: both URLs take part in exactly one conversation.
    text = MSG10 + "\n" + "\n".join([
        csv_line(["2-A", "", "Bo Li", BO, "Robin Owner", OWNER_URL, "2024-01-02 10:00:00 UTC", "", "hi", "INBOX"]),
        csv_line(["2-A", "", "Robin Owner", OWNER_URL, "Bo Li", BO, "2024-01-03 10:00:00 UTC", "", "hey", "INBOX"]),
    ]) + "\n"
    export = messages_export(tmp_path, text)
    assert export.owner.url == OWNER_URL
    assert export.messages["direction"].tolist() == ["received", "sent"]
    assert export.messages["person_id"].tolist() == ["in:bo-li-42", "in:bo-li-42"]


def test_without_profile_csv_the_owner_is_the_participant_of_most_conversations(tmp_path):
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "messages.csv": messages_csv("10")})
    assert export.owner == Owner("Robin Owner", OWNER_URL, "in:robin-owner")
    assert message_rows(export) == EXPECTED_MESSAGES


def test_the_owner_is_never_one_of_their_connections(tmp_path):
    network = NETWORK + f"\nRobin,Owner,{OWNER_URL},,Self,Me,01 Jan 2015"
    export = read_folder(tmp_path, {"Connections.csv": network, "messages.csv": messages_csv("10")})
    assert "in:robin-owner" not in export.connections["person_id"].tolist()
    assert ("Connections.csv", 9, "this is the export's owner", "") in skipped(export)


def test_percent_encoded_slugs_join_their_raw_utf8_twins(tmp_path):
    export = messages_export(tmp_path, messages_csv("10"))
    zoe = export.connections.loc[export.connections["name"] == "Zoë Adler", "person_id"].item()
    assert zoe == "in:zoë-adler"
    assert set(export.messages.loc[export.messages["name"] == "Zoë Adler", "person_id"]) == {zoe}


def test_a_name_shared_by_two_connections_is_not_joined(tmp_path):
    network = HEADER_NO_URL + "\nBo,Li,,Globex,Eng,14 Mar 2019\nBo,Li,,Initech,PM,14 Mar 2020"
    text = MSG10 + "\n" + csv_line(["2-A", "", "Bo Li", "", "Robin Owner", OWNER_URL,
                                    "2024-01-02 10:00:00 UTC", "", "hi", "INBOX"]) + "\n"
    export = read_folder(tmp_path, {"Connections.csv": network, "messages.csv": text, "Profile.csv": PROFILE})
    assert export.connections["person_id"].tolist() == ["name:bo li|globex", "name:bo li|initech"]
    assert export.messages["person_id"].tolist() == ["name:bo li|"]


def test_helper_message_files_are_ignored(tmp_path):
    header_only = MSG10 + "\n"
    export = messages_export(tmp_path, messages_csv("10"), **{
        "coach_messages.csv": header_only, "guide_messages.csv": header_only,
        "learning_role_play_messages.csv": header_only,
        "LearningCoachMessages.csv": "No conversations found"})
    assert message_rows(export) == EXPECTED_MESSAGES
    kinds = dict(zip(export.files["file"], export.files["kind"]))
    assert kinds["coach_messages.csv"] == kinds["LearningCoachMessages.csv"] == "other"
    assert kinds["messages.csv"] == "messages"


# --------------------------------------------------------------------------------------
# Invitations, endorsements, recommendations

INVITATION_ROWS = [
    # from, to, sent at, message, direction, inviter url, invitee url
    ("Robin Owner", "Bo Li", "3/7/24, 9:15 AM", "Great meeting you at the meetup!", "OUTGOING", OWNER_URL, BO),
    ("Sam Stranger", "Robin Owner", "11/20/25, 10:02 PM", "", "INCOMING", SAM_URL, OWNER_URL),
    ("Dee Ray", "Robin Owner", "1/15/16, 8:00 AM", "", "INCOMING", DEE_URL, OWNER_URL),
]


@pytest.mark.parametrize("form", ["2018-5-columns", "2023-urls", "2023-truncated-urls", "2024-urns"])
def test_invitations_of_every_header_form(tmp_path, form):
    header = "From,To,Sent At,Message,Direction"
    header += {"2018-5-columns": "", "2023-urls": ",inviterProfileUrl,inviteeProfileUrl",
               "2023-truncated-urls": ",inviterProfileUrl,inviteeProfileUrl",
               "2024-urns": ",inviterProfileUrn,inviteeProfileUrn"}[form]
    lines = [header]
    for i, (f, t, at, note, direction, inviter, invitee) in enumerate(INVITATION_ROWS):
        values = [f, t, at, note, direction]
        if form == "2023-urls":
            values += [inviter, invitee]
        elif form == "2023-truncated-urls":
            values += ["https://www.linkedin.com/in", "https://www.linkedin.com/in"]
        elif form == "2024-urns":
            values += [f"urn:li:member:{1000 + i}", f"urn:li:member:{2000 + i}"]
        lines.append(csv_line(values))
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Profile.csv": PROFILE,
                                    "Invitations.csv": "\n".join(lines) + "\n"})
    inv = export.invitations
    with_urls = form == "2023-urls"
    assert list(zip(inv["person_id"], inv["name"], inv["url"], inv["direction"],
                    inv["date"].dt.strftime("%Y-%m-%d %H:%M"), inv["has_note"], inv["line"])) == [
        ("in:bo-li-42", "Bo Li", BO, "sent", "2024-03-07 09:15", True, 2),
        ("in:sam-stranger" if with_urls else "name:sam stranger|", "Sam Stranger",
         SAM_URL if with_urls else "", "received", "2025-11-20 22:02", False, 3),
        ("email:dee@example.com", "Dee Ray", DEE_URL if with_urls else "", "received", "2016-01-15 08:00", False, 4),
    ]
    assert inv["has_note"].dtype == bool
    assert export.owner.url == (OWNER_URL if with_urls else "")
    assert file_row(export, "invitations")["date_format"] == "%m/%d/%y, %I:%M %p"


def test_invitations_without_direction_use_the_owner_name(tmp_path):
    text = ("From,To,Sent At,Message\nRobin Owner,Bo Li,\"3/7/24, 9:15 AM\",\n"
            "Stranger Danger,Someone Else,\"3/8/24, 9:15 AM\",\n")
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Profile.csv": PROFILE, "Invitations.csv": text})
    assert export.invitations[["person_id", "direction"]].values.tolist() == [["in:bo-li-42", "sent"]]
    assert skipped(export)[-1] == ("Invitations.csv", 3, "cannot tell who invited whom (no 'Direction')", "")


ENDORSEMENTS_RECEIVED = (
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    "2023/11/07 14:03:22 UTC,Python,Bo,Li,www.linkedin.com/in/bo-li-42,ACCEPTED\n"
    "2021/02/01 08:00:00 UTC,SQL,Zoë,Adler,www.linkedin.com/in/zo%C3%AB-adler,PENDING\n")
ENDORSEMENTS_GIVEN = (
    "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n"
    "2024/05/06 07:08:09 UTC,Recruiting,Dee,Ray,www.linkedin.com/in/dee-ray-7,ACCEPTED\n")


def test_endorsements_given_and_received(tmp_path):
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED,
                                    "Endorsement_Given_Info.csv": ENDORSEMENTS_GIVEN})
    e = export.endorsements
    assert list(zip(e["person_id"], e["name"], e["url"], e["direction"], e["skill"],
                    e["date"].dt.strftime("%Y-%m-%d %H:%M:%S"), e["line"])) == [
        ("email:dee@example.com", "Dee Ray", DEE_URL, "given", "Recruiting", "2024-05-06 07:08:09", 2),
        ("in:bo-li-42", "Bo Li", BO, "received", "Python", "2023-11-07 14:03:22", 2),
        ("in:zoë-adler", "Zoë Adler", ZOE_RAW, "received", "SQL", "2021-02-01 08:00:00", 3),
    ]
    assert file_row(export, "endorsements_received")["date_format"] == "%Y/%m/%d %H:%M:%S UTC"


def test_legacy_endorsements_utf16_tab_file_and_2022_header_without_url(tmp_path):
    legacy = codecs.BOM_UTF16_LE + ("\r\n".join("\t".join(f'"{v}"' for v in row) for row in [
        ["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
         "Endorsement Status", "Display Status"],
        ["2015/07/28 10:00:00 UTC", "Leadership", "Bo", "Li", "ACCEPTED", "SHOWN"],
    ]) + "\r\n").encode("utf-16-le")
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Endorsement Received Info.csv": legacy})
    e = export.endorsements
    assert e[["person_id", "name", "url", "skill"]].values.tolist() == [["in:bo-li-42", "Bo Li", BO, "Leadership"]]
    info = file_row(export, "endorsements_received")
    assert (info["file"], info["encoding"], info["delimiter"]) == ("Endorsement Received Info.csv", "utf-16", "tab")


def test_the_modern_endorsement_file_wins_over_the_legacy_one(tmp_path):
    legacy = codecs.BOM_UTF16_LE + ('"Endorsement Date"\t"Skill Name"\t"Endorser First Name"\t"Endorser Last Name"'
                                    '\r\n').encode("utf-16-le")
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Endorsement Received Info.csv": legacy,
                                    "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED})
    assert len(export.endorsements) == 2
    assert file_row(export, "endorsements_received")["file"] == "Endorsement_Received_Info.csv"


RECOMMENDATIONS = ("First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
                   'Zoë,Adler,"Acme, Inc.",Engineering Manager,"Robin is ""great"", truly.",'
                   '"11/7/23, 2:03 PM",VISIBLE\n'
                   'Quinn,Doe,Umbrella,CTO,"Line one\nline two","1/2/22, 9:00 AM",VISIBLE\n')


@pytest.mark.parametrize("received_name", ["Recommendations_Received.csv", "Recommendations Received.csv"])
def test_recommendations_given_and_received(tmp_path, received_name):
    given = ("First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
             "Bo,Li,Globex,Staff Engineer,Bo ships.,\"5/6/24, 7:08 AM\",\n")
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, received_name: RECOMMENDATIONS,
                                    "Recommendations_Given.csv": given})
    r = export.recommendations
    assert list(zip(r["person_id"], r["name"], r["company"], r["position"], r["direction"],
                    r["date"].dt.strftime("%Y-%m-%d %H:%M"), r["line"])) == [
        ("in:bo-li-42", "Bo Li", "Globex", "Staff Engineer", "given", "2024-05-06 07:08", 2),
        ("in:zoë-adler", "Zoë Adler", "Acme, Inc.", "Engineering Manager", "received", "2023-11-07 14:03", 2),
        ("name:quinn doe|", "Quinn Doe", "Umbrella", "CTO", "received", "2022-01-02 09:00", 3),
    ]


# --------------------------------------------------------------------------------------
# The owner's own files


@pytest.mark.parametrize("profile", [
    PROFILE,
    ("First Name,Last Name,Maiden Name,Address,Birth Date,Contact Instructions,Headline,Summary,"
     "Industry,Country,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
     '  Robin ,Owner,,,"Mar 03, 1990",,Engineer,,Software,PT,,,,,\n'),
])
def test_profile_of_both_eras_names_the_owner(tmp_path, profile):
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Profile.csv": profile})
    assert export.owner == Owner("Robin Owner", "", "name:robin owner|")


def test_positions_and_education_with_month_year_or_year_dates(tmp_path):
    positions = ("Company Name,Title,Description,Location,Started On,Finished On\n"
                 'Acme Robotics,Engineering Manager,"Leads a team, of 8",Lisbon,Mar 2021,\n'
                 "Globex,Engineer,,,2015,Feb 2021\n")
    education = ("School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
                 "Universidade Nova,2010,2014,,BSc Computer Science,Chess\n"
                 "Online Academy,Sep 2019,Dec 2019,,,\n")
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "Positions.csv": positions,
                                    "Education.csv": education})
    p, e = export.positions, export.education
    assert list(zip(p["company"], p["title"], p["started_on"].dt.strftime("%Y-%m").fillna("current"),
                    p["finished_on"].dt.strftime("%Y-%m").fillna("current"), p["line"])) == [
        ("Acme Robotics", "Engineering Manager", "2021-03", "current", 2),
        ("Globex", "Engineer", "2015-01", "2021-02", 3),
    ]
    assert list(zip(e["school"], e["degree"], e["started_on"].dt.year, e["finished_on"].dt.year)) == [
        ("Universidade Nova", "BSc Computer Science", 2010, 2014), ("Online Academy", "", 2019, 2019)]
    assert file_row(export, "positions")["date_format"] == "%b %Y | %Y"
    assert file_row(export, "education")["date_format"] == "%b %Y | %Y"


# --------------------------------------------------------------------------------------
# Errors: each names the file and says what to try

CONNECTIONS_HINT = ("Expected a header like 'First Name,Last Name,URL,Email Address,Company,Position,"
                    "Connected On': pass the file as LinkedIn wrote it")


def error_of(path) -> str:
    with pytest.raises(ExportFormatError) as caught:
        read_export(path)
    return str(caught.value)


def test_error_missing_path(tmp_path):
    path = tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip"
    assert error_of(path) == (
        f"{path} does not exist: pass the zip LinkedIn sent you (e.g. "
        "Basic_LinkedInDataExport_11-20-2026.zip), the folder it unpacks to, or its Connections.csv")


@pytest.mark.parametrize("content", [b"", b"  \r\n\r\n"])
def test_error_empty_file(tmp_path, content):
    (tmp_path / "Connections.csv").write_bytes(content)
    assert error_of(tmp_path / "Connections.csv") == "Connections.csv is empty: download the export again from LinkedIn"


def test_error_binary_file(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert error_of(tmp_path / "photo.png") == (
        "photo.png is not a text (CSV) file (it starts with b'\\x89PNG\\r\\n\\x1a\\n'): pass the zip "
        "LinkedIn sent you, the folder it unpacks to, or its Connections.csv")


@pytest.mark.parametrize("name, content, looks_like", [
    ("messages.csv", MSG10 + "\n", "messages.csv"),
    ("export.csv", "From,To,Sent At,Message,Direction\n", "Invitations.csv"),
    ("Profile.csv", PROFILE, "Profile.csv"),
    ("Contacts.csv", "Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt\n",
     "Contacts.csv (your imported address book, not your connections)"),
])
def test_error_a_csv_that_is_not_a_connections_file(tmp_path, name, content, looks_like):
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert error_of(tmp_path / name) == (
        f"{name} is not a connections file: this looks like {looks_like}. Pass the export folder "
        "or zip (or its Connections.csv)")


def test_error_missing_required_columns_lists_what_was_found(tmp_path):
    (tmp_path / "Connections.csv").write_text(PREAMBLE + "First Name,Last Name,Company,Connected On\n"
                                              "A,B,C,07 Nov 2023\n")
    assert error_of(tmp_path / "Connections.csv") == (
        "Connections.csv line 4: the header has no 'Position' column; it has First Name, Last Name, "
        "Company, Connected On. " + CONNECTIONS_HINT)


def test_error_no_header_at_all(tmp_path):
    (tmp_path / "Connections.csv").write_text("a,b,c\n1,2,3\n")
    assert error_of(tmp_path / "Connections.csv") == (
        "Connections.csv: no header row in the first 20 lines; the first line is 'a,b,c'. " + CONNECTIONS_HINT)


def test_error_a_header_below_line_20_is_not_searched(tmp_path):
    (tmp_path / "Connections.csv").write_text("junk\n" * 20 + HEADER + "\nA,B,,,C,D,07 Nov 2023\n")
    assert "no header row in the first 20 lines; the first line is 'junk'" in error_of(tmp_path / "Connections.csv")


@pytest.mark.parametrize("content, detail", [
    (b"PK\x03\x04garbage-garbage", "(File is not a zip file)"),
    (b"First Name,Last Name\n", "(it starts with b'Firs')"),
])
def test_error_unreadable_zip(tmp_path, content, detail):
    path = tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip"
    path.write_bytes(content)
    message = error_of(path)
    assert message.startswith(f"{path} is not a readable zip archive {detail}: the download may be incomplete")


def test_error_a_zip_member_that_cannot_be_extracted(tmp_path):
    data = bytearray(zip_bytes({"Connections.csv": NETWORK * 20}))
    start = data.index(b"Connections.csv") + len("Connections.csv")  # damage the deflated bytes
    data[start + 10:start + 60] = b"\xff" * 50
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(data))
    message = error_of(path)
    assert message.startswith(f"{path}: Connections.csv cannot be extracted (")
    assert message.endswith("the zip may be damaged; download the export again, or unpack it and pass the folder")


@pytest.mark.parametrize("as_zip", [True, False])
def test_error_no_connections_csv_lists_what_was_found(tmp_path, as_zip):
    files = {"messages.csv": messages_csv("10"), "Profile.csv": PROFILE}
    if as_zip:
        path = tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip"
        path.write_bytes(zip_bytes(files))
    else:
        path = write_files(tmp_path / "export", files)
    assert error_of(path) == (
        f"{path} has no Connections.csv (found: Profile.csv, messages.csv). Request your LinkedIn "
        "data again with 'Connections' selected, or pass Connections.csv itself")


def test_error_no_row_of_connections_has_a_readable_date(tmp_path):
    (tmp_path / "Connections.csv").write_text(PREAMBLE + HEADER + "\n,,,,,,07 Jun 2022\n"
                                              "A,B,,,C,D,31/31/2020\nE,F,,,G,H,32/13/2021")
    assert error_of(tmp_path / "Connections.csv") == (
        "Connections.csv line 6: 'Connected On' is '31/31/2020', expected a date like '07 Nov 2023' "
        "(no row of the file has a readable date); pass the file as LinkedIn wrote it, or fix the "
        "dates in a text editor")


def test_error_no_message_has_a_readable_date(tmp_path):
    text = MSG10 + "\n" + csv_line(["2-A", "", "Bo Li", BO, "Robin Owner", OWNER_URL, "yesterday", "", "hi", "INBOX"])
    with pytest.raises(ExportFormatError) as caught:
        messages_export(tmp_path, text)
    assert str(caught.value) == (
        "messages.csv line 2: 'DATE' is 'yesterday', expected a date like '2023-11-07 14:03:22 UTC' "
        "(no message has a readable date); remove messages.csv to go on without messages")


def test_error_an_optional_file_without_its_columns(tmp_path):
    with pytest.raises(ExportFormatError) as caught:
        messages_export(tmp_path, "CONVERSATION ID,FROM,TO,CONTENT\n2-A,Bo Li,Robin Owner,hi\n")
    assert str(caught.value) == (
        "messages.csv line 1: the header has no 'DATE' column; it has CONVERSATION ID, FROM, TO, "
        "CONTENT. Expected a header like 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,"
        "TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER': pass the file as LinkedIn wrote it, "
        "or remove it to go on without it")


def test_an_empty_optional_file_is_listed_not_an_error(tmp_path):
    export = messages_export(tmp_path, "")
    assert export.messages.empty
    assert (file_row(export, "messages")["rows"], file_row(export, "messages")["used"]) == (0, 0)


def test_a_header_only_connections_file_is_an_empty_network(tmp_path):
    export = read_bare(tmp_path, PREAMBLE + HEADER)
    assert export.connections.empty and export.hidden == 0


# --------------------------------------------------------------------------------------
# render_inspection


def test_render_inspection_reports_files_owner_hidden_and_skipped_rows(tmp_path):
    network = NETWORK + "\n" + "\n".join([",,,,,,07 Jun 2022"] * 25) + "\nCai,Wu,,,Initech,PM,31/31/2020"
    export = read_folder(tmp_path, {"Connections.csv": network, "Profile.csv": PROFILE,
                                    "messages.csv": messages_csv("10"), "Rich_Media.csv": "Date/Time\n"})
    assert render_inspection(export) == f"""\
Export: {tmp_path / "export"}
Owner:  Robin Owner, https://www.linkedin.com/in/robin-owner

Files read
  Connections.csv                 connections: 3 of 30 rows used
      utf-8, comma-separated, dates like '07 Nov 2023' (DD Mon YYYY), from
      2016-02-01 to 2023-11-07
  messages.csv                    messages: 5 of 9 rows used
      utf-8, comma-separated, dates like '2023-11-07 14:03:22 UTC' (YYYY-MM-DD
      HH:MM:SS UTC), from 2024-01-02 to 2024-03-04
  Profile.csv                     your profile: 1 of 1 rows used
      utf-8, comma-separated

Other files, not needed (1): Rich_Media.csv

Found
  3 connections
  26 hidden members (rows of Connections.csv with only a date: counted, cannot
    be matched)
  5 messages (rows of messages.csv used; 2 sent by you) with 4 people
    6 message-person pairs (a group message counts once per person)

Skipped rows: 31
  Connections.csv: hidden member: the row has only a date (26)
    lines 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
      26, 27 ... and 6 more
  Connections.csv: 'Connected On' is not a date like '07 Nov 2023' (1)
    line 34: '31/31/2020'
  messages.csv: sponsored conversation (an ad) (1)
    line 6
  messages.csv: sender is 'LinkedIn Member' (a hidden member) (1)
    line 7
  messages.csv: recipient is 'LinkedIn Member' (a hidden member) (1)
    line 8
  messages.csv: 'DATE' is not a date like '2023-11-07 14:03:22 UTC' (1)
    line 10: 'not a date'
"""


def test_render_inspection_fits_80_columns_and_caps_long_lists(tmp_path):
    rows = ["Zoë,Adler,,,Acme,Eng,07 Nov 2023"] + [f"P{i},Q,,,Acme,Eng,{i + 32}/13/2020" for i in range(30)]
    folder = "Complete_LinkedInDataExport_11-20-2026 with a very long folder name indeed"
    export = read_folder(tmp_path, {f"{folder}/Connections.csv": HEADER + "\n" + "\n".join(rows)})
    text = render_inspection(export)
    assert max(len(line) for line in text.splitlines() if not line.startswith("Export:")) <= 80
    assert "Connections.csv: 'Connected On' is not a date like '07 Nov 2023' (30)" in text
    listed = [line for line in text.splitlines() if line.startswith("    line ")]
    assert len(listed) == 20 and listed[0] == "    line 3: '32/13/2020'" and listed[-1] == "    line 22: '51/13/2020'"
    assert "    ... and 10 more" in text
    assert "Owner:  (no name: no Profile.csv)" in text
    assert "(profile URL unknown: messages and invitations do not show it)" in text


def test_messages_without_direction_or_urls_fall_back_on_the_folder(tmp_path):
    text = ("From,To,Date,Subject,Content,Folder\n"
            'Robin Owner,Bo Li,"1/2/24, 10:00 AM",,Hi,SENT\n'
            'Bo Li,Robin Owner,"1/3/24, 10:00 AM",,Hey,INBOX\n')
    export = read_folder(tmp_path, {"Connections.csv": NETWORK, "messages.csv": text})
    assert export.messages[["direction", "person_id", "line"]].values.tolist() == [
        ["sent", "in:bo-li-42", 2], ["received", "in:bo-li-42", 3]]


def test_old_mac_line_ends_mixed_with_one_windows_line_end(tmp_path):
    # Found by the property test: CR-only lines, then a CRLF at the very end.
    text = PREAMBLE.replace("\n", "\r") + HEADER + f"\rZoë,Adler,{ZOE},,Acme,Engineer,07 Nov 2023\r\n"
    export = read_bare(tmp_path, text)
    assert people(export) == [("Zoë Adler", ZOE_RAW, "", "Acme", "Engineer", "2023-11-07 00:00", 5)]


def test_a_windows_1252_byte_far_down_a_utf8_file(tmp_path):
    rows = [f"P{i},Q,,Acme,Eng,07 Nov 2023" for i in range(30000)]
    raw = (HEADER_NO_URL + "\n" + "\n".join(rows)).encode() + "\nJos\xe9,Ruiz,,Acme,Eng,07 Nov 2023".encode("cp1252")
    export = read_bare(tmp_path, raw)
    assert export.connections["name"].iloc[-1] == "José Ruiz"
    assert file_row(export, "connections")["encoding"] == "cp1252"


def test_a_folder_that_only_holds_the_downloaded_zip(tmp_path):
    (tmp_path / "Downloads").mkdir()
    zipped = tmp_path / "Downloads" / "Basic_LinkedInDataExport_11-20-2026.zip"
    zipped.write_bytes(zip_bytes({"Connections.csv": NETWORK}))
    export = read_export(tmp_path / "Downloads")
    assert len(export.connections) == 3
    assert export.files["file"].tolist() == ["Connections.csv"]


@pytest.mark.parametrize("day", ["07 Nov 2300", "07 Nov 1500", "7-Nov-2300"])
def test_a_date_outside_1900_2100_is_a_skipped_row_not_a_crash(tmp_path, day):
    (tmp_path / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"Ana,Ruiz,,,Acme,Eng,{day}\nBo,Li,,,Acme,Eng,07 Nov 2023\nCy,Wu,,,Acme,Eng,08 Nov 2023",
        encoding="utf-8")
    export = read_export(tmp_path)
    assert list(export.connections["name"]) == ["Bo Li", "Cy Wu"]
    assert export.skipped["line"].tolist() == [2]
