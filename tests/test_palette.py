"""One palette for parts: served as CSS, used by the charts, readable on white."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from deepdive.palette import PART_COLOURS, TEXT_COLOURS, contrast, palette_css, series_colour
from deepdive.svg_chart import line_chart
from deepdive.trend import Series
from tests.test_web import client  # noqa: F401  (fixture)

CSS = Path(__file__).resolve().parents[1] / "src" / "deepdive" / "web" / "static" / "app.css"


def test_small_part_lettering_and_the_focus_ring_are_readable() -> None:
    assert all(contrast(c) >= 4.5 for c in TEXT_COLOURS.values()), TEXT_COLOURS
    ring = re.search(r"outline: 3px solid (#[0-9a-f]{6})", CSS.read_text()).group(1)  # type: ignore[union-attr]
    assert contrast(ring) >= 3.0


def test_the_stylesheet_does_not_repeat_or_override_the_part_colours() -> None:
    css = CSS.read_text()
    parts = [c for p, c in PART_COLOURS.items() if p not in ("modeling", "none")]
    assert not any(colour in css for colour in parts)  # (those two double as UI greys/greens)
    underline = re.search(r"mark\.s \{([^}]*)\}", css).group(1)  # type: ignore[union-attr]
    assert "border-bottom:" not in underline and "border-color" not in underline
    for part, colour in PART_COLOURS.items():
        assert f"mark.s.part-{part} {{ border-bottom-color: {colour}; }}" in palette_css()


def test_charts_draw_parts_in_their_own_colours() -> None:
    hook = Series("hook", "Hook", (40.0, 60.0, 80.0), 40.0, 80.0, 60.0)
    svg = line_chart("Parts", (hook,))
    assert f'stroke="{PART_COLOURS["hook"]}"' in svg and svg.count("<circle") == 3
    assert series_colour("overall", 0) not in PART_COLOURS.values()


def test_palette_and_favicon_are_served(client: TestClient) -> None:  # noqa: F811
    r = client.get("/palette.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert client.get("/favicon.ico").status_code == 200
    assert 'href="/palette.css"' in client.get("/").text
