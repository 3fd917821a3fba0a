"""The parsed content, pickled in the user's cache folder: reading the TOML files costs every
start-up some 50 ms, unpickling them 1 ms (issue 20).

A copy is used only when it was made from the same content files by the same code: its name is
a fingerprint of both. Anything wrong with the folder or the copy means parsing the files, as
without a cache; the cache is never the only place of anything.
"""

import hashlib
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from model.locations import code_identity, model_dir

PREFIX = "content-"
SUFFIX = ".pickle"
# The modules whose classes and rules make the objects pickled: a change to one makes a new copy.
BUILDERS = ("content.py", "content_loader.py", "typed_reader.py", "dutch.py")

Parsed = TypeVar("Parsed")


def fingerprint(content_dir: Path) -> str:
    """Of the content files and the code that reads them (in a bundle: the executable)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for path in sorted(content_dir.glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(code_identity(model_dir() / name for name in BUILDERS))
    return digest.hexdigest()[:32]


def cached(content_dir: Path, cache_dir: Path, parse: Callable[[Path], Parsed]) -> Parsed:
    """`parse(content_dir)`, or the copy of it that an earlier start left in `cache_dir`."""
    copy = cache_dir / f"{PREFIX}{fingerprint(content_dir)}{SUFFIX}"
    try:
        return pickle.loads(copy.read_bytes())  # the user's own cache folder, as trusted as the data
    except Exception:  # no copy, or one an older Python or a crash left: parse
        pass
    parsed = parse(content_dir)
    _keep(parsed, copy)
    return parsed


def _keep(parsed: object, copy: Path) -> None:
    """Write the copy (whole or not at all) and remove copies of earlier content; a folder that
    can't be written only costs the next start the parsing."""
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        partial = copy.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(copy)
        for old in copy.parent.glob(f"{PREFIX}*{SUFFIX}"):
            if old != copy:
                old.unlink(missing_ok=True)
    except OSError:
        pass
