"""Deaths by province and time bin (day, week, month or year) as a stacked bar chart (PNG bytes).

Matplotlib is used through ``Figure`` and the Agg canvas directly: no pyplot, no global backend
switch, nothing left open. PNGs carry no software or time metadata, so the same data gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from eventdesk.report._types import MONTHS, DeathsTable

__all__ = ["deaths_chart", "png_bytes", "COLORS", "OTHER_COLOR"]

# Paul Tol's "muted" scheme (readable by most colour-blind readers, calm in print); grey for the
# provinces summed as "other provinces".
COLORS = ("#882255", "#332288", "#44aa99", "#ddcc77", "#117733", "#88ccee", "#cc6677")
OTHER_COLOR = "#bbbbbb"
INK = "#333333"
# The drawn share of a bin's width (bars of neighbouring bins do not touch).
_FILL = {"day": 0.8, "week": 0.85, "month": 0.85, "year": 0.9}


def png_bytes(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def deaths_chart(table: DeathsTable, *, title: str | None = None) -> bytes:
    """Stacked bars per bin of ``table.unit`` (day, week, month or year), one colour per province
    (the deadliest first); an empty table gives a chart that says no deaths were reported."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from eventdesk.report._bins import next_bin

    figure = Figure(figsize=(8.0, 3.4), dpi=100)
    ax = figure.add_subplot()
    ax.set_title(title or f"Deaths by province and {table.unit}", fontsize=10.5, loc="left", color=INK)
    ax.set_ylabel("deaths (best estimate)", fontsize=9, color=INK)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.spines["bottom"].set_color("#999999")
    ax.tick_params(labelsize=8, colors="#555555", length=3)
    ax.tick_params(axis="y", length=0)
    if not table.bins or table.total == 0:
        ax.text(0.5, 0.5, "no deaths reported in this period", ha="center", va="center", transform=ax.transAxes,
                fontsize=10, color="#555555")
        ax.set_xticks([])
        ax.set_yticks([])
        return png_bytes(figure)
    ax.grid(axis="y", color="#e6e6e6", linewidth=0.8)
    ax.set_axisbelow(True)
    starts = [dt.datetime(b.year, b.month, b.day) for b in table.bins]
    ends = [dt.datetime(e.year, e.month, e.day) for e in (next_bin(b, table.unit) for b in table.bins)]
    fill = _FILL.get(table.unit, 0.85)
    widths = [(end - start).days * fill for start, end in zip(starts, ends, strict=True)]
    offsets = [dt.timedelta(days=(end - start).days * (1 - fill) / 2) for start, end in zip(starts, ends, strict=True)]
    bottom = [0] * len(starts)
    for i, (province, row) in enumerate(zip(table.provinces, table.values, strict=True)):
        other = i == len(table.provinces) - 1 and province.endswith("other provinces")
        color = OTHER_COLOR if other else COLORS[i % len(COLORS)]
        drawn = [j for j, v in enumerate(row) if v]  # one patch per bin with deaths, not per bin
        ax.bar([starts[j] + offsets[j] for j in drawn], [row[j] for j in drawn], width=[widths[j] for j in drawn],
               bottom=[bottom[j] for j in drawn], align="edge", label=province, color=color, linewidth=0)
        bottom = [b + v for b, v in zip(bottom, row, strict=True)]
    pad = (ends[-1] - starts[0]) / 40
    ax.set_xlim(starts[0] - pad, ends[-1] + pad)
    if table.unit == "day":  # a label under the middle of each day's bar (every few days on a month)
        every = -(-len(starts) // 10)
        ticks = starts[::every]
        ax.set_xticks([t + dt.timedelta(hours=12) for t in ticks],
                      [f"{t.day} {MONTHS[t.month - 1][:3]}" if i == 0 or t.month != ticks[i - 1].month
                       else str(t.day) for i, t in enumerate(ticks)])
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), labelcolor=INK)
    figure.tight_layout()
    return png_bytes(figure)
