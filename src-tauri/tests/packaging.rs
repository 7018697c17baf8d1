//! The packaging configuration, checked on every test run (building the packages is
//! `scripts/package.sh --test`): one version everywhere, a neutral menu entry, every icon the
//! bundlers and desktops want, the files the Linux packages add, and complete Windows and macOS
//! installer settings.

use std::fs;
use std::path::{Path, PathBuf};

use daybreak_core::words::Language;
use serde_json::Value;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn repo() -> PathBuf {
    manifest_dir().join("..")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn config() -> Value {
    serde_json::from_str(&read(&manifest_dir().join("tauri.conf.json"))).expect("tauri.conf.json")
}

fn bundle() -> Value {
    config()["bundle"].clone()
}

const METAINFO: &str = "packaging/linux/org.daybreak.journal.metainfo.xml";
const DESKTOP_TEMPLATE: &str = "packaging/linux/daybreak.desktop";

/// Words that would tell someone looking over a shoulder what the app is for.
const REVEALING: &[&str] = &[
    "addict", "sober", "relapse", "drug", "alcohol", "recovery", "craving",
];

fn assert_neutral(what: &str, text: &str) {
    let lower = text.to_lowercase();
    for word in REVEALING {
        assert!(
            !lower.contains(word),
            "{what} must stay neutral, but says {word:?}: {text}"
        );
    }
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start} not found"))
        + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{end} not found after {start}"));
    &text[from..from + to]
}

#[test]
fn one_version_everywhere() {
    let version = config()["version"].as_str().expect("version").to_string();
    assert_eq!(
        version,
        env!("CARGO_PKG_VERSION"),
        "tauri.conf.json and the workspace Cargo.toml must give the same version"
    );
    let ui: Value = serde_json::from_str(&read(&repo().join("ui/package.json"))).unwrap();
    assert_eq!(ui["version"], version.as_str(), "ui/package.json's version");

    let changelog = read(&repo().join("CHANGELOG.md"));
    let newest = between(&changelog, "\n## [", "\n");
    let (changelog_version, changelog_date) = newest
        .split_once("] - ")
        .expect("a CHANGELOG heading reads ## [x.y.z] - YYYY-MM-DD");
    assert_eq!(
        changelog_version, version,
        "the newest CHANGELOG entry is this version"
    );

    let metainfo = read(&manifest_dir().join(METAINFO));
    let release = between(&metainfo, "<release ", ">");
    assert!(
        release.contains(&format!("version=\"{version}\"")),
        "the newest AppStream release must be {version}: <release {release}>"
    );
    assert!(
        release.contains(&format!("date=\"{changelog_date}\"")),
        "the AppStream release date must match the CHANGELOG's {changelog_date}: <release {release}>"
    );
}

#[test]
fn the_menu_entry_and_package_summary_are_neutral() {
    let desktop = read(&manifest_dir().join(DESKTOP_TEMPLATE));
    assert_neutral("the desktop entry", &desktop);
    for key in [
        "Name={{name}}",
        "Exec={{exec}}",
        "Icon={{icon}}",
        "Terminal=false",
    ] {
        assert!(
            desktop.lines().any(|l| l == key),
            "the desktop entry needs {key}"
        );
    }
    let b = bundle();
    assert_neutral(
        "bundle.shortDescription (the package summary)",
        b["shortDescription"].as_str().unwrap(),
    );
    assert_neutral(
        "the product name",
        config()["productName"].as_str().unwrap(),
    );
    let metainfo = read(&manifest_dir().join(METAINFO));
    assert_neutral(
        "the AppStream summary",
        between(&metainfo, "<summary>", "</summary>"),
    );
    // The long description is where the package may say what it is for.
    assert!(b["longDescription"].as_str().unwrap().contains("recovery"));
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn every_icon_size_is_there_and_is_what_its_name_says() {
    let icons: Vec<String> = bundle()["icon"]
        .as_array()
        .expect("bundle.icon")
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let pngs: Vec<&String> = icons.iter().filter(|i| i.ends_with(".png")).collect();
    // Tauri uses the first PNG as the window icon, embedded raw in the binary: big enough to
    // look sharp, small enough not to weigh (128 px is 64 KiB of pixels).
    assert_eq!(pngs[0], "icons/128x128.png", "the window icon");
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let name = format!("icons/{size}x{size}.png");
        assert!(icons.contains(&name), "bundle.icon must list {name}");
    }
    for png in pngs {
        let size: u32 = png
            .trim_start_matches("icons/")
            .split('x')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{png} is named by its size"));
        assert_eq!(png_size(&manifest_dir().join(png)), (size, size), "{png}");
    }
    for other in ["icons/icon.ico", "icons/icon.icns"] {
        assert!(
            icons.iter().any(|i| i == other),
            "bundle.icon must list {other}"
        );
        assert!(
            manifest_dir().join(other).is_file(),
            "{other} must exist (scripts/icons.sh)"
        );
    }
}

#[test]
fn the_linux_packages_add_the_metainfo_licence_and_scalable_icon() {
    let linux = &bundle()["linux"];
    for kind in ["deb", "rpm"] {
        let files = linux[kind]["files"]
            .as_object()
            .unwrap_or_else(|| panic!("{kind}.files"));
        for dest in [
            "/usr/share/metainfo/org.daybreak.journal.metainfo.xml",
            "/usr/share/icons/hicolor/scalable/apps/daybreak.svg",
        ] {
            assert!(files.contains_key(dest), "the {kind} must install {dest}");
        }
        for (dest, src) in files {
            let src = manifest_dir().join(src.as_str().unwrap());
            assert!(
                src.is_file(),
                "{kind} file {dest} comes from {}, which is missing",
                src.display()
            );
        }
        assert_eq!(
            linux[kind]["desktopTemplate"], DESKTOP_TEMPLATE,
            "{kind} uses the neutral entry"
        );
        let depends: Vec<&str> = linux[kind]["depends"]
            .as_array()
            .map(|d| d.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        assert!(
            depends.is_empty(),
            "Tauri adds the WebKit and GTK dependencies itself: {depends:?}"
        );
    }
    let deb_files = linux["deb"]["files"].as_object().unwrap();
    assert!(
        deb_files.contains_key("/usr/share/doc/daybreak/copyright"),
        "Debian wants the licence in the package"
    );
    assert_eq!(bundle()["license"], "MIT");
    assert!(
        read(&repo().join("LICENSE")).starts_with("MIT License"),
        "LICENSE is the MIT licence"
    );
}

#[test]
fn windows_and_macos_installers_are_configured() {
    let b = bundle();
    assert_eq!(
        b["targets"], "all",
        "every OS builds its own installers by default"
    );
    let windows = &b["windows"];
    assert_eq!(
        windows["nsis"]["installMode"], "currentUser",
        "NSIS installs without admin rights"
    );
    let upgrade_code = windows["wix"]["upgradeCode"]
        .as_str()
        .expect("a fixed MSI upgrade code");
    assert_eq!(upgrade_code.len(), 36, "the upgrade code is a UUID");
    assert!(windows["webviewInstallMode"]["type"].is_string());
    let mac = &b["macOS"];
    assert!(mac["minimumSystemVersion"].is_string());
    assert!(
        mac["dmg"]["appPosition"].is_object()
            && mac["dmg"]["applicationFolderPosition"].is_object()
    );
    for field in ["publisher", "copyright", "category", "longDescription"] {
        assert!(b[field].is_string(), "bundle.{field} must be set");
    }
}

/// macOS gives an app's web view its languages, and the web view's right-click menu its words,
/// from the person's languages that the app says it has (`CFBundleLocalizations` in
/// `Info.plist`, which Tauri merges into the app's); an app that says none is given English.
#[test]
fn the_macos_app_says_it_speaks_every_language_daybreak_has() {
    let plist = read(&manifest_dir().join("Info.plist"));
    let listed = between(&plist, "<key>CFBundleLocalizations</key>", "</array>");
    let said: Vec<&str> = listed
        .split("<string>")
        .skip(1)
        .map(|entry| between(entry, "", "</string>"))
        .collect();
    let has: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
    assert_eq!(said, has, "one entry per language Daybreak has");
    assert_eq!(
        between(&plist, "<key>CFBundleDevelopmentRegion</key>", "</string>").trim(),
        format!("<string>{}", Language::default().tag()),
        "the language spoken where the person's are none of these"
    );
}
