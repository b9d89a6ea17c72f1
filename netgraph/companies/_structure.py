"""How people write who they work for, beyond a plain name.

A company cell often says more than a name: ``HashedIn by Deloitte`` and ``Bluetab, an IBM
Company`` name a parent company; ``Wipro Limited (Client Nike Inc)``, ``HCL America @
Meta`` and ``Kforce via Google`` name a client or an agency next to the employer;
``Alight (formerly Compass)`` names a former name; ``Ex-Google`` a former employer;
``iTunes/Apple`` two names for one employer. :func:`parse` splits a cell into these parts
with a handful of patterns, each run once over the text (linear time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Parsed", "parse", "MAX_PARSED"]

#: Cells longer than this are no company name; only their first part is parsed.
MAX_PARSED = 400

_I = re.IGNORECASE
_SPACES = re.compile(r"\s+")
_FILLER = re.compile(
    r"^(?:(?:currently|presently|now)\s+)?(?:working|work|employed|worked|employee)\s+"
    r"(?:in|at|with|for|by)\s+|^(?:@|at\s+)\s*",
    _I,
)
_FORMER = re.compile(r"^(?:ex|former|formerly|previously|prev)(?:\s*[-–:.]\s*|\s+)(?=\w)", _I)
_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_PARENT_OF = re.compile(
    r"^(?:(?:an?|now|is|the)\s+)*(?:part|division|subsidiary|unit|member|affiliate|arm)"
    r"\s+of\s+(?:the\s+)?(?P<name>.+?)(?:\s+group)?$",
    _I,
)
_A_COMPANY = re.compile(
    r"^(?:an?\s+)(?P<name>.+?)\s+(?:group\s+)?(?:company|enterprise|product|business|"
    r"brand|venture|subsidiary|initiative)$",
    _I,
)
_BY = re.compile(r"^(?:(?:acquired|owned|bought)\s+)?by\s+(?P<name>.+)$", _I)
_WAS = re.compile(
    r"^(?:formerly|previously|ex|former|earlier|prev|was)\b[\s,:.\-]*(?:known\s+as\s+)?"
    r"(?P<name>.+)$",
    _I,
)
_CLIENT = re.compile(
    r"^(?:(?:for|working\s+for|at|with)\s+)?(?:the\s+)?(?:client|customer)s?\b[\s,:.\-]*"
    r"(?P<name>.*\w.*)$",
    _I,
)
_CONTRACT = re.compile(
    r"^(?:contract(?:or|ed)?|consultant|consulting|deputed|onsite|on\s+site|outsourced|"
    r"staffed|placed)\b.*?\b(?:via|through|thru|at|to|for|with)\s+(?P<name>.+)$",
    _I,
)
_VIA = re.compile(r"^via\s+(?P<name>.+)$", _I)
# Separators inside the text outside brackets, tried in this order.
_AT = re.compile(r"\s*@\s*")
_VIA_SEP = re.compile(r"\s+via\s+", _I)
_THRU_SEP = re.compile(r"\s+(?:thru|through)\s+", _I)
_CURRENTLY = re.compile(r"\s+(?:currently|presently)\s+(?:working\s+)?(?:at|with|in|for|on)\s+", _I)
_PART_OF_SEP = re.compile(
    r"\s*(?:,|\s[-–|])\s*(?:(?:an?|now|is)\s+)*(?:part|division|subsidiary|unit|member)"
    r"\s+of\s+(?:the\s+)?|\s+(?:is\s+)?an?\s+(?:division|subsidiary|unit|part)\s+of\s+(?:the\s+)?",
    _I,
)
_A_COMPANY_SEP = re.compile(
    r"\s*(?:,|\s[-–|:])\s*an?\s+(?P<name>[^,]+?)\s+(?:group\s+)?(?:company|enterprise|product|"
    r"business|brand|venture|subsidiary)\s*$",
    _I,
)
_BY_SEP = re.compile(
    r"(?<!powered)(?<!funded)(?<!sponsored)(?<!supported)(?<!backed)(?<!certified)"
    r"(?<!accredited)(?<!trained)(?<!inspired)(?<!managed)(?<!operated)(?<!hosted)"
    r"(?<!founded)(?<!created)(?<!organized)(?<!organised)(?<!recognized)(?<!recognised)"
    r"(?<!made)(?<!led)(?<!run)(?<!built)(?<!designed)(?<!owned)\s+by\s+",
    _I,
)
_FOR_SEP = re.compile(r"\s+for\s+", _I)
_POSSESSIVE = re.compile(r"^(?P<owner>[^'’\s][^'’]{0,60}?)['’]s\s+(?P<rest>\S.*)$")
_SLASH_SEP = re.compile(r"(?<=[^\W\d_]{2})\s*/\s*(?=[^\W\d_]{2})")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Parsed:
    """The parts of one company cell.

    Attributes
    ----------
    head
        The employer as written (without brackets and relations).
    former
        The cell names a former employer (``Ex-Google``).
    parents
        Texts naming a company the employer belongs to (``by T``, ``an T company``,
        ``part of T``, ``T's X``, ``thru T``).
    others
        ``(relation, text)`` for texts that name a company which is not the employer:
        ``"formerly"``, ``"client"``, ``"contract"``, ``"via"``, ``"at"``, ``"for"``.
    alternatives
        Other names of the same employer (``iTunes/Apple``).
    asides
        Other bracketed texts (``Stripe (Dublin)``, ``GCP (GlobalCareerPath)``).
    """

    head: str
    former: bool = False
    parents: list[str] = field(default_factory=list)
    others: list[tuple[str, str]] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    asides: list[str] = field(default_factory=list)


def _bracket(inner: str, parsed: Parsed) -> None:
    """File one bracketed text under the part of :class:`Parsed` it belongs to."""
    inner = inner.strip(" ,;:-–")
    if not _HAS_LETTER.search(inner):
        return
    for pattern in (_PARENT_OF, _A_COMPANY, _BY):
        found = pattern.match(inner)
        if found:
            parsed.parents.append(found.group("name"))
            return
    for relation, pattern in (("formerly", _WAS), ("client", _CLIENT), ("contract", _CONTRACT),
                              ("via", _VIA)):  # fmt: skip
        found = pattern.match(inner)
        if found:
            parsed.others.append((relation, found.group("name")))
            return
    parsed.asides.append(inner)


def _split(parsed: Parsed, pattern: re.Pattern[str], relation: str | None) -> None:
    """Cut ``parsed.head`` at the first ``pattern``: the left stays the employer; the
    right is a parent (``relation`` None) or another company (``relation``)."""
    found = pattern.search(parsed.head)
    if found is None or not _HAS_LETTER.search(parsed.head[: found.start()]):
        return
    rest = parsed.head[found.end() :].strip(" ,;:-–|.")
    if "name" in pattern.groupindex:
        rest = found.group("name").strip()
    parsed.head = parsed.head[: found.start()].strip(" ,;:-–|")
    if not _HAS_LETTER.search(rest):
        return
    if relation is None:
        parsed.parents.append(rest)
    else:
        parsed.others.append((relation, rest))


def parse(cell: str) -> Parsed:
    """Split a company cell into the employer, its parents and other companies named.

    Parameters
    ----------
    cell
        The company as written.

    Returns
    -------
    Parsed

    Examples
    --------
    >>> parse("QuantumBlack, AI by McKinsey").parents
    ['McKinsey']
    >>> p = parse("Wipro Limited (Client Nike Inc)")
    >>> p.head, p.others
    ('Wipro Limited', [('client', 'Nike Inc')])
    >>> parse("HCL America @ Meta").others
    [('at', 'Meta')]
    >>> parse("Bluetab, an IBM Company").parents
    ['IBM']
    >>> parse("Ex-Google").former, parse("Ex-Google").head
    (True, 'Google')
    """
    text = _SPACES.sub(" ", cell[:MAX_PARSED]).strip()
    text = _FILLER.sub("", text, count=1)
    parsed = Parsed(text)
    former = _FORMER.match(text)
    if former:
        parsed.former, parsed.head = True, text[former.end() :]
    if "(" in parsed.head or "[" in parsed.head:
        for found in _BRACKETS.finditer(parsed.head):
            _bracket(found.group(1) if found.group(1) is not None else found.group(2), parsed)
        bare = _BRACKETS.sub(" ", parsed.head)
        if _HAS_LETTER.search(bare):
            parsed.head = _SPACES.sub(" ", bare).strip(" ,;:-–|")
    if "@" in parsed.head:
        _split(parsed, _AT, "at")
    lowered = parsed.head.lower()
    if " via " in lowered:
        _split(parsed, _VIA_SEP, "via")
    if " thru " in lowered or " through " in lowered:
        _split(parsed, _THRU_SEP, None)
    if "currently" in lowered or "presently" in lowered:
        _split(parsed, _CURRENTLY, "client")
    if " of " in lowered:
        _split(parsed, _PART_OF_SEP, None)
    if " a " in lowered or " an " in lowered:
        _split(parsed, _A_COMPANY_SEP, None)
    if " by " in lowered:
        _split(parsed, _BY_SEP, None)
    if " for " in lowered:
        _split(parsed, _FOR_SEP, "for")
    if "'" in parsed.head or "’" in parsed.head:
        owner = _POSSESSIVE.match(parsed.head)
        if owner and len(owner.group("owner").split()) <= 4:
            parsed.parents.append(owner.group("owner"))
    if "/" in parsed.head:
        parts = [p.strip() for p in _SLASH_SEP.split(parsed.head)]
        if len(parts) > 1 and all(len(p.split()) <= 4 for p in parts):
            parsed.alternatives = parts
    return parsed
