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

# iproute2: `ip`, for the loopback below.
ensure_apt_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}" iproute2
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
# delays an acknowledgement up to 40 ms in case a reply can carry it. So now and then the find's
# script reached the page about 40 ms after the page was ready: in the floor nearly every time, in
# Daybreak in some start-ups (docs/performance.md, "The driver's 40 ms"). In a network namespace
# of its own, whose loopback route acknowledges at once (`quickack`), the start counts the apps and
# not that wait. It needs root; without, the harness runs as before, the wait in its figures.
in_quick_loopback() {
  if [ "$(id -u)" -eq 0 ] && unshare --net true 2>/dev/null; then
    unshare --net bash -c 'set -e
      ip link set lo up
      for net in 127.0.0.0/8 127.0.0.1; do
        ip route change local "$net" dev lo proto kernel scope host src 127.0.0.1 table local quickack 1
      done
      exec "$@"' in-quick-loopback "$@"
  else
    say "No network namespace (needs root): the usual loopback, whose delayed ACKs add up to 40 ms to some starts"
    "$@"
  fi
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
  # A display outside the namespace is reached through its socket file, not the network.
  in_quick_loopback "${harness[@]}"
fi
