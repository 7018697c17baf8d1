#!/usr/bin/python3
"""What a screen reader is given: Daybreak's window as the desktop's accessibility bus (AT-SPI)
exposes it, the tree Orca reads and speaks from. Uses Debian's python3-pyatspi, so it runs
with the system's Python (/usr/bin/python3), not whatever `python3` is first on the PATH.

  atspi.py ready               starts the accessibility bus and its registry (before the app)
  atspi.py tree WORDS          once a node named WORDS is there, the window's nodes as JSON
  atspi.py type NAME TEXT      focuses the field named NAME and types TEXT, key by key
  atspi.py press NAME          presses the button named NAME

The app must run with the accessibility bridge on (no NO_AT_BRIDGE) on the same session bus.
Exits with 1 and a message when the app or the node does not show up within 30 seconds.
"""
import json
import sys
import time

import pyatspi

TIMEOUT_S = 30
FOCUS_WAIT_S = 5
# Nodes that only group others and have no name: left out, their children kept.
GROUPS = {"section", "panel", "filler", "unknown", "redundant object"}


def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and (child.name or "").lower() == "daybreak":
            return child
    return None


def nodes(node, depth=0):
    """Every node under `node` worth a line, in reading order, as plain dicts."""
    try:
        role, name, count = node.getRoleName(), (node.name or "").strip(), node.childCount
        state = node.getState()
        attributes = dict(a.split(":", 1) for a in node.getAttributes() if ":" in a)
    except Exception:  # gone while being read: the page changed under us
        return []
    out = []
    if role not in GROUPS or name:
        out.append({
            "depth": depth,
            "role": role,
            "name": name,
            "description": (node.description or "").strip(),
            "focused": state.contains(pyatspi.STATE_FOCUSED),
            "current": attributes.get("current", ""),
        })
        depth += 1
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:  # gone meanwhile
            continue
        out.extend(nodes(child, depth))
    return out


def focus_inside(window):
    """Whether a node inside the page (not the page, nor the window's frame) has the focus."""
    outer = {"application", "frame", "scroll pane", "document web"}
    return any(
        n.getRoleName() not in outer and n.getState().contains(pyatspi.STATE_FOCUSED)
        for n in walk(window)
    )


def until(find, what):
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            found = find()
        except Exception:  # a node went while the screen changed: look again
            found = None
        if found:
            return found
        time.sleep(0.2)
    sys.exit(f"atspi.py: {what} did not show up within {TIMEOUT_S} s")


def named(name):
    window = until(app, "Daybreak's window")
    return until(
        lambda: next((n for n in walk(window) if (n.name or "").strip() == name), None),
        f"a node named {name!r}",
    )


def walk(node):
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def main(command, *args):
    if command == "ready":
        # Asking for the desktop starts the bus and the registry (D-Bus activation). An app
        # started before they are up may never show up on them.
        pyatspi.Registry.getDesktop(0)
    elif command == "tree":
        named(args[0])
        # The screen moves focus in once it is drawn: give it a moment to land inside the page
        # (the page itself, and the window around it, say they are focused all along).
        deadline = time.monotonic() + FOCUS_WAIT_S
        while time.monotonic() < deadline and not until(lambda: [focus_inside(app())], "")[0]:
            time.sleep(0.1)
        print(json.dumps(nodes(app())))
    elif command == "type":
        named(args[0]).queryComponent().grabFocus()
        time.sleep(0.2)
        pyatspi.Registry.generateKeyboardEvent(0, args[1], pyatspi.KEY_STRING)
        time.sleep(0.2)
    elif command == "press":
        named(args[0]).queryAction().doAction(0)
    else:
        sys.exit(f"atspi.py: unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
