#!/usr/bin/env bash
# Runs the end-to-end suite against the real Daybreak binary.
#
#   DAYBREAK_BIN=/path/to/daybreak bash tests/e2e/run.sh
#
# Needs: node 20+, tauri-driver (cargo install tauri-driver --version 2.1.0 --locked),
# WebKitWebDriver (apt-get install webkit2gtk-driver), Xvfb (when DISPLAY is unset)
# and ImageMagick's `import` for screenshots. Screenshots, driver logs and, on
# failure, page sources land in tests/e2e/artifacts/ (git-ignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [[ -z "${DAYBREAK_BIN:-}" ]]; then
  echo "run.sh: DAYBREAK_BIN is not set; point it at the built app binary, e.g." >&2
  echo "  DAYBREAK_BIN=/root/.cache/daybreak/target/debug/daybreak bash tests/e2e/run.sh" >&2
  exit 2
fi
if [[ ! -x "$DAYBREAK_BIN" || -d "$DAYBREAK_BIN" ]]; then
  echo "run.sh: DAYBREAK_BIN=$DAYBREAK_BIN is not an executable file (build the app first)" >&2
  exit 2
fi
DAYBREAK_BIN="$(cd "$(dirname "$DAYBREAK_BIN")" && pwd)/$(basename "$DAYBREAK_BIN")"
export DAYBREAK_BIN

# Fresh artifacts for every run.
rm -rf "$here/artifacts"
mkdir -p "$here/artifacts"

xvfb_pid=""
cleanup() {
  if [[ -n "$xvfb_pid" ]]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [[ -z "${DISPLAY:-}" ]]; then
  command -v Xvfb >/dev/null || { echo "run.sh: DISPLAY is unset and Xvfb is not installed" >&2; exit 2; }
  display=""
  for n in $(seq 90 150); do
    if [[ ! -e "/tmp/.X${n}-lock" && ! -e "/tmp/.X11-unix/X${n}" ]]; then
      display="$n"
      break
    fi
  done
  [[ -n "$display" ]] || { echo "run.sh: no free X display number in 90..150" >&2; exit 2; }
  Xvfb ":${display}" -screen 0 1280x800x24 -nolisten tcp >"$here/artifacts/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 100); do
    [[ -S "/tmp/.X11-unix/X${display}" ]] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { echo "run.sh: Xvfb :${display} failed to start" >&2; exit 2; }
    sleep 0.1
  done
  [[ -S "/tmp/.X11-unix/X${display}" ]] || { echo "run.sh: Xvfb :${display} did not come up within 10 s" >&2; exit 2; }
  export DISPLAY=":${display}"
  echo "# started Xvfb on $DISPLAY (pid $xvfb_pid)"
fi

export NO_AT_BRIDGE=1
export WEBKIT_DISABLE_COMPOSITING_MODE=1


cd "$repo"
status=0
# A private D-Bus session bus for the run: the app's single-instance handover uses it.
runner=(node --test --test-concurrency=1 ${E2E_ONLY:-tests/e2e/*.test.mjs})
if command -v dbus-run-session >/dev/null 2>&1; then
  runner=(dbus-run-session -- "${runner[@]}")
else
  echo "# dbus-run-session not found: the single-instance test will fail (apt-get install dbus)" >&2
fi
"${runner[@]}" || status=$?
echo "# artifacts (screenshots, driver logs): $here/artifacts"
exit "$status"
