# Shared by scripts/run.sh and scripts/test.sh: say what is happening, and install what is
# missing, idempotently. Sourced, not run.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Builds live outside the clone so a fresh clone (CI) reuses earlier builds; a cold machine
# simply builds from scratch.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/daybreak/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
NODE_MIN_MAJOR=20
NODE_MIN_MINOR=19
TAURI_DRIVER_VERSION=2.1.0

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nerror: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (install sudo or run as root)"; fi
}

# Installs the Debian/Ubuntu packages given that are not installed yet.
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "System packages: all present"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get: see README for other systems"
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# What building and running the app needs (Tauri 2's Linux prerequisites).
# libayatana-appindicator3-dev: the tray icon (Tauri's tray-icon feature loads the library at run time).
# tzdata: the time zone database the app reads its zones from (src-tauri/core/src/zone.rs).
APP_PACKAGES=(build-essential pkg-config curl wget file perl libssl-dev libwebkit2gtk-4.1-dev
              libxdo-dev librsvg2-dev libayatana-appindicator3-dev tzdata)
# What the tests add: WebKit's WebDriver, a virtual display, screenshots, and pdftotext
# (poppler-utils) to read back the counsellor report's PDF. The report test prints Spanish, Greek,
# Russian, Japanese and Arabic in fonts found on the system: fonts-dejavu-core has the Latin,
# Greek, Cyrillic and Arabic letters (and is what fontconfig itself pulls in on Debian), and
# fonts-droid-fallback the Japanese (7 MB installed; fonts-vlgothic is 8 MB, fonts-noto-cjk 91 MB),
# and fonts-noto-color-emoji the emoji it prints in colour (10 MB).
# syncthing: two real daemons on 127.0.0.1 carry the two-computer tests' sync folder.
# x11-utils: xwininfo and xev, for whether (and when) the window is on screen at a hidden start.
# at-spi2-core, python3-pyatspi: the desktop's accessibility bus and a client of it, to read the
# window as a screen reader does (tests/e2e/screen-reader.test.mjs).
# locales: glibc's locale definitions, which the spreadsheets' decimal-mark table is checked
# against (src-tauri/core/src/words/decimal_mark.rs).
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth imagemagick dbus poppler-utils
               fonts-dejavu-core fonts-droid-fallback fonts-noto-color-emoji syncthing x11-utils
               at-spi2-core python3-pyatspi locales)
# WebKitGTK gives the page the system's language only when that locale is installed
# (`locale -a`); without it the page says en-US whatever LANG is. Adds the locale ("es_ES.UTF-8")
# when it is missing.
ensure_locale() {
  local want
  want="$(printf '%s' "${1%%.*}.utf8" | tr '[:upper:]' '[:lower:]')"
  locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | grep -qx "$want" && return 0
  # Debian's `locales` package has the definitions localedef builds from.
  [ -e "/usr/share/i18n/locales/${1%%.*}" ] || ensure_apt_packages locales
  say "Installing the $1 locale"
  as_root localedef -i "${1%%.*}" -f UTF-8 "$1"
}

# What scripts/package.sh adds to check the packages it builds: Debian's and AppStream's
# validators, rpm to read the .rpm's metadata, and xprop (x11-utils) to read the window's class.
# The bundler itself needs nothing more.
PACKAGE_PACKAGES=(lintian desktop-file-utils appstream rpm x11-utils)
# Icon sizes (px) made from src-tauri/icons/icon.svg by scripts/icons.sh, all installed into the
# hicolor theme by the Linux packages.
ICON_SIZES="16 24 32 48 64 128 256 512"

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    say "Installing Rust with rustup (https://rustup.rs)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal \
      --component rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if command -v rustup >/dev/null 2>&1; then
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
  fi
  say "Rust: $(cargo --version)"
}

# The OpenSSL the main build made for SQLCipher (openssl-sys builds it from source: about five
# minutes on two cores), for builds that can use one like it: prints its install folder, or
# fails when the main build has made none of the version `lock` (a Cargo.lock) pins.
main_build_openssl() {
  local lock="$1" version dir
  # openssl-src's version is "300.6.1+3.6.3": the part after the + is OpenSSL's.
  version="$(grep -A1 '^name = "openssl-src"$' "$lock" | sed -n 's/^version = ".*+\(.*\)"$/\1/p')"
  [ -n "$version" ] || return 1
  for dir in "$CARGO_TARGET_DIR"/debug/build/openssl-sys-*/out/openssl-build/install; do
    if [ -f "$dir/lib/libcrypto.a" ] &&
      grep -q "define OPENSSL_VERSION_STR \"$version\"" "$dir/include/openssl/opensslv.h"; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Windows, reached from Linux: the workspace is type-checked and linted for
# x86_64-pc-windows-gnu, and the core's tests are built for it and run under Wine. The target's
# standard library comes from rustup; MinGW's C compiler builds SQLCipher for both, and OpenSSL
# for the tests (the check uses the Linux build's headers: scripts/test.sh says why).
WINDOWS_TARGET=x86_64-pc-windows-gnu
ensure_windows_target() {
  command -v rustup >/dev/null 2>&1 ||
    die "rustup is needed to add the $WINDOWS_TARGET target (https://rustup.rs)"
  rustup target list --installed | grep -qx "$WINDOWS_TARGET" || rustup target add "$WINDOWS_TARGET"
  ensure_apt_packages gcc-mingw-w64-x86-64
}

# Wine (wine64 from Debian or Ubuntu) in a prefix of its own. Two things Windows has and a new
# Wine 8 prefix does not are put in it: bcryptprimitives' ProcessPrng, where Rust's standard
# library gets random bytes (a stand-in built from scripts/wine/processprng.c, rebuilt when that
# file changes), and fonts in C:\Windows\Fonts for the report's font lookup (the TEST_PACKAGES
# fonts, linked). Call after ensure_windows_target, which brings MinGW.
WINE_PREFIX_DIR="${DAYBREAK_WINE_PREFIX:-$HOME/.cache/daybreak/wine-prefix}"
ensure_wine() {
  ensure_apt_packages wine64
  local wine=/usr/lib/wine/wine64
  [ -x "$wine" ] || wine="$(command -v wine64 || command -v wine)" ||
    die "wine64 is installed but neither /usr/lib/wine/wine64 nor wine64 nor wine is found"
  export WINEPREFIX="$WINE_PREFIX_DIR" WINEDEBUG=-all
  export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$wine"
  local windows="$WINEPREFIX/drive_c/windows"
  # A prefix is ready once wineboot has finished (the stamp), not when its folders appear.
  if [ ! -f "$WINEPREFIX/.daybreak-ready" ]; then
    say "Making a Wine prefix in $WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    # Without .NET (mscoree) and the HTML engine (mshtml), which the tests do not use, Wine
    # does not offer to download them.
    WINEDLLOVERRIDES="mscoree=;mshtml=" "$wine" wineboot --init >"$WINEPREFIX.log" 2>&1 ||
      die "wineboot failed; its output is in $WINEPREFIX.log"
    touch "$WINEPREFIX/.daybreak-ready"
  fi
  local stand_in="$windows/system32/bcryptprimitives.dll"
  if [ ! -f "$stand_in" ] || [ "$ROOT/scripts/wine/processprng.c" -nt "$stand_in" ]; then
    x86_64-w64-mingw32-gcc -shared -O2 -o "$stand_in" "$ROOT/scripts/wine/processprng.c" -ladvapi32
  fi
  mkdir -p "$windows/Fonts"
  dpkg -L fonts-dejavu-core fonts-droid-fallback fonts-noto-color-emoji |
    grep -E '\.(ttf|otf)$' | xargs -I{} ln -sf {} "$windows/Fonts/"
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1; then
    ensure_apt_packages nodejs npm
  fi
  local version major minor
  version="$(node --version | sed 's/^v//')"
  major="${version%%.*}"; minor="$(echo "$version" | cut -d. -f2)"
  if [ "$major" -lt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -lt "$NODE_MIN_MINOR" ]; }; then
    die "Node.js $NODE_MIN_MAJOR.$NODE_MIN_MINOR or newer is needed (found $version). Install it from https://nodejs.org or with nvm, then run this again."
  fi
  say "Node.js: v$version, npm $(npm --version)"
}

# npm ci when the lock file changed since the last install (or nothing is installed).
ensure_ui_deps() {
  local stamp="$ROOT/ui/node_modules/.daybreak-lock-stamp"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/ui/package-lock.json"; then
    say "UI packages: up to date"
    return
  fi
  say "Installing UI packages (npm ci)"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund)
  cp "$ROOT/ui/package-lock.json" "$stamp"
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/tauri-driver" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if command -v tauri-driver >/dev/null 2>&1; then
    say "tauri-driver: present"
  else
    say "Installing tauri-driver $TAURI_DRIVER_VERSION (cargo install --locked)"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
  fi
}

build_ui() {
  say "Building the UI (vite build)"
  (cd "$ROOT/ui" && npm run --silent build)
}

build_app() {
  say "Building the app (cargo build; a first build takes several minutes)"
  (cd "$ROOT" && cargo build --locked -p daybreak)
}

APP_BIN="$CARGO_TARGET_DIR/debug/daybreak"
