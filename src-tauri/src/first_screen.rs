//! The first screen, already drawn in the page the window loads (issue 12). `npm run build`
//! draws the welcome and unlock screens in every language into `ui/dist/first-screens.json`,
//! beside the page (`ui/src/firstScreens.ts`). The window is served `index.html` with the one for the
//! journal's state and the page's language in it, so WebKit paints the screen as soon as the
//! HTML is in, before the UI's code has arrived; the code then takes over that drawing as it is,
//! with anything typed meanwhile (Svelte's `hydrate`, `ui/src/main.ts`).
//!
//! Only where the shell knows what the page would draw; elsewhere the page is served as built
//! and draws its screen itself, as it did before: an open journal, a build without the file
//! (the dev server), and a language the shell cannot tell (below).

use std::borrow::Cow;
use std::collections::HashMap;

use daybreak_core::words::Language;
use daybreak_core::JournalState;
use tauri::{AppHandle, Runtime};

use crate::commands::device::Boot;

/// The page as Vite builds it: its root element, empty, and its language, English.
const EMPTY_APP: &str = r#"<div id="app"></div>"#;
const HTML_TAG: &str = r#"<html lang="en">"#;

/// The page with the first screen in it, ready to serve in place of the built one; `None` where
/// the page is to draw its screen itself.
pub fn page<R: Runtime>(app: &AppHandle<R>, boot: &Boot) -> Option<Vec<u8>> {
    let screen = match boot.journal.state {
        JournalState::None => "welcome",
        JournalState::Locked => "unlock",
        JournalState::Unlocked => return None,
    };
    let language = page_language(boot)?;
    let assets = app.asset_resolver();
    let built = assets.get("index.html".into())?;
    let drawn: HashMap<String, String> =
        serde_json::from_slice(&assets.get("first-screens.json".into())?.bytes).ok()?;
    let screen = drawn.get(&format!("{screen}.{}", language.tag()))?;
    with_first_screen(std::str::from_utf8(&built.bytes).ok()?, screen, language)
        .map(String::into_bytes)
}

/// What Tauri hands its resource hook: a request for one of the page's files, and its answer.
type Request = tauri::http::Request<Vec<u8>>;
type Response = tauri::http::Response<Cow<'static, [u8]>>;

/// Serves `page` for the window's page itself (`/`, `/index.html`); every other file as it is.
pub fn serve(page: Vec<u8>) -> impl Fn(Request, &mut Response) + Send + Sync + 'static {
    move |request, response| {
        let path = request.uri().path();
        if response.status().is_success() && (path == "/" || path == "/index.html") {
            *response.body_mut() = Cow::Owned(page.clone());
        }
    }
}

/// The language the page will speak (`ui/src/lib/i18n/locale.svelte.ts`): the one chosen in
/// Settings, else the system's as the web view tells the page. On Linux WebKitGTK takes it from
/// `LC_ALL`, else `LANG`, English when neither names a language Daybreak has (checked with
/// WebKitGTK 2.50: `LC_MESSAGES`, `LC_CTYPE` and `LANGUAGE` do not change it; where they differ
/// from `LANG`, it says English). On Windows and macOS the web view takes it from the system's
/// settings, which the shell does not read: `None`, and the page draws its screen itself. Should
/// the page speak another language after all, taking over the drawing puts its words right.
fn page_language(boot: &Boot) -> Option<Language> {
    if boot.language.is_some() || !cfg!(target_os = "linux") {
        return boot.language;
    }
    let locale = ["LC_ALL", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    Some(
        locale
            .and_then(|tag| Language::from_tag(&tag))
            .unwrap_or_default(),
    )
}

/// `page` with `screen` in its root element and its language and platform said on `<html>`
/// (on Linux, `data-os`, which `ui/src/app.css` chooses the font by before any code runs), or
/// `None` when the page is not the shape Vite builds.
fn with_first_screen(page: &str, screen: &str, language: Language) -> Option<String> {
    if !page.contains(EMPTY_APP) || !page.contains(HTML_TAG) {
        return None;
    }
    let os = if cfg!(target_os = "linux") {
        r#" data-os="linux""#
    } else {
        ""
    };
    let html = format!(r#"<html lang="{}"{os}>"#, language.tag());
    Some(page.replacen(HTML_TAG, &html, 1).replacen(
        EMPTY_APP,
        &format!(r#"<div id="app">{screen}</div>"#),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILT: &str = "<!doctype html>\n<html lang=\"en\">\n  <head><title>Daybreak</title>\
        </head>\n  <body>\n    <div id=\"app\"></div>\n  </body>\n</html>\n";

    #[test]
    fn the_screen_goes_into_the_root_and_the_language_onto_the_page() {
        let served = with_first_screen(BUILT, "<!--[--><main>Hola</main><!--]-->", Language::Es)
            .expect("the built shape");
        assert!(served.contains(r#"<div id="app"><!--[--><main>Hola</main><!--]--></div>"#));
        let html = if cfg!(target_os = "linux") {
            r#"<html lang="es" data-os="linux">"#
        } else {
            r#"<html lang="es">"#
        };
        assert!(served.contains(html), "{served}");
        assert!(!served.contains(HTML_TAG));
        assert_eq!(served.matches("<main>").count(), 1);
    }

    #[test]
    fn a_page_of_another_shape_is_left_to_draw_its_screen_itself() {
        let filled = BUILT.replace(EMPTY_APP, r#"<div id="app"><p>x</p></div>"#);
        assert_eq!(
            with_first_screen(&filled, "<main></main>", Language::En),
            None
        );
        let other_language = BUILT.replace(HTML_TAG, r#"<html lang="es">"#);
        assert_eq!(
            with_first_screen(&other_language, "<main></main>", Language::En),
            None
        );
    }

    #[test]
    fn only_the_page_itself_is_served_drawn() {
        let serve = serve(b"drawn".to_vec());
        for (path, expected) in [
            ("tauri://localhost/", &b"drawn"[..]),
            ("tauri://localhost/index.html", b"drawn"),
            ("tauri://localhost/assets/index.js", b"built"),
            ("tauri://localhost/first-screens.json", b"built"),
        ] {
            let request = tauri::http::Request::get(path)
                .body(Vec::new())
                .expect("request");
            let mut response = tauri::http::Response::new(Cow::Borrowed(&b"built"[..]));
            serve(request, &mut response);
            assert_eq!(response.body().as_ref(), expected, "{path}");
        }
        let request = tauri::http::Request::get("tauri://localhost/")
            .body(Vec::new())
            .expect("request");
        let mut missing = tauri::http::Response::new(Cow::Borrowed(&b""[..]));
        *missing.status_mut() = tauri::http::StatusCode::NOT_FOUND;
        serve(request, &mut missing);
        assert_eq!(missing.body().as_ref(), b"");
    }

    #[test]
    fn a_chosen_language_is_the_page_s_on_every_system() {
        let boot = |state, language| Boot {
            journal: daybreak_core::JournalStatus {
                state,
                data_dir: "/d".into(),
                journal_file: "/d/j".into(),
            },
            language,
        };
        assert_eq!(
            page_language(&boot(JournalState::Locked, Some(Language::Es))),
            Some(Language::Es)
        );
        // Without a choice: the system's on Linux (whatever this machine's is), none elsewhere.
        assert_eq!(
            page_language(&boot(JournalState::None, None)).is_some(),
            cfg!(target_os = "linux")
        );
    }
}
