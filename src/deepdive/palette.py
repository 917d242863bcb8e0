"""The one palette: a colour per deep-dive part, used by every view that draws parts.

The web app's underlines, tags, swatches and time bar, and the trend charts (web and
``history trend --svg``) all take their colours from here; the web app serves them as
``/palette.css``, so no stylesheet repeats them. ``text`` colours are the darker shades used
for small lettering: each keeps at least 4.5:1 contrast on white.
"""

from __future__ import annotations

from functools import cache

PART_COLOURS = {
    "hook": "#c2255c",
    "problem": "#1c7ed6",
    "data": "#0c8599",
    "modeling": "#2b8a3e",
    "evaluation": "#e67700",
    "reflection": "#7048e8",
    "none": "#adb5bd",
}
TEXT_COLOURS = {
    "hook": "#a61e4d",
    "problem": "#1864ab",
    "data": "#0b7285",
    "modeling": "#1f6b30",
    "evaluation": "#a85d00",
    "reflection": "#5f3dc4",
    "none": "#6c757d",
}
# Lines that are not parts (the scores), in order.
OTHER_COLOURS = ("#364fc7", "#e8590c", "#087f5b", "#862e9c", "#495057", "#d9480f")


def series_colour(name: str, index: int) -> str:
    """The colour of chart series ``name`` (a part's own colour when it is a part)."""
    return PART_COLOURS.get(name.lower(), OTHER_COLOURS[index % len(OTHER_COLOURS)])


def contrast(foreground: str, background: str = "#ffffff") -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@cache
def palette_css() -> str:
    """The stylesheet of part colours (underlines, tags, swatches)."""
    lines = []
    for part, colour in PART_COLOURS.items():
        lines.append(
            f"mark.s.part-{part} {{ border-bottom-color: {colour}; }} "
            f".part-{part} .tag {{ color: {TEXT_COLOURS[part]}; }} "
            f".sw-{part} {{ background: {colour}; }}"
        )
    return "\n".join(lines) + "\n"
