"""What an HTML element's tag and inline style say about its text: hidden, bold, a list marker, a page break.

Only inline ``style`` attributes and tag names are read; stylesheets are not
(releases set what matters inline, and reading stylesheets would mean fetching them).
"""

from __future__ import annotations

from lxml import etree

__all__ = [
    "HIDDEN_TAGS",
    "BLOCK_TAGS",
    "style_of",
    "is_hidden",
    "bold_of",
    "list_marker",
    "page_breaks",
    "inline_text",
]

#: Elements whose content is never shown as text of the page.
HIDDEN_TAGS: frozenset[str] = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
     "select", "option", "button", "nav", "map", "audio", "video", "canvas", "ix:header"}
)
#: Elements that start a new line of text.
BLOCK_TAGS: frozenset[str] = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "center",
     "address", "figure", "figcaption", "form", "fieldset", "pre", "dl", "dt", "dd", "hr", "body", "html",
     "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "td", "th", "caption",
     "thead", "tbody", "tfoot"}
)
_BOLD_TAGS = frozenset({"b", "strong", "th"})
_BOLD_WEIGHTS = frozenset({"bold", "bolder", "600", "700", "800", "900"})
_NORMAL_WEIGHTS = frozenset({"normal", "lighter", "100", "200", "300", "400", "500"})
#: Glyphs for the CSS list-style-type keywords; other keywords (decimal, ...) read as a disc.
LIST_MARKERS: dict[str, str] = {"disc": "•", "circle": "◦", "square": "▪"}
_NESTED_MARKERS = ("•", "◦", "▪")
_MAX_STYLE_CHARS = 4096
_WHITESPACE = " \t\n\r\f\v\u00a0\u2002\u2003\u2009\u202f"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def style_of(element: etree._Element) -> dict[str, str]:
    """The element's inline style declarations, lower-cased (only the first few kilobytes are read)."""
    style = element.get("style")
    if not style:
        return {}
    declarations = {}
    for declaration in style[:_MAX_STYLE_CHARS].split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            declarations[name.strip().lower()] = value.strip().lower().replace("!important", "").strip()
    return declarations


def is_hidden(element: etree._Element) -> bool:
    """Hidden by tag (``<script>``, ``<head>``, ...), by ``hidden``/``aria-hidden``, or by inline style."""
    tag = element.tag
    if not isinstance(tag, str) or tag.lower() in HIDDEN_TAGS:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = style_of(element)
    return style.get("display") == "none" or style.get("visibility") in ("hidden", "collapse")


def bold_of(element: etree._Element, inherited: bool) -> bool:
    """Whether the element's own text is bold, given its parent's boldness."""
    weight = style_of(element).get("font-weight", "")
    if weight in _BOLD_WEIGHTS:
        return True
    if weight in _NORMAL_WEIGHTS:
        return False
    return inherited or (isinstance(element.tag, str) and element.tag.lower() in _BOLD_TAGS)


def list_marker(element: etree._Element, depth: int, inherited: str | None) -> str:
    """The bullet glyph of a list's items: a CSS string marker, a keyword's glyph, or the default for ``depth``."""
    style = style_of(element)
    kind = style.get("list-style-type") or style.get("list-style", "").split(" ")[0]
    if len(kind) >= 2 and kind[0] == kind[-1] and kind[0] in "\"'":
        glyph = kind[1:-1].strip()
        if glyph:
            return glyph
    if kind in LIST_MARKERS:
        return LIST_MARKERS[kind]
    if inherited is not None and not kind:
        return inherited
    return _NESTED_MARKERS[min(depth, len(_NESTED_MARKERS)) - 1]


def page_breaks(element: etree._Element) -> tuple[bool, bool]:
    """Whether a page break comes before and after the element (``page-break-*``, ``break-*``)."""
    style = style_of(element)
    before = style.get("page-break-before") == "always" or style.get("break-before") == "page"
    after = style.get("page-break-after") == "always" or style.get("break-after") == "page"
    return before, after


def clean_text(text: str) -> str:
    """Whitespace runs (``&nbsp;`` included) to single spaces; invisible characters dropped."""
    return " ".join(text.translate(_INVISIBLE).replace("\u00a0", " ").split())


def inline_text(element: etree._Element, bold: bool = False) -> tuple[str, bool]:
    """The visible text of an element and its descendants on one line, and whether all of it is bold.

    Block children and ``<br>`` become spaces; hidden descendants are skipped.
    The walk is iterative, so depth costs no stack.
    """
    parts: list[str] = []
    all_bold = True
    any_text = False
    stack: list[bool] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not element and is_hidden(node):
                walker.skip_subtree()
                stack.append(stack[-1] if stack else bold)
                continue
            current = bold_of(node, stack[-1] if stack else bold)
            stack.append(current)
            if isinstance(node.tag, str) and node.tag.lower() in BLOCK_TAGS | {"br"}:
                parts.append(" ")
            if node.text and node.text.strip(_WHITESPACE):
                parts.append(node.text)
                any_text = True
                all_bold = all_bold and current
            elif node.text:
                parts.append(node.text)
        else:
            stack.pop()
            if node is element:
                break
            if isinstance(node.tag, str) and node.tag.lower() in BLOCK_TAGS:
                parts.append(" ")
            if node.tail:
                parts.append(node.tail)
                if node.tail.strip(_WHITESPACE):
                    any_text = True
                    all_bold = all_bold and (stack[-1] if stack else bold)
    return clean_text("".join(parts)), any_text and all_bold
