"""Deaths by province and week as a stacked bar chart (PNG bytes).

Matplotlib is used through ``Figure`` and the Agg canvas directly: no pyplot, no global backend
switch, nothing left open. PNGs carry no software or time metadata, so the same data gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from eventdesk.report._types import DeathsTable

__all__ = ["deaths_chart", "png_bytes", "COLORS"]

COLORS = ("#c0392b", "#2471a3", "#d68910", "#229954", "#7d3c98", "#17a589", "#a04000", "#7f8c8d")


def png_bytes(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def deaths_chart(table: DeathsTable, *, title: str = "Deaths by province and week") -> bytes:
    """Stacked weekly bars, one colour per province (the deadliest first); an empty table gives a
    chart that says no deaths were reported."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8.0, 3.6), dpi=100)
    ax = figure.add_subplot()
    ax.set_title(title, fontsize=11, loc="left")
    ax.set_ylabel("deaths (best estimate)", fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    if not table.weeks or table.total == 0:
        ax.text(0.5, 0.5, "no deaths reported in this period", ha="center", va="center", transform=ax.transAxes,
                fontsize=10, color="#555555")
        ax.set_xticks([])
        ax.set_yticks([])
        return png_bytes(figure)
    weeks = [dt.datetime(w.year, w.month, w.day) for w in table.weeks]
    bottom = [0] * len(weeks)
    for i, (province, row) in enumerate(zip(table.provinces, table.values, strict=True)):
        drawn = [j for j, v in enumerate(row) if v]  # one patch per week with deaths, not per week
        ax.bar([weeks[j] for j in drawn], [row[j] for j in drawn], width=6, bottom=[bottom[j] for j in drawn],
               align="edge", label=province, color=COLORS[i % len(COLORS)], linewidth=0)
        bottom = [b + v for b, v in zip(bottom, row, strict=True)]
    span = (weeks[-1] - weeks[0]).days + 7
    pad = dt.timedelta(days=max(3, span // 50))
    ax.set_xlim(weeks[0] - pad, weeks[-1] + dt.timedelta(days=7) + pad)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    figure.tight_layout()
    return png_bytes(figure)
