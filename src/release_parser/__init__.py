"""release_parser: earnings-result releases (text or PDF) as tidy pandas DataFrames.

>>> import release_parser as rp
>>> rp.parse_number("(830)").value
-830.0
"""

from .api import parse, parse_layout, parse_text
from .errors import (
    ConsistencyError,
    ContentLimitError,
    DatabaseError,
    DocumentLoadError,
    EmptyInputError,
    EncryptedPDFError,
    IngestError,
    LayoutError,
    NoTextLayerError,
    NormalizationError,
    NotAPDFError,
    NotARegularFileError,
    NumberFormatError,
    OperatorLimitError,
    PeriodFormatError,
    ReadError,
    ReleaseParserError,
    ReleaseWarning,
    ResourceLimitError,
    SchemaVersionError,
    SizeLimitError,
    TimeLimitError,
    UnitFormatError,
    UnsupportedInputError,
)
from .concepts import ConceptMap, concept_map, concepts
from .ingest import ingest
from .model import Bullet, Column, LineItem, Paragraph, Provenance, Release, Table, TableCell
from .normalize.numbers import ParsedNumber, parse_number, try_parse_number
from .normalize.periods import FiscalCalendar, FiscalPeriod, find_periods, infer_calendar, parse_period, try_parse_period
from .normalize.units import UnitScale, find_unit_caption, parse_unit_caption
from .series import line_items, restatements, timeseries

__version__ = "0.1.0"

__all__ = [
    "parse",
    "parse_text",
    "ingest",
    "timeseries",
    "restatements",
    "line_items",
    "concepts",
    "concept_map",
    "ConceptMap",
    "parse_layout",
    "parse_number",
    "try_parse_number",
    "parse_period",
    "try_parse_period",
    "find_periods",
    "infer_calendar",
    "parse_unit_caption",
    "find_unit_caption",
    "FiscalCalendar",
    "FiscalPeriod",
    "ParsedNumber",
    "UnitScale",
    "Release",
    "Table",
    "TableCell",
    "Column",
    "LineItem",
    "Bullet",
    "Paragraph",
    "Provenance",
    "ReleaseParserError",
    "ConsistencyError",
    "ReadError",
    "EmptyInputError",
    "UnsupportedInputError",
    "NotARegularFileError",
    "NotAPDFError",
    "EncryptedPDFError",
    "NoTextLayerError",
    "ResourceLimitError",
    "SizeLimitError",
    "ContentLimitError",
    "OperatorLimitError",
    "TimeLimitError",
    "LayoutError",
    "NormalizationError",
    "NumberFormatError",
    "PeriodFormatError",
    "UnitFormatError",
    "IngestError",
    "DatabaseError",
    "SchemaVersionError",
    "DocumentLoadError",
    "ReleaseWarning",
]
