"""Turn a :class:`~release_parser.layout.Layout` into blocks: headings, tables, bullets, paragraphs."""

from .blocks import Block, BulletBlock, HeadingBlock, ParagraphBlock, TableBlock, TableRow
from .document import segment

__all__ = ["segment", "Block", "BulletBlock", "HeadingBlock", "ParagraphBlock", "TableBlock", "TableRow"]
