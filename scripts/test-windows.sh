#!/usr/bin/env bash
# The core's tests (real encrypted files, SQLCipher, backups, re-keys, crash tests, sync) built
# for Windows (x86_64-pc-windows-gnu) and run under Wine, on Debian/Ubuntu:
#
#   scripts/test-windows.sh
#
# Not part of scripts/test.sh by default (DAYBREAK_WINDOWS_TESTS=1 adds it): with empty build
# folders it takes about 20 minutes more (measured: 15, when it could use the OpenSSL the Windows
# check had built for MinGW; since 2026-12-07 it builds its own, about 5 more), which
# would take a cold CI run too near its hour. Run it after changing anything that writes,
# renames, syncs or deletes files, and before a release. It found that re-key and restore
# failed on Windows (private_files::sync_file), and that a file another program held for a
# moment failed a passphrase change or a backup (private_files::rename,
# src-tauri/core/tests/held_files.rs).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_apt_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_windows_target
ensure_wine

cd "$ROOT"
say "The core's tests built for $WINDOWS_TARGET and run under Wine"
# All but the report's: they read each PDF back with poppler, a Linux program that a Windows
# test cannot start. The report's font lookup on Windows is in the unit tests (report::fonts).
windows_core_tests=(--lib --bins)
for test_file in src-tauri/core/tests/*.rs; do
  [ "$(basename "$test_file" .rs)" = report ] || windows_core_tests+=(--test "$(basename "$test_file" .rs)")
done
cargo test --locked --target "$WINDOWS_TARGET" -p daybreak-core "${windows_core_tests[@]}"
say "The core's tests pass under Wine"
