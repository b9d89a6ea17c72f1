"""The front door and the packaging: what a notebook user and a fresh install rely on."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

import netgraph

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", netgraph.__all__)
def test_every_public_name_resolves(name):
    assert getattr(netgraph, name) is not None


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        netgraph.nope  # noqa: B018


def test_every_subpackage_is_listed_in_setup_cfg():
    """A package missing from setup.cfg works in a checkout but not after `pip install .`."""
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "netgraph").rglob("__init__.py")}
    assert on_disk <= listed
    assert "netgraph.sample_data" in listed


def test_sample_data_ships_with_the_package():
    from netgraph.sample_data import CONTACTS, EXPORT, KNOWN, TARGETS, network_specs

    for path in (EXPORT, TARGETS, KNOWN, CONTACTS):
        assert path.exists(), path
    for spec in network_specs():
        assert Path(spec.split("=", 1)[-1]).exists(), spec


def test_readme_quickstart_has_the_two_commands_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && . .venv/bin/activate && pip install . && netgraph demo" in readme
    assert 'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" && pytest' in readme
    assert "grep" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
