"""Share packs: what ``netgraph share`` puts in a pack (and never does), and reading packs back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from netgraph.cli import main
from netgraph.errors import SourceError, TargetsError
from netgraph.io import is_pack, read_export, read_pack
from netgraph.io._pack import TIE_COLUMNS, render_pack
from netgraph.sample_data import SAMPLE_DIR, TARGETS
from netgraph.sample_data.generate import (
    KOFI_EXPORT,
    KOFI_PACK,
    KOFI_PACK_DATE,
    Message,
    connections_csv,
    messages_csv,
    positions_csv,
    profile_csv,
    write_folder,
)
from netgraph.share import (
    build_share_pack,
    describe_share,
    describe_share_request,
    make_share_pack,
    read_asked_companies,
    read_exclusions,
)

AS_OF = dt.date(2026, 11, 20)
KOFI = SAMPLE_DIR / KOFI_EXPORT
PACK = SAMPLE_DIR / KOFI_PACK
ANA = ("Ana", "Ruiz", "https://www.linkedin.com/in/ana-ruiz")
# first, last, slug, e-mail, company, position, connected, first message, messages each way, secret text
PEOPLE = [
    ("Sam", "Lee", "sam-lee", "sam.lee@example.com", "Stripe", "Backend Engineer", "2019-03-02", "2026-06-01", 12,
     "SAMTEXT"),
    ("Bo", "Chen", "bo-chen", "", "Stripe, Inc.", "Technical Recruiter", "2022-05-01", "", 0, ""),
    ("Cy", "Diaz", "cy-diaz", "", "Datadog", "Site Reliability Engineer", "2020-07-09", "2020-08-01", 1, "CYTEXT"),
    ("Di", "Park", "di-park", "di@example.org", "Acme Robotics", "CTO", "2018-01-01", "2025-01-10", 30, "DITEXT"),
    ("Ed", "Fox", "ed-fox", "ed@example.net", "Stripe Partners", "Associate", "2021-01-01", "2021-02-01", 4,
     "EDTEXT"),
    ("Flo", "Gray", "flo-gray", "", "Meta", "Engineer", "2017-06-06", "2018-01-01", 3, "FLOTEXT"),
]


def write_small_export(folder: Path) -> Path:
    """Ana's full export: six connections, messages with text, e-mail addresses, Positions.csv."""
    rows = [(f, la, f"https://www.linkedin.com/in/{slug}", email, company, position, dt.date.fromisoformat(day))
            for f, la, slug, email, company, position, day, _, _, _ in PEOPLE]
    me = f"{ANA[0]} {ANA[1]}"
    messages = []
    for f, la, slug, _, _, _, _, first, n, secret in PEOPLE:
        url = f"https://www.linkedin.com/in/{slug}"
        for i in range(n):
            when = datetime.fromisoformat(first) + dt.timedelta(days=10 * i, hours=9)
            messages.append(Message(f"2-{slug}", "", me, ANA[2], (f"{f} {la}",), (url,), when,
                                    subject=f"{secret} subject", content=f"{secret} private words {i}"))
            if slug != "cy-diaz":  # Cy never answers
                messages.append(Message(f"2-{slug}", "", f"{f} {la}", url, (me,), (ANA[2],),
                                        when + dt.timedelta(hours=2), content=f"{secret} reply {i}"))
    write_folder(folder, [
        ("Connections.csv", connections_csv(rows)),
        ("messages.csv", messages_csv(sorted(messages, key=lambda m: m.sent, reverse=True))),
        ("Profile.csv", profile_csv({"First Name": ANA[0], "Last Name": ANA[1], "Headline": "Engineer"})),
        ("Positions.csv", positions_csv([["Stripe", "Engineer", "", "", "Jan 2018", "Dec 2020"]])),
    ])
    return folder


@pytest.fixture()
def small(tmp_path) -> Path:
    return write_small_export(tmp_path / "Basic_LinkedInDataExport_11-19-2026")


def build(folder: Path, companies=("Stripe, Datadog",), **options):
    return build_share_pack(read_export(folder), read_asked_companies(list(companies)), as_of=AS_OF, **options)


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# ---------------------------------------------------------------------------
# What a pack holds, and never holds


def test_pack_holds_only_people_at_the_asked_companies(small):
    ties = build(small).pack.ties
    assert list(ties.columns) == TIE_COLUMNS
    assert set(ties["name"]) == {"Sam Lee", "Bo Chen", "Cy Diaz"}  # not Stripe Partners, not Meta, not Acme
    assert set(ties["target"]) == {"Stripe", "Datadog"}
    assert ties["warmth"].between(0, 1).all()


def test_pack_file_has_no_message_text_no_email_and_no_other_connection(small, tmp_path):
    text = render_pack(build(small).pack)
    for secret in ("SAMTEXT", "CYTEXT", "DITEXT", "EDTEXT", "FLOTEXT", "subject", "private words"):
        assert secret not in text
    assert "@" not in text
    for other in ("Di Park", "di-park", "Acme", "Ed Fox", "ed-fox", "Flo Gray", "flo-gray"):
        assert other not in text


def test_sample_pack_leaks_nothing_from_kofis_full_export():
    text = PACK.read_text(encoding="utf-8")
    with zipfile.ZipFile(KOFI) as zf:
        messages = list(csv.DictReader(io.StringIO(zf.read("messages.csv").decode("utf-8"))))
        lines = zf.read("Connections.csv").decode("utf-8").splitlines()
    connections = list(csv.DictReader(lines[3:]))  # below the Notes: preamble
    bodies = {m["CONTENT"] for m in messages} | {m["SUBJECT"] for m in messages}
    bodies = {b for b in bodies if len(b) >= 12}
    assert len(bodies) > 40
    assert not [b for b in bodies if b in text]
    assert "617-555-0143" not in text and "@" not in text
    pack = read_pack(PACK)
    kept = set(pack.ties["name"])
    others = [c for c in connections if c["First Name"] and f"{c['First Name']} {c['Last Name']}" not in kept]
    assert len(others) > 300
    assert not [c for c in others if c["URL"] in text or f"{c['First Name']} {c['Last Name']}" in text]


def test_sample_pack_is_what_share_makes_from_kofis_export():
    share = make_share_pack(KOFI, [TARGETS], as_of=KOFI_PACK_DATE)
    assert render_pack(share.pack).encode("utf-8") == PACK.read_bytes(), \
        "the sample pack is stale: run python sample_data/generate.py"
    ties = share.pack.ties.set_index("name")
    assert ties.loc["Tariq Mansour", "warmth"] > 0.8 > ties.loc["Elena Varga", "warmth"]
    assert any("messages both ways" in e for e in ties.loc["Tariq Mansour", "evidence"])
    assert ties.loc["Elena Varga", "evidence"] == ("connected 3 years ago, no messages since",)
    assert share.pack.owner.name == "Kofi Asante" and share.pack.export_date == dt.date(2026, 11, 17)


def test_evidence_is_counts_and_dates_and_guesses_say_so(small):
    ties = build(small).pack.ties.set_index("name")
    assert ties.loc["Sam Lee", "evidence"][0] == "24 messages both ways, the last 2 months ago"
    assert ties.loc["Sam Lee", "warmth"] >= 0.6 and ties.loc["Sam Lee", "confidence"] == "high"
    assert ties.loc["Cy Diaz", "evidence"][0].startswith("1 message from Ana, none answered")
    assert ties.loc["Bo Chen", "confidence"] == "low"
    guess = [e for e in ties.loc["Sam Lee", "evidence"] if "Stripe" in e]
    assert guess == ["may be a former colleague: connected while Ana and they both worked at Stripe, "
                     "where Ana was from 2018 to 2020"]  # a guess from dates, worded as one


def test_redact_names_describes_people_and_drops_urls(small):
    share = build(small, redact_names=True)
    ties = share.pack.ties
    assert ties["redacted"].all() and ties["url"].eq("").all()
    assert "a Backend Engineer at Stripe whom Ana knows well" in set(ties["name"])
    assert "a Technical Recruiter at Stripe, Inc. whom Ana knows only slightly" in set(ties["name"])
    text = render_pack(share.pack)
    for name in ("Sam", "Lee", "Bo Chen", "Cy Diaz", "linkedin.com/in/sam", "linkedin.com/in/bo"):
        assert name not in text
    assert ties["person_id"].is_unique


def test_min_warmth_keeps_only_ties_at_or_above(small):
    everyone = build(small).pack.ties
    sam = float(everyone.set_index("name").loc["Sam Lee", "warmth"])
    assert sorted(everyone["warmth"])[-2] < 0.5 < sam
    for cut in (0.5, sam):  # at the warmth the pack shows: kept
        share = build(small, min_warmth=cut)
        assert list(share.pack.ties["name"]) == ["Sam Lee"]
        assert share.below_min_warmth == 2
        assert "2 people under --min-warmth" in describe_share(share)
    assert build(small, min_warmth=min(sam + 0.01, 1.0)).pack.ties.empty


@pytest.mark.parametrize("content", [
    "Sam Lee\n# a comment\n\nhttps://www.linkedin.com/in/cy-diaz/\n",
    "name,url\nSam Lee,\n,linkedin.com/in/CY-DIAZ\n",
    "First Name,Last Name,URL\nSam,Lee,\nCy,Diaz,https://www.linkedin.com/in/cy-diaz\n",
])
def test_exclude_leaves_out_people_by_name_or_url(small, tmp_path, content):
    path = tmp_path / ("exclude.csv" if "," in content else "exclude.txt")
    path.write_text(content, encoding="utf-8")
    share = build(small, exclude=read_exclusions(path))
    assert list(share.pack.ties["name"]) == ["Bo Chen"]
    assert set(share.excluded) == {"Sam Lee", "Cy Diaz"}
    assert "Sam Lee" not in render_pack(share.pack)


def test_exclude_entry_nobody_has_is_reported_and_a_near_miss_is_an_error(small, tmp_path):
    path = tmp_path / "exclude.txt"
    path.write_text("Zed Nobody\n", encoding="utf-8")
    share = build(small, exclude=read_exclusions(path))
    assert share.unused_exclusions == ("'Zed Nobody' (line 1)",)
    assert "'Zed Nobody' (line 1)" in describe_share(share)
    path.write_text("Zed Nobody\nSam Leee\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"line 2: 'Sam Leee' matches none of your connections, but Sam Lee"):
        build(small, exclude=read_exclusions(path))


def test_exclude_with_a_bad_url_names_the_line(tmp_path):
    path = tmp_path / "exclude.txt"
    path.write_text("Sam Lee\nhttps://www.linkedin.com/company/stripe\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"exclude.txt line 2: 'https://www.linkedin.com/company/stripe' is not"):
        read_exclusions(path)


def test_asked_companies_from_files_and_lists(tmp_path):
    txt = tmp_path / "mine.txt"
    txt.write_text("Stripe\nDatadog\n", encoding="utf-8")
    frame = read_asked_companies([txt, "Meta, Stripe Inc, Facebook", "Shopify"])
    assert frame["company"].tolist() == ["Stripe", "Datadog", "Meta", "Shopify"]
    with pytest.raises(TargetsError, match="missing.csv"):  # the targets reader's own message
        read_asked_companies([tmp_path / "missing.csv"])
    with pytest.raises(TargetsError, match="names no company"):
        read_asked_companies([" , "])


def test_share_request_says_what_is_and_is_not_revealed():
    text = describe_share_request(["Stripe", "Datadog", "Meta"])
    assert "only your connections at Stripe, Datadog and Meta" in text
    assert "never contains your messages" in text and "e-mail addresses" in text
    assert 'netgraph share YOUR_EXPORT.zip --for "Stripe, Datadog, Meta"' in text
    assert "--for targets.csv" in describe_share_request(["Stripe, Inc."])


# ---------------------------------------------------------------------------
# Reading packs: round trip, hand edits, broken files


def test_header_and_rows_round_trip_through_read_pack(small, tmp_path):
    built = build(small, companies=("Stripe", "Datadog, Shopify")).pack
    path = tmp_path / "for-robin.csv"
    path.write_text(render_pack(built), encoding="utf-8")
    read = read_pack(path)
    assert read.owner == built.owner and read.owner.name == "Ana Ruiz"
    assert read.export_date == dt.date(2026, 11, 19) and read.made_on == AS_OF
    assert read.companies == ("Stripe", "Datadog", "Shopify") and read.version == 1
    pd.testing.assert_frame_equal(read.ties, built.ties)
    redacted = build(small, redact_names=True).pack
    path.write_text(render_pack(redacted), encoding="utf-8")
    pd.testing.assert_frame_equal(read_pack(path).ties, redacted.ties)


def test_a_hand_edited_pack_still_reads(small, tmp_path):
    path = tmp_path / "pack.csv"
    text = render_pack(build(small).pack)
    lines = text.splitlines()
    table = lines.index("name,url,company,target,position,warmth,confidence,evidence,redacted")
    sam = next(i for i, line in enumerate(lines) if line.startswith("Sam Lee"))
    lines[sam] = lines[sam].replace("Backend Engineer", "Staff Engineer")
    del lines[table + 1 if table + 1 != sam else table + 2]  # delete another row
    lines.insert(table, "my note,sent to Robin on Friday")  # a line of their own in the header
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pack = read_pack(path)
    assert len(pack.ties) == 2
    assert pack.ties.set_index("name").loc["Sam Lee", "position"] == "Staff Engineer"


def test_a_pack_re_saved_by_european_excel_reads(small, tmp_path):
    built = build(small).pack
    rows = list(csv.reader(io.StringIO(render_pack(built).lstrip("\ufeff"))))
    rows[4][1] = "18.11.2026" if rows[4][0] == "made on" else rows[4][1]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        if len(row) > 5 and row[0] != "name":
            row[5] = row[5].replace(".", ",")  # decimal commas
        writer.writerow(row)
    path = tmp_path / "pack.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))
    pack = read_pack(path)
    assert pack.made_on == dt.date(2026, 11, 18)
    assert pack.ties["warmth"].tolist() == built.ties["warmth"].tolist()
    assert pack.ties["evidence"].tolist() == built.ties["evidence"].tolist()


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace(",0.05,low,", ",high,low,", 1),
     r"line \d+: 'warmth' is 'high', expected a number from 0 to 1"),
    (lambda t: t.replace("https://www.linkedin.com/in/bo-chen", "www.example.com/bo", 1),
     r"line \d+: 'url' is 'www.example.com/bo', expected a LinkedIn profile URL"),
    (lambda t: t.replace("Stripe, Inc.", "", 1), r"line \d+: 'company' is empty"),
    (lambda t: t.replace('no messages since",\n', 'no messages since",,surplus\n', 1), r"line \d+: more cells than"),
    (lambda t: t.replace(",low,", ",very,", 1), r"line \d+: 'confidence' is 'very', expected high, medium or low"),
    (lambda t: t.replace("netgraph share pack,1", "netgraph share pack,7"), r"line 1: format version 7"),
    (lambda t: t.replace("made on,2026-11-20", "made on,someday"), r"line 5: 'made on' is 'someday'"),
    (lambda t: t.replace("made on,2026-11-20\n", ""), r"the header has no 'made on' date"),
    (lambda t: t.replace("netgraph share pack,1", "hello,1"), r"line 1: not a share pack"),
    (lambda t: t.replace("name,url,company", "who,url,company"), r"header has no 'name' column"),
])
def test_a_broken_pack_is_one_error_line_naming_the_line(small, tmp_path, edit, message):
    path = tmp_path / "pack.csv"
    text = render_pack(build(small).pack).lstrip("\ufeff")
    path.write_text(edit(text), encoding="utf-8")
    with pytest.raises(SourceError, match=message) as error:
        read_pack(path)
    assert "\n" not in str(error.value) and str(error.value).startswith("pack.csv")


def test_the_error_names_the_right_line(small, tmp_path):
    path = tmp_path / "pack.csv"
    lines = render_pack(build(small).pack).splitlines()
    bad = next(i for i, line in enumerate(lines) if line.startswith("Cy Diaz"))
    lines[bad] += ",,surplus"  # two more cells
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SourceError, match=rf"pack.csv line {bad + 1}: more cells"):
        read_pack(path)


def test_is_pack_looks_at_the_first_line_not_the_name(small, tmp_path):
    odd = tmp_path / "from kofi.txt"
    odd.write_bytes(PACK.read_bytes())
    assert is_pack(odd) and is_pack(PACK)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text(PACK.read_text(encoding="utf-8-sig"), encoding="utf-16")
    assert is_pack(utf16)
    for other in (small / "Connections.csv", small, KOFI, tmp_path / "missing.csv", TARGETS):
        assert not is_pack(other)


def test_formula_like_cells_are_defused_and_read_back(small, tmp_path):
    share = build(small)
    ties = share.pack.ties.copy()
    ties.loc[0, "position"] = "=HYPERLINK(\"x\")"
    pack = share.pack.__class__(**{**share.pack.__dict__, "ties": ties})
    text = render_pack(pack)
    assert "'=HYPERLINK" in text
    path = tmp_path / "pack.csv"
    path.write_text(text, encoding="utf-8")
    assert read_pack(path).ties.loc[0, "position"] == "=HYPERLINK(\"x\")"


# ---------------------------------------------------------------------------
# The command


def test_share_writes_a_pack_that_reads_back(small, tmp_path):
    out = tmp_path / "for-robin.csv"
    result = run("share", small, "--for", "Stripe, Datadog", "--output", out, "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("3 people at 2 companies; no messages, no e-mail addresses")
    assert is_pack(out) and len(read_pack(out).ties) == 3


def test_preview_prints_what_the_pack_holds_and_writes_nothing(small, tmp_path):
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = run("share", small, "--for", "Stripe, Datadog, Shopify", "--output", tmp_path / "pack.csv", "--preview",
                 "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert result.stdout.splitlines()[0] == ("3 people at 2 of the 3 companies asked for; no messages, no e-mail "
                                             "addresses, nobody at other companies, nothing about your other 3 "
                                             "connections.")
    assert "Sam Lee, Backend Engineer at Stripe" in result.stdout
    assert "24 messages both ways, the last 2 months ago" in result.stdout
    assert "Shopify: nobody" in result.stdout
    assert "Nothing was written" in result.stdout


def test_share_needs_an_output_or_preview(small):
    result = run("share", small, "--for", "Stripe")
    assert result.exit_code == 2 and "give --output PACK.csv, or --preview" in result.output


def test_share_never_writes_over_an_input(small, tmp_path):
    targets = tmp_path / "targets.txt"
    targets.write_text("Stripe\n", encoding="utf-8")
    result = run("share", small, "--for", targets, "--output", targets)
    assert result.exit_code == 1 and "refusing to write over the input file" in result.output
    assert targets.read_text(encoding="utf-8") == "Stripe\n"


def test_share_with_a_bad_targets_file_is_one_error_line(small, tmp_path):
    result = run("share", small, "--for", tmp_path / "nope.csv", "--preview")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and result.output.startswith("Error: targets file")


def test_read_pack_of_a_folder_a_missing_file_or_a_fifo_is_one_error_line(tmp_path):
    fifo = tmp_path / "pack.fifo"
    os.mkfifo(fifo)
    for path, says in ((tmp_path, "is a folder"), (tmp_path / "nope.csv", "does not exist"),
                       (fifo, "is a named pipe")):
        with pytest.raises(SourceError, match=says) as error:
            read_pack(path)
        assert "\n" not in str(error.value)
    assert not is_pack(fifo)


def test_share_from_an_export_that_names_nobody_is_one_error_line(small):
    result = run("share", small / "Connections.csv", "--for", "Stripe", "--preview")
    assert result.exit_code == 1
    assert "cannot tell whose export this is" in result.output and result.output.strip().count("\n") == 0


def test_preview_of_an_export_without_messages_or_emails_says_so(small):
    (small / "messages.csv").unlink()
    text = describe_share(build(small, companies=("Datadog",)))
    assert "Not in the pack: any message (your export has none), any of the 3 e-mail addresses" in text


def test_preview_never_prints_control_characters_from_the_export(tmp_path):
    folder = tmp_path / "export"
    write_folder(folder, [
        ("Connections.csv", connections_csv([("Sam\x1b[2J", "Lee", "https://www.linkedin.com/in/sam-lee", "", "Stripe",
                                             "Engineer\x07", dt.date(2020, 1, 1))])),
        ("Profile.csv", profile_csv({"First Name": "Ana", "Last Name": "Ruiz", "Headline": "Engineer"})),
    ])
    result = run("share", folder, "--for", "Stripe", "--preview")
    assert result.exit_code == 0, result.output
    assert "Sam[2J Lee" in result.stdout and "\x1b" not in result.stdout and "\x07" not in result.stdout
