"""The command line as users meet it: every command, every format, exit codes and messages."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from netgraph.cli import main
from netgraph.sample_data import AS_OF, CONTACTS, EXPORT, KNOWN, OLD_EXPORT, SAMPLE_DIR, TARGETS, network_specs

SOURCES = ["--targets", str(TARGETS), "--known", str(KNOWN), "--contacts", str(CONTACTS), "--as-of", AS_OF]
for _spec in network_specs():
    SOURCES += ["--network", _spec]


@pytest.fixture(autouse=True)
def _private_ledger(tmp_path, monkeypatch):
    """Never read or write the user's own ledger."""
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "ledger.sqlite"))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_demo_writes_every_file_and_prints_the_first_steps(tmp_path):
    result = run("demo", "--output-dir", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for name in ("report.md", "report.html", "report.json", "report.csv", "map.png"):
        assert (tmp_path / "out" / name).stat().st_size > 1000, name
    assert "Ask Dana Whitfield for a referral at Datadog" in result.output
    assert "Ask Theo Lindqvist to introduce you to Samir Haddad" in result.output


def test_inspect_reports_files_rows_and_skipped_rows():
    result = run("inspect", str(EXPORT))
    assert result.exit_code == 0, result.output
    assert "Robin Castellanos" in result.output
    assert "Connections.csv" in result.output and "messages.csv" in result.output
    assert "hidden" in result.output.lower()


def test_companies_groups_variants_and_marks_targets():
    result = run("companies", str(EXPORT), "--targets", str(TARGETS), "--top", "60")
    assert result.exit_code == 0, result.output
    stripe = next(line for line in result.output.splitlines() if line.startswith("Stripe "))
    assert "Stripe" in stripe.split()[2:] or "Stripe (" in stripe
    assert "Target Hospitality" in result.output


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Every format once, on the whole sample (the slow part, shared by the tests below).

    Module-scoped, so it runs before the autouse ledger fixture: it gets its own empty ledger.
    """
    folder = tmp_path_factory.mktemp("reports")
    private = {"NETGRAPH_LEDGER": str(folder / "ledger.sqlite")}
    out = {}
    for fmt in ("markdown", "html", "json", "csv"):
        path = folder / f"report.{fmt}"
        result = CliRunner(env=private).invoke(
            main, ["report", str(EXPORT), *SOURCES, "--format", fmt, "--output", str(path)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        out[fmt] = path.read_text(encoding="utf-8")
    return out


def test_report_json_follows_the_contract(reports):
    data = json.loads(reports["json"])
    assert data["schema"] == 2 and data["as_of"] == AS_OF
    assert [t["company"] for t in data["targets"]] == ["Stripe", "Datadog", "Shopify", "Meta", "Spotify", "Target"]
    datadog = data["targets"][1]
    assert datadog["insiders"][0]["name"] == "Dana Whitfield"
    assert datadog["insiders"][0]["ask"] == "referral"
    assert data["connectors"][0]["name"] == "Theo Lindqvist"
    assert {"company", "looks_like", "count"} <= set(data["near_misses"][0])
    for target in data["targets"]:
        for path in target["intro_paths"]:
            assert set(path) == {"target", "connector", "score", "source", "reasons"}
            assert 0 <= path["score"] <= 1


def test_report_markdown_html_csv(reports):
    assert reports["markdown"].startswith("# Networking plan for Robin Castellanos")
    assert "<!DOCTYPE html>" in reports["html"] or "<!doctype html>" in reports["html"].lower()
    assert "<script" not in reports["html"]
    assert reports["csv"].splitlines()[0].startswith("kind,")


def test_report_to_stdout_and_top(reports):
    """--top 1 keeps the best one of each list (not none), and stdout is the JSON document."""
    result = run("report", str(EXPORT), *SOURCES, "--format", "json", "--top", "1")
    assert result.exit_code == 0, result.output
    cut, whole = json.loads(result.output), json.loads(reports["json"])
    assert [t["company"] for t in cut["targets"]] == [t["company"] for t in whole["targets"]]
    for short, full in zip(cut["targets"], whole["targets"]):
        assert short["insiders"] == full["insiders"][:1]
        assert short["intro_paths"] == full["intro_paths"][:1]
    assert cut["connectors"] == whole["connectors"][:1]
    assert cut["summary"] == whole["summary"]
    assert sum(len(t["insiders"]) + len(t["intro_paths"]) for t in cut["targets"]) >= len(cut["targets"])


def test_redacted_report_has_no_names_or_urls(tmp_path):
    result = run("report", str(EXPORT), *SOURCES, "--format", "markdown", "--redact")
    assert result.exit_code == 0
    for secret in ("Whitfield", "Lindqvist", "Castellanos", "linkedin.com/in/"):
        assert secret not in result.output


def test_draft_for_an_intro(tmp_path):
    result = run("draft", str(EXPORT), *SOURCES, "--target", "Stripe", "--via", "Theo Lindqvist")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("To: Theo Lindqvist")
    assert "Stripe" in result.output and "a short note about me you can forward" in result.output


def test_map_writes_a_png(tmp_path):
    out = tmp_path / "map.png"
    result = run("map", str(EXPORT), *SOURCES, "--output", str(out), "--company", "Stripe", "--redact")
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_diff_finds_the_move_into_a_target():
    result = run("diff", str(OLD_EXPORT), str(EXPORT), "--targets", str(TARGETS))
    assert result.exit_code == 0, result.output
    assert "Lena Vasquez moved to Stripe" in result.output


def test_ledger_round_trip_and_nurture(tmp_path):
    db = str(tmp_path / "ledger.sqlite")
    result = run("log", "give", "Marcus Oyelaran", "--export", str(EXPORT), "--what", "sent a talk",
                 "--on", "2026-11-10", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.output == "Logged give #1: you helped Marcus Oyelaran on 2026-11-10 (sent a talk).\n"
    result = run("log", "list", "--as-of", "2026-11-20", "--db", db)
    assert "Marcus Oyelaran: you helped them" in result.output
    result = run("nurture", str(EXPORT), *SOURCES, "--db", db)
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[2]
    assert first.startswith("1. Marcus Oyelaran")
    out = tmp_path / "ledger.csv"
    assert run("log", "export", "--output", str(out), "--db", db).exit_code == 0
    assert "Marcus Oyelaran" in out.read_text(encoding="utf-8")


# --- errors: one line, the right exit status, never a traceback ------------------------


def test_missing_export_is_a_usage_error():
    result = run("inspect", "no-such-export.zip")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_bad_as_of_is_a_usage_error():
    result = run("report", str(EXPORT), "--targets", str(TARGETS), "--as-of", "20/11/2026")
    assert result.exit_code == 2
    assert "'20/11/2026' is not a date; use YYYY-MM-DD" in result.output


def test_targets_without_company_column_is_a_data_error(tmp_path):
    bad = tmp_path / "targets.csv"
    bad.write_text("name,priority\nStripe,1\n", encoding="utf-8")
    result = run("report", str(EXPORT), "--targets", str(bad), "--as-of", AS_OF)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert result.output.count("\n") == 1
    assert "company" in result.output


def test_never_writes_over_an_input_file(tmp_path):
    targets = tmp_path / "targets.csv"
    shutil.copy(TARGETS, targets)
    before = targets.read_bytes()
    result = run("report", str(EXPORT), "--targets", str(targets), "--as-of", AS_OF, "--output", str(targets))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "input" in result.output
    assert targets.read_bytes() == before


def test_unknown_network_owner_names_the_closest(tmp_path):
    friend = SAMPLE_DIR / "friends" / "nadia-petrov-2020" / "Connections.csv"
    result = run("report", str(EXPORT), "--targets", str(TARGETS), "--network", f"Nadia Petrova={friend}")
    assert result.exit_code == 1
    assert "'Nadia Petrova' is not among your connections (closest: Nadia Petrov" in result.output


def test_a_messages_file_given_as_the_export_says_what_it_is(tmp_path):
    messages = tmp_path / "messages.csv"
    messages.write_text("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
                        "1,,A,,B,2024-01-01 10:00:00 UTC,,hi,INBOX\n", encoding="utf-8")
    result = run("inspect", str(messages))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "messages.csv" in result.output


def test_python_dash_m_works():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "netgraph", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and "netgraph" in done.stdout


# --- hostile text from strangers, and --redact, through the whole command line ---------


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory):
    from builders import Ex, P, messages, write_export, write_targets

    folder = tmp_path_factory.mktemp("hostile")
    me = P("Alex", "Rivera", "alex-rivera")
    people = [
        P("<script>alert(1)</script>", "Scriptson", "x-script", "Stripe", "<b>Engineer</b>", "2021-01-01"),
        P("=HYPERLINK(\"http://evil\")", "Formula", "x-formula", "Stripe", "+cmd|' /C calc'!A0", "2021-01-01"),
        P("Pipe|Name", "Tablebreaker", "x-pipe", "Stripe", "Engineer | Lead", "2021-01-01"),
        P("Emoji 🚀", "Rocketson", "x-emoji", "Stripe", "Engineer 🚀", "2021-01-01"),
        P("نور", "حداد", "x-rtl", "Stripe", "مهندس", "2021-01-01"),
    ]
    ex = write_export(folder / "me", Ex(me, people, messages=messages(people[3], both=3, start="2026-09-01")))
    targets = write_targets(folder / "targets.csv", [("Stripe", 1, "", "")])
    return ex, targets


def _hostile(hostile_export, fmt, *extra):
    ex, targets = hostile_export
    result = run("report", str(ex), "--targets", str(targets), "--as-of", AS_OF, "--format", fmt, *extra)
    assert result.exit_code == 0, result.output
    return result.output


def test_hostile_html_is_escaped(hostile_export):
    html = _hostile(hostile_export, "html")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html and "&lt;b&gt;Engineer&lt;/b&gt;" in html


def test_hostile_csv_cells_never_run_as_formulas(hostile_export):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(_hostile(hostile_export, "csv"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_hostile_markdown_tables_keep_their_shape(hostile_export):
    md = _hostile(hostile_export, "markdown")
    assert "Pipe\\|Name" in md
    header = next(line for line in md.splitlines() if line.startswith("| # | Name"))
    for line in md.splitlines():
        if line.startswith("| ") and "Tablebreaker" in line:
            assert line.replace("\\|", "").count("|") == header.count("|")


def test_hostile_json_keeps_emoji_and_right_to_left_text(hostile_export):
    data = json.loads(_hostile(hostile_export, "json"))
    names = {i["name"] for i in data["targets"][0]["insiders"]}
    assert "Emoji 🚀 Rocketson" in names and "نور حداد" in names


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "csv"])
def test_redact_leaves_no_surname_or_profile_url_in_any_format(hostile_export, fmt):
    out = _hostile(hostile_export, fmt, "--redact")
    for secret in ("Scriptson", "Formula", "Tablebreaker", "Rocketson", "حداد", "Rivera", "linkedin.com/in"):
        assert secret not in out, (fmt, secret)
