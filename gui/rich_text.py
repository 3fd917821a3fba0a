"""Content and user text as Qt rich text: everything escaped, so a name like <b>x</b> shows literally."""

from html import escape

from model.content import Block, Link, Source, Term
from model.glossary import term_spans

TERM_SCHEME = "begrip"  # a marked term links to "begrip:<id>": its explanation, never a web page
TERM_STYLE = "color:#1a1a1a; text-decoration: underline"  # not the blue of a web link


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def with_terms(text: str, glossary: tuple[Term, ...], seen: set[str]) -> str:
    """`text` escaped, each term not in `seen` marked where it first occurs (see term_spans)."""
    parts, at = [], 0
    for span in term_spans(text, glossary, seen):
        parts.append(escape(text[at : span.start]))
        parts.append(
            f'<a href="{TERM_SCHEME}:{escape(span.term.id, quote=True)}" style="{TERM_STYLE}">'
            f"{escape(text[span.start : span.end])}</a>"
        )
        at = span.end
    parts.append(escape(text[at:]))
    return "".join(parts)


def blocks_html(
    blocks: tuple[Block, ...], glossary: tuple[Term, ...] = (), seen: set[str] | None = None
) -> str:
    """The blocks as paragraphs and lists; with a glossary, each term marked once per `seen`."""
    seen = set() if seen is None else seen

    def text(value: str) -> str:
        return with_terms(value, glossary, seen)

    parts = []
    for block in blocks:
        if block.text:
            parts.append(f"<p>{text(block.text)}</p>")
            continue
        if block.intro:
            parts.append(f"<p>{text(block.intro)}</p>")
        items = "".join(f"<li>{text(item)}</li>" for item in block.items)
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def anchor(url: str, text: str) -> str:
    """A link that shows only its readable text; the address shows on hover (page_parts.RichLabel)."""
    return f'<a href="{escape(url, quote=True)}">{escape(text)}</a>'


def link_html(link: Link) -> str:
    """The label as a link, to the page's newer address when known; the factsheet's own address
    stays one click away."""
    if not link.newer_url:
        return anchor(link.url, link.label)
    return f"{anchor(link.newer_url, link.label)} · {anchor(link.url, 'adres in de factsheet')}"


def sources_html(sources: tuple[Source, ...]) -> str:
    """Each source as a link with when it was read."""
    return "".join(
        f"<p>Bron: {anchor(source.url, source.label)} (gelezen in {escape(source.read_text)})</p>"
        for source in sources
    )


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt reads a tooltip as rich text whenever
    `Qt.mightBeRichText` says so (then `<img src="file:…">` in a name would be loaded), so the text
    is escaped into a paragraph that keeps its line breaks and spaces."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""
