"""Typed access to parsed TOML or JSON, with every failure naming the field's dotted path.

The content files (model.content_loader) and the dossier export (model.exchange) read their data
the same way: a required or optional text, a table, a list of tables, one of an enum's values, a
date. A subclass says what its failure is (`fail`: the exception type and the frame around the
path) and may word each problem its own way (`WORDING`): the default words suit whoever edits a
content file; the import words its problems for the user.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar, Self, TypeVar

from model.limits import parse_date

EnumT = TypeVar("EnumT", bound=StrEnum)


@dataclass(frozen=True)
class Wording:
    """How a reader says what is wrong with a field; `fail` adds where."""

    missing: str = "ontbreekt"
    not_table: str = "hier wordt een tabel verwacht"
    not_list: str = "hier wordt een lijst verwacht"
    not_text: str = "hier wordt een niet-lege tekst verwacht"
    not_integer: str = "hier wordt een geheel getal verwacht"
    unknown_choice: str = "onbekende waarde '{value}' (toegestaan: {allowed})"  # may name {value}, {allowed}
    not_date: str = "hier wordt een datum verwacht"


class TypedReader:
    """One node of the data (a table, a list, a value) and the dotted path that leads to it."""

    WORDING: ClassVar[Wording] = Wording()

    def __init__(self, data: Any, path: str = "") -> None:
        self.data, self.path = data, path

    def fail(self, problem: str) -> Exception:
        """The exception that says `problem` about this node; the caller raises it."""
        raise NotImplementedError

    def node(self, data: Any, path: str) -> Self:
        """A node below this one; a subclass that keeps more state passes it on here."""
        return type(self)(data, path)

    def child(self, name: str | int, required: bool = True) -> Self:
        """The value under `name` (a key, or an index into a list); a missing one that is not
        required is a node holding None."""
        if isinstance(name, int):
            return self.node(self.data[name], f"{self.path}[{name}]")
        path = f"{self.path}.{name}" if self.path else name
        if not isinstance(self.data, dict):
            raise self.fail(self.WORDING.not_table)
        if name not in self.data:
            if required:
                raise self.node(None, path).fail(self.WORDING.missing)
            return self.node(None, path)
        return self.node(self.data[name], path)

    def table(self, name: str) -> Self:
        node = self.child(name)
        if not isinstance(node.data, dict):
            raise node.fail(self.WORDING.not_table)
        return node

    def items(self, name: str, required: bool = False) -> list[Self]:
        """The list under `name`, each element a node; an optional list that is missing is empty."""
        node = self.child(name, required)
        if name not in self.data:
            return []
        if not isinstance(node.data, list):
            raise node.fail(self.WORDING.not_list)
        return [node.child(index) for index in range(len(node.data))]

    def tables(self, name: str, required: bool = False) -> list[Self]:
        """The list of tables under `name`, each checked to be a table before any is read."""
        nodes = self.items(name, required)
        for node in nodes:
            if not isinstance(node.data, dict):
                raise node.fail(self.WORDING.not_table)
        return nodes

    def string(self, allow_empty: bool = False) -> str:
        """This node's value as a string, as written; blank only when `allow_empty`."""
        if not isinstance(self.data, str) or (not allow_empty and not self.data.strip()):
            raise self.fail(self.WORDING.not_text)
        return self.data

    def integer(self, name: str) -> int:
        node = self.child(name)
        if not isinstance(node.data, int) or isinstance(node.data, bool):
            raise node.fail(self.WORDING.not_integer)
        return node.data

    def choice(self, name: str, kind: type[EnumT]) -> EnumT:
        node = self.child(name)
        if isinstance(node.data, str) and node.data in set(kind):
            return kind(node.data)
        allowed = ", ".join(member.value for member in kind)
        raise node.fail(self.WORDING.unknown_choice.format(value=node.data, allowed=allowed))

    def optional_date(self, name: str) -> date | None:
        """A date in the sane range (model.limits), or None when it is missing or null."""
        node = self.child(name, required=False)
        if node.data is None:
            return None
        parsed = parse_date(node.data)
        if parsed is None:
            raise node.fail(self.WORDING.not_date)
        return parsed
