"""Content and user text as Qt rich text, escaped by default: every builder returns markupsafe's
`Markup`, and a value put into a `Markup` template is escaped unless it is `Markup` itself, so a
name like <b>x</b> shows literally and no caller can forget to escape it."""

from markupsafe import Markup, escape

from model.content import Block, Term
from model.glossary import term_spans

TERM_SCHEME = "begrip"  # a marked term links to "begrip:<id>": its explanation, never a web page
TERM_STYLE = "color:#1a1a1a; text-decoration: underline"  # not the blue of a web link


def paragraph(text: str) -> Markup:
    return Markup("<p>{}</p>").format(text)


def with_terms(text: str, glossary: tuple[Term, ...], seen: set[str]) -> Markup:
    """`text` escaped, each term not in `seen` marked where it first occurs (see term_spans)."""
    parts, at = [], 0
    for span in term_spans(text, glossary, seen):
        parts.append(escape(text[at : span.start]))
        parts.append(
            Markup('<a href="{}:{}" style="{}">{}</a>').format(
                TERM_SCHEME, span.term.id, TERM_STYLE, text[span.start : span.end]
            )
        )
        at = span.end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)


def blocks_html(
    blocks: tuple[Block, ...], glossary: tuple[Term, ...] = (), seen: set[str] | None = None
) -> Markup:
    """The blocks as paragraphs and lists; with a glossary, each term marked once per `seen`."""
    seen = set() if seen is None else seen

    def text(value: str) -> Markup:
        return with_terms(value, glossary, seen)

    parts = []
    for block in blocks:
        if block.text:
            parts.append(Markup("<p>{}</p>").format(text(block.text)))
            continue
        if block.intro:
            parts.append(Markup("<p>{}</p>").format(text(block.intro)))
        items = Markup("").join(Markup("<li>{}</li>").format(text(item)) for item in block.items)
        parts.append(Markup("<ul>{}</ul>").format(items))
    return Markup("").join(parts)


def bold_heading(title: str, body: Markup) -> Markup:
    """A bold title over its text, as the start page's connection types and sections show."""
    return Markup("<p><b>{}</b></p>{}").format(title, body)


def plain_tooltip(text: str) -> Markup:
    """A tooltip that shows `text` as written: Qt reads a tooltip as rich text whenever
    `Qt.mightBeRichText` says so (then `<img src="file:…">` in a name would be loaded), so the text
    is escaped into a paragraph that keeps its line breaks and spaces."""
    # escape() is markupsafe's C function; `Markup % text` costs five times as much, and a list of
    # 200 dossiers or care providers makes 1000 or more of these
    return Markup(f"<p style='white-space:pre-wrap'>{escape(text)}</p>") if text else Markup("")
