"""The bundled sample network: an invented person's LinkedIn export and friends' exports.

Everything here is invented (see ``README.md`` in this folder for the story and the
names). The files are written by ``generate.py``; regenerate with
``python sample_data/generate.py``.

Installed as ``netgraph.sample_data`` (``setup.cfg`` maps the package to this folder), so
the paths below work after ``pip install .`` from any directory:

>>> from netgraph.sample_data import AS_OF, EXPORT, network_specs
>>> EXPORT.name, AS_OF
('Complete_LinkedInDataExport_11-20-2026.zip', '2026-11-20')
>>> all(Path(spec.split("=", 1)[-1]).exists() for spec in network_specs())
True
"""

from __future__ import annotations

from pathlib import Path

#: The folder holding the sample files.
SAMPLE_DIR = Path(__file__).resolve().parent
#: Robin Castellanos's export (today's format), dated 11-20-2026.
EXPORT = SAMPLE_DIR / "Complete_LinkedInDataExport_11-20-2026.zip"
#: Robin's export of ~20 months earlier, for ``netgraph diff``.
OLD_EXPORT = SAMPLE_DIR / "Basic_LinkedInDataExport_03-02-2025.zip"
TARGETS = SAMPLE_DIR / "targets.csv"
TARGETS_TXT = SAMPLE_DIR / "targets.txt"
KNOWN = SAMPLE_DIR / "known.csv"
CONTACTS = SAMPLE_DIR / "contacts.csv"
#: The sample's "today" (``--as-of``).
AS_OF = "2026-11-20"
#: A share pack: Kofi Asante's ties at your targets, made by ``netgraph share`` from his own export.
PACK = SAMPLE_DIR / "packs" / "kofi-asante-share.csv"
#: Kofi's own full export, the one he ran ``netgraph share`` on (you would never get it).
PACK_SOURCE = SAMPLE_DIR / "packs" / "Complete_LinkedInDataExport_11-17-2026.zip"


def network_specs() -> list[str]:
    """The ``--network`` arguments for the friends' exports and the share pack, as ``[OWNER=]PATH`` strings.

    The two exports without a Profile.csv name their owner; the others carry one, and the
    share pack names its owner in its header.
    """
    friends = SAMPLE_DIR / "friends"
    return [
        str(friends / "Basic_LinkedInDataExport_10-02-2026.zip"),
        f"Nadia Petrov={friends / 'nadia-petrov-2020' / 'Connections.csv'}",
        str(friends / "Complete_LinkedInDataExport_12-03-2018"),
        f"Ingrid Sørensen={friends / 'ingrid-sorensen-excel' / 'Connections.csv'}",
        str(PACK),
    ]
