//! System notifications for reminders, and their clicks.
//!
//! Linux: Daybreak talks to `org.freedesktop.Notifications` on the session bus itself, through
//! the zbus it already uses for the lock signals. Tauri's notification plugin shows a
//! notification on Linux (through notify-rust) but does not report clicks on the desktop (its
//! action events are mobile-only), and a reminder has to open the right screen when clicked.
//! Each notification carries one "default" action (a click on its body) and the shell listens
//! for `ActionInvoked` with the ids it sent; any other id is ignored, so a stray or spoofed
//! signal can at most bring the window forward.
//! Windows and macOS: Tauri's notification plugin shows it; a click there brings Daybreak
//! forward as the system does, without choosing a screen (not built or tested on those
//! systems yet).

/// What a notification says. Built by `reminders::notice`; never journal text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub summary: String,
    pub body: String,
}

#[cfg(all(test, target_os = "linux"))]
pub(crate) use linux::stand_in;
#[cfg(target_os = "linux")]
pub use linux::{listen_for_clicks, show};

#[cfg(target_os = "linux")]
mod linux {
    use std::collections::HashMap;

    use zbus::blocking::{Connection, MessageIterator, Proxy};
    use zbus::message::Type;
    use zbus::zvariant::Value;
    use zbus::MatchRule;

    use super::Notice;

    pub const BUS_NAME: &str = "org.freedesktop.Notifications";
    const PATH: &str = "/org/freedesktop/Notifications";
    /// The action a click on the notification's body sends.
    const DEFAULT_ACTION: &str = "default";

    /// Shows `notice` and returns the id the notification service gave it.
    pub fn show(connection: &Connection, notice: &Notice) -> zbus::Result<u32> {
        let proxy = Proxy::new(connection, BUS_NAME, PATH, BUS_NAME)?;
        let mut hints: HashMap<&str, Value<'_>> = HashMap::new();
        // Normal urgency; the service may keep it in its list until dismissed.
        hints.insert("urgency", Value::U8(1));
        let actions = [DEFAULT_ACTION, "Open"];
        proxy.call(
            "Notify",
            &(
                "Daybreak",
                0u32,
                // The app's own neutral icon, by its name in the icon theme.
                "daybreak",
                notice.summary.as_str(),
                notice.body.as_str(),
                &actions[..],
                hints,
                // The service's default time on screen.
                -1i32,
            ),
        )
    }

    /// Calls `clicked` with the id of each notification clicked (its default action), until
    /// the bus goes away. Blocks: run it on its own thread.
    pub fn listen_for_clicks(connection: &Connection, clicked: impl Fn(u32)) -> zbus::Result<()> {
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .interface(BUS_NAME)?
            .member("ActionInvoked")?
            .build();
        for message in MessageIterator::for_match_rule(rule, connection, None)? {
            let message = message?;
            if let Ok((id, action)) = message.body().deserialize::<(u32, String)>() {
                if action == DEFAULT_ACTION {
                    clicked(id);
                }
            }
        }
        Ok(())
    }

    /// A stand-in notification service on a private bus, as `lock_signals` tests logind.
    #[cfg(test)]
    pub(crate) mod stand_in {
        use std::sync::{Arc, Mutex};

        use zbus::blocking::connection::Builder;
        use zbus::blocking::Connection;

        /// One notification as the service received it.
        #[derive(Debug, Clone)]
        pub struct Received {
            pub id: u32,
            pub app_name: String,
            pub summary: String,
            pub body: String,
            pub actions: Vec<String>,
        }

        #[derive(Default, Clone)]
        pub struct Inbox(pub Arc<Mutex<Vec<Received>>>);

        struct Service(Inbox);

        #[zbus::interface(name = "org.freedesktop.Notifications")]
        impl Service {
            #[allow(clippy::too_many_arguments)]
            fn notify(
                &self,
                app_name: String,
                _replaces_id: u32,
                _app_icon: String,
                summary: String,
                body: String,
                actions: Vec<String>,
                _hints: std::collections::HashMap<String, zbus::zvariant::OwnedValue>,
                _expire_timeout: i32,
            ) -> u32 {
                let mut inbox = self.0 .0.lock().unwrap();
                let id = inbox.len() as u32 + 1;
                inbox.push(Received {
                    id,
                    app_name,
                    summary,
                    body,
                    actions,
                });
                id
            }

            fn get_capabilities(&self) -> Vec<String> {
                vec!["actions".into(), "body".into()]
            }

            fn get_server_information(&self) -> (String, String, String, String) {
                (
                    "stand-in".into(),
                    "daybreak".into(),
                    "1".into(),
                    "1.2".into(),
                )
            }
        }

        pub use crate::test_bus::private_bus;

        /// Serves the stand-in on `address`; the connection can emit `ActionInvoked`.
        pub fn serve(address: &str) -> (Connection, Inbox) {
            let inbox = Inbox::default();
            let connection = Builder::address(address)
                .unwrap()
                .name(super::BUS_NAME)
                .unwrap()
                .serve_at(super::PATH, Service(inbox.clone()))
                .unwrap()
                .build()
                .unwrap();
            (connection, inbox)
        }

        /// The user clicks notification `id` (or picks `action` on it).
        pub fn click(service: &Connection, id: u32, action: &str) {
            service
                .emit_signal(
                    None::<&str>,
                    super::PATH,
                    super::BUS_NAME,
                    "ActionInvoked",
                    &(id, action),
                )
                .unwrap();
        }
    }

    #[cfg(test)]
    mod tests {
        use std::sync::{Arc, Mutex};
        use std::time::Duration;

        use zbus::blocking::connection::Builder;

        use super::stand_in::{click, private_bus, serve};
        use super::{listen_for_clicks, show};
        use crate::notifications::Notice;
        use crate::test_bus::wait_for;

        #[test]
        fn a_notice_reaches_the_service_and_its_click_comes_back_by_id() {
            let bus = private_bus();
            let (service, inbox) = serve(&bus.1);
            let app = Builder::address(bus.1.as_str()).unwrap().build().unwrap();
            let clicked: Arc<Mutex<Vec<u32>>> = Arc::default();
            let listener = app.clone();
            let seen = Arc::clone(&clicked);
            std::thread::spawn(move || {
                let _ = listen_for_clicks(&listener, |id| seen.lock().unwrap().push(id));
            });
            let notice = Notice {
                summary: "Daybreak".into(),
                body: "A moment for yourself".into(),
            };
            let id = show(&app, &notice).expect("the service answers with an id");
            let received = inbox.0.lock().unwrap()[0].clone();
            assert_eq!(received.id, id);
            assert_eq!(received.app_name, "Daybreak");
            assert_eq!(
                (received.summary.as_str(), received.body.as_str()),
                ("Daybreak", "A moment for yourself")
            );
            assert_eq!(received.actions, ["default", "Open"]);

            // The listener subscribes on its own thread; click until it has heard one.
            click(&service, id, "other-action");
            wait_for("the click", || {
                click(&service, id, "default");
                std::thread::sleep(Duration::from_millis(50));
                !clicked.lock().unwrap().is_empty()
            });
            assert!(
                clicked.lock().unwrap().iter().all(|&c| c == id),
                "only the default action of our notification counts as a click"
            );
        }
    }
}
