#!/usr/bin/env bash
# Sets everything up on Debian/Ubuntu (system packages, Rust, UI packages), builds Daybreak
# and opens it. Safe to run again: it only installs what is missing.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_apt_packages "${APP_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_deps
build_ui
build_app

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  die "no display found (DISPLAY/WAYLAND_DISPLAY unset): run this from a desktop session"
fi
say "Starting Daybreak${DAYBREAK_DATA_DIR:+ (data in $DAYBREAK_DATA_DIR)}"
exec "$APP_BIN" "$@"
