#!/usr/bin/env bash
# Makes every icon Daybreak ships from the one source drawing, src-tauri/icons/icon.svg:
# the PNGs the Linux packages install into the hicolor theme (16 to 512 px), the Windows .ico
# and the macOS .icns. Uses the Tauri CLI's `icon` command (offline, from ui/node_modules).
# Run it after changing icon.svg, and commit what it writes.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_node
ensure_ui_deps

icons="$ROOT/src-tauri/icons"
source_svg="$icons/icon.svg"
[ -f "$source_svg" ] || die "no source drawing at $source_svg"
tauri="$ROOT/ui/node_modules/.bin/tauri"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say "Rendering icons from ${source_svg#"$ROOT"/}"
# The default set gives the .ico and .icns (and mobile/Store icons we do not ship); --png gives
# exactly the sizes named.
"$tauri" icon "$source_svg" --output "$work/default" >/dev/null
"$tauri" icon "$source_svg" --output "$work/png" --png "${ICON_SIZES// /,}" >/dev/null

cp "$work/default/icon.ico" "$work/default/icon.icns" "$icons/"
for size in $ICON_SIZES; do
  cp "$work/png/${size}x${size}.png" "$icons/${size}x${size}.png"
done
# Older names this script replaces: one name per size now, each listed in tauri.conf.json.
rm -f "$icons/128x128@2x.png" "$icons/icon.png" "$icons/source-1024.png"

say "Icons written to ${icons#"$ROOT"/}:"
(cd "$icons" && ls -1 ./*.png icon.ico icon.icns | sed 's#^\./##; s/^/  /')
