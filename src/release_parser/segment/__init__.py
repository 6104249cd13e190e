"""Turn a :class:`~release_parser.layout.Layout` into blocks: headings, tables, bullets, paragraphs."""

from .blocks import Block, BulletBlock, HeadingBlock, ParagraphBlock, TableBlock, TableRow
from .document import Segmented, segment, segment_tables

__all__ = ["segment", "segment_tables", "Segmented", "Block", "BulletBlock", "HeadingBlock", "ParagraphBlock", "TableBlock", "TableRow"]
