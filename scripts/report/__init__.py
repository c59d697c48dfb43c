"""Reading project reports extracted from PDF or Word: text, sections, goals and budget.

- `text`: reading (BOM, CRLF) and white space rules;
- `reflow`: hard-wrapped lines and page-break debris into paragraphs;
- `metadata`: the YAML file beside each report;
- `sections`, `goals`, `budget`: what the parser recovers;
- `parse`: all of it together, as a `Report`.
"""

from scripts.report.metadata import ReportMeta, discover
from scripts.report.parse import Location, Report, Section, parse

__all__ = ["Location", "Report", "ReportMeta", "Section", "discover", "parse"]
