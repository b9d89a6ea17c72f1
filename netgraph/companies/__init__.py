"""Company names: the targets file, one key per company, matching names to targets, grouping.

Everything netgraph answers starts with "does this person work at a company I want?".
:func:`read_targets` reads the user's lists, :func:`company_key` is the one normalised key
every comparison of company names uses, :func:`match_companies` decides for each distinct
company name which target (if any) it is and by which rule, :func:`find_near_misses`
lists the names that only resemble a target and why, and :func:`group_companies` /
:func:`render_companies` give the ``netgraph companies`` overview.
"""

from __future__ import annotations

from netgraph.companies._group import group_companies, render_companies
from netgraph.companies._match import find_near_misses, match_companies
from netgraph.companies._normalize import company_key, company_keys, is_no_company
from netgraph.companies._targets import read_targets

__all__ = [
    "read_targets",
    "company_key",
    "company_keys",
    "is_no_company",
    "match_companies",
    "find_near_misses",
    "group_companies",
    "render_companies",
]
