"""Content and user text as Qt rich text: everything escaped, so a name like <b>x</b> shows literally."""

from html import escape

from model.content import Block, Link, Source


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def blocks_html(blocks: tuple[Block, ...]) -> str:
    parts = []
    for block in blocks:
        if block.text:
            parts.append(paragraph(block.text))
            continue
        if block.intro:
            parts.append(paragraph(block.intro))
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
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
