#!/usr/bin/env python3
"""Write a large invented network (your export + many friends' exports) for benchmarks.

    python benchmarks/make_network.py [--out benchmarks/data/network] [--connections 30000]
        [--friends 100] [--friend-size 10000] [--messages 200000] [--seed 0]

writes, under ``--out`` (git-ignored under benchmarks/data/):

* ``Complete_LinkedInDataExport_11-20-2026/``: your modern export as a folder
  (Connections.csv with the Notes preamble, messages.csv with the 2025-08 header,
  Invitations, endorsements, recommendations, Profile, Positions, Education, Skills);
* ``friends/``: one export per friend, each with a Connections.csv of ``--friend-size``
  rows (1,000,000 second-degree ties at the defaults). Shapes, by friend number mod 10:
  0-5 modern zip (Profile.csv + messages.csv, so the owner resolves), 6-7 modern folder
  (messages.csv in the 2026 fully-quoted style), 8 bare 2020 Connections.csv (no URL, no
  Profile.csv: needs ``OWNER=PATH``), 9 2018 folder (2018 Profile.csv, ``M/D/YY`` dates,
  e-mails for everyone);
* ``targets.csv``: 5 targets, each at 0.5-2% of people, spelled several ways;
* ``network.txt``: the ``--network`` arguments, one per line (``OWNER=PATH`` where the
  export has no Profile.csv), with absolute paths (the file is a local, git-ignored
  artifact), so it works from any directory::

      mapfile -t NET < benchmarks/data/network/network.txt
      netgraph report benchmarks/data/network/Complete_LinkedInDataExport_11-20-2026 \
          --targets benchmarks/data/network/targets.csv "${NET[@]/#/--network=}" --as-of 2026-11-20

Every friend owner is one of your connections with a unique name; about 3% of each
friend's rows are your own connections; every person has ONE name, URL, company and
title everywhere they appear. Output is deterministic for a given ``--seed``.

Everything is invented (names from pools, ``example.*`` e-mail domains). The file
writers are the sample generator's (``sample_data/generate.py``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "sample_data"))
try:
    import generate as g  # sample_data/generate.py in a checkout
except ImportError:  # pragma: no cover - installed package without the checkout
    from netgraph.sample_data import generate as g

DEFAULT_OUT = Path("benchmarks/data/network")
EXPORT_NAME = "Complete_LinkedInDataExport_11-20-2026"
BENCH_TARGETS = [
    # company, priority, aliases, titles, share of all people
    ("Stripe", 1, ["Stripe Payments"], ["Software Engineer", "Backend Engineer"], 0.015),
    ("Datadog", 1, [], ["Software Engineer", "Site Reliability Engineer"], 0.010),
    ("Shopify", 2, ["Shopify Plus"], ["Backend Developer", "Software Engineer"], 0.010),
    ("Meta", 2, ["Facebook", "Meta Platforms", "Instagram"], ["Software Engineer", "Production Engineer"], 0.020),
    ("Spotify", 3, [], ["Backend Engineer", "Software Engineer"], 0.005),
]
TRAP_SHARE = 0.0015  # per look-alike employer
FIRST_DAY = date(2008, 1, 1)
EXPORT_DAY = {"modern": date(2026, 9, 30), "2020": date(2020, 12, 14), "2018": date(2018, 11, 4)}
LAST_DAY = date(2026, 11, 19)


def tail_companies(n: int, rng: random.Random) -> list[str]:
    """``n`` distinct invented employer names for the long tail."""
    out, seen = [], set()
    while len(out) < n:
        name = rng.choice(g._PREFIX) + rng.choice(g._SUFFIX) + rng.choice(g._TAIL)
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


class People:
    """Column-wise attributes of every person in the universe (index = person id)."""

    def __init__(self, n: int, rng: random.Random, seed: int):
        firsts = rng.choices(g.FIRST_NAMES, k=n)
        lasts = rng.choices(g.LAST_NAMES, k=n)
        keep = [False] * n
        for i in rng.sample(range(n), n // 100):  # 1% non-ASCII names, some with raw UTF-8 slugs
            firsts[i], lasts[i], keep[i] = rng.choice(g.UNICODE_NAMES)
        for i in rng.sample(range(n), n // 400):  # emoji, ", PhD", quotes
            firsts[i], lasts[i] = rng.choice(g.ODD_NAMES)
        base_cache: dict = {}

        def base(first, last, keep_unicode):
            key = (first, last, keep_unicode)
            if key not in base_cache:
                base_cache[key] = g.slug_base(first, last, keep_unicode=keep_unicode) or "member"
            return base_cache[key]

        mult = 2654435761
        salt = (seed * 7919) & 0xFFFFFFFF
        self.first, self.last = firsts, lasts
        self.url = [f"{g.PROFILE_PREFIX}{base(first, last, k)}-{((i * mult) ^ salt) & 0xFFFFFFFF:x}"
                    for i, (first, last, k) in enumerate(zip(firsts, lasts, keep))]
        pool = g.COMPANIES + g.INVENTED_COMPANIES + g.EU_COMPANIES
        weights = (g.zipf_weights(len(g.COMPANIES), 0.9, 3.0)
                   + [0.004] * (len(g.INVENTED_COMPANIES) + len(g.EU_COMPANIES)))
        tail = tail_companies(3000, rng)
        pool += tail
        weights += [0.0015] * len(tail)
        self.company = rng.choices(pool, weights, k=n)
        titles, tw = zip(*g.POSITIONS)
        self.position = rng.choices(titles, tw, k=n)
        # Targets and look-alikes: each person keeps ONE company everywhere.
        self.target_count = {}
        r = [rng.random() for _ in range(n)]
        lo = 0.0
        for company, _, _, _, share in BENCH_TARGETS:
            names, w = zip(*g.TARGET_VARIANTS[company])
            hits = [i for i in range(n) if lo <= r[i] < lo + share]
            for i, variant in zip(hits, rng.choices(names, w, k=len(hits))):
                self.company[i] = variant
            self.target_count[company] = len(hits)
            lo += share
        for trap in g.TRAP_COMPANIES:
            for i in range(n):
                if lo <= r[i] < lo + TRAP_SHARE:
                    self.company[i] = trap
            lo += TRAP_SHARE

    def email(self, i: int) -> str:
        local = g.slug_base(self.first[i], self.last[i]).replace("-", ".") or "member"
        return f"{local}.{i:x}@example.com"

    def name(self, i: int) -> str:
        return f"{self.first[i]} {self.last[i]}"


def day_strings(style: str) -> list[str]:
    days = (LAST_DAY - FIRST_DAY).days + 1
    if style == "dd-mon":
        return [g.fmt_dd_mon_yyyy(FIRST_DAY + timedelta(d)) for d in range(days)]
    raise ValueError(style)


def connection_table(people: People, ids: list[int], days: list[int], *, style: str,
                     rng: random.Random, you: tuple | None, you_day: int, hidden: int, emails: float,
                     day_text: list[str], max_day: int | None = None) -> list[tuple]:
    """Rows newest first: people ``ids`` connected on ``days`` (indices into day_text), you
    (unless None) and ``hidden`` date-only rows."""
    rows = []
    first, last, url, company, position = people.first, people.last, people.url, people.company, people.position
    rnd = rng.random
    for i, d in zip(ids, days):
        rows.append((d, (first[i], last[i], url[i], people.email(i) if rnd() < emails else "",
                         company[i], position[i])))
    if you is not None:
        rows.append((you_day, you))
    for _ in range(hidden):
        rows.append((rng.randrange(len(day_text) if max_day is None else max_day + 1), ("", "", "", "", "", "")))
    rows.sort(key=lambda t: t[0], reverse=True)
    if style == "2018":
        out = []
        for d, r in rows:
            day = FIRST_DAY + timedelta(d)
            out.append(r + (datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60)),))
        return out
    return [r + (day_text[d],) for d, r in rows]


def chat_messages(people: People, me: tuple, others: list[int], total: int, rng: random.Random, *,
                  threads: int, start: datetime, end: datetime, groups: float = 0.02,
                  extras: bool = True) -> list:
    """``total`` messages between ``me`` (name, url) and ``others`` with a long-tailed thread size."""
    n_extra = max(1, total // 2000) if extras and total >= 4 else 0
    total -= 2 * n_extra
    weights = g.zipf_weights(threads, 0.7, 1.0)
    scale = total / sum(weights)
    counts = [max(1, int(w * scale)) for w in weights]
    counts[0] += total - sum(counts)
    if counts[0] < 1:
        counts[0] = 1
    span = int((end - start).total_seconds())
    me_name, me_url = me
    msgs = []
    partners = rng.sample(others, min(threads, len(others)))
    for t, count in enumerate(counts):
        cid = g.conversation_id(rng)
        folder = rng.choice(("INBOX", "INBOX", "ARCHIVE"))
        if rng.random() < groups:
            group = rng.sample(others, rng.randint(2, 5))
        else:
            group = [partners[t % len(partners)]]
        names = [people.name(i) for i in group]
        urls = [people.url[i] for i in group]
        t0 = rng.randrange(span)
        t_span = min(span - t0, 86400 * rng.randint(1, 2000))
        for _ in range(count):
            when = start + timedelta(seconds=t0 + rng.randrange(max(t_span, 1)))
            k = rng.randrange(len(group) + 1)
            if k == len(group) or rng.random() < 0.35:  # you wrote it
                s_name, s_url, to_n, to_u = me_name, me_url, tuple(names), tuple(urls)
            else:
                s_name, s_url = names[k], urls[k]
                to_n = (me_name,) + tuple(n for j, n in enumerate(names) if j != k)
                to_u = (me_url,) + tuple(u for j, u in enumerate(urls) if j != k)
            msgs.append(g.Message(cid, "", s_name, s_url, to_n, to_u, when, "", rng.choice(g.CHAT), folder))
    if n_extra:
        for j in range(n_extra):
            when = start + timedelta(seconds=rng.randrange(span))
            brand, subject, body = g.SPONSORED[j % len(g.SPONSORED)]
            msgs.append(g.Message(g.conversation_id(rng), "Sponsored Conversation", brand, "", (me_name,), (me_url,),
                                  when, subject, body.format(owner=me_name.split()[0]), "INBOX"))
            msgs.append(g.Message(g.conversation_id(rng), "", "LinkedIn Member", "", (me_name,), (me_url,),
                                  when, "", "Hi, are you open to new opportunities?", "INBOX"))
    # Threads newest first, messages newest first inside a thread.
    by_thread: dict[str, list] = {}
    for m in msgs:
        by_thread.setdefault(m.conversation_id, []).append(m)
    ordered = sorted(by_thread.values(), key=lambda ms: (max(m.sent for m in ms), ms[0].conversation_id), reverse=True)
    return [m for ms in ordered for m in sorted(ms, key=lambda m: m.sent, reverse=True)]


def make_network(out: Path = DEFAULT_OUT, *, connections: int = 30_000, friends: int = 100,
                 friend_size: int = 10_000, messages: int = 200_000, seed: int = 0,
                 compresslevel: int = 6, log=print) -> dict:
    """Write the network under ``out``; return a summary dict."""
    t_start = time.perf_counter()
    out = Path(out).resolve()
    rng = random.Random(f"bench-{seed}")
    own_share = 0.03
    universe = connections + max(friends * friend_size // 3, friend_size)
    people = People(universe, rng, seed)
    you_name, you_url = "Avery Quinn", f"{g.PROFILE_PREFIX}avery-quinn-bench{seed}"
    day_text = day_strings("dd-mon")
    n_days = len(day_text)

    # Friend owners: your connections, renamed where needed so that each name is unique.
    friend_ids = rng.sample(range(connections), friends)
    names_count: dict[str, int] = {}
    for i in range(connections):
        names_count[people.name(i)] = names_count.get(people.name(i), 0) + 1
    letters = "ABCDEFGHIJKLMNOPRSTVW"
    for i in friend_ids:
        if names_count[people.name(i)] > 1 or not people.name(i).isascii():
            names_count[people.name(i)] -= 1
            base_first = people.first[i]
            for letter in letters:
                people.first[i] = f"{base_first} {letter}."
                if people.name(i) not in names_count:
                    break
            names_count[people.name(i)] = 1
    log(f"people: {universe:,} ({time.perf_counter() - t_start:.1f}s)")

    # Your export.
    own_days = [rng.randrange(n_days) for _ in range(connections)]
    rows = connection_table(people, list(range(connections)), own_days, style="modern", rng=rng,
                            you=None, you_day=0, hidden=connections // 60, emails=0.03, day_text=day_text)
    msgs = chat_messages(people, (you_name, you_url), list(range(connections)), messages, rng,
                         threads=max(1, messages // 25), start=datetime(2015, 1, 1), end=datetime(2026, 11, 19, 23))
    invitations = []
    for i in rng.sample(range(connections), min(connections, 2000)):
        when = datetime(2023, 6, 1) + timedelta(minutes=rng.randrange(60 * 24 * 1270))
        if rng.random() < 0.5:
            invitations.append(g.Invitation(people.name(i), you_name, when, "", "INCOMING", people.url[i], you_url))
        else:
            invitations.append(g.Invitation(you_name, people.name(i), when, "", "OUTGOING", you_url, people.url[i]))
    invitations.sort(key=lambda x: x.sent, reverse=True)
    endorse = []
    for i in rng.sample(range(connections), min(connections, 300)):
        when = datetime(2016, 1, 1) + timedelta(seconds=rng.randrange(86400 * 3900))
        endorse.append((when, rng.choice(g.SKILLS), people.first[i], people.last[i], people.url[i], "ACCEPTED"))
    endorse.sort(key=lambda r: r[0], reverse=True)
    recs = [(people.first[i], people.last[i], people.company[i], people.position[i],
             "Avery is a thoughtful engineer and a generous teammate.",
             datetime(2019, 1, 1) + timedelta(days=rng.randrange(2800)), "VISIBLE")
            for i in rng.sample(range(connections), min(connections, 10))]
    export_dir = out / EXPORT_NAME
    g.write_folder(export_dir, [
        ("Connections.csv", g.connections_csv(rows, "modern")),
        ("messages.csv", g.messages_csv(msgs, "2025-08")),
        ("Invitations.csv", g.invitations_csv(invitations)),
        ("Endorsement_Received_Info.csv", g.endorsements_csv(endorse[:200], given=False)),
        ("Endorsement_Given_Info.csv", g.endorsements_csv(endorse[200:], given=True)),
        ("Recommendations_Received.csv", g.recommendations_csv(recs[:6])),
        ("Recommendations_Given.csv", g.recommendations_csv(recs[6:])),
        ("Profile.csv", g.profile_csv({"First Name": "Avery", "Last Name": "Quinn",
                                       "Headline": "Backend engineer", "Industry": "Software Development"})),
        ("Positions.csv", g.positions_csv([["Lumenloop Labs", "Software Engineer", "", "Boston", "Mar 2021", ""]])),
        ("Education.csv", g.education_csv([["Northeastern University", "2014", "2018", "",
                                             "BS, Computer Science", ""]])),
        ("Skills.csv", g.simple_csv(["Name"], [[s] for s in g.SKILLS[:8]])),
        ("coach_messages.csv", g.simple_csv(g.MESSAGES_HEADERS["2023"], [])),
    ])
    log(f"your export: {len(rows):,} connections, {len(msgs):,} messages ({time.perf_counter() - t_start:.1f}s)")

    # Friends' exports.
    network_lines = []
    others = list(range(connections, universe))
    you_tuple = ("Avery", "Quinn", you_url, "", "Lumenloop Labs", "Software Engineer")
    for n, f in enumerate(friend_ids):
        frng = random.Random(f"bench-{seed}-friend-{n}")
        shape = n % 10
        hidden = friend_size // 80 if shape != 9 else 0
        k_own = int(friend_size * own_share)
        k_other = friend_size - k_own - hidden - 1
        own = [i for i in frng.sample(range(connections), k_own + 1) if i != f][:k_own]
        ids = own + frng.sample(others, k_other)
        style = {8: "2020", 9: "2018"}.get(shape, "modern")
        # An export only knows connections made before it was downloaded.
        last_day = (EXPORT_DAY[style] - FIRST_DAY).days
        days = [frng.randrange(last_day + 1) for _ in ids]
        you = you_tuple if style != "2018" else you_tuple[:3] + ("avery.quinn@example.com",) + you_tuple[4:]
        table = connection_table(people, ids, days, style=style, rng=frng, you=you,
                                 you_day=min(own_days[f], last_day), hidden=hidden,
                                 emails=1.0 if style == "2018" else 0.03, day_text=day_text, max_day=last_day)
        f_name, f_url = people.name(f), people.url[f]
        slug = f_url.rsplit("/", 1)[1]
        profile = {"First Name": people.first[f], "Last Name": people.last[f],
                   "Headline": f"{people.position[f]} at {people.company[f]}"}
        if shape <= 7:
            # messages.csv: their threads, including one with you, so their URL can be inferred.
            chats = chat_messages(people, (f_name, f_url), ids[:2000], 300, frng, threads=60,
                                  start=datetime(2019, 1, 1), end=datetime(2026, 9, 30), extras=False)
            members = [("Connections.csv", g.connections_csv(table, "modern")),
                       ("messages.csv", g.messages_csv(chats, "2025-08" if shape <= 5 else "2026-03")),
                       ("Profile.csv", g.profile_csv(profile))]
            if shape <= 5:
                path = out / "friends" / f"{n:03d}_{slug}_Basic_LinkedInDataExport_10-02-2026.zip"
                g.write_zip(path, members, compresslevel=compresslevel)
            else:
                path = out / "friends" / f"{n:03d}_{slug}_Complete_LinkedInDataExport_09-15-2026"
                g.write_folder(path, members)
            network_lines.append(str(path))
        elif shape == 8:
            path = out / "friends" / f"{n:03d}_{slug}_2020" / "Connections.csv"
            g.write_bytes(path, g.connections_csv(table, "2020"))
            network_lines.append(f"{f_name}={path}")
        else:
            path = out / "friends" / f"{n:03d}_{slug}_Complete_LinkedInDataExport_11-04-2018"
            g.write_folder(path, [("Connections.csv", g.connections_csv(table, "2018")),
                                  ("Profile.csv", g.profile_csv(profile, style="2018"))])
            network_lines.append(str(path))
        if (n + 1) % 20 == 0:
            log(f"friends: {n + 1}/{friends} ({time.perf_counter() - t_start:.1f}s)")

    g.write_bytes(out / "targets.csv", g.simple_csv(
        ["company", "priority", "aliases", "titles"],
        [[c, str(p), "|".join(a), "|".join(t)] for c, p, a, t, _ in BENCH_TARGETS]))
    g.write_bytes(out / "network.txt", ("\n".join(network_lines) + "\n").encode("utf-8"))
    seconds = time.perf_counter() - t_start
    summary = {"out": str(out), "connections": len(rows), "messages": len(msgs), "friends": friends,
               "second_degree_rows": friends * friend_size, "universe": universe,
               "targets": people.target_count, "seconds": round(seconds, 1)}
    log(f"done in {seconds:.1f}s: {summary}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--friends", type=int, default=100)
    parser.add_argument("--friend-size", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--compresslevel", type=int, default=6, help="zlib level for the friends' zips")
    args = parser.parse_args(argv)
    if min(args.connections, args.friend_size) < 100 or args.friends < 0 or args.messages < 1:
        parser.error("need --connections and --friend-size >= 100, --friends >= 0, --messages >= 1")
    if args.friends > args.connections:
        parser.error("--friends cannot exceed --connections (friends are among your connections)")
    make_network(args.out, connections=args.connections, friends=args.friends, friend_size=args.friend_size,
                 messages=args.messages, seed=args.seed, compresslevel=args.compresslevel)
    print(f"\nYour export: {args.out / EXPORT_NAME}\nTargets: {args.out / 'targets.csv'}\n"
          f"--network arguments, one per line: {args.out / 'network.txt'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
