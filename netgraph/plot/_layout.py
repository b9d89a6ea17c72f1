"""Where nodes go: a radial map of every target, and a left-to-right map of one company.

Both layouts are computed, not simulated: the same selection always gives the same
coordinates, and nothing depends on how many people the graph holds beyond those drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence

from netgraph.plot._select import _Company

_TAU = 2 * math.pi
_HUB_RADIUS = 1.0
_RING = 0.5           # where connectors sit, between you and the companies
_ARC = math.radians(220)  # the part of a company's circle its people use, facing you


def _spread(values: Sequence[float], gap: float) -> list[float]:
    """Move sorted `values` as little as possible (least squares) so neighbours are `gap` apart.

    Pool-adjacent-violators on ``value - i * gap``: deterministic and exact.

    Examples
    --------
    >>> _spread([0.0, 0.1, 0.2, 5.0], 1.0)
    [-0.9, 0.1, 1.1, 5.0]
    """
    blocks: list[list[float]] = []
    for i, v in enumerate(values):
        blocks.append([v - i * gap, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    out: list[float] = []
    for total, count in blocks:
        out += [total / count] * int(count)
    return [round(q + i * gap, 12) for i, q in enumerate(out)]


def _spread_on_circle(angles: Sequence[float], gap: float) -> list[float]:
    """:func:`_spread` for angles on a circle (input in any order, output in the same order)."""
    n = len(angles)
    if n < 2:
        return list(angles)
    gap = min(gap, _TAU / n)
    order = sorted(range(n), key=lambda i: (angles[i] % _TAU, i))
    sorted_angles = [angles[i] % _TAU for i in order]
    gaps = [(sorted_angles[(j + 1) % n] - sorted_angles[j]) % _TAU for j in range(n)]
    start = (max(range(n), key=lambda j: (gaps[j], -j)) + 1) % n
    seq = [sorted_angles[(start + j) % n] + (_TAU if (start + j) >= n else 0.0) for j in range(n)]
    spread = _spread(seq, gap)
    if spread[-1] - spread[0] > _TAU - gap:  # wrapped into its own start: space evenly
        spread = [spread[0] + j * _TAU / n for j in range(n)]
    out = [0.0] * n
    for j in range(n):
        out[order[(start + j) % n]] = spread[j]
    return out


def _wrap(angle: float) -> float:
    """`angle` in (-pi, pi]."""
    return math.atan2(math.sin(angle), math.cos(angle))


def _radial_layout(owner: Hashable, companies: Sequence[_Company], *,
                   tiebreak: Callable[[Hashable], int]) -> tuple[dict, dict]:
    """Positions for the map of every target, and each company's direction from you.

    You are at the centre; company hubs on a circle of radius 1 in file order, clockwise
    from the top (one company: to the right; two: left and right); each company's people
    on an arc around its hub facing you; connectors on a ring between, each towards the
    companies it leads to, and off the lines from you to your insiders.

    Returns
    -------
    tuple
        ``(pos, angle)``: node -> (x, y), and hub -> its angle in radians.
    """
    k = len(companies)
    pos: dict = {owner: (0.0, 0.0)}
    start = {1: 0.0, 2: math.pi}.get(k, math.pi / 2)  # one: to the right; two: left and right
    angle = {c.hub: start - _TAU * i / max(k, 1) for i, c in enumerate(companies)}
    for c in companies:
        pos[c.hub] = (_HUB_RADIUS * math.cos(angle[c.hub]), _HUB_RADIUS * math.sin(angle[c.hub]))
    at_company: dict = {}
    for c in companies:
        for person in c.people:
            at_company.setdefault(person, c.hub)

    pull: dict = {}
    weight: dict = {}
    for c in companies:
        for p in c.paths:
            if p.connector not in at_company and p.connector != owner:
                x, y = pull.get(p.connector, (0.0, 0.0))
                w = 0.05 + p.score
                pull[p.connector] = (x + w * math.cos(angle[c.hub]), y + w * math.sin(angle[c.hub]))
                weight[p.connector] = weight.get(p.connector, 0.0) + w
    connectors = sorted(pull, key=tiebreak)
    wanted, shared = [], 0
    for n in connectors:
        x, y = pull[n]
        if k == 2 and math.hypot(x, y) < 0.35 * weight[n]:  # leads to both sides: sit above or below
            wanted.append(math.pi / 2 if shared % 2 == 0 else -math.pi / 2)
            shared += 1
        else:
            wanted.append(math.atan2(y, x))
    rho = 0.4 if k <= 2 else min(0.34, 0.85 * _HUB_RADIUS * math.sin(math.pi / k))
    ring_angle = dict(zip(connectors, wanted))
    for c in companies:
        _place_arc(c, pos, angle, rho, ring_angle, at_company, tiebreak)

    spokes = [math.atan2(pos[n][1], pos[n][0]) for c in companies for n in c.insiders if n in pos]
    wanted = _off_the_spokes(wanted, spokes)
    crowded = len(connectors) > 28
    spread = _spread_on_circle(wanted, max(math.radians(12 if crowded else 9), 0.2 / _RING))
    for i, (node, a) in enumerate(sorted(zip(connectors, spread), key=lambda t: t[1])):
        r = _RING + ((0.06 if i % 2 else -0.06) if crowded else 0.0)
        pos[node] = (r * math.cos(a), r * math.sin(a))
    return pos, angle


def _place_arc(c: _Company, pos: dict, angle: dict, rho: float, ring_angle: dict, at_company: dict,
               tiebreak: Callable[[Hashable], int]) -> None:
    """Put a company's people on an arc around its hub, facing you.

    Insiders go in the middle; each other person goes to the side of the connector
    who leads to them, so that edges do not cross the group.
    """
    theta, (hx, hy) = angle[c.hub], pos[c.hub]
    via: dict = {}
    for p in c.paths:
        via.setdefault(p.target, p.connector)

    def side(person: Hashable) -> float:
        connector = via.get(person)
        if connector is None:
            return 0.0
        return _wrap(ring_angle.get(connector, angle.get(at_company.get(connector), theta)) - theta)

    people = [p for p in c.people if p not in pos]
    keys = {p: side(p) for p in people}
    insiders = [p for p in people if p in c.insiders]
    others = sorted((p for p in people if p not in c.insiders), key=lambda p: (-keys[p], tiebreak(p)))
    before = [p for p in others if keys[p] > 0]
    after = [p for p in others if keys[p] <= 0]
    if not before and after:  # balance the arc: insiders in the middle
        half = len(after) // 2
        before, after = after[:half], after[half:]
    elif not after and before:
        half = (len(before) + 1) // 2
        before, after = before[:half], before[half:]
    ordered = [*before, *insiders, *after]
    n = len(ordered)
    span = _arc_step(n) * (n - 1)
    for j, person in enumerate(ordered):
        phi = theta + math.pi - span / 2 + (span * j / (n - 1) if n > 1 else span / 2)
        r = rho * (1.0 if n <= 12 or j % 2 == 0 else 0.68)
        pos[person] = (hx + r * math.cos(phi), hy + r * math.sin(phi))


def _arc_step(n: int) -> float:
    """Angle between neighbours on a company's arc of `n` people."""
    return min(_ARC / (n - 1), math.radians(34)) if n > 1 else 0.0


def _off_the_spokes(wanted: list[float], spokes: list[float], margin: float = math.radians(11)) -> list[float]:
    """Move connectors off the lines from you to your insiders, to the nearer side.

    A connector on such a line would look like the way to that insider.
    """
    out = list(wanted)
    intervals = sorted((s - margin, s + margin) for s in spokes)
    merged: list[list[float]] = []
    for lo, hi in intervals:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    for i, a in enumerate(out):
        for lo, hi in merged:
            middle = (lo + hi) / 2
            off = _wrap(a - middle)
            if abs(off) < (hi - lo) / 2:
                out[i] = middle + ((hi - lo) / 2 if off >= 0 else -(hi - lo) / 2)
                break
    return out


def _layered_layout(owner: Hashable, company: _Company, *,
                    tiebreak: Callable[[Hashable], int]) -> dict:
    """Positions for the map of one company: you, your connectors, the people at the company.

    Columns from left to right: you (x=0), the connectors who can introduce you (x=1),
    the people at the company (x=2): your insiders at the top, then the people your
    connectors know, grouped by connector. Rows are one unit apart; each connector sits
    level with the people it leads to; the company heads the right-hand column.
    """
    insiders = list(company.insiders)
    first_seen: dict = {}
    for i, p in enumerate(company.paths):
        first_seen.setdefault(p.target, i)
    connectors = list(dict.fromkeys(p.connector for p in company.paths if p.connector not in insiders))
    rank = {node: i for i, node in enumerate([*insiders, *connectors])}
    via: dict = {}
    for p in company.paths:
        via.setdefault(p.target, rank.get(p.connector, len(rank)))
    targets = [t for t in first_seen if t not in rank]
    targets.sort(key=lambda t: (via[t], first_seen[t]))
    row = {n: float(i) for i, n in enumerate([*insiders, *targets])}

    below: dict = {}
    for p in company.paths:
        if p.target in row and p.connector in connectors:
            below.setdefault(p.connector, []).append(row[p.target])
    wanted = {n: sum(below[n]) / len(below[n]) for n in connectors}
    column = sorted(connectors, key=lambda n: (wanted[n], tiebreak(n)))
    depth = dict(zip(column, _spread([wanted[n] for n in column], 1.0)))

    pos: dict = {n: (1.0, -d) for n, d in depth.items()}
    pos.update({n: (2.0, -d) for n, d in row.items()})
    ys = [y for _, y in pos.values()] or [0.0]
    pos[owner] = (0.0, (min(ys) + max(ys)) / 2)
    pos[company.hub] = (2.0, max(ys) + 1.3)
    return pos
