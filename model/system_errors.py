"""What the system says went wrong with a file, in Dutch: its own text is English (or the
language of Windows), which must not end up in the middle of a Dutch sentence."""

import errno

REASONS = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EACCES: "u hebt geen toegang (alleen-lezen of geen rechten)",
    errno.EPERM: "u hebt geen toegang (alleen-lezen of geen rechten)",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EEXIST: "er staat al een bestand met die naam",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def dutch_reason(error: Exception) -> str:
    """Why a file operation failed, as a Dutch phrase without a full stop (to go inside a sentence);
    a rare system error keeps the system's own words, after "systeemfout"."""
    code = getattr(error, "errno", None)
    if code in REASONS:
        return REASONS[code]
    if isinstance(error, OSError):
        return f"systeemfout: {error.strerror or error}"
    return str(error)
