"""Render the HTML report and photograph it with headless Chromium.

Writes ``docs/report.png`` (desktop, 1280 x 1600) and ``docs/report-phone.png``
(400 x 900) so the README can show what the report looks like, and so a change to the
layout can be checked by eye in a real browser.

Needs Debian's Chromium (``apt-get install -y chromium``)::

    python scripts/screenshot_report.py                  # the bundled sample (as netgraph demo)
    python scripts/screenshot_report.py --plan fixture   # the hand-made test plan
    python scripts/screenshot_report.py --keep-html docs/report.html

The plan comes from :func:`_load_plan`: by default the bundled sample network, as
``netgraph demo`` loads it; ``--plan fixture`` uses the hand-made plan in ``tests/conftest.py``.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars", "--force-device-scale-factor=1")


def _load_plan(source: str):
    """The plan to photograph: ``fixture`` (the tests' hand-made plan) or ``sample``."""
    if source == "sample":
        from netgraph.demo import load_sample

        return load_sample()  # the same plan as `netgraph demo`: four friends' exports, known ties, notes
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import build_plan  # tests/ is not a package

    return build_plan()


def _map_png(plan) -> bytes | None:
    """The network map as PNG bytes, or None when the map cannot be drawn."""
    try:
        from netgraph.plot import plot_map

        fig, _ = plot_map(plan.G)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=80)
        return buffer.getvalue()
    except Exception as error:  # the map belongs to another module; the page works without it
        print(f"no map in the screenshot: {error}", file=sys.stderr)
        return None


def _browser() -> str:
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    sys.exit("Chromium not found: install it with `apt-get install -y chromium`")


def _shoot(browser: str, page: Path, png: Path, *, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        command = [browser, *_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                   f"--window-size={width},{height}", page.as_uri()]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or not png.exists():
        sys.exit(f"Chromium failed ({result.returncode}):\n{result.stderr[-2000:]}")
    print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png} ({width}x{height})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--phone-output", type=Path, default=ROOT / "docs" / "report-phone.png")
    parser.add_argument("--keep-html", type=Path, help="also save the rendered HTML here")
    parser.add_argument("--no-map", action="store_true", help="leave the network map out")
    parser.add_argument("--plan", choices=("fixture", "sample"), default="sample",
                        help="the tests' hand-made plan, or the bundled sample export")
    args = parser.parse_args(argv)

    from netgraph.report import render_html, write_output

    plan = _load_plan(args.plan)
    page_html = render_html(plan, map_png=None if args.no_map else _map_png(plan))
    browser = _browser()
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(page_html, encoding="utf-8")
        for png in (args.output, args.phone_output):
            png.parent.mkdir(parents=True, exist_ok=True)
        _shoot(browser, page, args.output.resolve(), width=1280, height=1600)
        _shoot(browser, page, args.phone_output.resolve(), width=400, height=900)
    if args.keep_html:
        write_output(page_html, args.keep_html)


if __name__ == "__main__":
    main()
