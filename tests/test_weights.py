"""The model's numbers: one Weights, changeable from Python and from a TOML file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from netgraph.cli import main
from netgraph.errors import NetgraphError
from netgraph.sample_data import AS_OF, EXPORT, TARGETS
from netgraph.weights import Weights, read_weights


def test_a_weights_file_changes_only_the_fields_it_names(tmp_path):
    path = tmp_path / "w.toml"
    path.write_text("message = 0.5\npath_shares = [0.5, 0.3, 0.2]\nmax_intros = 2\n\n[tag_floor]\nfriend = 0.85\n",
                    encoding="utf-8")
    w = read_weights(path)
    assert (w.message, w.path_shares, w.max_intros) == (0.5, (0.5, 0.3, 0.2), 2)
    assert dict(w.tag_floor)["friend"] == 0.85 and dict(w.tag_floor)["family"] == 0.85
    assert w.referral_warmth == Weights().referral_warmth


@pytest.mark.parametrize("text, message", [
    ("mesage = 0.5\n", "'mesage' is not a weight"),
    ("message = 'lots'\n", "'message' must be a number"),
    ("message = -1\n", "'message' must be a number of 0 or more"),
    ("path_shares = [1, 2]\n", "'path_shares' must be a list of 3 numbers"),
    ("max_intros = 2.5\n", "'max_intros' must be a whole number"),
    ("message = \n", "not a TOML file"),
])
def test_a_bad_weights_file_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "w.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NetgraphError, match=message):
        read_weights(path)


def test_the_command_line_takes_a_weights_file(tmp_path):
    strict = tmp_path / "strict.toml"
    strict.write_text("referral_warmth = 0.99\n", encoding="utf-8")
    args = ["report", str(EXPORT), "--targets", str(TARGETS), "--as-of", AS_OF, "--format", "json"]
    runner = CliRunner()
    default = runner.invoke(main, args)
    changed = runner.invoke(main, [*args, "--weights", str(strict)])
    assert default.exit_code == 0 and changed.exit_code == 0, changed.output
    assert '"ask": "referral"' in default.output
    assert '"ask": "referral"' not in changed.output
    bad = tmp_path / "bad.toml"
    bad.write_text("mesage = 1\n", encoding="utf-8")
    failed = runner.invoke(main, [*args, "--weights", str(bad)])
    assert failed.exit_code == 1
    assert "Error: " in failed.output and "'mesage' is not a weight" in failed.output
