include!("command_names.rs");

fn main() {
    // Declaring the app's commands makes Tauri generate one permission per command, so the
    // capability file can grant exactly these and nothing else. The names come from the one
    // list in src/bindings.rs (see command_names.rs).
    println!("cargo:rerun-if-changed=src/bindings.rs");
    let source = std::fs::read_to_string("src/bindings.rs").expect("read src/bindings.rs");
    let names: Vec<&'static str> = command_names_in(&source)
        .into_iter()
        .map(|name| &*Box::leak(name.into_boxed_str()))
        .collect();
    let manifest = tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice()));
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}
