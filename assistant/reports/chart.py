"""The 30-day trend chart: one line per feed, scores 0-100, as PNG bytes.

matplotlib is imported here only (it takes ~0.5 s), with the non-interactive Agg backend.
"""

from __future__ import annotations

import io
from datetime import timedelta

from assistant.reports.model import Report, last_days


def trend_png(report: Report, *, days: int = 30, max_lines: int = 12, dpi: int = 100) -> bytes:
    """A PNG of each feed's daily score over the `days` days ending on the report's day
    (`dpi` shrinks it for a card that must carry it inline)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    dates = last_days(report.day, days)
    figure = Figure(figsize=(9, 4.5), dpi=dpi)
    axes = figure.subplots()
    plotted = 0
    for line in report.feeds[:max_lines]:
        scores = (line.trend + [None] * days)[:days] if line.trend else [None] * days
        points = [(d, s) for d, s in zip(dates, scores, strict=True) if s is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        axes.plot(xs, ys, marker="o", markersize=3, linewidth=1.5, label=line.name[:40])
        plotted += 1
    axes.set_ylim(0, 100)
    axes.set_xlim(dates[0] - timedelta(days=0.5), dates[-1] + timedelta(days=0.5))  # type: ignore[arg-type]  # matplotlib takes dates
    axes.set_ylabel("health score")
    axes.set_title(f"Feed health, {days} days to {report.day.isoformat()}")
    axes.grid(True, alpha=0.3)
    if plotted:
        axes.legend(loc="lower left", fontsize=7, ncol=2)
    figure.autofmt_xdate()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
