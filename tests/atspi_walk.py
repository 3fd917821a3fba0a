"""Walk one application's accessibility tree the way a screen reader sees it: through AT-SPI over
D-Bus (Debian's python3-pyatspi). Run with the system Python, which has those bindings; the app
runs in the project's virtualenv (tests/atspi_app.py starts this script for each page).

    /usr/bin/python3 tests/atspi_walk.py PID

prints one JSON list: every visible node of the app's active window with its role, name,
description, states and actions.
"""

import json
import sys
import time

import pyatspi

FIND_APP_FOR_S = 20


def application(pid: int):
    """The app registered on the accessibility bus under `pid` (it registers shortly after start)."""
    deadline = time.monotonic() + FIND_APP_FOR_S
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.get_process_id() == pid:
                return app
        time.sleep(0.2)
    raise SystemExit(f"no application with pid {pid} on the accessibility bus")


def actions(node) -> list[str]:
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(index) for index in range(action.nActions)]


def walk(node, depth: int, found: list[dict]) -> None:
    states = node.getState()
    if not states.contains(pyatspi.STATE_VISIBLE):
        return
    found.append(
        {
            "role": node.getRoleName(),
            "name": node.name or "",
            "description": node.description or "",
            "depth": depth,
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
            "focused": states.contains(pyatspi.STATE_FOCUSED),
            "enabled": states.contains(pyatspi.STATE_ENABLED),
            "selected": states.contains(pyatspi.STATE_SELECTED),
            "expanded": states.contains(pyatspi.STATE_EXPANDED),
            "actions": actions(node),
        }
    )
    if node.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_LIST) and node.childCount > 40:
        return  # a long table's cells say nothing new about the page
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, depth + 1, found)


def main() -> None:
    app = application(int(sys.argv[1]))
    windows = [app.getChildAtIndex(index) for index in range(app.childCount)]
    active = [each for each in windows if each.getState().contains(pyatspi.STATE_ACTIVE)] or windows
    found: list[dict] = []
    walk(active[0], 0, found)
    json.dump(found, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
