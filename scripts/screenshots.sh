#!/usr/bin/env bash
# Screenshots of every screen, in English and in Spanish, light and dark, from the real app:
#
#   scripts/screenshots.sh              # builds the app, then fills target/screenshots/ (git-ignored)
#   SCREENSHOT_LANGS="es_ES.UTF-8" scripts/screenshots.sh
#
# Each language is a run of tests/e2e/tour/screens.test.mjs through tests/e2e/run.sh (under
# Xvfb when there is no display); its PNGs are copied to target/screenshots/<language>/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

out="$ROOT/target/screenshots"
langs="${SCREENSHOT_LANGS:-en_US.UTF-8 es_ES.UTF-8}"

ensure_ui_deps
build_ui
say "Building the app (debug)"
(cd "$ROOT" && cargo build -p daybreak)
export DAYBREAK_BIN="${DAYBREAK_BIN:-$CARGO_TARGET_DIR/debug/daybreak}"

for lang in $langs; do
  tag="${lang:0:2}"
  ensure_locale "$lang"
  say "Every screen in $lang"
  (cd "$ROOT" && TOUR_LANG="$lang" E2E_ONLY=tests/e2e/tour/screens.test.mjs bash tests/e2e/run.sh)
  rm -rf "${out:?}/$tag"
  mkdir -p "$out/$tag"
  cp "$ROOT"/tests/e2e/artifacts/"$tag"-*.png "$out/$tag/"
  say "$(ls "$out/$tag" | wc -l) screenshots in target/screenshots/$tag/"
done
