"""Label placement: every label beside what it names, on no other label, node or legend.

Labels are measured with the renderer, then placed one by one, most important first,
by trying slots around their node (nearest ring first, the preferred side first) and
taking the first slot that is free. A label that had to move away from its node gets
a thin leader line; one that finds no free slot within reach is left out (and counted),
never drawn on top of something else. Deterministic: same input, same places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.text import Text

from netgraph.plot._style import _MUTED, _font, _root_figure

_PAD = 0.18            # text background padding, in font sizes
_GAP = 3.0             # px between a node and its label
_STEP = 7.0            # px between rings of slots
_RINGS = 26
_DIRECTIONS = 24
_LEADER_FROM_RING = 1  # labels this far out get a leader line
_CELL = 4.0            # px, the grid edges are counted on


@dataclass
class _Label:
    """Texts stacked top to bottom, to be placed as one block near `anchor`.

    `anchor` is in display pixels; `radius` is the node's half-size in pixels; `angle`
    the preferred direction (radians, 0 = right, counter-clockwise). With `segment`
    (two pixel points) the block goes on that line instead, e.g. a score on an edge.
    """

    texts: list[Text]
    anchor: tuple[float, float]
    radius: float = 0.0
    angle: float = 0.0
    segment: tuple[tuple[float, float], tuple[float, float]] | None = None


def _text(ax: Axes, s: str, *, size: float, bold: bool = False, **style: Any) -> Text:
    """An unplaced label text: centred, never parsed as math, on a soft white background."""
    pad: dict[str, Any] = dict(boxstyle=f"round,pad={_PAD}", facecolor="white", edgecolor="none", alpha=0.85)
    return ax.text(0.0, 0.0, s, ha="center", va="center", fontsize=size, parse_math=False, zorder=6,
                   bbox=pad, **_font(s, bold=bold), **style)


def _size(text: Text, dpi: float) -> tuple[float, float, float]:
    """Width and height in pixels of `text` with its background, and the padding on each side."""
    extent = text.get_window_extent()
    pad = _PAD * float(text.get_fontsize()) * dpi / 72 + 1  # points, though the stubs allow a name
    return extent.width + 2 * pad, extent.height + 2 * pad, pad


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """For each row of `boxes` (x0, y0, x1, y1): does it overlap any row of `others`?"""
    if len(others) == 0:
        return np.zeros(len(boxes), dtype=bool)
    b, o = boxes[:, None, :], others[None, :, :]
    hit = (b[..., 0] < o[..., 2]) & (b[..., 2] > o[..., 0]) & (b[..., 1] < o[..., 3]) & (b[..., 3] > o[..., 1])
    return np.asarray(hit.any(axis=1))


def _node_slots(label: _Label, w: float, h: float) -> tuple[np.ndarray, np.ndarray]:
    """Candidate boxes around a node, nearest ring first, preferred side first; and their rings."""
    turns = [0]
    for i in range(1, _DIRECTIONS // 2 + 1):
        turns += [i, -i] if i < _DIRECTIONS // 2 else [i]
    angles = np.array([label.angle + t * math.tau / _DIRECTIONS for t in turns])
    ux, uy = np.cos(angles), np.sin(angles)
    ax_, ay_ = label.anchor
    boxes, rings = [], []
    for ring in range(_RINGS):
        reach = label.radius + _GAP + ring * _STEP
        with np.errstate(divide="ignore"):
            tx = np.where(np.abs(ux) > 1e-9, (w / 2 + reach) / np.abs(ux), np.inf)
            ty = np.where(np.abs(uy) > 1e-9, (h / 2 + reach) / np.abs(uy), np.inf)
        t = np.minimum(tx, ty)
        cx, cy = ax_ + t * ux, ay_ + t * uy
        boxes.append(np.column_stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]))
        rings.append(np.full(len(angles), ring))
    return np.vstack(boxes), np.concatenate(rings)


def _edge_slots(label: _Label, w: float, h: float) -> tuple[np.ndarray, np.ndarray]:
    """Candidate boxes centred on points along an edge, then nudged off it."""
    (x0, y0), (x1, y1) = label.segment  # type: ignore[misc]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx_, ny_ = -(y1 - y0) / length, (x1 - x0) / length
    centres = []
    for shift in (0.0, 0.6, -0.6, 1.2, -1.2):
        for t in (0.72, 0.62, 0.82, 0.52, 0.42, 0.9, 0.32, 0.24):
            centres.append((x0 + t * (x1 - x0) + shift * h * nx_, y0 + t * (y1 - y0) + shift * h * ny_))
    c = np.array(centres)
    boxes = np.column_stack([c[:, 0] - w / 2, c[:, 1] - h / 2, c[:, 0] + w / 2, c[:, 1] + h / 2])
    return boxes, np.zeros(len(boxes), dtype=int)


def _edge_cells(segments: list, frame) -> np.ndarray:
    """A summed-area table of the grid cells that drawn edges cross, to count them per box fast."""
    width, height = int(frame.width // _CELL) + 2, int(frame.height // _CELL) + 2
    grid = np.zeros((height, width), dtype=bool)
    for (x0, y0), (x1, y1) in segments:
        n = int(max(abs(x1 - x0), abs(y1 - y0)) / (_CELL / 2)) + 2
        ix = ((np.linspace(x0, x1, n) - frame.x0) / _CELL).astype(int)
        iy = ((np.linspace(y0, y1, n) - frame.y0) / _CELL).astype(int)
        keep = (ix >= 0) & (ix < width) & (iy >= 0) & (iy < height)
        grid[iy[keep], ix[keep]] = True
    table = np.zeros((height + 1, width + 1))
    table[1:, 1:] = grid.cumsum(axis=0).cumsum(axis=1)
    return table


def _crossings(table: np.ndarray, boxes: np.ndarray, frame) -> np.ndarray:
    """How many edge cells each box covers."""
    rows, cols = table.shape[0] - 1, table.shape[1] - 1
    c0 = np.clip(((boxes[:, 0] - frame.x0) / _CELL).astype(int), 0, cols)
    c1 = np.clip(np.ceil((boxes[:, 2] - frame.x0) / _CELL).astype(int), 0, cols)
    r0 = np.clip(((boxes[:, 1] - frame.y0) / _CELL).astype(int), 0, rows)
    r1 = np.clip(np.ceil((boxes[:, 3] - frame.y0) / _CELL).astype(int), 0, rows)
    return table[r1, c1] - table[r0, c1] - table[r1, c0] + table[r0, c0]


def _distance(boxes: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Distance from each box (rows of x0, y0, x1, y1) to each point (rows of x, y): shape (boxes, points)."""
    b, p = boxes[:, None, :], points[None, :, :]
    dx = np.maximum(np.maximum(b[..., 0] - p[..., 0], p[..., 0] - b[..., 2]), 0)
    dy = np.maximum(np.maximum(b[..., 1] - p[..., 1], p[..., 1] - b[..., 3]), 0)
    return np.hypot(dx, dy)


def _place_labels(ax: Axes, labels: list[_Label], obstacles: list[tuple[float, float, float, float]],
                  nodes: np.ndarray, segments: list) -> int:
    """Place `labels` in order without overlaps; return how many had to be left out.

    `obstacles` are pixel boxes (x0, y0, x1, y1) that labels must not cover, such as
    legends; `nodes` (rows of x, y, radius in pixels) must not be covered either.
    Among the free slots a node label takes the cheapest: a ring further out costs 1,
    turning away from the preferred side a little, each edge crossed (`segments`, in
    pixels) about half a ring, and a slot nearer another node than its own 3, so a
    label is never read as another node's. Placed texts are moved to their slot (in
    data coordinates); labels set off from their node get a leader line, added as one
    collection with gid ``leaders``.
    """
    nodes = np.asarray(nodes, dtype=float).reshape(-1, 3)
    node_boxes = np.column_stack([nodes[:, 0] - nodes[:, 2] - 1, nodes[:, 1] - nodes[:, 2] - 1,
                                  nodes[:, 0] + nodes[:, 2] + 1, nodes[:, 1] + nodes[:, 2] + 1])
    obstacles = [*obstacles, *map(tuple, node_boxes)]
    dpi = _root_figure(ax).dpi
    frame = ax.get_window_extent()
    bounds = (frame.x0 + 2, frame.y0 + 2, frame.x1 - 2, frame.y1 - 2)
    taken = np.array(obstacles, dtype=float).reshape(-1, 4)
    to_data = ax.transData.inverted()
    table = _edge_cells(segments, frame)
    leaders, dropped = [], 0
    for label in labels:
        sizes = [_size(t, dpi) for t in label.texts]
        w, h = max(s[0] for s in sizes), sum(s[1] for s in sizes)
        boxes, rings = (_edge_slots if label.segment else _node_slots)(label, w, h)
        inside = ((boxes[:, 0] >= bounds[0]) & (boxes[:, 1] >= bounds[1])
                  & (boxes[:, 2] <= bounds[2]) & (boxes[:, 3] <= bounds[3]))
        free = np.flatnonzero(inside & ~_overlaps(boxes, taken))
        if len(free) == 0:
            dropped += 1
            for t in label.texts:
                t.remove()
            continue
        pick = free[0]
        if label.segment is None:
            order = np.arange(len(boxes)) % _DIRECTIONS
            cost = rings[free] + 0.08 * order[free] + 0.25 * np.minimum(_crossings(table, boxes[free], frame), 8)
            if len(nodes) > 1:
                near = _distance(boxes[free], nodes[:, :2]) - nodes[:, 2]
                mine = np.hypot(nodes[:, 0] - label.anchor[0], nodes[:, 1] - label.anchor[1]) < 0.5
                own = near[:, mine].min(axis=1) if mine.any() else np.zeros(len(free))
                other = near[:, ~mine].min(axis=1) if (~mine).any() else np.full(len(free), np.inf)
                cost = cost + 3.0 * (other < own - 1)
            pick = free[int(np.argmin(cost))]
        box, ring = boxes[pick], rings[pick]
        taken = np.vstack([taken, box])
        top, side = box[3], _side(label, box)
        for t, (_, th, pad) in zip(label.texts, sizes):
            x = {"left": box[0] + pad, "right": box[2] - pad, "center": (box[0] + box[2]) / 2}[side]
            t.set_horizontalalignment(side)
            tx, ty = to_data.transform((x, top - th / 2))
            t.set_position((float(tx), float(ty)))
            top -= th
        if label.segment is None and ring >= _LEADER_FROM_RING:
            leaders.append(_leader(label, box))
    if leaders:
        data = [to_data.transform(np.array(seg)) for seg in leaders]
        ax.add_collection(LineCollection(data, colors=_MUTED, linewidths=0.7, zorder=5, gid="leaders"),
                          autolim=False)
    return dropped


def _side(label: _Label, box: np.ndarray) -> Literal["left", "center", "right"]:
    """Align stacked lines on the side facing the node: left when the label is to its right."""
    if label.segment is not None or len(label.texts) < 2:
        return "center"
    middle, x = (box[0] + box[2]) / 2, label.anchor[0]
    quarter = (box[2] - box[0]) / 4
    return "left" if middle > x + quarter else "right" if middle < x - quarter else "center"


def _leader(label: _Label, box: np.ndarray) -> list[tuple[float, float]]:
    """A line from the node's edge to the nearest point of its label's box (pixels)."""
    ax_, ay_ = label.anchor
    px = min(max(ax_, box[0]), box[2])
    py = min(max(ay_, box[1]), box[3])
    d = math.hypot(px - ax_, py - ay_) or 1.0
    start = (ax_ + (px - ax_) * label.radius / d, ay_ + (py - ay_) * label.radius / d)
    return [start, (px, py)]
