#!/usr/bin/python3
"""What a screen reader is given: Daybreak's window as the desktop's accessibility bus (AT-SPI)
exposes it, the tree Orca reads and speaks from. Uses Debian's python3-pyatspi, so it runs
with the system's Python (/usr/bin/python3), not whatever `python3` is first on the PATH.

  atspi.py ready                 starts the accessibility bus and its registry (before the app)
  atspi.py tree PID WORDS        once a node named WORDS is there, the window's nodes as JSON
  atspi.py type PID NAME TEXT    focuses the field named NAME and types TEXT, key by key,
                                 until the field holds as many characters
  atspi.py press PID NAME        presses the button named NAME

PID is the app's process: an app that just quit may still be listed for a moment. The app
must run with the accessibility bridge on (no NO_AT_BRIDGE) on the same session bus. Exits
with 1 and a message when the app or the node has not shown up within 30 seconds of the
command's start.
"""
import json
import sys
import time

import pyatspi

TIMEOUT_S = 30
FOCUS_WAIT_S = 5
# Nodes that only group others and have no name: left out, their children kept.
GROUPS = {"section", "panel", "filler", "unknown", "redundant object"}


def app(pid):
    """The accessible application of process `pid`, or None while it has not joined the bus."""
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and child.get_process_id() == pid:
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
    if window is None:
        return False
    outer = {"application", "frame", "scroll pane", "document web"}
    return any(
        n.getRoleName() not in outer and n.getState().contains(pyatspi.STATE_FOCUSED)
        for n in walk(window)
    )


# One deadline for the whole command, set when it starts.
DEADLINE = time.monotonic() + TIMEOUT_S


def until(find, what, seen=lambda: ""):
    """What `find` finds, asked again until the deadline; then exits saying what was `seen`."""
    while time.monotonic() < DEADLINE:
        try:
            found = find()
        except Exception:  # a node went while the screen changed: look again
            found = None
        if found:
            return found
        time.sleep(0.2)
    try:
        there = seen()
    except Exception:  # the window went meanwhile
        there = ""
    sys.exit(f"atspi.py: {what} did not show up within {TIMEOUT_S} s{there}")


def named(pid, name):
    """The node named `name` in the app's window, looked up afresh until it is there."""
    return until(
        lambda: next((n for n in walk(app(pid)) if (n.name or "").strip() == name), None),
        f"a node named {name!r} in the window of process {pid}",
        lambda: "; the window has: "
        + ", ".join(f"{n['role']} {n['name']!r}" for n in nodes(app(pid)) if n["name"]),
    )


def walk(node):
    if node is None:
        return
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
        pid = int(args[0])
        named(pid, args[1])
        # The screen moves focus in once it is drawn: give it a moment to land inside the page
        # (the page itself, and the window around it, say they are focused all along). The
        # tree is printed either way; the test says whether focus is where it should be.
        focus_by = min(DEADLINE, time.monotonic() + FOCUS_WAIT_S)
        while time.monotonic() < focus_by:
            try:
                if focus_inside(app(pid)):
                    break
            except Exception:  # a node went while the screen changed: look again
                pass
            time.sleep(0.1)
        print(json.dumps(nodes(app(pid))))
    elif command == "type":
        field = named(int(args[0]), args[1])
        field.queryComponent().grabFocus()
        time.sleep(0.2)
        pyatspi.Registry.generateKeyboardEvent(0, args[2], pyatspi.KEY_STRING)
        # The keys reach the page through the X server, in their own time: a press that came
        # before the last of them would find the field short (a passphrase field says its
        # length, not its text).
        until(
            lambda: field.queryText().characterCount == len(args[2]),
            f"the {len(args[2])} characters typed into {args[1]!r}",
            lambda: f"; it holds {field.queryText().characterCount}",
        )
    elif command == "press":
        named(int(args[0]), args[1]).queryAction().doAction(0)
    else:
        sys.exit(f"atspi.py: unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
