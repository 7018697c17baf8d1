//! The navigation guard: the window never leaves Daybreak's own pages. A link that slipped
//! past the Markdown sanitizer, a script that set `location`, or a form that submitted would
//! otherwise put a remote page (and the IPC bridge's origin checks) between the person and
//! their journal. Every navigation the WebView is about to make goes through `is_app_page`;
//! anything else is cancelled before a request is made.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime, Url};

/// True when `url` is one of the app's own pages: its custom protocol, as each WebView names
/// it (`tauri://localhost` on Linux and macOS, `http(s)://tauri.localhost` on Windows), or in a
/// debug build the dev server (`dev_url`, from `build.devUrl`). Scheme, host and port must all
/// match; the path may be anything (the app routes inside one page).
pub fn is_app_page(url: &Url, dev_url: Option<&Url>) -> bool {
    let own = matches!(
        (url.scheme(), url.host_str()),
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost"))
    );
    if own {
        return url.port().is_none() && url.username().is_empty() && url.password().is_none();
    }
    dev_url.is_some_and(|dev| {
        url.scheme() == dev.scheme()
            && url.host_str() == dev.host_str()
            && url.port_or_known_default() == dev.port_or_known_default()
            && url.username().is_empty()
            && url.password().is_none()
    })
}

/// The guard, as a plugin so it applies to the window declared in `tauri.conf.json`.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            let dev_url = if cfg!(debug_assertions) {
                webview.config().build.dev_url.as_ref()
            } else {
                None
            };
            // Refused quietly: the URL is not logged, as it could carry journal text.
            is_app_page(url, dev_url)
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn the_apps_own_pages_are_allowed_on_every_platform() {
        for own in [
            "tauri://localhost",
            "tauri://localhost/",
            "tauri://localhost/index.html#/library",
            "http://tauri.localhost/",
            "https://tauri.localhost/index.html?x=1",
        ] {
            assert!(is_app_page(&url(own), None), "{own} is the app's own page");
        }
    }

    #[test]
    fn everything_else_is_refused() {
        let dev = url("http://localhost:1420");
        for other in [
            "https://example.org/",
            "http://example.org/tauri.localhost",
            "https://tauri.localhost.example.org/",
            "https://evil.tauri.localhost/",
            "http://tauri.localhost:8080/",
            "tauri://localhost:1/",
            "tauri://example.org/",
            "http://user:pw@tauri.localhost/",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)",
            "about:blank",
            "article:urge-surfing",
            "http://localhost:1421/",
            "https://localhost:1420/",
            "http://127.0.0.1:1420/",
            "http://localhost/",
        ] {
            assert!(
                !is_app_page(&url(other), Some(&dev)),
                "{other} must be refused"
            );
        }
    }

    #[test]
    fn the_dev_server_is_allowed_only_when_given() {
        let dev = url("http://localhost:1420");
        let page = url("http://localhost:1420/src/main.ts");
        assert!(
            is_app_page(&page, Some(&dev)),
            "debug builds load the dev server"
        );
        assert!(
            !is_app_page(&page, None),
            "release builds pass no dev URL, so the dev server is refused"
        );
    }
}
