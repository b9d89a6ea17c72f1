"""Make pytest test this working tree, however netgraph is installed (or not at all).

Because this file sits at the repository root, pytest puts the root first on
``sys.path``: ``import netgraph`` finds ``./netgraph``, your edits, rather than a copy
installed by ``pip install .``. The one package that does not live under ``netgraph/``
is the bundled sample: ``setup.cfg`` maps ``netgraph.sample_data`` to the top-level
``sample_data/`` folder (``package_dir``), which an installed package and an editable
install both honour but a bare checkout on ``sys.path`` does not. The finder below
reads that same mapping, so ``python -m pytest`` and ``pytest`` work from the root of a
fresh clone, with an editable install, a regular install, or only the dependencies.
"""

from __future__ import annotations

import configparser
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent


def _package_dirs(setup_cfg: Path) -> dict[str, Path]:
    """``[options] package_dir`` of setup.cfg as ``{package: folder}`` (the root entry left out)."""
    config = configparser.ConfigParser()
    config.read(setup_cfg, encoding="utf-8")
    mapping = {}
    for line in config.get("options", "package_dir", fallback="").splitlines():
        name, sep, folder = (part.strip() for part in line.partition("="))
        if sep and name:
            mapping[name] = setup_cfg.parent / folder
    return mapping


class _PackageDirFinder(importlib.abc.MetaPathFinder):
    """Finds the packages that setup.cfg maps to folders outside ``netgraph/``."""

    def __init__(self, mapping: dict[str, Path]) -> None:
        self.mapping = mapping

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        folder = self.mapping.get(fullname)
        if folder is None or not (folder / "__init__.py").is_file():
            return None
        return importlib.util.spec_from_file_location(
            fullname, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )


# First in line: an editable install of another checkout has a finder for the same names,
# and the tests must see this tree's sample next to this tree's netgraph.
if not any(isinstance(finder, _PackageDirFinder) for finder in sys.meta_path):
    sys.meta_path.insert(0, _PackageDirFinder(_package_dirs(ROOT / "setup.cfg")))
