"""The system's error texts never reach the user in English: the common ones have Dutch words."""

import errno
import os

import pytest

from model.system_errors import REASONS, dutch_reason


@pytest.mark.parametrize("code", [errno.ENOENT, errno.EISDIR, errno.EACCES, errno.ENOSPC, errno.EROFS])
def test_a_common_system_error_is_said_in_dutch(code: int) -> None:
    reason = dutch_reason(OSError(code, os.strerror(code)))
    assert reason == REASONS[code] and os.strerror(code) not in reason


def test_a_rare_system_error_keeps_its_own_words_marked_as_such() -> None:
    assert dutch_reason(OSError(errno.EIO, "Input/output error")) == "systeemfout: Input/output error"
