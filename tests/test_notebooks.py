"""The notebooks: committed clean, on the public API only, and each runs top to bottom in a fresh kernel."""

from __future__ import annotations

import ast
import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

import netgraph

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EXPECTED = ["01-explore-your-network.ipynb", "02-tune-the-scoring.ipynb", "03-your-own-questions.ipynb"]
FOUND = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))

# What a notebook may import: netgraph's front door, the bundled sample's paths, and the
# libraries the README promises work with the plan.
ALLOWED_MODULES = {"netgraph", "netgraph.sample_data", "pandas", "networkx", "matplotlib", "matplotlib.pyplot"}


def _read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def _code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def test_there_are_exactly_the_three_notebooks():
    assert FOUND == EXPECTED


@pytest.mark.parametrize("name", FOUND)
def test_notebook_is_committed_without_outputs(name):
    """Outputs hold a reader's data and churn every diff: clear them before committing."""
    raw = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    for index, cell in enumerate(raw["cells"]):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{name} cell {index} has outputs"
            assert cell["execution_count"] is None, f"{name} cell {index} has an execution count"
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    nbformat.validate(nbformat.reads(json.dumps(raw), as_version=4))


@pytest.mark.parametrize("name", FOUND)
def test_notebook_starts_by_saying_what_it_answers(name):
    first = _read(name).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith("# ") and "answers" in first.source


@pytest.mark.parametrize("name", FOUND)
def test_notebook_uses_only_the_public_api(name):
    for cell in _code_cells(_read(name)):
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                assert {alias.name for alias in node.names} <= ALLOWED_MODULES, ast.unparse(node)
            elif isinstance(node, ast.ImportFrom):
                assert node.module in ALLOWED_MODULES, ast.unparse(node)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "netgraph":
                assert node.attr in netgraph.__all__, f"netgraph.{node.attr} is not in netgraph.__all__"


# ---------------------------------------------------------------------------
# Running them


def _runs_this_python(argv0: str) -> bool:
    # jupyter_client starts a spec whose argv[0] is a bare "python", "python3" or
    # "python3.X" with the interpreter that starts the kernel: this one.
    bare = {"python", f"python{sys.version_info[0]}", "python{}.{}".format(*sys.version_info[:2])}
    return argv0 in bare or os.path.abspath(argv0) == os.path.abspath(sys.executable)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """The ``python3`` kernel, run by this interpreter, so the notebooks import the netgraph under test.

    When the ``python3`` spec found first belongs to another interpreter (say a spec in
    the user's Jupyter folder), a spec pointing at ``sys.executable`` is put first on
    JUPYTER_PATH for these tests.
    """
    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
        ours = _runs_this_python(spec.argv[0])
    except NoSuchKernel:
        ours = False
    with pytest.MonkeyPatch.context() as patch:
        if not ours:
            folder = tmp_path_factory.mktemp("jupyter")
            spec_dir = folder / "kernels" / "python3"
            spec_dir.mkdir(parents=True)
            (spec_dir / "kernel.json").write_text(json.dumps({
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (netgraph tests)", "language": "python",
            }), encoding="utf-8")
            patch.setenv("JUPYTER_PATH", os.pathsep.join(filter(None, [str(folder), os.environ.get("JUPYTER_PATH")])))
        yield "python3"


def _outputs(cell: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in cell.outputs)


@pytest.mark.parametrize("name", FOUND)
def test_notebook_runs_from_a_clean_kernel(name, kernel, tmp_path):
    """Any error in any cell fails the test (nbclient raises CellExecutionError)."""
    nb = _read(name)
    probe = nbformat.v4.new_code_cell("import sys\nprint(sys.executable)")
    nb.cells.insert(0, probe)
    NotebookClient(nb, timeout=120, kernel_name=kernel, resources={"metadata": {"path": str(tmp_path)}}).execute()

    assert _outputs(probe).strip() == sys.executable  # the interpreter, so the netgraph, under test
    assert list(tmp_path.iterdir()) == []  # notebooks write no files
    for cell in _code_cells(nb)[1:]:
        assert not any(o.output_type == "error" for o in cell.outputs)
        if cell.source.splitlines()[-1].strip() == "fig":  # a figure at the end of a cell is drawn inline
            assert any("image/png" in o.get("data", {}) for o in cell.outputs), cell.source
