//! How the window's JavaScript engine runs where it is WebKitGTK's (Linux and the BSDs):
//! without its JIT compilers, unless the person's environment already says otherwise.
//!
//! Why: the page runs only Daybreak's own code, a few hundred kilobytes behind a strict CSP,
//! and opens its screens as fast without the JIT, within the run-to-run spread (`scripts/perf.sh`,
//! `docs/performance.md`, "What made the difference"), while the JIT's compilers and the
//! code they make cost WebKit's web process about 7 MB after start and 13-19 MB after every area
//! of a ten-year journal. A JIT is also where most engine exploits live; browsers' hardened
//! modes (Safari's Lockdown Mode, Edge's enhanced security) turn it off for the same reason.
//!
//! How: JavaScriptCore reads its options from `JSC_<name>` variables in its own process, and
//! WebKitGTK starts its web process with this process's environment. WebView2 (Windows) and
//! WKWebView (macOS) do not take options this way, so there nothing changes.

/// JavaScriptCore's switch for every JIT tier (and the regular-expression JIT).
const JIT_SWITCH: &str = "JSC_useJIT";

/// Sets the engine's options. Call it first in `run()`: setting a variable is only sound while
/// the process has one thread, and it must be in place before the web view starts its process.
pub fn prepare() {
    let webkitgtk = cfg!(any(
        target_os = "linux",
        target_os = "dragonfly",
        target_os = "freebsd",
        target_os = "netbsd",
        target_os = "openbsd"
    ));
    if !webkitgtk {
        return;
    }
    if let Some(value) = jit_switch(std::env::var_os(JIT_SWITCH).is_some()) {
        std::env::set_var(JIT_SWITCH, value);
    }
}

/// The value to give the JIT switch, or `None` to leave a value the person set (to turn the JIT
/// back on while profiling, say) as it is.
fn jit_switch(already_set: bool) -> Option<&'static str> {
    (!already_set).then_some("false")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jit_is_turned_off_unless_the_environment_already_says() {
        assert_eq!(jit_switch(false), Some("false"));
        assert_eq!(jit_switch(true), None);
    }
}
