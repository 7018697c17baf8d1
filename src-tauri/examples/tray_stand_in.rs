//! A stand-in tray host for the end-to-end tests (tests/e2e/tray.test.mjs): it owns
//! `org.kde.StatusNotifierWatcher` on the session bus (the test run's private one), as a
//! desktop's panel does. libayatana-appindicator, which Tauri's tray uses on Linux, registers
//! its item with the watcher when one is on the bus (`RegisterStatusNotifierItem` with the
//! item's object path; the sender is the app). The stand-in then reads the item's `Menu`
//! property, asks that menu for its layout (`com.canonical.dbusmenu.GetLayout`) and prints one
//! JSON line on stdout: `{"registered":N,"labels":[...]}`, N counting the items (a second
//! registration of the one registered last is not a new item).
//!
//! Lines on stdin, always about the item registered last:
//! - `layout`: prints `{"layout":[...]}`, the menu's labels as they are now;
//! - `click <label>`: sends `Event(id, "clicked", 0, 0)` for the item with that label, as
//!   a panel does when the person picks it, and prints `{"clicked":"<label>"}`.
//!
//! Anything that fails prints `{"error":"..."}` instead. Not part of the app.
//!
//! Build: `cargo build -p daybreak --example tray_stand_in`.

#[cfg(target_os = "linux")]
fn main() {
    use std::io::{BufRead, Write};
    use std::sync::mpsc;
    use std::sync::Mutex;

    use zbus::blocking::connection::Builder;

    enum Event {
        /// An item registered: its bus name and object path.
        Registered(String, String),
        /// A line from the test.
        Line(String),
    }

    struct Watcher {
        events: Mutex<mpsc::Sender<Event>>,
        items: Mutex<Vec<String>>,
    }

    #[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
    impl Watcher {
        /// `service` is an object path (libayatana-appindicator: the sender is the item's bus
        /// name) or a bus name (other implementations: the path is the spec's default).
        fn register_status_notifier_item(
            &self,
            #[zbus(header)] header: zbus::message::Header<'_>,
            service: String,
        ) {
            let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
            let (bus, path) = if service.starts_with('/') {
                (sender, service)
            } else {
                (service, "/StatusNotifierItem".to_string())
            };
            if let Ok(mut items) = self.items.lock() {
                items.push(format!("{bus}{path}"));
            }
            if let Ok(events) = self.events.lock() {
                let _ = events.send(Event::Registered(bus, path));
            }
        }

        fn register_status_notifier_host(&self, _service: String) {}

        #[zbus(property)]
        fn registered_status_notifier_items(&self) -> Vec<String> {
            self.items.lock().map(|i| i.clone()).unwrap_or_default()
        }

        #[zbus(property)]
        fn is_status_notifier_host_registered(&self) -> bool {
            true
        }

        #[zbus(property)]
        fn protocol_version(&self) -> i32 {
            0
        }
    }

    let (tx, rx) = mpsc::channel();
    let watcher = Watcher {
        events: Mutex::new(tx.clone()),
        items: Mutex::new(Vec::new()),
    };
    let connection = Builder::session()
        .and_then(|b| b.name("org.kde.StatusNotifierWatcher"))
        .and_then(|b| b.serve_at("/StatusNotifierWatcher", watcher))
        .and_then(|b| b.build())
        .unwrap_or_else(|e| {
            eprintln!("tray stand-in: could not serve on the session bus: {e}");
            std::process::exit(1);
        });

    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if tx.send(Event::Line(line)).is_err() {
                break;
            }
        }
        // The test is gone: so is the stand-in.
        std::process::exit(0);
    });

    let print = |line: serde_json::Value| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    };
    print(serde_json::json!({ "ready": true }));

    let mut registered = 0u32;
    let mut item: Option<(String, String)> = None;
    for event in rx {
        match event {
            Event::Registered(bus, path) => {
                // libayatana-appindicator registers again whenever the menu is replaced (the
                // tray's `set_menu`, after a change of language): the same item, no news.
                if item.as_ref() == Some(&(bus.clone(), path.clone())) {
                    continue;
                }
                registered += 1;
                let _ = connection.emit_signal(
                    None::<&str>,
                    "/StatusNotifierWatcher",
                    "org.kde.StatusNotifierWatcher",
                    "StatusNotifierItemRegistered",
                    &(format!("{bus}{path}"),),
                );
                match menu::layout(&connection, &bus, &path) {
                    Ok(entries) => print(serde_json::json!({
                        "registered": registered,
                        "labels": menu::labels(&entries),
                    })),
                    Err(e) => print(serde_json::json!({ "registered": registered, "error": e })),
                }
                item = Some((bus, path));
            }
            Event::Line(line) => {
                let Some((bus, path)) = &item else {
                    print(serde_json::json!({ "error": "no item has registered" }));
                    continue;
                };
                let line = line.trim();
                if line == "layout" {
                    match menu::layout(&connection, bus, path) {
                        Ok(entries) => {
                            print(serde_json::json!({ "layout": menu::labels(&entries) }))
                        }
                        Err(e) => print(serde_json::json!({ "error": e })),
                    }
                } else if let Some(label) = line.strip_prefix("click ") {
                    match menu::click(&connection, bus, path, label) {
                        Ok(()) => print(serde_json::json!({ "clicked": label })),
                        Err(e) => print(serde_json::json!({ "error": e })),
                    }
                } else {
                    print(serde_json::json!({ "error": format!("unknown command {line:?}") }));
                }
            }
        }
    }
}

/// The item's menu over com.canonical.dbusmenu.
#[cfg(target_os = "linux")]
mod menu {
    use std::collections::HashMap;

    use zbus::blocking::Connection;
    use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

    /// One visible entry of the menu's top level: its id and label.
    pub struct Entry {
        id: i32,
        label: String,
    }

    pub fn labels(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.label.as_str()).collect()
    }

    /// The item's `Menu` object path (org.kde.StatusNotifierItem's property).
    fn menu_path(conn: &Connection, bus: &str, path: &str) -> Result<OwnedObjectPath, String> {
        let reply = conn
            .call_method(
                Some(bus),
                path,
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.kde.StatusNotifierItem", "Menu"),
            )
            .map_err(|e| format!("reading the item's Menu: {e}"))?;
        let value: OwnedValue = reply
            .body()
            .deserialize()
            .map_err(|e| format!("the item's Menu: {e}"))?;
        OwnedObjectPath::try_from(value).map_err(|e| format!("the item's Menu is no path: {e}"))
    }

    type Node = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);

    /// The top level of the menu, hidden entries and separators left out.
    pub fn layout(conn: &Connection, bus: &str, path: &str) -> Result<Vec<Entry>, String> {
        let menu = menu_path(conn, bus, path)?;
        let reply = conn
            .call_method(
                Some(bus),
                menu.as_str(),
                Some("com.canonical.dbusmenu"),
                "GetLayout",
                &(0i32, 1i32, Vec::<String>::new()),
            )
            .map_err(|e| format!("GetLayout: {e}"))?;
        let (_revision, (_root, _props, children)): (u32, Node) = reply
            .body()
            .deserialize()
            .map_err(|e| format!("GetLayout's answer: {e}"))?;
        let mut entries = Vec::new();
        for child in children {
            let (id, props, _) = Node::try_from(child).map_err(|e| format!("a menu entry: {e}"))?;
            let text = |key: &str| {
                props
                    .get(key)
                    .and_then(|v| <&str>::try_from(v).ok().map(str::to_string))
            };
            let visible = props
                .get("visible")
                .and_then(|v| bool::try_from(v).ok())
                .unwrap_or(true);
            if !visible || text("type").as_deref() == Some("separator") {
                continue;
            }
            entries.push(Entry {
                id,
                label: text("label").unwrap_or_default(),
            });
        }
        Ok(entries)
    }

    /// Picks the entry labelled `label`, as a panel does on a click.
    pub fn click(conn: &Connection, bus: &str, path: &str, label: &str) -> Result<(), String> {
        let entries = layout(conn, bus, path)?;
        let entry = entries
            .iter()
            .find(|e| e.label == label)
            .ok_or_else(|| format!("no menu entry {label:?}"))?;
        let menu = menu_path(conn, bus, path)?;
        conn.call_method(
            Some(bus),
            menu.as_str(),
            Some("com.canonical.dbusmenu"),
            "Event",
            // Timestamp 0: no X event behind the click; the menu does not need one.
            &(entry.id, "clicked", Value::from(0i32), 0u32),
        )
        .map_err(|e| format!("Event: {e}"))?;
        Ok(())
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("tray stand-in: Linux only (D-Bus)");
}
