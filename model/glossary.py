"""Finding the Begrippen in a text, so a page can mark each term where it first appears."""

import re
from dataclasses import dataclass
from functools import cache

from model.content import Term


@dataclass(frozen=True)
class TermSpan:
    start: int
    end: int
    term: Term


@cache
def _pattern(terms: tuple[Term, ...]) -> re.Pattern[str]:
    """All forms as whole words, the longest first so "DigiD Machtigen" wins over "DigiD"."""
    forms = sorted({form for term in terms for form in term.forms}, key=len, reverse=True)
    return re.compile(r"(?<![\w/.-])(?:" + "|".join(re.escape(form) for form in forms) + r")(?![\w/])")


def term_spans(text: str, terms: tuple[Term, ...], seen: set[str]) -> list[TermSpan]:
    """Where each term not in `seen` first occurs in `text`; the terms found are added to `seen`,
    so the same set passed along a page's texts marks every term once per page."""
    if not terms:
        return []
    by_form = {form: term for term in terms for form in term.forms}
    spans = []
    for match in _pattern(terms).finditer(text):
        term = by_form[match.group()]
        if term.id not in seen:
            seen.add(term.id)
            spans.append(TermSpan(match.start(), match.end(), term))
    return spans
