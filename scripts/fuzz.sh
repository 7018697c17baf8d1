#!/usr/bin/env bash
# Fuzzes every parser that reads a file from outside: the journal importer (Daybreak JSON and
# Daylio CSV), the vault header, the backup container and the article importer: every target
# `cargo fuzz list` names, so a new one in fuzz/Cargo.toml is included. Each target runs for a
# while; any panic, hang (an input taking over 10 s) or runaway memory (over 2 GB) fails the
# script, and the input that caused it is left in fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]     (default: 20 s, every target)
#
# Works on the stable toolchain: cargo-fuzz needs nightly-only flags, which RUSTC_BOOTSTRAP=1
# allows; without a sanitizer (our code is safe Rust) no nightly standard library is needed.
# Builds go to their own target dir (DAYBREAK_FUZZ_TARGET_DIR, by default
# ~/.cache/daybreak/fuzz-target) so they never evict the main build. Inputs the fuzzer finds
# interesting are kept in ~/.cache/daybreak/fuzz-corpus (DAYBREAK_FUZZ_CORPUS), so later runs
# start where earlier ones stopped; the seeds in fuzz/corpus/ are only read.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

SECONDS_PER_TARGET="${1:-20}"
shift || true
[[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]] || die "usage: scripts/fuzz.sh [seconds-per-target] [target...]"
CARGO_FUZZ_VERSION=0.13.2

main_target="$CARGO_TARGET_DIR" # the main build's (lib/common.sh), whose OpenSSL is looked up below
export CARGO_TARGET_DIR="${DAYBREAK_FUZZ_TARGET_DIR:-$HOME/.cache/daybreak/fuzz-target}"
CORPUS_DIR="${DAYBREAK_FUZZ_CORPUS:-$HOME/.cache/daybreak/fuzz-corpus}"
export RUSTC_BOOTSTRAP=1

ensure_apt_packages build-essential   # libFuzzer itself is C++
ensure_rust
if cargo fuzz --version >/dev/null 2>&1; then
  say "cargo-fuzz: $(cargo fuzz --version)"
else
  say "Installing cargo-fuzz $CARGO_FUZZ_VERSION (cargo install --locked)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# SQLCipher's OpenSSL is C, built from source by openssl-sys: the fuzzing flags do not touch it,
# and its build ran 5.3 of the 8.2 minutes of a cold fuzz build (2026-12-07; 4.95 without it,
# the other crates then having both cores). When the main build has made the version
# fuzz/Cargo.lock pins (the test command builds before it fuzzes), the fuzz build links that
# one, as openssl-sys allows with OPENSSL_DIR. Set after cargo-fuzz's install, which links no
# OpenSSL, so that only the fuzz build sees it.
main_openssl="$(CARGO_TARGET_DIR="$main_target" main_build_openssl "$ROOT/fuzz/Cargo.lock" || true)"
if [ -n "$main_openssl" ]; then
  export OPENSSL_NO_VENDOR=1 OPENSSL_STATIC=1 OPENSSL_DIR="$main_openssl"
  say "OpenSSL: the main build's, in $main_openssl"
fi

cd "$ROOT"
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi

# DAYBREAK_FUZZ_QUICK=1 (the test command's short run) builds with the fuzz crate's dev
# profile (opt-level 1): quicker to build from cold than release (about 2.5 against 6 minutes
# when measured, before the core grew), at a quarter of the speed.
profile=()
if [ "${DAYBREAK_FUZZ_QUICK:-0}" = 1 ]; then
  profile=(--dev)
fi

say "Building fuzz targets: ${targets[*]} (into $CARGO_TARGET_DIR${profile:+, dev profile})"
for target in "${targets[@]}"; do
  cargo fuzz build "${profile[@]}" --sanitizer none "$target"
done

failed=()
for target in "${targets[@]}"; do
  say "Fuzzing $target for ${SECONDS_PER_TARGET}s"
  mkdir -p "$CORPUS_DIR/$target"
  if ! cargo fuzz run "${profile[@]}" --sanitizer none "$target" "$CORPUS_DIR/$target" "fuzz/corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1; then
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  die "fuzzing found a problem in: ${failed[*]} (the inputs are in fuzz/artifacts/; reproduce one with: RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none <target> <file>)"
fi
say "Fuzzing found nothing in ${targets[*]}"
