"""Cited situation brief: events -> summary, main events, disagreements, chart, map, sources.

``compose(events, articles)`` builds a ``Brief`` (pure data, every summary sentence with the
numbered sources it rests on); ``markdown``/``html_page`` render it; ``write_report`` does the
whole step from the store to a ``.md`` or ``.html`` file.
"""

from eventdesk.report._charts import deaths_chart
from eventdesk.report._compose import compose
from eventdesk.report._map import country_rings, decode_arcs, event_map, load_topology
from eventdesk.report._render import html_page, markdown
from eventdesk.report._types import Brief, Cited, DeathsTable, Disagreement, EventEntry, MapPoint, SourceRef
from eventdesk.report._write import ReportSummary, read_brief, report_format, summary_line, write_report

__all__ = [
    "Brief", "Cited", "DeathsTable", "Disagreement", "EventEntry", "MapPoint", "SourceRef", "ReportSummary",
    "compose", "read_brief", "write_report", "report_format", "summary_line",
    "markdown", "html_page", "deaths_chart", "event_map", "load_topology", "decode_arcs", "country_rings",
]
