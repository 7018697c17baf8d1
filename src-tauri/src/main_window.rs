//! The one window, made first thing in setup (once the journal's folder is known) rather than
//! by Tauri from the config, so that its page can be handed what the first screen needs
//! (`Boot`: welcome or unlock, and the language) before any of its code runs. The first screen
//! is then drawn as soon as the UI's code runs, without a round trip to the shell first (about
//! 25 ms at start-up, issue 12). Started with the computer, it is made hidden.
//!
//! The script is fixed when the window is made and runs on every load of the page, so the page
//! ignores it after a reload and still asks `boot` (`ui/src/lib/handedBoot.ts`). Nothing secret
//! is in it: the journal's state, its paths and the language, which the page is told anyway.
//! It has no origin check of its own: the window only ever shows the app's own pages
//! (`navigation.rs` cancels any other navigation).

use tauri::{AppHandle, Runtime, WebviewWindowBuilder};

use crate::commands::device::Boot;
use crate::first_screen;
use crate::MAIN_WINDOW;

/// The name the page reads the handed state by (`ui/src/lib/handedBoot.ts`).
const HANDED: &str = "__DAYBREAK_BOOT__";

/// Makes the main window from its config (`"create": false` in tauri.conf.json), with `boot`
/// handed to its page when there is one (without it, the page asks), hidden when asked.
pub fn create<R: Runtime>(
    app: &AppHandle<R>,
    boot: Option<&Boot>,
    hidden: bool,
) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .ok_or_else(|| tauri::Error::WindowNotFound)?;
    let mut builder = WebviewWindowBuilder::from_config(app, config)?.visible(!hidden);
    if let Some(script) = boot.and_then(handing_script) {
        builder = builder.initialization_script(script);
    }
    crate::start_trace::mark("window configured");
    // The page served with its first screen already drawn in it (first_screen.rs).
    if let Some(first) = boot.and_then(|boot| first_screen::page(app, boot)) {
        let language = first.language;
        builder = builder.on_web_resource_request(first_screen::serve(first));
        crate::start_trace::mark(format_args!(
            "first screen put in the page, in {}",
            language.tag()
        ));
    }
    builder.build()?;
    Ok(())
}

/// `window.__DAYBREAK_BOOT__ = {…};`: JSON is a JavaScript literal, with every quote and
/// backslash in a path escaped.
fn handing_script(boot: &Boot) -> Option<String> {
    let json = serde_json::to_string(boot).ok()?;
    Some(format!("window.{HANDED} = Object.freeze({json});"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use daybreak_core::words::Language;
    use daybreak_core::{JournalState, JournalStatus};

    #[test]
    fn the_script_hands_the_state_as_a_literal_the_page_reads_back() {
        let boot = Boot {
            journal: JournalStatus {
                state: JournalState::Locked,
                data_dir: r#"/home/a "quoted" \ name/</script>"#.into(),
                journal_file: "/home/x/journal.db".into(),
            },
            language: Some(Language::Es),
            window_language: Some(Language::En),
        };
        let script = handing_script(&boot).expect("a script");
        let json = script
            .strip_prefix("window.__DAYBREAK_BOOT__ = Object.freeze(")
            .and_then(|rest| rest.strip_suffix(");"))
            .expect("the expected shape");
        let read: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(read["journal"]["state"], "locked");
        assert_eq!(
            read["journal"]["dataDir"],
            r#"/home/a "quoted" \ name/</script>"#
        );
        assert_eq!(read["language"], "es");
        assert_eq!(
            read.get("windowLanguage"),
            None,
            "the shell's own, not handed"
        );
    }
}
