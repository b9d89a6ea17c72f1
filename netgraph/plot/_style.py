"""Colours, markers, fonts and text hygiene shared by the network map and the bar chart.

Every company gets a colour from the Okabe–Ito palette (safe for the common kinds of
colour blindness), ordered so that neighbours differ in lightness, *and* a hatch and a
line style, so that the map still separates companies when printed in grayscale.
"""

from __future__ import annotations

import functools
import io
import math
import re
import unicodedata
from dataclasses import dataclass

from matplotlib import font_manager, ft2font
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.typing import LineStyleType

# Okabe–Ito, without yellow (too light on a white page), dark and light alternating.
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")
_HATCHES = ("", "////", "....", "xxx", "\\\\\\\\", "|||")
_DASHES: tuple[LineStyleType, ...] = (
    "solid", (0, (6, 2)), (0, (1.5, 1.5)), (0, (6, 2, 1.5, 2)), (0, (3, 1, 1, 1, 1, 1)), (0, (9, 3)),
)

_INK = "#1a1a1a"        # text, outlines, you
_TIE = "#3b3b3b"        # your own ties
_MUTED = "#5f5f5f"      # secondary text, leader lines
_HALO = "#000000"       # the best way in, drawn under the route

# Fonts with wide coverage, used when installed; matplotlib's own Last Resort font comes
# last, so a glyph that no installed font has is drawn as a placeholder box instead of
# raising matplotlib's "Glyph missing" warning.
_PREFERRED_FONTS = (
    "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR",
    "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai",
    "Arial Unicode MS", "Last Resort High-Efficiency",
)

_URLISH = re.compile(r"(?i)(?:[a-z][a-z0-9+.-]*://|www\.|linkedin\.com|lnkd\.in)")
_KEEP_FORMAT = {"\u200c", "\u200d"}  # joiners that shaping of Arabic and Indic scripts needs


@dataclass(frozen=True)
class _Look:
    """How one company is drawn: fill colour, hatch of its hub, line style of its edges."""

    colour: str
    hatch: str
    dash: LineStyleType


def _look(index: int) -> _Look:
    """The look of the company at `index` in the targets file (unique for 36 companies)."""
    n = len(_COLOURS)
    return _Look(_COLOURS[index % n], _HATCHES[(index + index // n) % len(_HATCHES)],
                 _DASHES[index % len(_DASHES)])


@functools.cache
def _fonts() -> tuple[str, ...]:
    """The font families to ask for, in order: those of :data:`_PREFERRED_FONTS` installed."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return tuple(name for name in _PREFERRED_FONTS if name in installed) or ("sans-serif",)


@functools.cache
def _bold_fonts() -> tuple[tuple[str, ...], frozenset[int]]:
    """The families of :func:`_fonts` that have a bold face, and the characters those cover."""
    names: list[str] = []
    cover: set[int] = set()
    for family in _fonts():
        faces = [e for e in font_manager.fontManager.ttflist if e.name == family and e.style == "normal"
                 and _weight(e.weight) >= 600]
        if faces:
            names.append(family)
            cover.update(ft2font.FT2Font(sorted(f.fname for f in faces)[0]).get_charmap())
    return tuple(names), frozenset(cover)


def _weight(value: object) -> int:
    if isinstance(value, str):
        return int(font_manager.weight_dict.get(value, 400))
    return int(value)  # type: ignore[call-overload]


def _font(text: str, *, bold: bool = False) -> dict:
    """Text properties for `text`: bold only where a bold face has every character.

    Matplotlib's Last Resort font has no bold face, so asking for bold with it in the
    list logs a warning; text a bold face cannot draw is set in the regular weight.
    """
    if bold:
        names, cover = _bold_fonts()
        if names and all(ord(ch) in cover or ch.isspace() for ch in text):
            return {"family": list(names), "fontweight": "bold"}
    return {"family": list(_fonts()), "fontweight": "normal"}


def _number(value: object, default: float = 0.0) -> float:
    """`value` as a float, or `default` when it is missing, not a number or NaN."""
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return default if math.isnan(x) else x


def _unit(value: object, default: float = 0.0) -> float:
    """`value` clipped to 0..1 (`default` when missing)."""
    return min(1.0, max(0.0, _number(value, default)))


def _tie_width(strength: float) -> float:
    """Line width in points of a tie of warmth or strength 0..1."""
    return 0.6 + 3.6 * strength


def _tie_alpha(strength: float) -> float:
    """Opacity of a tie of warmth or strength 0..1: cold ties fade, never vanish."""
    return 0.3 + 0.65 * strength


def _clean(value: object, *, limit: int = 40) -> str:
    """Text fit to draw: one line, no control or direction-override characters, no URLs.

    Web addresses are removed word by word (the map never draws a URL); the rest is
    shortened to `limit` characters at a word boundary where possible, with an ellipsis.

    Examples
    --------
    >>> _clean("  Staff\\nEngineer  https://x.dev ")
    'Staff Engineer'
    >>> _clean("Senior Software Engineer, Payments Infrastructure", limit=30)
    'Senior Software Engineer…'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = "".join(" " if ch.isspace() else ch for ch in str(value)
                   if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf") or ch in _KEEP_FORMAT)
    words = [w for w in text.split() if not _URLISH.search(w)]
    text = " ".join(words)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-·|") + "…"


def _name(value: object, *, limit: int = 26) -> str:
    """A person's or company's name to draw; ``(no name)`` when nothing drawable is left."""
    return _clean(value, limit=limit) or "(no name)"


class _Figure(Figure):
    """A figure that shows itself in Jupyter without pyplot (IPython calls ``_repr_png_``)."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()


def _root_figure(ax: Axes) -> Figure:
    """The figure that holds `ax` (the outermost one when `ax` is in a subfigure)."""
    fig = ax.get_figure(root=True)
    if fig is None:
        raise ValueError("the axes are not on a figure: make them with fig.add_subplot() or plt.subplots()")
    return fig
