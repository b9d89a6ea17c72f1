"""Tests for netgraph.companies: targets files, matching, near misses, grouping, rendering."""

from __future__ import annotations

import doctest
import importlib.util
import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netgraph.companies
from netgraph.companies import (
    _group,
    _match,
    _normalize,
    _targets,
    company_key,
    company_keys,
    find_near_misses,
    group_companies,
    match_companies,
    read_targets,
    render_companies,
)
from netgraph.errors import TargetsError

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def match_one(name: str, targets, **options) -> tuple[str, str]:
    row = match_companies([name], targets, **options).iloc[0]
    return row["target"], row["rule"]


# --------------------------------------------------------------------------- read_targets


def test_read_txt_ignores_comments_blank_lines_bom_crlf_and_spaces(tmp_path):
    path = write(
        tmp_path,
        "t.txt",
        "\ufeff# companies I want\r\n\r\n  Stripe  \r\nSalesforce # dream job\r\n"
        "   # indented comment\r\nBank  of   America\r\n",
    )
    targets = read_targets(path)
    assert targets["company"].tolist() == ["Stripe", "Salesforce", "Bank of America"]
    assert targets["priority"].tolist() == [1, 1, 1]
    assert targets["aliases"].tolist() == [(), (), ()]
    assert targets["order"].tolist() == [0, 1, 2]


def test_read_csv_all_columns(tmp_path):
    path = write(
        tmp_path,
        "t.csv",
        "\ufeff Company , Priority,aliases,titles,notes\r\n"
        'Stripe,2, Stripe Payments | Stripe Inc ,Engineer|PM,x\r\n'
        '"Meta Platforms, Inc.",,Facebook||Facebook,\r\n'
        ",,,\r\n"
        "Visa,1.0,,\r\n",
    )
    targets = read_targets(path)
    assert list(targets.columns) == ["company", "priority", "aliases", "titles", "order"]
    assert targets.to_dict("records") == [
        {"company": "Stripe", "priority": 2, "aliases": ("Stripe Payments", "Stripe Inc"),
         "titles": ("Engineer", "PM"), "order": 0},
        {"company": "Meta Platforms, Inc.", "priority": 1, "aliases": ("Facebook",),
         "titles": (), "order": 1},
        {"company": "Visa", "priority": 1, "aliases": (), "titles": (), "order": 2},
    ]  # fmt: skip
    assert str(targets["priority"].dtype) == "int64"
    assert str(targets["order"].dtype) == "int64"


def test_read_csv_windows_1252(tmp_path):
    path = write(tmp_path, "t.csv", "company\nSociété Générale\n", encoding="cp1252")
    assert read_targets(path)["company"].tolist() == ["Société Générale"]


def test_merging_lists_keeps_best_priority_and_unions_aliases_and_titles(tmp_path):
    first = write(tmp_path, "a.csv", "company,priority,aliases,titles\nStripe,3,Stripe Inc,PM\nVisa,2,,\n")
    second = write(tmp_path, "b.csv",
                   "company,priority,aliases,titles\nstripe,1,Stripe Payments|Stripe Inc,Engineer|PM\n")
    third = write(tmp_path, "c.txt", "Target\nVisa Inc.\n")
    targets = read_targets([first, second, third])
    assert targets.to_dict("records") == [
        {"company": "Stripe", "priority": 1, "aliases": ("Stripe Inc", "Stripe Payments"),
         "titles": ("PM", "Engineer"), "order": 0},
        {"company": "Visa", "priority": 1, "aliases": (), "titles": (), "order": 1},
        {"company": "Target", "priority": 1, "aliases": (), "titles": (), "order": 2},
    ]  # fmt: skip


def test_read_targets_accepts_str_paths(tmp_path):
    path = write(tmp_path, "t.txt", "Stripe\n")
    assert read_targets(str(path))["company"].tolist() == ["Stripe"]
    assert read_targets([str(path)])["company"].tolist() == ["Stripe"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("t.txt", "", "targets file '{p}' lists no companies: add one company per line"),
        ("t.txt", "# only a comment\n\n  \n", "targets file '{p}' lists no companies: add one company per line"),
        ("t.csv", "company,priority\n\n,\n",
         "targets file '{p}' lists no companies: add rows under a 'company' header"),
        ("t.csv", "name, Prio\nStripe,1\n",
         "t.csv: no header row in the first 20 lines; the first line is 'name, Prio'. Its first line should name "
         "the columns, e.g. company,priority,aliases,titles"),
        ("t.csv", "company,priority\nStripe,0\n",
         "t.csv line 2: priority is '0', expected a whole number from 1 (most wanted) to 99: fix it or leave it empty"),
        ("t.csv", "company,priority\nStripe,1\nVisa,high\n",
         "t.csv line 3: priority is 'high', expected a whole number from 1 (most wanted) to 99: fix it or leave it "
         "empty"),
        ("t.csv", "company,priority\nStripe,1.5\n",
         "t.csv line 2: priority is '1.5', expected a whole number from 1 (most wanted) to 99: fix it or leave it "
         "empty"),
        ("t.csv", "company,priority\n,2\n", "t.csv line 2: 'company' is empty: fill it in or delete the line"),
        ("t.csv", "company,priority\nStripe, Inc.,1\n",
         't.csv line 2: 3 values but the header has 2 columns (comma-separated): put names that contain a comma in '
         'double quotes, like "Stripe, Inc."'),
        ("t.csv", "company;priority\nStripe;Inc.;1\n",
         't.csv line 2: 3 values but the header has 2 columns (semicolon-separated): put names that contain a '
         'semicolon in double quotes, like "Stripe, Inc."'),
        ("t.csv", "company\nStripe\nVisa\nStripe\n",
         "targets file '{p}' lists 'Stripe' twice (lines 2 and 4): delete one of them"),
        ("t.csv", "company\nStripe\n\"Stripe, Inc.\"\n",
         "targets file '{p}': 'Stripe, Inc.' on line 3 is the same company as 'Stripe' on line 2: keep one line and "
         "put the other name in the 'aliases' column"),
        ("t.txt", "# list\nSTRIPE\n\nstripe\n",
         "targets file '{p}': 'stripe' on line 4 is the same company as 'STRIPE' on line 2: keep one line"),
        ("t.csv", 'company\nStripe\n"Acme, Inc.\nVisa\n',
         "t.csv line 3: a quote opened on this line never closes (lines 4-4 would be part of it: this line is "
         "skipped, they are read as the rows they are)"),
        ("t.txt", "---\n", "targets file '{p}' line 1: '---' has no letters or digits: write the company's name"),
        ("t.xlsx", "company\n",
         "targets file '{p}' is not a .csv or .txt file: save your list as a CSV file with a 'company' column, or "
         "as text with one company per line"),
    ],
)  # fmt: skip
def test_read_targets_errors(tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    with pytest.raises(TargetsError) as error:
        read_targets(path)
    assert str(error.value) == message.format(p=path)


def test_read_targets_missing_file_folder_and_fifo(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(TargetsError) as error:
        read_targets(missing)
    assert str(error.value) == (
        f"targets file {missing} does not exist: pass a CSV file with the columns company,priority,aliases,titles"
    )
    folder = tmp_path / "list.csv"
    folder.mkdir()
    with pytest.raises(TargetsError) as error:
        read_targets(folder)
    assert str(error.value) == (
        f"targets file {folder} is a folder: pass a CSV file with the columns company,priority,aliases,titles"
    )
    with pytest.raises(TargetsError) as error:
        read_targets([])
    assert str(error.value) == "no targets file given: give a .csv or .txt list of companies"
    for name in ("pipe.csv", "pipe.txt"):
        os.mkfifo(tmp_path / name)  # a FIFO nobody writes to must not block the read
        with pytest.raises(TargetsError, match="is a named pipe \\(FIFO\\), not a file"):
            read_targets(tmp_path / name)


def test_read_csv_from_european_excel_semicolons_and_windows_1252(tmp_path):
    path = write(tmp_path, "t.csv", "Company;Priority;Aliases\r\nSociété Générale;2;SocGen|SG\r\n"
                 '"Stripe; Inc.";1;\r\nNestlé;;\r\n', encoding="cp1252")  # fmt: skip
    targets = read_targets(path)
    assert targets[["company", "priority", "aliases"]].values.tolist() == [
        ["Société Générale", 2, ("SocGen", "SG")], ["Stripe; Inc.", 1, ()], ["Nestlé", 1, ()],
    ]  # fmt: skip


def test_read_txt_utf16(tmp_path):
    path = write(tmp_path, "t.txt", "\ufeffSociété Générale\nStripe\n", encoding="utf-16-le")
    assert read_targets(path)["company"].tolist() == ["Société Générale", "Stripe"]


@pytest.mark.parametrize("value", ["1e300", "inf", "9223372036854775808", "-1", "abc", "0", "100", "nan", "1.5"])
def test_priority_outside_1_to_99_is_an_error_naming_file_line_and_value(tmp_path, value):
    path = write(tmp_path, "targets.csv", f"company,priority\nStripe,1\nAcme,{value}\n")
    with pytest.raises(TargetsError) as error:
        read_targets(path)
    assert str(error.value) == (
        f"targets.csv line 3: priority is '{value}', expected a whole number from 1 (most wanted) to 99: "
        "fix it or leave it empty"
    )


@pytest.mark.parametrize(("value", "priority"), [("", 1), ("1", 1), ("99", 99), ("2.0", 2), (" 3 ", 3), ("07", 7)])
def test_priority_accepted_forms(tmp_path, value, priority):
    path = write(tmp_path, "targets.csv", f"company,priority\nStripe,{value}\n")
    assert read_targets(path)["priority"].tolist() == [priority]


@pytest.mark.parametrize("value", ["1e300", "inf", "9223372036854775808", "-1", "abc"])
def test_a_bad_priority_through_the_command_line_is_one_error_line(tmp_path, value):
    from click.testing import CliRunner

    from netgraph.cli import main
    from netgraph.sample_data import EXPORT

    path = write(tmp_path, "bad.csv", f"company,priority\nStripe,1\nAcme,{value}\n")
    result = CliRunner().invoke(main, ["report", str(EXPORT), "--targets", str(path), "--quiet"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: bad.csv line 3: priority is '{value}', expected a whole number from 1 (most wanted) to 99: "
        "fix it or leave it empty\n"
    )
    assert "Traceback" not in result.output


def test_duplicates_across_files_are_merged_not_an_error(tmp_path):
    first = write(tmp_path, "a.txt", "Stripe\n")
    second = write(tmp_path, "b.txt", "Stripe\n")
    assert read_targets([first, second])["company"].tolist() == ["Stripe"]


# -------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Intel Corporation", "intel"),
        ("Acme, Inc.", "acme"),
        ("ACME", "acme"),
        ("Acme Incorporated", "acme"),
        ("Acme LLC", "acme"),
        ("Acme L.L.C.", "acme"),
        ("Acme Ltd.", "acme"),
        ("Acme Limited", "acme"),
        ("Acme GmbH", "acme"),
        ("Acme GmbH & Co. KG", "acme"),
        ("Acme AG", "acme"),
        ("Acme S.A.", "acme"),
        ("Acme SA", "acme"),
        ("Acme SAS", "acme"),
        ("Acme SARL", "acme"),
        ("Acme S.p.A.", "acme"),
        ("Acme S.r.l.", "acme"),
        ("Acme N.V.", "acme"),
        ("Acme B.V.", "acme"),
        ("Acme AB", "acme"),
        ("Acme AB (publ)", "acme"),
        ("Acme ASA", "acme"),
        ("Acme A/S", "acme"),
        ("Acme Oy", "acme"),
        ("Acme plc", "acme"),
        ("Acme LP", "acme"),
        ("Acme LLP", "acme"),
        ("Acme Corp.", "acme"),
        ("Acme Co.", "acme"),
        ("Acme Company", "acme"),
        ("Acme Pty Ltd", "acme"),
        ("Acme Pvt. Ltd.", "acme"),
        ("Acme Private Limited", "acme"),
        ("Acme K.K.", "acme"),
        ("Acme Group", "acme"),
        ("Acme Holdings, Inc.", "acme"),
        ("Acme Sp. z o.o.", "acme"),
        ("Acme S.A. de C.V.", "acme"),
        ("Acme Sdn Bhd", "acme"),
        ("Meta Platforms, Inc.", "meta platforms"),
        ("Société Générale", "societe generale"),
        ("Nestlé", "nestle"),
        ("L’Oréal", "loreal"),
        ("Ørsted A/S", "orsted"),
        ("Procter & Gamble", "procter and gamble"),
        ("Procter and Gamble", "procter and gamble"),
        ("The Home Depot", "home depot"),
        ("salesforce.com, inc.", "salesforce"),
        ("www.stripe.com", "stripe"),
        ("amazon.co.uk", "amazon"),
        ("Amazon Web Services (AWS)", "amazon web services"),
        ("J.P. Morgan", "jp morgan"),
        ("Goldman Sachs & Co. LLC", "goldman sachs"),
        ("McKinsey & Company", "mckinsey"),
        ("The Company", "company"),
        ("Group", "group"),
        ("X.AI", "xai"),
        ("  ---  ", ""),
        ("", ""),
    ],
)
def test_normalize(name, key):
    assert company_key(name) == key


# --------------------------------------------------------------------------- match rules

TARGETS = [
    "Stripe", "Target", "Visa", "Block", "Delta Air Lines", "Apple", "Meta", "Uber", "Intel",
    "X", "GE", "Box", "Ford", "Salesforce", "Bloomberg", "Microsoft", "Google", "Amazon",
    "Bank of America", "Société Générale", "Siemens", "Pfizer", "SAP", "EY",
    "Johnson & Johnson", "Procter & Gamble", "IBM", "Equinix", "Moderna", "Spotify", "Tesla",
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "target", "rule"),
    [
        ("Stripe", "Stripe", "exact"),
        ("STRIPE, INC.", "Stripe", "exact"),
        ("Intel Corporation", "Intel", "exact"),
        ("Siemens AG", "Siemens", "exact"),
        ("Societe Generale", "Société Générale", "exact"),
        ("SOCIÉTÉ GÉNÉRALE S.A.", "Société Générale", "exact"),
        ("Procter and Gamble", "Procter & Gamble", "exact"),
        ("Johnson and Johnson", "Johnson & Johnson", "exact"),
        ("salesforce.com", "Salesforce", "exact"),
        ("Sales Force", "Salesforce", "exact"),
        ("Target Corporation", "Target", "exact"),
        ("X Corp.", "X", "exact"),
        ("G.E.", "GE", "exact"),
        ("Bank of America, N.A.", "Bank of America", "exact"),
        ("Stripe (Dublin)", "Stripe", "exact"),
        ("Google Cloud", "Google", "known alias"),
    ],
)
def test_exact_rule(name, target, rule):
    assert match_one(name, TARGETS) == (target, rule)


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("Facebook", "Meta"),
        ("Meta Platforms", "Meta"),
        ("Meta Platforms, Inc.", "Meta"),
        ("Instagram", "Meta"),
        ("Square", "Block"),
        ("Square, Inc.", "Block"),
        ("Cash App", "Block"),
        ("Twitter", "X"),
        ("Ernst & Young", "EY"),
        ("Ernst and Young LLP", "EY"),
        ("J&J", "Johnson & Johnson"),
        ("BofA", "Bank of America"),
        ("Bank of America Merrill Lynch", "Bank of America"),
        ("Merrill Lynch", "Bank of America"),
        ("General Electric", "GE"),
        ("General Electric Company", "GE"),
        ("Alphabet", "Google"),
        ("Alphabet Inc.", "Google"),
        ("AWS", "Amazon"),
        ("Amazon Web Services", "Amazon"),
        ("International Business Machines", "IBM"),
        ("P&G", "Procter & Gamble"),
        ("Delta", "Delta Air Lines"),
        ("Ford Motor Company", "Ford"),
        ("Uber Technologies, Inc.", "Uber"),
        ("Tesla Motors", "Tesla"),
        ("SFDC", "Salesforce"),
    ],
)
def test_known_alias_rule(name, target):
    assert match_one(name, TARGETS) == (target, "known alias")


@pytest.mark.parametrize(
    ("name", "target"),
    [("Facebook", "Meta"), ("Square", "Block"), ("AWS", "Amazon"), ("Delta", "Delta Air Lines")],
)
def test_builtin_aliases_can_be_switched_off(name, target):
    assert match_one(name, TARGETS, builtin_aliases=False) == ("", "")


@pytest.mark.parametrize(
    ("target", "name"),
    [
        ("Alphabet", "Google"),
        ("Square", "Block"),
        ("Twitter", "X Corp"),
        ("General Electric", "GE"),
        ("Meta Platforms", "Facebook"),
        ("Ernst & Young", "EY"),
        ("Bank of America Merrill Lynch", "Bank of America"),
    ],
)
def test_known_aliases_work_both_ways(target, name):
    assert match_one(name, [target]) == (target, "known alias")


def test_a_unit_does_not_match_a_target_named_like_its_parent_the_other_way():
    assert match_one("Amazon", ["Amazon Web Services"]) == ("", "")
    assert match_one("Bank of America", ["Merrill Lynch"]) == ("", "")


def test_builtin_alias_never_matches_two_non_targets():
    assert match_companies(["Facebook", "Square", "Twitter"], ["Stripe"])["target"].tolist() == ["", "", ""]


def test_alias_from_targets_file(tmp_path):
    targets = read_targets(write(tmp_path, "t.csv",
                                 "company,aliases\nMicrosoft,MSFT|Microsoft Azure\nGoldman Sachs,Goldman\n"))
    assert match_one("MSFT", targets) == ("Microsoft", "alias")
    assert match_one("Microsoft Azure", targets) == ("Microsoft", "alias")
    assert match_one("Goldman", targets) == ("Goldman Sachs", "alias")
    assert match_one("Goldman UK", targets) == ("Goldman Sachs", "place")


@pytest.mark.parametrize(
    ("name", "target", "rule"),
    [
        ("Intel Labs", "Intel", "known unit"),
        ("SAP America", "SAP", "place"),
        ("Pfizer UK", "Pfizer", "place"),
        ("Bloomberg Engineering", "Bloomberg", "unit"),
        ("Google Ads", "Google", "known unit"),
        ("Google Zurich", "Google", "place"),
        ("Stripe Payments UK Ltd", "Stripe", "unit"),
        ("Stripe - Dublin", "Stripe", "place"),
        ("Microsoft Research Asia", "Microsoft", "known unit"),
        ("Pfizer Research & Development", "Pfizer", "unit"),
        ("Intel Corporation, Santa Clara", "Intel", "place"),
        ("SAP Deutschland SE & Co. KG", "SAP", "place"),
        ("Facebook Ireland Ltd", "Meta", "place"),
        ("Target Stores", "Target", "place"),
        ("Apple Retail", "Apple", "known unit"),
        ("Visa Europe", "Visa", "place"),
        ("Ford of Europe", "Ford", "place"),
        ("Amazon Fulfillment", "Amazon", "known unit"),
        ("Twitter UK", "X", "place"),
    ],
)
def test_place_and_unit_rules(name, target, rule):
    assert match_one(name, TARGETS) == (target, rule)


@pytest.mark.parametrize(
    "name",
    [
        # a target's name followed by other words is another company
        "Target Hospitality", "Target Australia", "Delta Dental", "Delta Dental of California",
        "Square Enix", "Visa Lighting", "Apple Leisure Group", "Apple Bank",
        "Ford Foundation", "Siemens Energy", "Siemens Healthineers", "GE HealthCare",
        "GE Vernova", "Bloomberg Philanthropies", "Tesla Exploration",
        # after a name that is an ordinary word, business-unit words are not enough
        "Delta Engineering", "Block Engineering", "Apple Solutions", "Target Technologies",
        "X Labs", "Box Consulting",
        # never a substring or a prefix
        "Intelligent Systems", "Uberflip", "Visage Imaging", "Metadata Inc", "SpaceX",
        "Squarespace", "H&R Block", "Dropbox", "Fordham University", "Pinstripe",
        "Snapple", "GEICO", "Xerox", "Boxed", "Metabase", "Intelsat",
        # not a current employer
        "Ex-Google",
    ],
)  # fmt: skip
def test_traps_do_not_match(name):
    assert match_one(name, TARGETS) == ("", "")


@pytest.mark.parametrize(
    "name",
    [
        "Vista",  # Visa: too short for typos
        "Intell",  # Intel: extra letters at the end are a different name
        "Inte",
        "Equinox",  # Equinix: 7 letters, one letter replaced
        "Modern",  # Moderna: dropped letter, 7 letters
        "Amazonas",  # Amazon: extra letters at the end are a different name
        "Stripes",
        "Salesforge",  # g is not next to c on a keyboard
        "Bank of Africa",  # two edits on a 13-letter name
        "Squire",  # Square is an ordinary word: no typos
        "Phillips 66",
    ],
)
def test_unsafe_typos_do_not_match(name):
    assert match_one(name, TARGETS) == ("", "")


def test_more_specific_target_wins():
    targets = ["Google", "Google Cloud", "Amazon", "Amazon Web Services"]
    found = match_companies(
        ["Google Cloud EMEA", "Google Cloud", "Google UK", "AWS", "Amazon UK", "Amazon Web Services EMEA SARL"],
        targets,
    )
    assert found["target"].tolist() == [
        "Google Cloud", "Google Cloud", "Google", "Amazon Web Services", "Amazon", "Amazon Web Services",
    ]  # fmt: skip


def test_exact_target_beats_known_alias_and_ties_go_to_file_order():
    assert match_one("Google", ["Alphabet", "Google"]) == ("Google", "exact")
    assert match_one("Facebook", ["Meta", "Meta Platforms"]) == ("Meta", "known alias")
    assert match_one("Facebook", ["Meta Platforms", "Meta"]) == ("Meta Platforms", "known alias")
    targets = pd.DataFrame({"company": ["Meta Platforms", "Meta"], "aliases": [(), ()], "order": [1, 0]})
    assert match_one("Facebook", targets) == ("Meta", "known alias")


def test_multi_word_targets():
    # the first word of a multi-word target is a near miss, not a match ...
    found = match_companies(["Delta", "Bank", "Delta Dental"], ["Delta Air Lines", "Bank of America"],
                            builtin_aliases=False)
    assert found["target"].tolist() == ["", "", ""]
    assert found["looks_like"].tolist() == ["Delta Air Lines", "", "Delta Air Lines"]
    # ... unless the built-in table knows it as the company's usual short name
    assert match_one("Delta", ["Delta Air Lines"]) == ("Delta Air Lines", "known alias")
    assert match_one("Delta Airlines Inc", ["Delta Air Lines"]) == ("Delta Air Lines", "exact")
    assert match_one("Delta Air Lines", ["Delta Dental"]) == ("", "")


def test_result_shape_one_row_per_distinct_name():
    names = pd.Series(["Stripe", "Stripe", "Acme", None, "", "Stripe, Inc."], dtype=object)
    found = match_companies(names, ["Stripe"])
    assert found.index.tolist() == ["Stripe", "Acme", "", "Stripe, Inc."]
    assert found.index.name == "company"
    assert list(found.columns) == ["target", "rule", "score", "looks_like", "reason"]
    assert found["score"].tolist() == [100, 0, 0, 100]
    assert str(found["score"].dtype) == "int64"


def test_no_targets_and_no_names():
    assert match_companies(["Stripe"], [])["target"].tolist() == [""]
    empty = match_companies([], ["Stripe"])
    assert len(empty) == 0 and list(empty.columns) == ["target", "rule", "score", "looks_like", "reason"]


@pytest.mark.parametrize(
    ("name", "looks_like"),
    [
        ("Target Hospitality", "Target"),
        ("Square Enix", "Block"),
        ("Equinox", "Equinix"),
        ("Salesforge", "Salesforce"),
        ("Siemens Energy", "Siemens"),
        ("Intelligent Systems", ""),
        ("Uberflip", ""),
        ("Acme", ""),
    ],
)
def test_looks_like(name, looks_like):
    found = match_companies([name], TARGETS).iloc[0]
    assert (found["target"], found["looks_like"]) == ("", looks_like)


def test_match_does_not_change_its_inputs():
    targets = pd.DataFrame({"company": ["Stripe"], "aliases": [("Stripe Inc",)]})
    names = pd.Series(["Stripe, Inc.", "Acme"])
    before_t, before_n = targets.copy(), names.copy()
    match_companies(names, targets)
    pd.testing.assert_frame_equal(targets, before_t)
    pd.testing.assert_series_equal(names, before_n)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["", " Inc.", ", Inc.", " GmbH", " S.A.", " plc"]))
def test_a_target_always_matches_its_own_name_with_a_legal_suffix(name, suffix):
    if not company_key(name):
        return
    found = match_companies([name, name + suffix, name.upper()], [name])
    assert found.loc[name, "target"] == name
    assert found.loc[name, "rule"] == "exact"
    if company_key(name + suffix) == company_key(name):
        assert found.loc[name + suffix, "target"] == name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=20))
def test_any_text_gives_one_row_per_distinct_name(names):
    found = match_companies(names, TARGETS)
    assert found.index.tolist() == list(dict.fromkeys(names))
    assert set(found["target"]) <= set(TARGETS) | {""}
    assert ((found["target"] == "") == (found["rule"] == "")).all()


# -------------------------------------------------------------------------- near misses


def test_find_near_misses_groups_spellings_and_sorts():
    people = pd.Series(
        ["Target Hospitality", "Target Hospitality Corp.", "target hospitality", "Target",
         "Square Enix", "Square Enix", "Square Enix", "Acme", None, "Delta Dental"]
    )  # fmt: skip
    misses = find_near_misses(people, match_companies(people, ["Target", "Block", "Delta Air Lines"]))
    alias = "add it as an alias if it is {}".format
    assert misses.to_dict("records") == [
        {"company": "Square Enix", "looks_like": "Block", "count": 3, "reason": alias("Block")},
        {"company": "Target Hospitality", "looks_like": "Target", "count": 3, "reason": alias("Target")},
        {"company": "Delta Dental", "looks_like": "Delta Air Lines", "count": 1, "reason": alias("Delta Air Lines")},
    ]


def test_find_near_misses_say_why():
    people = pd.Series(["HCL America @ Meta", "HCL America @ Meta", "Google Summer of Code", "Meta"])
    misses = find_near_misses(people, match_companies(people, ["Meta", "Google"]))
    assert misses.to_dict("records") == [
        {"company": "HCL America @ Meta", "looks_like": "Meta", "count": 2,
         "reason": "Meta is where they work, for another employer (a contractor)"},
        {"company": "Google Summer of Code", "looks_like": "Google", "count": 1,
         "reason": "a programme, community or certification of Google, not a job there"},
    ]  # fmt: skip


def test_find_near_misses_none():
    people = pd.Series(["Stripe", "Acme"])
    misses = find_near_misses(people, match_companies(people, ["Stripe"]))
    assert list(misses.columns) == ["company", "looks_like", "count", "reason"] and misses.empty


# ----------------------------------------------------------------------- group_companies


def test_group_companies_groups_spelling_variants():
    people = pd.Series(
        ["Stripe", "Stripe", "Stripe, Inc.", "stripe", "Stripe Payments UK", "  Stripe  Inc ",
         "Acme", "ACME", "Acme Corp", "Zeta", "Beta", "", "   ", None]
    )  # fmt: skip
    table = group_companies(people, read_targets_from(["Stripe"]))
    assert list(table.columns) == ["company", "count", "variants", "target", "rule", "looks_like", "reason"]
    assert table.drop(columns="reason").to_dict("records") == [
        {"company": "Stripe", "count": 6, "variants": ("Stripe Inc", "Stripe Payments UK", "Stripe, Inc.", "stripe"),
         "target": "Stripe", "rule": "exact", "looks_like": ""},
        {"company": "ACME", "count": 3, "variants": ("Acme", "Acme Corp"), "target": "", "rule": "", "looks_like": ""},
        {"company": "Beta", "count": 1, "variants": (), "target": "", "rule": "", "looks_like": ""},
        {"company": "Zeta", "count": 1, "variants": (), "target": "", "rule": "", "looks_like": ""},
    ]  # fmt: skip


def read_targets_from(names: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"company": names, "aliases": [()] * len(names), "order": range(len(names))})


def test_group_companies_without_targets_does_not_pool_units():
    table = group_companies(pd.Series(["Google", "Google UK", "Google, Inc."]))
    assert table[["company", "count", "variants", "target"]].values.tolist() == [
        ["Google", 2, ("Google, Inc.",), ""],
        ["Google UK", 1, (), ""],
    ]


def test_group_companies_pools_known_aliases_under_the_target():
    people = pd.Series(["Facebook", "Facebook", "Meta", "Instagram"])
    table = group_companies(people, ["Meta"])
    assert table[["company", "count", "variants", "target", "rule"]].values.tolist() == [
        ["Facebook", 4, ("Instagram", "Meta"), "Meta", "known alias"]
    ]
    assert group_companies(people, ["Meta"], builtin_aliases=False)["count"].tolist() == [2, 1, 1]


def test_group_companies_empty():
    table = group_companies(pd.Series(["", None, "  "], dtype=object))
    assert table.empty and list(table.columns) == [
        "company", "count", "variants", "target", "rule", "looks_like", "reason"
    ]  # fmt: skip


# ---------------------------------------------------------------------- render_companies

PEOPLE = pd.Series(
    ["Stripe"] * 9 + ["Stripe, Inc."] * 3 + ["stripe", "Stripe Payments UK"]
    + ["Acme Corporation"] * 4 + ["Target Hospitality"] * 3 + ["Facebook", "Meta"]
    + ["Initech"]
)  # fmt: skip


def test_render_companies_exact_output():
    text = render_companies(group_companies(PEOPLE, ["Stripe", "Target", "Meta"]))
    assert text == (
        "COMPANY             PEOPLE  TARGET              VARIANTS\n"
        "Stripe                  14  Stripe (exact)      Stripe, Inc.; Stripe Payments U…\n"
        "Acme Corporation         4\n"
        "Target Hospitality       3\n"
        "Facebook                 2  Meta (known alias)  Meta\n"
        "Initech                  1\n"
        "\n"
        "Near misses (not counted as targets):\n"
        "  3 people at Target Hospitality: add it as an alias if it is Target\n"
    )


def test_render_companies_top_and_no_target_column():
    text = render_companies(group_companies(PEOPLE), top=2)
    assert text == (
        "COMPANY           PEOPLE  VARIANTS\n"
        "Stripe                13  Stripe, Inc.; stripe\n"
        "Acme Corporation       4\n"
        "... and 5 more companies\n"
    )


def test_render_companies_names_the_targets_that_top_leaves_out():
    text = render_companies(group_companies(PEOPLE, ["Initech", "Meta"]), top=2)
    assert text == (
        "COMPANY           PEOPLE  TARGET  VARIANTS\n"
        "Stripe                13          Stripe, Inc.; stripe\n"
        "Acme Corporation       4\n"
        "... and 4 more companies\n"
        "Targets further down: Facebook (2), Initech (1)\n"
    )


def test_render_companies_fits_the_terminal_width_and_cuts_with_an_ellipsis():
    people = pd.Series(
        ["International Consolidated Airlines Group of Very Long Names"] * 2
        + [f"Stripe variant spelling number {i}" for i in range(30)]
    )
    table = group_companies(people, pd.DataFrame({"company": ["Stripe"], "aliases": [tuple(people[2:])]}))
    for width in (60, 80, 132):
        lines = render_companies(table, width=width).splitlines()
        assert all(len(line) <= width for line in lines), width
        assert lines[1].startswith("Stripe variant spelling number 0" if width > 60 else "Stripe variant")
        assert lines[1].endswith("…")
    assert render_companies(table, width=80).splitlines()[2].startswith("International Consolidated Airlines Group…")
    wide = render_companies(table, width=132).splitlines()
    assert wide[2].startswith("International Consolidated Airlines Group of Very Long Names  ")


def test_render_companies_when_piped_writes_every_string_in_full():
    people = pd.Series(
        ["International Consolidated Airlines Group of Very Long Names"] * 2
        + [f"Stripe variant spelling number {i}" for i in range(30)] + ["Stripe Partners Consulting of London Ltd"]
    )
    table = group_companies(people, pd.DataFrame({"company": ["Stripe"], "aliases": [tuple(people[2:32])]}))
    text = render_companies(table, width=None)
    assert "…" not in text
    lines = text.splitlines()
    assert lines[1].endswith("; ".join(sorted(f"Stripe variant spelling number {i}" for i in range(1, 30))))
    assert lines[2].startswith("International Consolidated Airlines Group of Very Long Names  ")
    hint = "  1 person at Stripe Partners Consulting of London Ltd: a partner or reseller of Stripe, not Stripe"
    assert hint in lines


def test_render_companies_wraps_near_misses_in_a_terminal_never_cutting_the_spelling():
    name = "Target Hospitality Services and Remote Workforce Accommodation Solutions of Texas"
    table = group_companies(pd.Series([name, "Target"]), ["Target"])
    text = render_companies(table, width=60)
    assert all(len(line) <= 60 for line in text.splitlines())
    assert "Target Hospitality Se…" in text  # the table cuts it to fit ...
    assert " ".join(text.split()).count(name) == 1  # ... the near miss gives it whole


def test_the_companies_command_fits_a_terminal_and_writes_full_strings_when_piped(monkeypatch):
    import shutil
    import sys
    import types

    from click.testing import CliRunner

    from netgraph.cli import main
    from netgraph.sample_data import EXPORT
    from netgraph.sample_data import TARGETS as SAMPLE_TARGETS

    command = ["companies", str(EXPORT), "--targets", str(SAMPLE_TARGETS), "--top", "8"]
    piped = CliRunner().invoke(main, command)
    assert piped.exit_code == 0, piped.output
    assert piped.output.splitlines()[0].split() == ["COMPANY", "PEOPLE", "TARGET", "VARIANTS"]
    assert "…" not in piped.output
    assert max(map(len, piped.output.splitlines())) > 50

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("netgraph.cli.sys", types.SimpleNamespace(stdout=Terminal(), stderr=sys.stderr))
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a, **k: os.terminal_size((50, 24)))
    terminal = CliRunner().invoke(main, command)
    assert terminal.exit_code == 0, terminal.output
    table = terminal.output.split("\n\n")[0].splitlines()
    assert max(map(len, table)) <= 50 < max(map(len, piped.output.split("\n\n")[0].splitlines()))


def test_render_companies_empty():
    assert render_companies(group_companies(pd.Series([], dtype=object))) == "No companies found.\n"


# ------------------------------------------------------------------ labelled evaluation


def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_companies", ROOT / "benchmarks" / "eval_companies.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_labelled_set_is_large_and_well_formed():
    labels = pd.read_csv(DATA / "company_labels.csv", dtype=str, keep_default_na=False)
    assert len(labels) >= 300
    assert set(labels["targets"]) == {"main", "alt"}
    assert not labels.duplicated(["company", "targets"]).any()
    for name, file in {"main": "company_targets.csv", "alt": "company_targets_alt.csv"}.items():
        companies = set(read_targets(DATA / file)["company"])
        expected = set(labels.loc[labels["targets"] == name, "expected"]) - {""}
        assert expected <= companies


def test_precision_and_recall_floors_on_the_labelled_set():
    result = _load_eval().evaluate(DATA)
    errors = result.errors.to_string()
    assert result.precision >= 0.99, errors
    assert result.recall >= 0.97, errors


def test_real_strings_file_is_well_formed():
    real = _load_eval().read_real(DATA)
    assert list(real.columns) == ["raw", "people", "target", "label"]
    assert len(real) > 20_000 and (real["people"] >= 1).all()
    assert set(real["label"]) == {"Y", "N", "?", "-"}
    assert ((real["label"] == "-") == (real["target"] == "")).all()
    assert len(_load_eval().real_targets(DATA)) == 20


@pytest.mark.parametrize("part", ["all", "tune", "check"])
def test_goals_on_real_strings_for_each_half_of_the_targets(part):
    evaluation = _load_eval()
    targets = evaluation.real_targets(DATA) if part == "all" else evaluation.halves(DATA)[part]
    result = evaluation.evaluate_real(targets, DATA)
    errors = result.errors.head(30).to_string()
    assert result.precision_people >= 0.99, errors
    assert result.recall_people >= 0.98, errors
    assert result.precision_strings >= 0.97, errors
    assert result.recall_strings >= 0.85, errors


# ----------------------------------------------------------------------- one company key


def test_one_key_for_inferred_shared_history():
    assert company_key("Société Générale S.A.") == company_key("Societe Generale") == "societe generale"
    assert company_key("SAP SE") == company_key("SAP") == company_key("sap") == "sap"
    assert company_key("Accenture Solutions Private Limited Company.") == company_key("Accenture Solutions")


def test_generic_names_keep_their_legal_form():
    keys = {company_key(n) for n in ["Software AG", "Software Company", "Software INC", "software"]}
    assert keys == {"software ag", "software co", "software inc", "software"}
    assert company_key("Global Services Ltd") == company_key("Global Services Limited") == "global services ltd"


@pytest.mark.parametrize("cell", ["NA", "N/A", "n/a", "-", "--", "null", "NULL", "none", "nan", "", "  ", ".",
                                  "Self-employed", "Freelance", "Confidential", "Stealth Startup"])  # fmt: skip
def test_cells_naming_no_company_have_no_key(cell):
    assert company_key(cell) == ""


def test_company_keys_are_computed_once_per_distinct_value():
    names = pd.Series(["Stripe, Inc.", "stripe", None, "N/A"] * 50_000)
    company_key.cache_clear()
    keys = company_keys(names)
    assert keys.tolist()[:4] == ["stripe", "stripe", "", ""]
    assert company_key.cache_info().misses <= 3


# ------------------------------------------------------------------------ grouping rules


def test_grouping_never_merges_names_that_share_only_a_generic_word_or_a_short_name():
    people = pd.Series(["Software AG", "Software AG", "Software Company", "Software INC", "software",
                        "ITC Holding", "ITC Limited", "ITC Ltd.", "ITC, Inc", "Stripe", "Stripe, Inc."])  # fmt: skip
    table = group_companies(people)
    assert table[["company", "count", "variants"]].values.tolist() == [
        ["ITC Limited", 2, ("ITC Ltd.",)], ["Software AG", 2, ()], ["Stripe", 2, ("Stripe, Inc.",)],
        ["ITC Holding", 1, ()], ["ITC, Inc", 1, ()], ["Software Company", 1, ()], ["Software INC", 1, ()],
        ["software", 1, ()],
    ]  # fmt: skip


def test_cells_naming_no_company_are_never_a_group():
    people = pd.Series(["NA"] * 159 + ["N/A", "-", "Self-employed", "Stripe", "Stripe"])
    table = group_companies(people, ["Stripe", "NA"])
    assert table["company"].tolist() == ["Stripe"]
    assert table.attrs["no_company"] == {"NA": 159, "-": 1, "N/A": 1, "Self-employed": 1}
    text = render_companies(table)
    assert text.endswith(
        "\n\nNo company named (never grouped or matched): NA (159), - (1), N/A (1),\n  Self-employed (1)\n"
    )
    assert render_companies(table, width=None).endswith(
        "\n\nNo company named (never grouped or matched): NA (159), - (1), N/A (1), Self-employed (1)\n"
    )


# ------------------------------------------------------------------------- linear time


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_companies", ROOT / "benchmarks" / "bench_companies.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", ["web", "name", "brackets", "slashes", "for"])
def test_normalising_matching_and_rendering_a_huge_field_takes_well_under_two_seconds(kind):
    seconds = _load_bench().long_field_seconds(kind)
    assert seconds < 2.0, f"{kind}: {seconds:.2f} s"


# ------------------------------------------------------------------------------ doctests


@pytest.mark.parametrize("module", [netgraph.companies, _group, _match, _normalize, _targets])
def test_docstring_examples(module):
    failures, _ = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert failures == 0
