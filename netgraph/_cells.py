"""Plain values from plan cells: the one place where a missing cell or an ``NA`` becomes
``""``, a score a float and ``reasons`` a list of strings."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

import pandas as pd

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

_WORD = re.compile(r"\w+")


def text(value: object) -> str:
    """A cell as a string: ``None``/``NA`` become ``""``, anything else ``str``."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if pd.isna(value) is True:  # type: ignore[call-overload]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def number(value: object) -> float | None:
    """A score rounded to 3 decimals, or ``None`` when it is missing."""
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(result) else round(result, 3)


def integer(value: object, default: int = 0) -> int:
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return default if math.isnan(result) else int(result)


def reasons(value: object) -> list[str]:
    """``reasons`` as a list of non-empty strings (a tuple, a list or one string)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        return [text(r) for r in value if text(r).strip()]
    return []


def strings(value: object) -> tuple[str, ...]:
    """A tuple-of-strings cell (``titles``, ``aliases``, ``reaches``)."""
    if isinstance(value, str):
        return tuple(v for v in value.split("|") if v)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        return tuple(text(v) for v in value if text(v))
    return ()


def web_url(url: str) -> str:
    """`url` when it is an http(s) address a report may link to, else ``""``."""
    return url if re.match(r"https?://[^\s<>\"]+$", url or "", flags=re.IGNORECASE) else ""


def long_date(day: object) -> str:
    """``20 November 2026``, the same in every locale."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        return text(day)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def iso_date(day: object) -> str:
    if isinstance(day, dt.datetime):
        return day.date().isoformat()
    if isinstance(day, dt.date):
        return day.isoformat()
    return text(day)[:10]


def first_name(name: str) -> str:
    """The first word of a name ("=Dana Cohen" -> "Dana"), or the name itself."""
    words = _WORD.findall(name)
    return words[0] if words else name.strip()


def position_at(position: object, company: object) -> str:
    """``Staff Engineer at Datadog``, or whichever half is known."""
    position, company = text(position).strip(), text(company).strip()
    if position and company:
        return f"{position} at {company}"
    return position or company


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def records(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict("records")


# -- people ------------------------------------------------------------------------------


def person(name: object, url: object, company: object, position: object) -> dict:
    """The contract's Person: name, url (``None`` when empty), company, position."""
    return {"name": text(name), "url": text(url) or None, "company": text(company),
            "position": text(position)}


def insider_person(row: dict) -> dict:
    return person(row.get("name"), row.get("url"), row.get("employer", row.get("company")),
                  row.get("position"))


def path_target(row: dict) -> dict:
    return person(row.get("target_name"), row.get("target_url"), row.get("target_employer"),
                  row.get("target_position"))


def path_connector(row: dict) -> dict:
    return person(row.get("connector_name"), row.get("connector_url"),
                  row.get("connector_company"), row.get("connector_position"))
