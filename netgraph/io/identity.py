"""Who is who: normalised profile URLs, names and stable ``person_id`` values.

Every file of an export (and every export a friend shares) names people in its own way:
Connections.csv percent-encodes non-ASCII slugs in upper-case hex, messages.csv writes them
as raw UTF-8, endorsement files leave out the scheme. The functions here fold all of these
onto one spelling so that files, and exports, join on the same person.

``person_id`` is, in order of preference (see ``docs/architecture.md``, "Identity"):

1. ``in:<slug>`` from the normalised profile URL;
2. ``email:<lower-cased e-mail>``;
3. ``name:<normalised name>|<normalised company>``.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from urllib.parse import unquote

import numpy as np
import pandas as pd

from netgraph.io._frames import str_array

__all__ = [
    "normalize_url",
    "normalize_urls",
    "normalize_name",
    "normalize_names",
    "make_person_ids",
]

logger = logging.getLogger(__name__)

PROFILE_PREFIX = "https://www.linkedin.com/in/"
_PREFIX_LEN = len(PROFILE_PREFIX)

# Already canonical: nothing to decode, fold or cut. Most values in real files.
_CANONICAL = re.compile(r"https://www\.linkedin\.com/in/[a-z0-9_.~-]+")
_NOT_SLUG = re.compile(r"[/?#\s]")
_HOST = re.compile(r"(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com")


def normalize_url(s: str) -> str:
    """Return the canonical form of a LinkedIn profile URL, or ``""``.

    Percent-decoded, lower case, ``https://`` added to scheme-less values, ``http``,
    country subdomains (``uk.linkedin.com``), ``m.linkedin.com`` and a missing ``www.``
    folded, trailing slash, query string, fragment and anything after the slug dropped.
    Anything that is not a profile URL (empty, the truncated ``https://www.linkedin.com/in``,
    a ``/sales/`` or ``urn:li:`` value) becomes ``""``.

    Parameters
    ----------
    s
        A URL as written in any export file.

    Returns
    -------
    str
        ``https://www.linkedin.com/in/<slug>`` or ``""``.

    Examples
    --------
    >>> normalize_url("www.linkedin.com/in/Zo%C3%AB-Adler/?trk=x")
    'https://www.linkedin.com/in/zoë-adler'
    >>> normalize_url("https://www.linkedin.com/in")
    ''
    """
    if not isinstance(s, str):
        return ""
    if _CANONICAL.fullmatch(s):
        return s
    return _fold_url(unquote(s, errors="replace") if "%" in s else s)


def _fold_url(value: str) -> str:
    """:func:`normalize_url` of a value that is already percent-decoded."""
    if value.startswith(PROFILE_PREFIX) and value.islower() and len(value) > len(PROFILE_PREFIX) \
            and not _NOT_SLUG.search(value, len(PROFILE_PREFIX)):
        return value
    value = value.strip().lower()
    for scheme in ("https://", "http://", "//"):
        if value.startswith(scheme):
            value = value[len(scheme):]
            break
    host, _, path = value.partition("/")
    if not _HOST.fullmatch(host):
        return ""
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    parts = path.split("/")
    if len(parts) < 2 or parts[0] != "in":
        return ""
    slug = parts[1].strip()
    if not slug or _NOT_SLUG.search(slug):
        return ""
    return PROFILE_PREFIX + slug


def _unquote_many(values: list[str]) -> list[str]:
    """Percent-decode many strings in one call (one pass of the decoder, not one per URL).

    The usual case (ASCII, well-formed ``%XX`` escapes, no backslash) goes through the C
    escape decoder, five times faster than :func:`urllib.parse.unquote`.
    """
    joined = "\n".join(values)
    if joined.count("\n") == len(values) - 1:
        decoded = None
        if "\\" not in joined and joined.isascii():
            try:
                raw = codecs.escape_decode(joined.replace("%", "\\x").encode("ascii"))[0]
                decoded = raw.decode("utf-8", errors="replace")
            except ValueError:
                decoded = None
        if decoded is None:
            decoded = unquote(joined, errors="replace")
        parts = decoded.split("\n")
        if len(parts) == len(values):
            return parts
    return [unquote(v, errors="replace") for v in values]


def normalize_urls(urls: pd.Series) -> pd.Series:
    """Vectorised :func:`normalize_url`: each distinct value is normalised once.

    Parameters
    ----------
    urls
        URLs as written; missing values count as ``""``.

    Returns
    -------
    pandas.Series
        Same index, ``str`` values, ``""`` where there is no profile URL.

    Examples
    --------
    >>> normalize_urls(pd.Series(["https://uk.linkedin.com/in/Ana-Ruiz/", None])).tolist()
    ['https://www.linkedin.com/in/ana-ruiz', '']
    """
    if not isinstance(urls, pd.Series):
        urls = pd.Series(urls, dtype=object)
    return pd.Series(str_array(normalize_url_array(urls)), index=urls.index)


def normalize_url_array(urls) -> np.ndarray:
    """:func:`normalize_urls` as an object array (a Series or an array in)."""
    if not isinstance(urls, (pd.Series, np.ndarray)):
        urls = np.asarray(urls, dtype=object)
    codes, uniques = pd.factorize(urls, use_na_sentinel=True)
    values = np.asarray(uniques, dtype=object)
    out = np.empty(len(values) + 1, dtype=object)
    out[-1] = ""  # code -1: missing
    done = np.array([bool(_CANONICAL.fullmatch(v)) if isinstance(v, str) else False for v in values],
                    dtype=bool)
    out[:-1][done] = values[done]
    todo = np.flatnonzero(~done)
    if len(todo):
        rest = [v if isinstance(v, str) else "" for v in values[todo]]
        encoded = [i for i, v in enumerate(rest) if "%" in v]
        for i, v in zip(encoded, _unquote_many([rest[i] for i in encoded])):
            rest[i] = v
        out[todo] = [_fold_url(v) for v in rest]
    return out[codes]


def normalize_name(s: str) -> str:
    """Fold a person's (or company's) name for joining: casefold, no accents, single spaces.

    Parameters
    ----------
    s
        A name as written.

    Returns
    -------
    str
        The folded name (``""`` for a missing value).

    Examples
    --------
    >>> normalize_name("  Zoë   ADLER ")
    'zoe adler'
    """
    if not isinstance(s, str):
        return ""
    if s.isascii():
        return " ".join(s.casefold().split())
    decomposed = unicodedata.normalize("NFKD", s)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def normalize_names(names: pd.Series) -> pd.Series:
    """Vectorised :func:`normalize_name` (each distinct value folded once)."""
    return _map_unique(names, normalize_name)


def normalize_name_array(names) -> np.ndarray:
    """:func:`normalize_names` as an object array (a Series or an array in)."""
    return _map_unique_values(names, normalize_name)


def make_person_ids(
    urls: pd.Series, emails: pd.Series, names: pd.Series, companies: pd.Series
) -> pd.Series:
    """Build the stable ``person_id`` of each row.

    Parameters
    ----------
    urls
        Profile URLs (normalised or not).
    emails
        E-mail addresses (``""`` when unknown).
    names
        Full names.
    companies
        Employers (only used when there is neither URL nor e-mail).

    Returns
    -------
    pandas.Series
        ``in:<slug>``, else ``email:<address>``, else ``name:<name>|<company>``, with the
        index of ``urls``.

    Examples
    --------
    >>> make_person_ids(
    ...     pd.Series(["https://www.linkedin.com/in/Zo%C3%AB-adler", "", ""]),
    ...     pd.Series(["", "Kim@Example.com", ""]),
    ...     pd.Series(["Zoë Adler", "Kim Lo", "Émile  Roy"]),
    ...     pd.Series(["", "", "Acme, Inc."]),
    ... ).tolist()
    ['in:zoë-adler', 'email:kim@example.com', 'name:emile roy|acme, inc.']
    """
    normalized = normalize_url_array(urls)
    folded = _map_unique_values(emails, _fold_email)
    index = urls.index if isinstance(urls, pd.Series) else None
    return pd.Series(str_array(person_id_array(normalized, folded, names, companies)), index=index)


def make_person_id(url: str, email: str, name: str, company: str) -> str:
    """:func:`make_person_ids` of one person."""
    url = normalize_url_array(np.array([url], dtype=object))[0]
    if url:
        return "in:" + url[_PREFIX_LEN:]
    email = _fold_email(email)
    if email:
        return "email:" + email
    return f"name:{normalize_name(name)}|{normalize_name(company)}"


def person_id_array(urls, emails, names, companies) -> np.ndarray:
    """:func:`make_person_ids` for URLs already normalised and e-mails already folded, as
    an object array (Series or arrays in, aligned by position)."""
    url = _values(urls)
    email = _values(emails)
    out = np.array(["in:" + u[_PREFIX_LEN:] for u in url], dtype=object)
    by_email = np.flatnonzero((url == "") & (email != ""))
    out[by_email] = "email:" + email[by_email]
    # Names are folded only for the rows with neither URL nor e-mail (few, in a modern export).
    by_name = np.flatnonzero((url == "") & (email == ""))
    if len(by_name):
        out[by_name] = "name:" + normalize_name_array(_values(names)[by_name]) + "|" \
            + normalize_name_array(_values(companies)[by_name])
    return out


def _fold_email(s: str) -> str:
    return s.strip().lower() if isinstance(s, str) else ""


def _values(series) -> np.ndarray:
    if isinstance(series, np.ndarray):
        return series.astype(object, copy=False)
    return pd.Series(series).to_numpy(dtype=object)


def _map_unique(values: pd.Series, func) -> pd.Series:
    """Apply a scalar ``str -> str`` function once per distinct value."""
    if not isinstance(values, pd.Series):
        values = pd.Series(values, dtype=object)
    return pd.Series(str_array(_map_unique_values(values, func)), index=values.index)


def _map_unique_values(values, func) -> np.ndarray:
    """:func:`_map_unique` as an object array (a Series or an array in)."""
    if not isinstance(values, (pd.Series, np.ndarray)):
        values = np.asarray(values, dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.array([func(u) for u in np.asarray(uniques, dtype=object)] + [""], dtype=object)
    # code -1 (missing) takes the trailing "".
    return mapped[codes]
