"""--redact by construction: random exports whose free text embeds names, e-mails and links;
no name the plan knows, no e-mail and no link survives in any format or on the map."""

from __future__ import annotations

import html
import json
import re
import tempfile
import unicodedata
from pathlib import Path

import matplotlib
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import Ex, P, messages, write_export, write_targets
from netgraph.cli import main
from netgraph.load import load_plan
from netgraph.plot import plot_map
from netgraph.redact import redact_plan
from netgraph.report import render

matplotlib.use("Agg")

AS_OF = "2026-11-20"
# Name parts built from these never occur in the product's own words or in the masks.
SYLLABLES = ["zor", "vak", "quel", "mib", "tusk", "fen", "drav", "lox", "pim", "rud", "syl", "wex", "yab", "kro"]
part = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map(lambda s: "".join(s).capitalize())
# Some names carry an accent or an apostrophe (Seán O'Brien), as real ones do.
styled = st.tuples(part, st.sampled_from(["", "accent", "apostrophe"])).map(
    lambda t: t[0].replace("o", "ó", 1) if t[1] == "accent" else ("O'" + t[0] if t[1] == "apostrophe" else t[0]))
label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
emails = st.builds(lambda local, host, tld: f"{local}@{host}.{tld}",
                   st.from_regex(r"[a-z][a-z0-9._+-]{0,8}[a-z0-9]", fullmatch=True), label,
                   st.sampled_from(["example", "com", "co.uk", "io"]))
links = st.builds(lambda scheme, host, path: f"{scheme}{host}.example/{path}",
                  st.sampled_from(["https://", "http://", "https://www.", "www.", ""]), label,
                  st.sampled_from(["in/", "about", "p?id=7&x=y", "in/x-y-z/"]).map(lambda p: p))


@st.composite
def scenarios(draw):
    """Owner, connections (some at the target), a friend's export, contacts; free text full of secrets."""
    names = draw(st.lists(st.tuples(styled, styled), min_size=7, max_size=10,
                          unique_by=lambda n: _fold(f"{n[0]} {n[1]}")))
    mails = draw(st.lists(emails, min_size=3, max_size=3))
    urls = draw(st.lists(links, min_size=3, max_size=3))
    everyone = [f"{first} {last}" for first, last in names]

    def text(kind: str) -> str:
        who = draw(st.sampled_from(everyone))
        return draw(st.sampled_from([
            f"EA to {who}", f"Manager of {who} ({draw(st.sampled_from(mails))})",
            f"Engineer, see {draw(st.sampled_from(urls))}", f"{who.upper()} office",
            f"{kind} for {who.split()[0]}", "Backend Engineer",
        ]))

    people = [P(first, last, f"p{i}-{_slug(first)}", "Stripe" if i % 2 else text("Founder") + " Labs",
                text("Staff"), f"20{15 + i % 9}-03-0{1 + i % 8}")
              for i, (first, last) in enumerate(names[1:6], start=1)]
    friend = people[0]
    second = [P(first, last, f"s{i}-{_slug(first)}", "Stripe", text("Recruiter"), "2022-05-05")
              for i, (first, last) in enumerate(names[6:], start=1)]
    owner = P(*names[0], "owner-" + _slug(names[0][0]))
    stranger = f"Seán O'Br{draw(part).lower()}"  # in the contacts file only: nobody the plan knows
    return owner, people, friend, second, stranger, mails, urls


def _slug(text: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())


def _write(folder: Path, owner, people, friend, second, stranger, mails) -> dict:
    me = write_export(folder / "me", Ex(owner, people, messages=messages(friend, both=3, start="2026-06-01")))
    theirs = write_export(folder / "friend", Ex(friend, second))
    targets = write_targets(folder / "targets.csv", [("Stripe", 1, "", "Backend Engineer")])
    contacts = folder / "contacts.csv"
    contacts.write_text("name,closeness,tags,notes\n"
                        f"\"{stranger}\",4,friend,met at a meetup\n"
                        f"\"{people[1].name}\",5,friend,\"mail {mails[0]}\"\n", encoding="utf-8")
    return {"me": me, "friend": theirs, "targets": targets, "contacts": contacts}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _outputs(plan) -> dict[str, str]:
    """Every format's text, read as a person would: HTML unescaped, JSON decoded, Markdown unescaped."""
    shown = redact_plan(plan)
    out = {}
    out["markdown"] = re.sub(r"\\(.)", r"\1", render(shown, fmt="markdown", top=50))
    out["html"] = html.unescape(render(shown, fmt="html", top=50))
    out["json"] = json.dumps(json.loads(render(shown, fmt="json")), ensure_ascii=False)
    out["csv"] = render(shown, fmt="csv")
    drawn = []
    for company in (None, "Stripe"):
        fig, ax = plot_map(shown.G, company=company, top=None)
        drawn += [t.get_text() for t in ax.texts] + [ax.get_title(loc="left")]
    out["map"] = "\n".join(drawn)
    return out


def _assert_nothing_survives(outputs: dict[str, str], names: list[str], mails: list[str], urls: list[str]) -> None:
    for fmt, text in outputs.items():
        folded = _fold(text)
        for name in names:
            assert _fold(name) not in folded, (fmt, name)
            for word in re.findall(r"\w+", name):
                if len(word) >= 4:
                    assert not re.search(rf"\b{re.escape(_fold(word))}\b", folded), (fmt, name, word)
        for secret in [*mails, *urls]:
            assert secret.casefold() not in folded, (fmt, secret)
            host = re.sub(r"^(https?://)?(www\.)?", "", secret)
            assert host.casefold() not in folded, (fmt, host)
        assert not re.search(r"[\w.+-]@[\w-]+\.\w", text), fmt  # no e-mail at all, known or not


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_no_name_email_or_link_survives_redaction_in_any_format_or_the_map(scenario):
    owner, people, friend, second, stranger, mails, urls = scenario
    with tempfile.TemporaryDirectory() as tmp:
        files = _write(Path(tmp), owner, people, friend, second, stranger, mails)
        plan = load_plan(files["me"], targets=files["targets"], network=[f"{friend.name}={files['friend']}"],
                         contacts=files["contacts"], as_of=AS_OF)
        assert any("is not among your connections" in n for n in plan.notes)  # the stranger is in a note
        names = [p.name for p in (owner, *people, *second)] + [stranger]
        _assert_nothing_survives(_outputs(plan), names, mails, urls)


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "csv"])
def test_redact_through_the_command_line_masks_positions_and_the_strangers_note(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "ledger.sqlite"))
    owner = P("Robin", "Castellanos", "robin-castellanos")
    kwame = P("Kwame", "Mensah", "kwame-mensah", "Stripe", "Engineer", "2020-01-01")
    people = [P("Hana", "Kobayashi", "hana-k", "Stripe", "Manager of Kwame Mensah (hana@k.example)", "2019-02-02"),
              P("Lior", "Ben-David", "lior-bd", "Stripe", "EA to Robin Castellanos, see https://www.linkedin.com/in/rc",
                "2018-03-03"), kwame]
    files = _write(tmp_path, owner, people, people[0], [], "Seán O'Brien", ["hana@k.example"])
    result = CliRunner().invoke(main, ["report", str(files["me"]), "--targets", str(files["targets"]),
                                       "--contacts", str(files["contacts"]), "--as-of", AS_OF, "--format", fmt,
                                       "--redact"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    text = result.output
    if fmt == "html":
        text = html.unescape(text)
    assert "Notes on the data" in text or fmt in ("json", "csv")
    for secret in ("Robin", "Castellanos", "Kwame", "Mensah", "Hana", "Kobayashi", "Lior", "Ben-David", "Seán",
                   "O'Brien", "Brien", "hana@", "k.example", "linkedin.com", "https"):
        assert secret not in text, (fmt, secret)
    map_png = tmp_path / "map.png"
    result = CliRunner().invoke(main, ["map", str(files["me"]), "--targets", str(files["targets"]), "--as-of", AS_OF,
                                       "--output", str(map_png), "--redact"], catch_exceptions=False)
    assert result.exit_code == 0 and map_png.read_bytes()[:4] == b"\x89PNG"
