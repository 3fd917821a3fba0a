"""Content and user text as Qt rich text: everything escaped, so a name like <b>x</b> shows literally."""

from html import escape

from model.content import Block, Link


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
    """The label as a link, with the address it leads to shown beside it."""
    return (
        f'<a href="{escape(link.url, quote=True)}">{escape(link.label)}</a>'
        f'<br><span class="address">{escape(link.address)}</span>'
    )
