"""Small, dependency-free SVG line charts (used by ``history trend --svg`` and the web app).

Every text is escaped; colours come with a legend so the chart also works without colour, and
parts keep their colours from :mod:`deepdive.palette` (hook is the same colour everywhere).
"""

from __future__ import annotations

from html import escape

from deepdive.palette import series_colour
from deepdive.trend import Series, Trend


def line_chart(
    title: str,
    series: tuple[Series, ...],
    width: int = 640,
    height: int = 240,
    x_labels: tuple[str, str] | None = None,
) -> str:
    """A line per series on a 0-100 scale, a marker on every point and a legend; ``x_labels``
    names the first and last points (e.g. their dates) under the axis."""
    left, right, top, bottom = 40, 150, 30, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{left}" y="18" font-family="sans-serif" font-size="14" font-weight="bold">'
        f"{escape(title)}</text>",
    ]
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h - tick / 100 * plot_h
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
            'stroke="#dee2e6" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-family="sans-serif" font-size="10" '
            f'text-anchor="end">{tick}</text>'
        )
    for n, s in enumerate(series):
        colour = series_colour(s.name, n)
        count = len(s.values)
        if count:
            step = plot_w / max(1, count - 1)
            points = " ".join(
                f"{left + i * step:.1f},{top + plot_h - v / 100 * plot_h:.1f}"
                for i, v in enumerate(s.values)
            )
            if count > 1:
                out.append(
                    f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>'
                )
            for i, v in enumerate(s.values):  # a marker on every point
                x, y = left + i * step, top + plot_h - v / 100 * plot_h
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        ly = top + 14 * n
        out.append(
            f'<rect x="{left + plot_w + 12}" y="{ly}" width="10" height="10" fill="{colour}"/>'
        )
        out.append(
            f'<text x="{left + plot_w + 26}" y="{ly + 9}" font-family="sans-serif" '
            f'font-size="11">{escape(s.label)} ({s.last:.0f})</text>'
        )
    if x_labels:
        base = top + plot_h + 16
        out.append(
            f'<text x="{left}" y="{base}" font-family="sans-serif" font-size="10">'
            f"{escape(x_labels[0])}</text>"
        )
        out.append(
            f'<text x="{left + plot_w}" y="{base}" font-family="sans-serif" font-size="10" '
            f'text-anchor="end">{escape(x_labels[1])}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def trend_svg(trend: Trend) -> str:
    """Both charts (scores, part strengths) stacked in one SVG document."""
    top = line_chart(f"Scores over {trend.attempts} attempts", trend.scores)
    bottom = line_chart("Part strength (0-100)", trend.parts)
    inner = top.replace("<svg ", '<svg y="0" ', 1) + bottom.replace("<svg ", '<svg y="240" ', 1)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">'
        + inner
        + "</svg>\n"
    )


def trend_png(trend: Trend, path: str) -> None:
    """Plot with matplotlib (the optional ``charts`` extra), offline, bundled fonts only."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ModuleNotFoundError:
        raise RuntimeError(
            "PNG charts need matplotlib: pip install 'deepdive[charts]' (or use --svg)"
        ) from None
    fig, axes = plt.subplots(2, 1, figsize=(8, 6), sharex=False)
    for ax, group, title in (
        (axes[0], trend.scores, "Scores"),
        (axes[1], trend.parts, "Part strength"),
    ):
        for s in group:
            ax.plot(range(len(s.values)), s.values, label=f"{s.label} ({s.last:.0f})")
        ax.set_ylim(0, 100)
        ax.set_title(title)
        ax.set_xlabel("attempts, oldest to newest")
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
