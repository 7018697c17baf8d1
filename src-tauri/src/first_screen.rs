//! The first screen, already drawn in the page the window loads (issue 12). `npm run build`
//! draws the welcome and unlock screens in every language into `ui/dist/first-screens.json`,
//! beside the page (`ui/src/firstScreens.ts`). The window's first load is served `index.html`
//! with the one for the journal's state and the page's language in it, so WebKit paints the
//! screen as soon as the HTML is in, before the UI's code has arrived; the code then takes over
//! that drawing as it is, with anything typed meanwhile (Svelte's `hydrate`, `ui/src/main.ts`).
//! The drawing goes into the page as Tauri serves that load: Tauri gives each inline `<style>`
//! element a nonce it makes for each load and names in that load's CSP, so a page put together
//! beforehand would carry another, and WebKit would refuse the style (a screen left unstyled,
//! as one try at inline style sheets showed: `docs/performance.md`).
//!
//! Only where the shell knows what the page would draw. Elsewhere the page is served as built
//! and draws its screen itself, as it did before: an open journal; a language the shell cannot
//! tell (below: a first start on Windows and macOS, or under Linux locale variables that
//! disagree); a build without the file (the asset resolver then answers with `index.html`,
//! which is no JSON); the dev server, whose page is its own; and any later load (a reload),
//! where the page asks the shell first (`ui/src/lib/handedBoot.ts`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use daybreak_core::words::Language;
use daybreak_core::JournalState;
use tauri::{AppHandle, Runtime};

use crate::commands::device::Boot;
use crate::locale;

/// The page as Vite builds it: its root element, empty, and its language, English.
const EMPTY_APP: &str = r#"<div id="app"></div>"#;
const HTML_TAG: &str = r#"<html lang="en">"#;

/// The first screen to put in the page, and the language it is drawn in; `None` where the page
/// is to draw its screen itself.
pub fn page<R: Runtime>(app: &AppHandle<R>, boot: &Boot) -> Option<FirstScreen> {
    if tauri::is_dev() {
        return None;
    }
    let language = page_language(boot, web_view_language)?;
    let key = drawing(boot.journal.state, language)?;
    let assets = app.asset_resolver();
    let built = assets.get("index.html".into())?;
    let drawn: HashMap<String, String> =
        serde_json::from_slice(&assets.get("first-screens.json".into())?.bytes).ok()?;
    let screen = drawn.get(&key)?;
    // Checked on the page as built, so that the hook is only set for a page it can fill.
    if !has_built_shape(std::str::from_utf8(&built.bytes).ok()?) {
        return None;
    }
    Some(FirstScreen {
        screen: screen.clone(),
        language,
    })
}

/// A first screen, drawn, and the language it speaks.
pub struct FirstScreen {
    screen: String,
    pub language: Language,
}

/// The name of the drawing for a journal's state, as `ui/src/firstScreens.ts` names it.
fn drawing(state: JournalState, language: Language) -> Option<String> {
    let screen = match state {
        JournalState::None => "welcome",
        JournalState::Locked => "unlock",
        JournalState::Unlocked => return None,
    };
    Some(format!("{screen}.{}", language.tag()))
}

/// What Tauri hands its resource hook: a request for one of the page's files, and its answer.
type Request = tauri::http::Request<Vec<u8>>;
type Response = tauri::http::Response<Cow<'static, [u8]>>;

/// Serves the window's page itself (`/`, `/index.html`) with `first` drawn into it, once: a
/// later load (a reload) gets the page as built. Every other file as it is.
pub fn serve(first: FirstScreen) -> impl Fn(Request, &mut Response) + Send + Sync + 'static {
    let first = Mutex::new(Some(first));
    move |request, response| {
        let path = request.uri().path();
        if response.status().is_success() && (path == "/" || path == "/index.html") {
            let first = first.lock().unwrap_or_else(PoisonError::into_inner).take();
            let drawn = first.and_then(|first| {
                let served = std::str::from_utf8(response.body()).ok()?;
                with_first_screen(served, &first.screen, first.language)
            });
            if let Some(drawn) = drawn {
                *response.body_mut() = Cow::Owned(drawn.into_bytes());
            }
        }
    }
}

/// The language the page will speak (`ui/src/lib/i18n/locale.svelte.ts`): the one chosen in
/// Settings, else the system's as the web view tells the page (`web_view`), else the one the
/// window said it spoke at its last start. Should the page speak another language after all
/// (the system's changed since), taking over the drawing puts its words right.
fn page_language(boot: &Boot, web_view: impl FnOnce() -> Option<Language>) -> Option<Language> {
    boot.language.or_else(web_view).or(boot.window_language)
}

/// The web view's language, where the shell can tell it: on Linux, WebKitGTK's, from the
/// locale variables (`locale::web_view_language`). On Windows and macOS the web view takes it
/// from the system's settings, which the shell does not read.
fn web_view_language() -> Option<Language> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    locale::web_view_language(|name| std::env::var(name).ok())
}

/// Whether `page` is shaped as Vite builds it: an empty root, the language English.
fn has_built_shape(page: &str) -> bool {
    page.contains(EMPTY_APP) && page.contains(HTML_TAG)
}

/// `page` with `screen` in its root element and its language and platform said on `<html>`
/// (on Linux, `data-os`, which `ui/src/app.css` chooses the font by before any code runs), or
/// `None` when the page is not the shape Vite builds.
fn with_first_screen(page: &str, screen: &str, language: Language) -> Option<String> {
    if !has_built_shape(page) {
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

    fn hola() -> FirstScreen {
        FirstScreen {
            screen: "<main>Hola</main>".into(),
            language: Language::Es,
        }
    }

    #[test]
    fn only_the_page_itself_is_served_drawn_and_only_once() {
        let serve = serve(hola());
        let get = |path: &str, status: u16| {
            let request = tauri::http::Request::get(path)
                .body(Vec::new())
                .expect("request");
            let mut response = Response::new(Cow::Borrowed(BUILT.as_bytes()));
            *response.status_mut() = tauri::http::StatusCode::from_u16(status).expect("status");
            serve(request, &mut response);
            String::from_utf8(response.into_body().into_owned()).expect("text")
        };
        assert_eq!(get("tauri://localhost/assets/index.js", 200), BUILT);
        assert_eq!(get("tauri://localhost/first-screens.json", 200), BUILT);
        assert_eq!(get("tauri://localhost/", 404), BUILT);
        assert!(get("tauri://localhost/", 200).contains("<main>Hola</main>"));
        // A reload: the page asks the shell first, so it gets the page as built.
        assert_eq!(get("tauri://localhost/", 200), BUILT);
        assert_eq!(get("tauri://localhost/index.html", 200), BUILT);
        let serve_again = super::serve(hola());
        let request = tauri::http::Request::get("tauri://localhost/index.html")
            .body(Vec::new())
            .expect("request");
        let mut response = Response::new(Cow::Borrowed(BUILT.as_bytes()));
        serve_again(request, &mut response);
        assert!(String::from_utf8_lossy(response.body()).contains("<main>Hola</main>"));
    }

    /// The drawing goes into the page Tauri serves for this load, whose inline `<style>`
    /// elements carry the nonce that load's CSP names: a page put together beforehand would
    /// carry another, and WebKit would refuse them.
    #[test]
    fn the_drawing_goes_into_the_page_as_served_nonce_and_all() {
        let served = BUILT.replace(
            "<title>Daybreak</title>",
            r#"<style nonce="this-load">.card{}</style>"#,
        );
        let request = tauri::http::Request::get("tauri://localhost/")
            .body(Vec::new())
            .expect("request");
        let mut response = Response::new(Cow::Owned(served.into_bytes()));
        serve(hola())(request, &mut response);
        let page = String::from_utf8_lossy(response.body());
        assert!(
            page.contains(r#"<style nonce="this-load">"#) && page.contains("<main>Hola</main>"),
            "{page}"
        );
    }

    /// A page Tauri serves in another shape is served as it is, to draw its screen itself.
    #[test]
    fn a_served_page_of_another_shape_is_left_as_it_is() {
        let request = tauri::http::Request::get("tauri://localhost/")
            .body(Vec::new())
            .expect("request");
        let mut response = Response::new(Cow::Borrowed(&b"<p>not the page</p>"[..]));
        serve(hola())(request, &mut response);
        assert_eq!(response.body().as_ref(), b"<p>not the page</p>");
    }

    #[test]
    fn each_first_screen_has_its_drawing_and_an_open_journal_none() {
        assert_eq!(
            drawing(JournalState::None, Language::En).as_deref(),
            Some("welcome.en")
        );
        assert_eq!(
            drawing(JournalState::Locked, Language::Es).as_deref(),
            Some("unlock.es")
        );
        assert_eq!(drawing(JournalState::Unlocked, Language::En), None);
    }

    fn boot(language: Option<Language>, window_language: Option<Language>) -> Boot {
        Boot {
            journal: daybreak_core::JournalStatus {
                state: JournalState::Locked,
                data_dir: "/d".into(),
                journal_file: "/d/j".into(),
            },
            language,
            window_language,
        }
    }

    #[test]
    fn the_page_s_language_is_the_chosen_one_else_the_web_view_s_else_the_last_start_s() {
        use Language::{En, Es};
        let unknown = || None;
        assert_eq!(
            page_language(&boot(Some(Es), Some(En)), || Some(En)),
            Some(Es)
        );
        assert_eq!(page_language(&boot(None, Some(Es)), || Some(En)), Some(En));
        // Where the shell cannot tell the web view's (Windows, macOS, Linux locale variables
        // that disagree): what the window said at the last start, and on the first, nothing.
        assert_eq!(page_language(&boot(None, Some(Es)), unknown), Some(Es));
        assert_eq!(page_language(&boot(None, None), unknown), None);
    }
}
