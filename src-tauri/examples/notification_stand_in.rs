//! A stand-in desktop notification service for the end-to-end tests (tests/e2e/reminders.test.mjs):
//! it owns `org.freedesktop.Notifications` on the session bus (the test run's private one),
//! prints every notification it is sent as one JSON line on stdout, and, for each line
//! `click <id>` on stdin, emits `ActionInvoked(id, "default")` as a notification daemon does
//! when the person clicks one. Not part of the app.
//!
//! Build: `cargo build -p daybreak --example notification_stand_in`.

#[cfg(target_os = "linux")]
fn main() {
    use std::collections::HashMap;
    use std::io::{BufRead, Write};
    use std::sync::atomic::{AtomicU32, Ordering};

    use zbus::blocking::connection::Builder;
    use zbus::zvariant::OwnedValue;

    struct Service(AtomicU32);

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl Service {
        #[allow(clippy::too_many_arguments)]
        fn notify(
            &self,
            app_name: String,
            _replaces_id: u32,
            app_icon: String,
            summary: String,
            body: String,
            actions: Vec<String>,
            _hints: HashMap<String, OwnedValue>,
            _expire_timeout: i32,
        ) -> u32 {
            let id = self.0.fetch_add(1, Ordering::SeqCst) + 1;
            let line = serde_json::json!({
                "id": id,
                "appName": app_name,
                "appIcon": app_icon,
                "summary": summary,
                "body": body,
                "actions": actions,
            });
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
            id
        }

        fn close_notification(&self, _id: u32) {}

        fn get_capabilities(&self) -> Vec<String> {
            vec!["actions".into(), "body".into()]
        }

        fn get_server_information(&self) -> (String, String, String, String) {
            (
                "stand-in".into(),
                "daybreak-tests".into(),
                "1".into(),
                "1.2".into(),
            )
        }
    }

    let connection = Builder::session()
        .and_then(|b| b.name("org.freedesktop.Notifications"))
        .and_then(|b| b.serve_at("/org/freedesktop/Notifications", Service(AtomicU32::new(0))))
        .and_then(|b| b.build())
        .unwrap_or_else(|e| {
            eprintln!("notification stand-in: could not serve on the session bus: {e}");
            std::process::exit(1);
        });
    println!("{{\"ready\":true}}");
    let _ = std::io::stdout().flush();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if let Some(id) = line
            .strip_prefix("click ")
            .and_then(|id| id.trim().parse::<u32>().ok())
        {
            let _ = connection.emit_signal(
                None::<&str>,
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications",
                "ActionInvoked",
                &(id, "default"),
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("notification stand-in: Linux only (D-Bus)");
}
