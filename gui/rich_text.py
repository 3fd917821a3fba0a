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


def link_html(link: Link) -> str:
    """The label as a link, with the address it leads to shown beside it, and the newer one if known."""
    html = f'<a href="{escape(link.url, quote=True)}">{escape(link.label)}</a><br>{escape(link.address)}'
    if link.newer_url:
        html += (
            f'<br>Nieuwer adres: <a href="{escape(link.newer_url, quote=True)}">{escape(link.newer_url)}</a>'
        )
    return html


def sources_html(sources: tuple[Source, ...]) -> str:
    """Each source as a link with its full address and when it was read."""
    return "".join(
        f'<p>Bron: <a href="{escape(source.url, quote=True)}">{escape(source.label)}</a>'
        f"<br>{escape(source.url)} (gelezen in {escape(source.read_text)})</p>"
        for source in sources
    )


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt reads a tooltip as rich text whenever
    `Qt.mightBeRichText` says so (then `<img src="file:…">` in a name would be loaded), so the text
    is escaped into a paragraph that keeps its line breaks and spaces."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""
