"""Shared fixtures built in code: a tiny, hand-made Plan for report and map tests."""

from __future__ import annotations

import datetime as dt

import matplotlib
import networkx as nx
import pandas as pd
import pytest

from netgraph.io.export import Owner
from netgraph.plan import Plan

matplotlib.use("Agg")

OWNER = Owner(name="Alex Rivera", url="https://www.linkedin.com/in/alex-rivera", person_id="in:alex-rivera")


def _person(pid, name, company, position, **extra):
    return {"person_id": pid, "name": name, "url": f"https://www.linkedin.com/in/{pid[3:]}",
            "company": company, "position": position, **extra}


def build_plan(*, hostile: bool = False) -> Plan:
    """A small plan by hand: two targets, two insiders, three intro paths, two connectors.

    With ``hostile=True`` names and positions carry text that renderers must neutralise.
    """
    dana_position = "<script>alert(1)</script> Engineer | =HYPERLINK(\"x\")" if hostile else "Software Engineer"
    people = {
        "in:maya-chen": _person("in:maya-chen", "Maya Chen", "Stripe, Inc.", "Engineering Manager"),
        "in:tom-okafor": _person("in:tom-okafor", "Tom Okafor", "Shopify", "Senior Technical Recruiter"),
        "in:sam-lee": _person("in:sam-lee", "Sam Lee", "Datadog", "Staff Engineer"),
        "in:ines-garcia": _person("in:ines-garcia", "Inés García", "Acme Labs", "Product Manager"),
        "in:dana-cohen": _person("in:dana-cohen", "=Dana Cohen" if hostile else "Dana Cohen", "Stripe", dana_position),
        "in:li-wei": _person("in:li-wei", "李伟" if hostile else "Li Wei", "Shopify", "Backend Engineer"),
        "in:noor-haddad": _person("in:noor-haddad", "نور حداد" if hostile else "Noor Haddad", "Stripe",
                                  "Technical Recruiter"),
    }
    targets = pd.DataFrame({
        "company": ["Stripe", "Shopify"], "priority": [1, 2],
        "aliases": [(), ()], "titles": [("Backend Engineer",), ()], "order": [0, 1],
    })
    insiders = pd.DataFrame([
        {"company": "Stripe", "priority": 1, **{k: v for k, v in people["in:maya-chen"].items() if k != "company"},
         "employer": "Stripe, Inc.", "warmth": 0.86, "relevance": 0.9, "score": 0.88, "ask": "referral",
         "reasons": ("41 messages both ways, the last 6 days ago", "she recommended you in 2025")},
        {"company": "Shopify", "priority": 2, **{k: v for k, v in people["in:tom-okafor"].items() if k != "company"},
         "employer": "Shopify", "warmth": 0.08, "relevance": 0.8, "score": 0.25, "ask": "reconnect",
         "reasons": ("connected 9 years ago, no messages since", "recruiter at Shopify")},
    ])
    rows = []
    for company, prio, tid, cid, warmth, strength, rel in [
        ("Stripe", 1, "in:dana-cohen", "in:sam-lee", 0.7, 0.8, 0.9),
        ("Stripe", 1, "in:noor-haddad", "in:ines-garcia", 0.2, 0.5, 0.8),
        ("Shopify", 2, "in:li-wei", "in:sam-lee", 0.7, 0.6, 0.85),
    ]:
        t, c = people[tid], people[cid]
        rows.append({"company": company, "priority": prio,
                     "target_id": tid, "target_name": t["name"], "target_url": t["url"],
                     "target_employer": t["company"], "target_position": t["position"],
                     "connector_id": cid, "connector_name": c["name"], "connector_url": c["url"],
                     "connector_company": c["company"], "connector_position": c["position"],
                     "warmth": warmth, "strength": strength, "relevance": rel,
                     "score": round(warmth * strength * rel, 3), "source": "export",
                     "reasons": (f"you and {c['name']} are close", f"{c['name']} knows {t['name']}")})
    intro_paths = pd.DataFrame(rows)
    connectors = pd.DataFrame([
        {**people["in:sam-lee"], "score": 0.74, "ask": "introduction",
         "reaches": ("in:dana-cohen", "in:li-wei"), "reasons": ("reaches 2 people at 2 targets",)},
        {**people["in:ines-garcia"], "score": 0.12, "ask": "reconnect",
         "reaches": ("in:noor-haddad",), "reasons": ("no messages in 4 years",)},
    ])
    near_misses = pd.DataFrame({"company": ["Stripes Group"], "looks_like": ["Stripe"], "count": [3]})

    G = nx.Graph(owner=OWNER.person_id, as_of="2026-11-20", sources=[], targets=["Stripe", "Shopify"])
    G.add_node(OWNER.person_id, kind="you", name=OWNER.name, url=OWNER.url)
    for order, (name, prio) in enumerate([("Stripe", 1), ("Shopify", 2)]):
        G.add_node(f"company:{name}", kind="company", name=name, priority=prio, order=order)
    degree2 = {"in:dana-cohen", "in:li-wei", "in:noor-haddad"}
    for pid, p in people.items():
        target = {"Stripe, Inc.": "Stripe", "Stripe": "Stripe", "Shopify": "Shopify"}.get(p["company"], "")
        G.add_node(pid, kind="person", name=p["name"], url=p["url"], company=p["company"],
                   position=p["position"], degree=2 if pid in degree2 else 1, target=target)
        if target:
            G.add_edge(pid, f"company:{target}", kind="works_at", position=p["position"], rule="exact")
        if pid not in degree2:
            G.add_edge(OWNER.person_id, pid, kind="tie", warmth=0.5, confidence="high",
                       reasons=(), source="export")
    for _, r in insiders.iterrows():
        G.nodes[r.person_id].update(relevance=r.relevance, role="other", score=r.score, ask=r.ask)
    for _, r in intro_paths.iterrows():
        G.add_edge(r.connector_id, r.target_id, kind="tie", strength=r.strength, confidence="medium",
                   reasons=r.reasons, source="export", path_score=r.score)
        G.nodes[r.target_id].update(relevance=r.relevance, role="other",
                                    best_score=max(G.nodes[r.target_id].get("best_score", 0), r.score))
    summary = {"connections": 5, "hidden": 1, "targets": 2, "insiders": 2, "intro_paths": 3,
               "connectors": 2, "second_degree": 3, "skipped_rows": 4, "networks": 2}
    return Plan(G=G, as_of=dt.date(2026, 11, 20), owner=OWNER, targets=targets, insiders=insiders,
                intro_paths=intro_paths, connectors=connectors, near_misses=near_misses,
                summary=summary, notes=("1 hidden member in Connections.csv",))


@pytest.fixture
def plan() -> Plan:
    return build_plan()


@pytest.fixture
def hostile_plan() -> Plan:
    return build_plan(hostile=True)
