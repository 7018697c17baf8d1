#!/usr/bin/env bash
# Start-up, memory and size of Daybreak against the floor (perf/floor: a bare Tauri 2 window
# that opens an in-memory SQLCipher database), both built here with the same release profile.
#
#   scripts/perf.sh              10 alternating start-ups of each, 3 unlocks of a ten-year journal
#   RUNS=20 HEAVY_RUNS=5 YEARS=30 scripts/perf.sh
#
# Prints medians and the Daybreak/floor ratios, and writes them as JSON to perf/results.json
# (git-ignored). Not part of scripts/test.sh: the two cold release builds alone take 20-30
# minutes on two cores. Run it before and after a change that could touch start-up or memory,
# on an otherwise quiet machine; the README's "Performance" section has the figures.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

RUNS="${RUNS:-10}"
HEAVY_RUNS="${HEAVY_RUNS:-3}"
YEARS="${YEARS:-10}"
PASSPHRASE="perf harness passphrase"

ensure_apt_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
# `ip`, for the loopback below, which only root can set up.
if [ "$(id -u)" -eq 0 ]; then ensure_apt_packages iproute2; fi
ensure_rust
ensure_node
ensure_ui_deps
ensure_tauri_driver

cd "$ROOT"
build_ui
say "Building Daybreak and the floor (release profile, one target dir)"
cargo build --locked --release -p daybreak
cargo build --locked --release --manifest-path perf/floor/Cargo.toml

say "Writing a ${YEARS}-year journal to unlock"
journal="$(mktemp -d)"
trap 'rm -rf "$journal"' EXIT
written="$(cargo run --locked --release -q -p daybreak-core --example heavy_journal -- \
  "$journal" "$YEARS" "$PASSPHRASE")"
open_ms="$(sed -n 's/.*"open_ms": \([0-9.]*\).*/\1/p' <<<"$written")"

# The driver (WebKitWebDriver) and each app talk over TCP on 127.0.0.1, where a small message can
# wait in the kernel for the acknowledgement of the one before it (Nagle's algorithm), and Linux
# delays an acknowledgement about 40 ms in case a reply can carry it. So now and then the find's
# script reached the page 20-40 ms after the page was ready: in the floor nearly every time, in
# Daybreak in some start-ups (docs/performance.md, "The driver's 40 ms"). In a network namespace
# of its own, whose loopback routes acknowledge at once (`quickack`), the start counts the apps
# and not that wait. It needs root, and a display and session bus reached through socket files
# (an abstract or TCP one is not reachable from another namespace); elsewhere the harness runs as
# before, the wait in its figures.
ROUTE="dev lo proto kernel scope host src 127.0.0.1 table local quickack 1"
QUICK_LOOPBACK="ip link set lo up && ip route change local 127.0.0.0/8 $ROUTE &&
  ip route change local 127.0.0.1 $ROUTE"
in_quick_loopback() {
  local bus="${DBUS_SESSION_BUS_ADDRESS:-}"
  if [ "$(id -u)" -ne 0 ]; then
    say "Not root: the usual loopback, whose delayed ACKs add about 40 ms to some starts"
  elif ! [[ -z "${DISPLAY:-}" || "$DISPLAY" =~ ^(unix)?:[0-9] ]] ||
    [[ "$bus" == *abstract=* || "$bus" == *tcp:* ]]; then
    say "The display or session bus would be out of reach in a namespace: the usual loopback"
  elif ! unshare --net sh -c "$QUICK_LOOPBACK" 2>/dev/null; then
    say "No network namespace with a quick loopback here: the usual loopback"
  else
    unshare --net sh -c "$QUICK_LOOPBACK"' && exec "$@"' in-quick-loopback "$@"
    return
  fi
  "$@"
}

say "Measuring ($RUNS start-ups each, $HEAVY_RUNS unlocks of the ${YEARS}-year journal)"
export NO_AT_BRIDGE=1 WEBKIT_DISABLE_COMPOSITING_MODE=1
harness=(node perf/harness.mjs --app "$CARGO_TARGET_DIR/release/daybreak"
  --floor "$CARGO_TARGET_DIR/release/daybreak-floor" --journal "$journal"
  --passphrase "$PASSPHRASE" --runs "$RUNS" --heavy-runs "$HEAVY_RUNS" --open-ms "$open_ms"
  --out perf/results.json)
if [ -z "${DISPLAY:-}" ]; then
  in_quick_loopback xvfb-run -a -s "-screen 0 1280x800x24" "${harness[@]}"
else
  in_quick_loopback "${harness[@]}"
fi
