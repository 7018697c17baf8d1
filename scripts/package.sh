#!/usr/bin/env bash
# Builds the release app and the Linux packages (.deb and .rpm) with the Tauri bundler, offline,
# into dist/ at the top of the clone, and prints where they are.
#
#   scripts/package.sh          build the packages
#   scripts/package.sh --test   build them, check them (dpkg-deb, lintian, desktop-file-validate,
#                               appstreamcli, rpm -qip), then install the .deb on this machine,
#                               run the installed app (make a journal, lock, unlock), uninstall,
#                               check the journal is still there, reinstall and open it again
#
# The install test needs root (or sudo): it runs apt-get install and apt-get remove. It uses a
# throwaway HOME, so it never touches your own journal. A Daybreak package already installed
# here is removed first, and this build is left installed in its place at the end.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

TEST=0
case "${1:-}" in
  "") ;;
  --test) TEST=1 ;;
  -h|--help) sed -n '2,/^[^#]/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown option ${1} (use --test, or nothing)" ;;
esac

started=$SECONDS
step_started=$SECONDS
timing() { printf '    (%s took %d s)\n' "$1" $((SECONDS - step_started)); step_started=$SECONDS; }

if [ "$TEST" -eq 1 ]; then
  ensure_apt_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}"
else
  ensure_apt_packages "${APP_PACKAGES[@]}"
fi
ensure_rust
ensure_node
ensure_ui_deps
[ "$TEST" -eq 0 ] || ensure_tauri_driver

# The newest CHANGELOG.md entry as a Debian changelog (Debian wants one in every package).
debian_changelog() {
  local changelog="$1" version="$2" date
  date="$(sed -n "s/^## \\[$version\\] - //p" "$changelog")"
  [ -n "$date" ] || die "CHANGELOG.md has no entry for $version (## [$version] - YYYY-MM-DD)"
  echo "daybreak ($version) unstable; urgency=medium"
  echo
  # Each bullet of the entry, and its opening line, as a Debian bullet wrapped at 78 columns.
  awk -v v="$version" '
    function flush(   n, i, words, line) {
      if (text == "") return
      n = split(text, words, " "); line = "  *"
      for (i = 1; i <= n; i++) {
        if (length(line) + 1 + length(words[i]) > 78) { print line; line = "   " }
        line = line " " words[i]
      }
      print line; text = ""
    }
    $0 ~ "^## \\[" v "\\]" { on = 1; next }
    on && /^## / { exit }
    !on || /^### / { next }
    /^$/ { flush(); next }
    /^- / { flush(); text = substr($0, 3); next }
    { sub(/^ +/, ""); text = (text == "" ? $0 : text " " $0) }
    END { flush() }
  ' "$changelog"
  echo
  echo " -- The Daybreak contributors <maintainers@users.noreply.r-seed-4bfecd78.example>  $(LC_ALL=C date -u -R -d "$date")"
}

VERSION="$(node -p "require('$ROOT/src-tauri/tauri.conf.json').version")"
DIST="$ROOT/dist"
BUNDLE="$CARGO_TARGET_DIR/release/bundle"
DEB_NAME="Daybreak_${VERSION}_amd64.deb"
RPM_NAME="Daybreak-${VERSION}-1.x86_64.rpm"
[ "$(uname -m)" = x86_64 ] || die "this script names the x86_64 packages; on $(uname -m) adjust DEB_NAME/RPM_NAME"

# ---------------------------------------------------------------------------- build
say "Building Daybreak $VERSION for release (from empty build dirs this takes 20 to 30 minutes)"
rm -f "$BUNDLE/deb/$DEB_NAME" "$BUNDLE/rpm/$RPM_NAME"
# The CLI runs the UI build first (beforeBuildCommand), then cargo with the release profile
# from the root Cargo.toml.
(cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" build --ci --no-bundle -- --locked)
BIN="$CARGO_TARGET_DIR/release/daybreak"
timing "the release build"

say "Making the .deb and .rpm (Tauri's own writers: no tool is downloaded)"
# What the bundler cannot know by itself: the oldest C library the binary runs with (it adds
# WebKit, GTK and the tray icon's library on its own, the .rpm's by its soname, which Fedora's
# and openSUSE's packages both provide), the time zone database (files the app reads,
# src-tauri/core/src/zone.rs: `tzdata` on Debian and Fedora, `timezone` on openSUSE, hence the
# .rpm's "or"), and the Debian changelog, made from CHANGELOG.md.
GLIBC="$(objdump -T "$BIN" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
[ -n "$GLIBC" ] || die "could not read which glibc $BIN needs (objdump -T)"
extra="$CARGO_TARGET_DIR/release/packaging"
mkdir -p "$extra"
debian_changelog "$ROOT/CHANGELOG.md" "$VERSION" | gzip -9n > "$extra/changelog.gz"
config="$(cat <<JSON
{"bundle": {"linux": {
  "deb": {"depends": ["libc6 (>= $GLIBC)", "tzdata"],
          "files": {"/usr/share/doc/daybreak/changelog.gz": "$extra/changelog.gz"}},
  "rpm": {"depends": ["libc.so.6(GLIBC_$GLIBC)(64bit)", "(tzdata or timezone)"]}
}}}
JSON
)"
(cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" bundle --ci --bundles deb,rpm --config "$config")
timing "bundling"

mkdir -p "$DIST"
rm -f "$DIST"/Daybreak_*.deb "$DIST"/Daybreak-*.rpm
cp "$BUNDLE/deb/$DEB_NAME" "$BUNDLE/rpm/$RPM_NAME" "$DIST/"
DEB="$DIST/$DEB_NAME"
RPM="$DIST/$RPM_NAME"

size() { numfmt --to=iec-i --suffix=B --format='%.1f' "$(stat -c %s "$1")"; }
say "Packages are in $DIST"
printf '    %-36s %s\n' "$DEB_NAME" "$(size "$DEB")" "$RPM_NAME" "$(size "$RPM")" \
  "release binary (daybreak)" "$(size "$BIN")"
echo "    Install on Debian/Ubuntu: sudo apt install $DEB"
echo "    Install on Fedora/openSUSE: sudo dnf install $RPM   (or: sudo zypper install $RPM)"

[ "$TEST" -eq 1 ] || exit 0

# ---------------------------------------------------------------------------- inspect
fail() { die "package test: $*"; }
look="$(mktemp -d)"
throwaway_home=""
was_installed=""
installed_here=0
cleanup() {
  rm -rf "$look"
  [ -z "$throwaway_home" ] || rm -rf "$throwaway_home"
  # A test that stopped half-way does not leave its install behind.
  if [ "$installed_here" -eq 1 ] && [ -z "$was_installed" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq daybreak >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

say "Inspecting the .deb (dpkg-deb -I / -c)"
dpkg-deb -I "$DEB" > "$look/deb-info"
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's#^\./##; s#^#/#' > "$look/deb-files"
sed 's/^/    /' "$look/deb-info"
field() { sed -n "s/^ $1: //p" "$look/deb-info"; }
[ "$(field Package)" = daybreak ] || fail "Package must be daybreak, is '$(field Package)'"
[ "$(field Version)" = "$VERSION" ] || fail "Version must be $VERSION, is '$(field Version)'"
for dep in "libc6 (>= $GLIBC)" libwebkit2gtk-4.1-0 libgtk-3-0 libayatana-appindicator3-1 tzdata; do
  field Depends | tr ',' '\n' | sed 's/^ *//' | grep -qxF "$dep" || fail "the .deb must depend on $dep"
done
# By package name, whatever its version or alternatives: the bundler adds some on its own.
twice="$(field Depends | tr ',|' '\n\n' | sed 's/^ *//; s/ *(.*//; s/ *$//' | sort | uniq -d)"
[ -z "$twice" ] || fail "the .deb names a package twice: $twice"
EXPECTED_FILES=(/usr/bin/daybreak /usr/share/applications/Daybreak.desktop
  /usr/share/metainfo/org.daybreak.journal.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/daybreak.svg
  /usr/share/doc/daybreak/copyright /usr/share/doc/daybreak/changelog.gz)
for s in $ICON_SIZES; do EXPECTED_FILES+=("/usr/share/icons/hicolor/${s}x${s}/apps/daybreak.png"); done
for f in "${EXPECTED_FILES[@]}"; do
  grep -qxF "$f" "$look/deb-files" || fail "the .deb must contain $f"
done
echo "    has the binary, the desktop entry, the metainfo, the licence, the changelog and ${ICON_SIZES// /, } px icons"
# Whoever looks over a shoulder sees the menu entry and the window: neither says what it is for.
dpkg-deb -x "$DEB" "$look/root"
if grep -iE 'addict|sober|relapse|drug|alcohol' "$look/root/usr/share/applications/Daybreak.desktop"; then
  fail "the desktop entry must stay neutral (above)"
fi
file "$look/root/usr/bin/daybreak" | grep -q ', stripped' || fail "the packaged binary must be stripped"

say "desktop-file-validate and appstreamcli validate"
desktop-file-validate "$look/root/usr/share/applications/Daybreak.desktop"
appstreamcli validate --no-net --pedantic "$look/root/usr/share/metainfo/org.daybreak.journal.metainfo.xml"

say "lintian (errors fail the test; warnings are listed)"
# Run as root here; lintian only reads the file.
lintian --allow-root --tag-display-limit 0 "$DEB" > "$look/lintian" 2>&1 || true
sed 's/^/    /' "$look/lintian"
if grep -q '^E: ' "$look/lintian"; then fail "lintian reports errors (above)"; fi
timing "inspecting the .deb"

say "Inspecting the .rpm (rpm -qip, -qpR, -qlp)"
rpm -qip "$RPM" 2>/dev/null | tee "$look/rpm-info" | sed 's/^/    /'
rpm_field() { sed -n "s/^$1 *: //p" "$look/rpm-info" | head -1; }
[ "$(rpm_field Name)" = daybreak ] || fail "rpm Name must be daybreak"
[ "$(rpm_field Version)" = "$VERSION" ] || fail "rpm Version must be $VERSION"
[ "$(rpm_field License)" = MIT ] || fail "rpm License must be MIT"
rpm -qpR "$RPM" 2>/dev/null > "$look/rpm-requires"
for dep in 'libwebkit2gtk-4.1.so.0()(64bit)' 'libgtk-3.so.0()(64bit)' "libc.so.6(GLIBC_$GLIBC)(64bit)" \
  'libayatana-appindicator3.so.1()(64bit)' '(tzdata or timezone)'; do
  grep -qxF "$dep" "$look/rpm-requires" || fail "the .rpm must require $dep"
done
rpm -qlp "$RPM" 2>/dev/null > "$look/rpm-files"
for f in "${EXPECTED_FILES[@]}"; do
  case "$f" in /usr/share/doc/*) continue ;; esac # rpm keeps its own changelog and licence tags
  grep -qxF "$f" "$look/rpm-files" || fail "the .rpm must contain $f"
done
echo "    requires WebKitGTK 4.1, GTK 3, the tray's library, glibc $GLIBC and the time zones, and has the same files"
timing "inspecting the .rpm"

# ---------------------------------------------------------------------------- install
if dpkg-query -W -f='${Status}' daybreak 2>/dev/null | grep -q "install ok installed"; then
  was_installed="$(dpkg-query -W -f='${Version}' daybreak)"
  say "Daybreak $was_installed is installed here: removing it for the test (this build replaces it at the end)"
  as_root apt-get remove -y -qq daybreak
fi

install_deb() {
  say "Installing $DEB_NAME with apt-get"
  installed_here=1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB"
  [ "$(dpkg-query -W -f='${Status} ${Version}' daybreak)" = "install ok installed $VERSION" ] \
    || fail "dpkg must list daybreak $VERSION as installed"
  [ "$(dpkg-query -S /usr/bin/daybreak | cut -d: -f1)" = daybreak ] || fail "/usr/bin/daybreak must belong to the package"
}

run_installed() {
  say "Running the installed /usr/bin/daybreak ($1) under Xvfb through tauri-driver"
  local tauri_driver
  tauri_driver="$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")"
  env -u DAYBREAK_DATA_DIR -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME \
    HOME="$throwaway_home" TAURI_DRIVER="$tauri_driver" \
    DAYBREAK_BIN=/usr/bin/daybreak DAYBREAK_PACKAGE_PHASE="$1" DAYBREAK_PACKAGE_VERSION="$VERSION" \
    E2E_ONLY=tests/package/installed-app.test.mjs bash "$ROOT/tests/e2e/run.sh" \
    || fail "the installed app ($1) did not pass: see tests/e2e/artifacts/"
  # run.sh empties tests/e2e/artifacts each time: keep each phase's screenshots and logs.
  rm -rf "$ARTIFACTS/$1" && mkdir -p "$ARTIFACTS" && cp -r "$ROOT/tests/e2e/artifacts" "$ARTIFACTS/$1"
}
ARTIFACTS="$CARGO_TARGET_DIR/release/packaging/test-artifacts"

throwaway_home="$(mktemp -d -t daybreak-home.XXXXXX)"
journal="$throwaway_home/.local/share/org.daybreak.journal"
install_deb
run_installed first
[ -f "$journal/journal.db" ] && [ -f "$journal/journal.header" ] \
  || fail "the journal must be in the person's data folder ($journal)"
sums_before="$(cd "$journal" && sha256sum journal.db journal.header)"
timing "installing and the first run"

say "Removing the package (apt-get remove daybreak)"
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq daybreak
! dpkg-query -W -f='${Status}' daybreak 2>/dev/null | grep -q "install ok installed" || fail "daybreak must be gone"
[ ! -e /usr/bin/daybreak ] || fail "/usr/bin/daybreak must be gone after the remove"
[ "$(cd "$journal" && sha256sum journal.db journal.header)" = "$sums_before" ] \
  || fail "removing the app must leave the journal exactly as it was"
echo "    the app is gone; the journal is still in $journal, unchanged"

install_deb
run_installed reopen
timing "removing, reinstalling and opening the journal again"

if [ -n "$was_installed" ]; then
  say "Daybreak $was_installed was installed before the test: leaving this build ($VERSION) installed"
else
  say "Removing the test install (apt-get remove daybreak)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq daybreak
  installed_here=0
fi
echo "    screenshots and logs of the installed app: $ARTIFACTS"
say "Package tests passed in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s; packages in $DIST"
