"""The window painted before SQLAlchemy has loaded (issue 20).

Loading SQLAlchemy takes a process from 0.2 to 0.5 s; the app needs it for its first save, not to
show where the user left off. So when the app closes on a local database it keeps, in the user's
cache folder, the answers to the reads the next start will make: the settings, the overview and
the dossier worked on last. The next start paints from those answers if the database file is
byte for byte as it was left, and opens the real store right after the paint; every other call
opens it on the spot. A copy that does not fit (another file, another build of the app, a database
written since, a -wal file a crash left) is not used, and the start is as without it.
"""

import contextlib
import hashlib
import pickle
import sys
import time
from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.locations import code_identity, model_dir

if TYPE_CHECKING:
    from model.store import Store

PREFIX, SUFFIX = "first-paint-", ".pickle"
UNUSED_DAYS = 30  # a copy not written again for this long is removed when another is written
CHECKSUM_BYTES = 32  # a copy starts with the SHA-256 of the rest: a damaged one is not used
# Reads without side effects whose answers a start may need; their records are picklable
GLOBAL_READS = frozenset({"setting", "last_dossier_id", "dossier_overviews"})
DOSSIER_READS = frozenset(
    {
        "dossier",
        "rounds",
        "current_round",
        "yearly_rounds",
        "ticked_items",
        "versioned_notes",
        "notes",
        "care_providers",
        "annual_reports",
        "annual_repairs",
        "history",
    }
)  # each with the dossier's id first
READS = GLOBAL_READS | DOSSIER_READS

Key = tuple[str, tuple[Hashable, ...]]


def code_fingerprint() -> str:
    """Of the code whose records and reads make the answers (in a bundle: the executable)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    digest.update(code_identity(sorted(model_dir().rglob("*.py"))))
    return digest.hexdigest()


def file_state(database: Path) -> tuple[int, bytes] | None:
    """What says the data are unchanged: the file's size and the SHA-256 of its bytes (~1 ms per MB),
    not its times, which an update in WAL mode, a FAT drive or a copy tool may leave as they were;
    None while a -wal file beside it holds writes not yet in the file (a crash), or with no file."""
    try:
        wal = database.with_name(database.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        content = database.read_bytes()
    except OSError:
        return None
    return len(content), hashlib.sha256(content).digest()


def copy_path(cache_dir: Path, database: Path) -> Path:
    """One copy per database file, named by its absolute path."""
    name = hashlib.sha256(str(database.absolute()).encode()).hexdigest()[:24]
    return cache_dir / f"{PREFIX}{name}{SUFFIX}"


def kept_answers(cache_dir: Path, database: Path) -> dict[Key, bytes] | None:
    """The answers kept when the app last closed on `database`, if they still fit it; else None."""
    try:
        content = copy_path(cache_dir, database).read_bytes()
        checksum, pickled = content[:CHECKSUM_BYTES], content[CHECKSUM_BYTES:]
        if hashlib.sha256(pickled).digest() != checksum:  # a bit flipped on the disk, a partial write
            return None
        kept = pickle.loads(pickled)  # the user's own cache folder, as trusted as the data
        fits = kept["code"] == code_fingerprint() and kept["file"] == file_state(database)
        return kept["answers"] if fits else None
    except Exception:  # no copy, or one a crash or an older build left: start as without it
        return None


def keep_answers(cache_dir: Path, database: Path, answers: dict[Key, bytes]) -> None:
    """Write the copy whole or not at all; without a file state (or a folder to write) there is none."""
    copy = copy_path(cache_dir, database)
    state = file_state(database)
    try:
        if state is None:
            copy.unlink(missing_ok=True)
            return
        copy.parent.mkdir(parents=True, exist_ok=True)
        partial_copy = copy.with_suffix(".partial")
        kept = {"code": code_fingerprint(), "file": state, "answers": answers}
        pickled = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        partial_copy.write_bytes(hashlib.sha256(pickled).digest() + pickled)
        partial_copy.replace(copy)
        _forget_unused(cache_dir, time.time() - UNUSED_DAYS * 24 * 3600)
    except OSError:
        pass


def _forget_unused(cache_dir: Path, before: float) -> None:
    """Copies of data folders not closed for a long while (a folder deleted, a benchmark's)."""
    for old in cache_dir.glob(f"{PREFIX}*{SUFFIX}"):
        if old.stat().st_mtime < before:
            old.unlink(missing_ok=True)


def forget_answers(cache_dir: Path, database: Path) -> None:
    with contextlib.suppress(OSError):
        copy_path(cache_dir, database).unlink(missing_ok=True)


class FirstPaintStore:
    """A local store that answers the first paint's reads from the kept answers, and opens the
    real store (loading SQLAlchemy) for anything else, or when `open()` is called after the paint.

    It notes which reads the window made, and when it closes keeps the answers to those of them
    the next start will make again (see `close`)."""

    def __init__(
        self,
        database: Path,
        cache_dir: Path,
        open_store: Callable[[], "Store"],
        answers: dict[Key, bytes] | None = None,
    ) -> None:
        self._database, self._cache_dir, self._open_store = database, cache_dir, open_store
        self._answers = answers or {}
        self._real: Store | None = None
        self._asked: dict[Key, None] = {}  # in order, without repeats
        self._pending: dict[str, Any] = {"author": None}  # set before the real store was open

    @classmethod
    def around(cls, store: "Store", cache_dir: Path) -> "FirstPaintStore":
        """An opened store, noting the reads so that it can keep their answers when it closes."""
        wrapped = cls(store.path, cache_dir, lambda: store)
        wrapped.open()
        return wrapped

    # Known without the database
    shared = False
    shared_address = None

    @property
    def path(self) -> Path:
        return self._database

    @property
    def where(self) -> str:
        return str(self._database)

    @property
    def opened(self) -> bool:
        """Whether the real store is open (SQLAlchemy loaded): from then on every call goes there."""
        return self._real is not None

    def open(self) -> "Store":
        """The real store, opened now if it is not yet; StoreError when it can't be."""
        if self._real is None:
            real = self._open_store()
            for name, value in self._pending.items():
                setattr(real, name, value)
            self._real = real
        return self._real

    def __getattr__(self, name: str) -> Any:
        if name in READS:
            return partial(self._read, name)
        if name in self._pending and self._real is None:
            return self._pending[name]
        return getattr(self.open(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        elif self._real is None:
            self._pending[name] = value
        else:
            setattr(self._real, name, value)

    def _read(self, name: str, *args: Hashable, **options: Any) -> Any:
        if options:  # the window asks by position only: this is not one of its reads
            return getattr(self.open(), name)(*args, **options)
        key = (name, args)
        self._asked[key] = None
        if self._real is None and key in self._answers:
            return pickle.loads(self._answers[key])  # a fresh object each time, as the store's are
        return getattr(self.open(), name)(*args)

    def close(self) -> None:
        """Close the real store and keep the answers to the reads the next start will make: the
        global ones and those of the dossier to be reopened. Without the real store open nothing was
        written, and the copy the window was painted from still fits."""
        if self._real is None:
            return
        real = self._real
        try:
            last = real.last_dossier_id()
            again = [key for key in self._asked if key[0] in GLOBAL_READS or key[1][:1] == (last,)]
            answers = {key: pickle.dumps(getattr(real, key[0])(*key[1])) for key in again}
        except Exception:  # anything that can't be read again now is read at the next start
            answers = None
        real.close()
        if answers is None:
            forget_answers(self._cache_dir, self._database)
        else:
            keep_answers(self._cache_dir, self._database, answers)
