"""The front door and the packaging: what a notebook user and a fresh install rely on."""

from __future__ import annotations

import configparser
import dataclasses
import importlib
import importlib.metadata
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import netgraph

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = sorted(netgraph._EXPORTS.items())
FUNCTIONS = [name for name, _ in PUBLIC if name[0].islower()]
CLASSES = [name for name, _ in PUBLIC if name[0].isupper()]


def _setup_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return config


@pytest.mark.parametrize(("name", "home"), PUBLIC)
def test_every_public_name_is_the_object_its_home_module_defines(name, home):
    """`netgraph.X` is the very object of the module the front door names, and is defined under it."""
    obj = getattr(netgraph, name)
    module = importlib.import_module(home)
    assert obj is getattr(module, name)
    assert name in getattr(module, "__all__", [name]), f"{home} does not list {name} in its __all__"
    assert obj.__module__ == home or obj.__module__.startswith(home + "."), obj.__module__


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_public_function_is_typed_and_documented(name):
    function = getattr(netgraph, name)
    assert inspect.isfunction(function), f"{name} is not a function"
    signature = inspect.signature(function)
    assert signature.return_annotation is not inspect.Signature.empty, f"{name} has no return type"
    untyped = [p.name for p in signature.parameters.values() if p.annotation is inspect.Parameter.empty]
    assert not untyped, f"{name}: parameters without a type: {untyped}"
    summary = (inspect.getdoc(function) or "").split("\n", 1)[0]
    assert summary.endswith("."), f"{name}: the docstring's first line is not a sentence: {summary!r}"


@pytest.mark.parametrize("name", CLASSES)
def test_every_public_class_is_an_error_of_the_one_tree_or_a_frozen_value(name):
    cls = getattr(netgraph, name)
    assert inspect.isclass(cls)
    if name.endswith("Error"):
        assert issubclass(cls, netgraph.NetgraphError) and issubclass(cls, Exception)
    else:
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, f"{name} is not a frozen dataclass"


def test_every_public_name_is_documented():
    """Each name of the front door appears in docs/architecture.md (the module map) or the README."""
    docs = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8") + (ROOT / "README.md").read_text(
        encoding="utf-8")
    missing = [name for name, _ in PUBLIC if not re.search(rf"\b{name}\b", docs)]
    assert not missing, f"not in docs/architecture.md or the README: {missing}"


def test_all_and_dir_list_exactly_the_front_door():
    assert netgraph.__all__ == ["__version__", *netgraph._EXPORTS]
    assert len(set(netgraph.__all__)) == len(netgraph.__all__)
    assert dir(netgraph) == sorted(netgraph.__all__)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        netgraph.nope  # noqa: B018


def test_import_netgraph_loads_no_heavy_library():
    """Names are imported on first use, so `import netgraph` (and the CLI's start) stays fast."""
    code = "import sys, netgraph; print(sorted(m for m in ('pandas', 'networkx', 'matplotlib') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert loaded.stdout.strip() == "[]"


def test_version_is_the_installed_metadata():
    try:
        installed = importlib.metadata.version("netgraph")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("netgraph is not installed (tests run on the bare checkout)")
    assert installed == netgraph.__version__, "the installed metadata is stale: pip install -e '.[test]' again"


def test_the_tests_run_on_this_working_tree():
    """`pytest` from the root tests these files, not an installed copy (the root conftest.py)."""
    import netgraph.sample_data

    assert Path(netgraph.__file__).resolve() == ROOT / "netgraph" / "__init__.py"
    assert Path(netgraph.sample_data.__file__).resolve() == ROOT / "sample_data" / "__init__.py"


def test_every_subpackage_is_listed_in_setup_cfg():
    """A package missing from setup.cfg works in a checkout but not after `pip install .`."""
    listed = set(_setup_cfg()["options"]["packages"].split())
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "netgraph").rglob("__init__.py")}
    assert on_disk <= listed
    assert "netgraph.sample_data" in listed


def test_the_package_ships_its_type_information():
    package_data = _setup_cfg()["options.package_data"]
    assert [p.strip() for p in package_data["netgraph"].split(",")] == ["py.typed"]
    assert (ROOT / "netgraph" / "py.typed").is_file()


def test_sample_data_ships_with_the_package():
    from netgraph.sample_data import CONTACTS, EXPORT, KNOWN, TARGETS, network_specs

    for path in (EXPORT, TARGETS, KNOWN, CONTACTS):
        assert path.exists(), path
    for spec in network_specs():
        assert Path(spec.split("=", 1)[-1]).exists(), spec


def test_ci_runs_the_readme_quickstart_test_command():
    """.ci/run takes the README's test command by a pattern: the pattern must find exactly that line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && . .venv/bin/activate && pip install . && netgraph demo" in readme
    command = 'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" && pytest'
    assert command in readme.splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pattern = re.search(r"grep -m1 -E '([^']+)' README\.md", ci).group(1)
    assert [line for line in readme.splitlines() if re.search(pattern, line)][0] == command
    assert "ruff check ." in ci and "mypy netgraph" in ci
