"""Benchmark :func:`netgraph.io.read_export` against a plain ``pd.read_csv``.

Generates (deterministically, once) a modern export with 30,000 connections and a
200,000-row messages.csv into ``benchmarks/data/`` (git-ignored), then times, each in a
fresh subprocess and alternating so that imports cost the same for both:

* ``read_export`` on the unpacked folder (and, for reference, on the zip);
* the baseline: ``pd.read_csv(..., dtype=str)`` of the same Connections.csv (with
  ``skiprows=3`` for its preamble) and messages.csv.

Run::

    python benchmarks/bench_read.py [--runs 5] [--regenerate] [--before REV]

and it prints the median of each. ``--before REV`` also times ``read_export`` of an
earlier commit (its ``netgraph`` package taken with ``git archive`` into a temporary
folder), alternating with today's in the same run: "as fast as before", measured.
"""

from __future__ import annotations

import argparse
import base64
import calendar
import io
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import quote

from netgraph.sample_data.generate import PREAMBLE  # the real 375-byte Notes: preamble

DATA = Path(__file__).resolve().parent / "data"
EXPORT = DATA / "Complete_LinkedInDataExport_11-20-2026"
ZIP = DATA / "Complete_LinkedInDataExport_11-20-2026.zip"
VERSION = "4"  # bump when the generator changes

N_CONNECTIONS = 30_000
N_MESSAGES = 200_000

# Invented names. About one slug in ten is non-ASCII, as in real exports (docs/linkedin-export.md,
# Connections.csv cells: in two real files 406 of 3,716 and 37 of 4,556 URLs were percent-encoded).
FIRST = ["Avery", "Bram", "Cleo", "Dario", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Kaia", "Lior", "Mira", "Nico", "Odile", "Pavel", "Quinn", "Rhea", "Soren", "Talia",
         "Ugo", "Vera", "Wren", "Xavi", "Yara", "Zeno", "Ramon", "Chloe", "Anais", "Bjorn"]
LAST = ["Abernath", "Brightwell", "Castellan", "Dunmore", "Eskildsen", "Fairweather",
        "Galloway", "Hartigan", "Ivarsson", "Jablonski", "Kettering", "Lindqvist",
        "Marchetti", "Northcote", "Oyelaran", "Pellegrino", "Quennell", "Rasmussen",
        "Tremblay", "Underhill", "Vasquez", "Whitlock", "Yilmaz", "Garcia-Olmo", "O'Rourke",
        "Ferreira da Costa"]
FIRST_ACCENTED = ["Ödön", "Zoë", "Łucja", "Ramón", "Søren", "Thảo", "Chloé", "Anaïs", "Björn"]
LAST_ACCENTED = ["Szabó", "Zielińska", "Nguyễn", "Müller", "García-Olmo"]
COMPANIES = ["Acme Robotics", "Bluefin Analytics", "Cobalt Labs, Inc.", "Driftwood Systems",
             "Emberline", "Foxglove Health", "Granite Cloud", "Harbor & Pine", "Ironbark AI",
             "Juniper Freight", "Kestrel Bank", "Lumen Grid", "Maple Orbit", "Nimbus Works",
             "Obsidian Games", "", "Self-employed", 'The "Quiet" Company']
TITLES = ["Software Engineer", "Senior Software Engineer", "Engineering Manager",
          "Product Manager", "Technical Recruiter", "Data Scientist", "VP, Engineering",
          "Founder & CEO", "Staff Engineer", "Designer", "", "Student"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WORDS = ("thanks for reaching out happy to chat next week about the role team would love "
         "to hear more when works for you coffee call great meeting you at the conference "
         "let me know if there is anything I can do congrats on the new job").split()


def _csv_field(value: str) -> str:
    if any(c in value for c in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _slug(first: str, last: str, i: int) -> str:
    return f"{first}-{last}-{i:x}".lower().replace(" ", "-").replace("'", "")


def generate(force: bool = False) -> None:
    """Write the export folder and its zip into ``benchmarks/data/`` (once)."""
    stamp = DATA / f".version-{VERSION}"
    if stamp.exists() and not force:
        return
    rng = random.Random(20261120)
    EXPORT.mkdir(parents=True, exist_ok=True)

    people = []  # (name, raw slug, connections url)
    lines = [PREAMBLE + "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(N_CONNECTIONS):
        day = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2008, 2026)}"
        if rng.random() < 0.02:
            lines.append(f",,,,,,{day}")
            continue
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if rng.random() < 0.07:
            first = rng.choice(FIRST_ACCENTED)
        if rng.random() < 0.03:
            last = rng.choice(LAST_ACCENTED)
        slug = _slug(first, last, i)
        url_slug = quote(slug, safe="-") if not slug.isascii() else slug
        url = f"https://www.linkedin.com/in/{url_slug}"
        email = f"{slug.encode('ascii', 'ignore').decode()}@example.com" if rng.random() < 0.03 else ""
        pad = " " if rng.random() < 0.05 else ""
        people.append((f"{first} {last}", slug, url))
        lines.append(",".join([first + pad, last, url, email,
                               _csv_field(rng.choice(COMPANIES)),
                               _csv_field(rng.choice(TITLES)), day]))
    (EXPORT / "Connections.csv").write_text("\n".join(lines), encoding="utf-8")

    owner_name, owner_url = "Robin Testmann", "https://www.linkedin.com/in/robin-testmann-0"
    (EXPORT / "Profile.csv").write_text(
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
        "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
        "Robin,Testmann,,,Mar 3,Engineer,,Software,,Berlin,,,\n", encoding="utf-8")

    header = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
              "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS")
    out = [header]
    n = 0
    while n < N_MESSAGES:
        conv = "2-" + base64.b64encode(rng.randbytes(24)).decode()
        group = rng.random() < 0.05
        members = rng.sample(people, rng.randint(2, 5) if group else 1)
        sponsored = rng.random() < 0.01
        title = "Sponsored Conversation" if sponsored else ("Project sync" if group else "")
        folder = rng.choice(["INBOX", "INBOX", "ARCHIVE"])
        t = calendar.timegm((rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28),
                             0, 0, 0)) + rng.randint(0, 86399)
        for _ in range(rng.randint(1, 30)):
            if n >= N_MESSAGES:
                break
            t += rng.randint(60, 86400 * 3)
            date = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(t))
            if rng.random() < 0.35 and not sponsored:
                sender = (owner_name, "", owner_url)
                recipients = members
            else:
                sender = rng.choice(members)
                recipients = [(owner_name, "", owner_url)] + [m for m in members if m is not sender]
            sender_url = sender[2] if not sender[1] else f"https://www.linkedin.com/in/{sender[1]}"
            r_names = ", ".join(r[0] for r in recipients)
            r_urls = ",".join(r[2] if not r[1] else f"https://www.linkedin.com/in/{r[1]}"
                              for r in recipients)
            k = min(int(rng.expovariate(1 / 25)) + 2, 250)
            content = " ".join(rng.choice(WORDS) for _ in range(k)).capitalize()
            if sponsored:
                content = f'<p class="spinmail-quill-editor__spin-break">{content}</p>'
            elif rng.random() < 0.05:
                content += ', "really"'
            out.append(",".join([conv, title, _csv_field(sender[0]), sender_url,
                                 _csv_field(r_names), _csv_field(r_urls), date, "",
                                 _csv_field(content), folder, ""]))
            n += 1
    (EXPORT / "messages.csv").write_text("\n".join(out) + "\n", encoding="utf-8")

    inv = ["From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"]
    for name, slug, _url in rng.sample(people, 2_000):
        when = f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(18, 26)}, " \
               f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['AM', 'PM'])}"
        if rng.random() < 0.5:
            inv.append(f"{owner_name},{name},\"{when}\",,OUTGOING,{owner_url},"
                       f"https://www.linkedin.com/in/{slug}")
        else:
            inv.append(f"{name},{owner_name},\"{when}\",Hi!,INCOMING,"
                       f"https://www.linkedin.com/in/{slug},{owner_url}")
    (EXPORT / "Invitations.csv").write_text("\n".join(inv) + "\n", encoding="utf-8")

    with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(EXPORT.iterdir()):
            zf.write(path, path.name)
    stamp.write_text(VERSION)


_READ_EXPORT = """
import time, sys
t0 = time.perf_counter()
from netgraph.io import read_export
export = read_export(sys.argv[1])
print(time.perf_counter() - t0, len(export.connections), len(export.messages))
"""

_BASELINE = """
import time, sys
t0 = time.perf_counter()
import pandas as pd
c = pd.read_csv(sys.argv[1] + "/Connections.csv", skiprows=3, dtype=str)
m = pd.read_csv(sys.argv[1] + "/messages.csv", dtype=str)
print(time.perf_counter() - t0, len(c), len(m))
"""


def _run(code: str, arg: str, path: str | None = None) -> float:
    env = dict(os.environ, PYTHONPATH=path) if path else None
    # -c puts the working folder first on sys.path: run the earlier commit from its own folder
    out = subprocess.run([sys.executable, "-c", code, arg], check=True, cwd=path,
                         capture_output=True, text=True, env=env).stdout.split()
    return float(out[0])


def _checkout(rev: str, into: Path) -> str:
    """The ``netgraph`` package of commit ``rev``, unpacked under ``into`` (read-only git)."""
    root = Path(__file__).resolve().parent.parent
    data = subprocess.run(["git", "archive", "--format=tar", rev, "netgraph"], cwd=root, check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
    return str(into)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--before", metavar="REV", help="also time read_export of this earlier commit")
    args = parser.parse_args()
    generate(force=args.regenerate)
    folder, baseline, zipped, before, before_zip = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        old = _checkout(args.before, Path(tmp)) if args.before else None
        for _ in range(args.runs):
            folder.append(_run(_READ_EXPORT, str(EXPORT)))
            if old:
                before.append(_run(_READ_EXPORT, str(EXPORT), old))
            baseline.append(_run(_BASELINE, str(EXPORT)))
            zipped.append(_run(_READ_EXPORT, str(ZIP)))
            if old:
                before_zip.append(_run(_READ_EXPORT, str(ZIP), old))
    size = (EXPORT / "messages.csv").stat().st_size / 1e6
    sys.stdout.write(
        f"{N_CONNECTIONS:,} connections, {N_MESSAGES:,} messages ({size:.0f} MB), "
        f"median of {args.runs} runs, each in a fresh process (imports included):\n"
        f"  read_export(folder)      {statistics.median(folder):6.2f} s\n"
        f"  read_export(zip)         {statistics.median(zipped):6.2f} s\n"
        f"  baseline pd.read_csv x2  {statistics.median(baseline):6.2f} s\n")
    if args.before:
        sys.stdout.write(
            f"  {args.before[:12]} (folder)     {statistics.median(before):6.2f} s\n"
            f"  {args.before[:12]} (zip)        {statistics.median(before_zip):6.2f} s\n")


if __name__ == "__main__":
    main()
