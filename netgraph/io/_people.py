"""Joining the people named in an export's files to the owner's connections.

Internal to :mod:`netgraph.io`: the rules are in ``docs/architecture.md`` ("Identity").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from netgraph.io.identity import PROFILE_PREFIX, _values, normalize_name_array, normalize_url_array

_PREFIX_LEN = len(PROFILE_PREFIX)


def url_codes(urls) -> tuple[np.ndarray, np.ndarray]:
    """Normalised URLs as ``(codes, uniques)``: ``uniques[codes]`` is :func:`normalize_urls`.

    ``uniques`` holds each normalised value once (``""`` included when present), so the
    codes can be counted and joined without hashing the strings again.
    """
    values = urls if isinstance(urls, (pd.Series, np.ndarray)) else np.asarray(urls, dtype=object)
    codes, raw = pd.factorize(values, use_na_sentinel=False)
    inverse, uniques = pd.factorize(normalize_url_array(np.asarray(raw, dtype=object)))
    if len(codes) == 0:
        return np.zeros(0, dtype=np.int64), np.asarray(uniques, dtype=object)
    return inverse[codes], np.asarray(uniques, dtype=object)


@dataclass(frozen=True)
class PeopleIndex:
    """The owner's connections, prepared for :func:`resolve_people` (built once)."""

    ids: np.ndarray
    urls: np.ndarray
    names: np.ndarray
    by_url: pd.Series  # normalised URL -> position
    by_name: pd.Series  # folded name, unique among the connections -> position


def index_people(connections: pd.DataFrame) -> PeopleIndex:
    """Build the lookups that resolve counterparts to ``connections``."""
    ids = connections["person_id"].to_numpy(dtype=object)
    urls = connections["url"].to_numpy(dtype=object)
    names = connections["name"].to_numpy(dtype=object)
    has = urls != ""
    by_url = pd.Series(np.flatnonzero(has), index=urls[has])
    by_url = by_url[~by_url.index.duplicated()]
    folded = normalize_name_array(names)
    repeated = pd.Series(folded, dtype=object).duplicated(keep=False).to_numpy()
    single = np.flatnonzero(~repeated & (folded != ""))
    return PeopleIndex(ids, urls, names, by_url, pd.Series(single, index=folded[single]))


def resolve_people(people: PeopleIndex, urls, names, folded=None):
    """Resolve counterparts named in other files to the owner's connections.

    By normalised URL first, then by a name that is unique among the connections (only
    when one side has no URL: two different URLs are two different people). Whoever
    resolves to nobody keeps an id of their own (``in:`` from the URL, else ``name:`` with
    an empty company).

    Parameters
    ----------
    people
        From :func:`index_people`.
    urls
        Normalised URLs of the counterparts (``""`` when unknown); Series or array.
    names
        Their names as written.
    folded
        ``names`` already passed through :func:`normalize_name` (optional, saves time).

    Returns
    -------
    tuple of numpy.ndarray
        ``person_id``, and the name and URL, taken from the connection where the file
        gave none (object arrays of ``str``).
    """
    url = _values(urls)
    name = _values(names)
    matched = np.full(len(url), -1, dtype=np.int64)
    if len(people.ids) and len(url):
        pos = people.by_url.index.get_indexer(url)  # type: ignore[arg-type]  # an array is fine
        hit = (pos >= 0) & (url != "")
        matched[hit] = people.by_url.to_numpy()[pos[hit]]
    # Names are folded only where the URL did not decide (the few, in a modern export).
    todo = np.flatnonzero(matched < 0)
    wanted = np.full(len(url), "", dtype=object)
    if len(todo):
        wanted[todo] = _values(folded)[todo] if folded is not None \
            else normalize_name_array(name[todo])
    if len(people.ids) and len(todo):
        pos = people.by_name.index.get_indexer(wanted[todo])  # type: ignore[arg-type]
        by_name = todo[pos >= 0]
        candidate = people.by_name.to_numpy()[pos[pos >= 0]]
        # Two different URLs are two different people, whatever their names.
        ok = (url[by_name] == "") | (people.urls[candidate] == "")
        matched[by_name[ok]] = candidate[ok]
    found = matched >= 0
    person = np.full(len(url), None, dtype=object)
    person[found] = people.ids[matched[found]]
    best_name, best_url = name.copy(), url.copy()
    fill = found & (name == "")
    best_name[fill] = people.names[matched[fill]]
    fill = found & (url == "")
    best_url[fill] = people.urls[matched[fill]]
    if (~found).any():
        own_url = url[~found]
        slug = np.array([u[_PREFIX_LEN:] for u in own_url], dtype=object)
        person[~found] = np.where(own_url != "", "in:" + slug, "name:" + wanted[~found] + "|")
    return person, best_name, best_url
