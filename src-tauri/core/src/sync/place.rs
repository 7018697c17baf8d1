//! Where this copy of the journal lives: the computer and the journal's folder on it. A data
//! folder copied by hand onto a second computer (or into a second folder) is the same journal
//! under the same device id. If both copies go on and sync, they number their change files
//! alike, and of each pair a sync engine keeps one and sets the other aside: changes lost.
//!
//! So each copy notes its place inside the journal, and a copy that finds itself somewhere
//! else becomes a computer of its own (`rewind::become_new_computer`) before it sends
//! anything. A journal moved rather than copied (a new home folder, a data folder carried on a
//! stick between computers) takes a new id too: one more computer in Settings' list, never a
//! change lost.

use std::path::Path;

use super::{rewind, SyncError};
use crate::store::capture::name_uuid;
use crate::store::{settings, Store};

/// Settings are per computer and never synced, so a joined journal notes its own place.
pub const KEY: &str = "sync_place";

/// This copy's place: a hash of the computer's id and the journal's folder. The id is the
/// system's own (`machine-uid`: the D-Bus machine id on Linux, `MachineGuid` on Windows, the
/// hardware UUID on macOS). `None` when it cannot be read: a place without it would differ
/// from the one noted with it, and a read that fails now and then must not make a new
/// computer each time. Only the hash is kept, inside the encrypted journal.
pub fn here(journal_dir: &Path) -> Option<String> {
    let computer = machine_uid::get().ok().filter(|id| is_an_id(id))?;
    let dir = std::fs::canonicalize(journal_dir).unwrap_or_else(|_| journal_dir.into());
    Some(of(&computer, &dir))
}

/// systemd writes "uninitialized" as the machine id until the first boot completes: the same
/// word on every such computer, so it tells none apart.
fn is_an_id(id: &str) -> bool {
    let id = id.trim();
    !id.is_empty() && id != "uninitialized"
}

fn of(computer: &str, dir: &Path) -> String {
    // The path's own bytes where they are not UTF-8: `display` would turn two such paths
    // into one.
    let dir = match dir.to_str() {
        Some(dir) => dir.to_owned(),
        None => format!("{:?}", dir.as_os_str().as_encoded_bytes()),
    };
    name_uuid("sync place", &format!("{computer}\0{dir}"))
}

/// Notes `here` as this copy's place. When another place was noted, this copy is not the one
/// that has been writing under its device id, and it becomes a computer of its own first.
/// Returns whether it did; nothing is done when the place cannot be told (`None`). A crash
/// between the two steps only makes it a new computer again.
pub fn settle(store: &mut Store, here: Option<String>) -> Result<bool, SyncError> {
    let Some(here) = here else {
        return Ok(false);
    };
    let noted = settings::get(store, KEY)?;
    if noted.as_deref() == Some(here.as_str()) {
        return Ok(false);
    }
    let elsewhere = noted.is_some();
    if elsewhere {
        rewind::become_new_computer(store)?;
    }
    settings::set(store, KEY, &here)?;
    Ok(elsewhere)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_the_computer_and_the_folder_together() {
        let dir = Path::new("/home/sam/.local/share/org.daybreak.journal");
        let place = of("4c4c4544", dir);
        assert_eq!(place, of("4c4c4544", dir), "the same place every time");
        assert_ne!(
            place,
            of("0f0f0f0f", dir),
            "another computer, the same folder"
        );
        assert_ne!(
            place,
            of("4c4c4544", &dir.join("copy")),
            "the same computer, a copy"
        );
        assert_ne!(place, of("", dir), "no id read is a place of its own");
    }

    #[test]
    fn only_a_real_machine_id_tells_computers_apart() {
        assert!(is_an_id("4c4c4544003510388043b4c04f4d3732"));
        assert!(!is_an_id(""));
        assert!(!is_an_id("uninitialized\n"));
    }

    #[cfg(unix)]
    #[test]
    fn folders_whose_names_are_not_utf8_are_told_apart() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let one = Path::new(OsStr::from_bytes(b"/home/sam/\xff"));
        let other = Path::new(OsStr::from_bytes(b"/home/sam/\xfe"));
        assert_eq!(one.display().to_string(), other.display().to_string());
        assert_ne!(of("4c4c4544", one), of("4c4c4544", other));
    }

    #[test]
    fn one_folder_is_one_place_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let place = here(dir.path());
        assert!(place.is_some(), "this system has a machine id");
        assert_eq!(place, here(&dir.path().join(".")));
        #[cfg(unix)]
        {
            let link = dir.path().with_extension("link");
            std::os::unix::fs::symlink(dir.path(), &link).unwrap();
            let through_link = here(&link);
            std::fs::remove_file(&link).unwrap();
            assert_eq!(place, through_link);
        }
    }
}
