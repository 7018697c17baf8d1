#!/usr/bin/env bash
# Sets everything up on Debian/Ubuntu and runs every test: formatting and lints, the core's
# tests on real encrypted files, the UI's component tests, and the end-to-end tests that drive
# the real app window under Xvfb. Exits non-zero when any layer fails.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_apt_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_deps
ensure_tauri_driver
# The Spanish end-to-end test starts the app with LANG=es_ES.UTF-8, and the data test with
# LC_NUMERIC=de_DE.UTF-8 (numbers written as in Germany, the screens in English).
ensure_locale es_ES.UTF-8
ensure_locale de_DE.UTF-8

cd "$ROOT"
say "Rust formatting (cargo fmt --check)"
cargo fmt --all --check
say "Comments name only paths that exist (scripts/check-comment-paths.mjs)"
node scripts/check-comment-paths.mjs
say "No shipped string labels a person: addict, clean, failure, ... (scripts/check-words.mjs)"
node --test --test-reporter=dot scripts/check-words.test.mjs
node scripts/check-words.mjs

say "UI formatting (prettier --check)"
(cd ui && npm run --silent format:check)
say "UI lints (eslint: recommended, typescript-eslint, eslint-plugin-svelte)"
(cd ui && npm run --silent lint)
say "UI type checks (svelte-check)"
(cd ui && npm run --silent check)
say "UI component tests (vitest)"
(cd ui && npm test --silent)
build_ui
say "The first screen's files fit their budget (scripts/check-first-chunk.mjs)" && node scripts/check-first-chunk.mjs

say "Rust lints (cargo clippy -D warnings)"
cargo clippy --locked --workspace --all-targets -- -D warnings
say "Windows: the same code type-checked and linted for $WINDOWS_TARGET (not linked or run)"
ensure_windows_target
# Nothing is linked, so SQLCipher's C is compiled against the headers of the OpenSSL the clippy
# above built, rather than an OpenSSL built for Windows: that took five of this check's nine
# minutes from cold (2026-12-07). scripts/test-windows.sh, which links and runs, builds Windows'
# own; this check has a target dir of its own, or each would undo the other's OpenSSL.
windows_env=(CARGO_TARGET_DIR="${CARGO_TARGET_DIR%/}-windows-check")
if linux_openssl="$(main_build_openssl "$ROOT/Cargo.lock")"; then
  prefix="$(tr 'a-z-' 'A-Z_' <<<"$WINDOWS_TARGET")"
  windows_env+=("${prefix}_OPENSSL_NO_VENDOR=1" "${prefix}_OPENSSL_STATIC=1" "${prefix}_OPENSSL_DIR=$linux_openssl")
fi
env "${windows_env[@]}" cargo clippy --locked --workspace --all-targets --target "$WINDOWS_TARGET" -- -D warnings

say "No HTTP client in the desktop app's dependency tree (cargo tree)"
if cargo tree --locked -p daybreak -e normal --prefix none | grep -E '^(reqwest|ureq|hyper|isahc|curl|attohttpc) '; then
  die "an HTTP client crate is linked into the app: Daybreak opens no network connections"
fi

say "Rust tests (cargo test: core on real encrypted files, shell, config lint, bindings)"
cargo test --locked --workspace

say "Fuzzing the importers and the header parser (cargo fuzz, ${FUZZ_SECONDS:-20} s per target)"
# A short run on every test; longer runs by hand: scripts/fuzz.sh 600
DAYBREAK_FUZZ_QUICK=1 bash "$ROOT/scripts/fuzz.sh" "${FUZZ_SECONDS:-20}"

build_app
say "End-to-end tests (real app via tauri-driver + WebKitWebDriver)"
DAYBREAK_BIN="$APP_BIN" bash tests/e2e/run.sh

# The packages: a release build, the .deb and .rpm checked, the .deb installed, run, removed and
# reinstalled. Off by default: it adds a full release build (see the README for how long).
if [ "${DAYBREAK_PACKAGE_TESTS:-0}" = 1 ]; then
  say "Package tests (scripts/package.sh --test)"
  bash "$ROOT/scripts/package.sh" --test
else
  say "Package tests skipped: DAYBREAK_PACKAGE_TESTS=1 runs scripts/package.sh --test too"
fi

# The core's tests for Windows, under Wine: off by default, as they add about 20 minutes to a
# run with empty build folders (see the README's "Other systems").
if [ "${DAYBREAK_WINDOWS_TESTS:-0}" = 1 ]; then
  bash "$ROOT/scripts/test-windows.sh"
else
  say "Windows tests under Wine skipped: DAYBREAK_WINDOWS_TESTS=1 runs scripts/test-windows.sh too"
fi

say "All tests passed"
