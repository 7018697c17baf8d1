//! Tauri commands, one file per area. Each takes state and arguments, calls one core function
//! and converts the error: no SQL, crypto or rules here.

pub mod backup;
pub mod check_ins;
pub mod data;
pub mod device;
pub mod journal_entries;
pub mod library;
pub mod moods;
pub mod preferences;
pub mod sobriety;
pub mod sos;
pub mod sync;
pub mod timeline;
pub mod vault;

use std::any::Any;

use chrono::{DateTime, Utc};
use daybreak_core::store::Store;
use daybreak_core::zone::Zone;
use daybreak_core::{clock, DataError, Journal, JournalError, Refusal};

use crate::{AppError, SharedJournal};

/// Runs blocking work on the runtime's blocking threads, off the main thread that draws the
/// window, and hands back its answer. A panic in the work is an internal error.
pub(crate) async fn off_main_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let answer = spawn_erased(Box::new(move || Box::new(work()) as Answer)).await?;
    Ok(*answer
        .downcast::<T>()
        .expect("spawn_erased answers what the work returned"))
}

/// What `spawn_erased` runs and returns, with their types erased.
type Answer = Box<dyn Any + Send>;
type ErasedWork = Box<dyn FnOnce() -> Answer + Send>;

/// One spawn for every command's work. When each command spawned its work as its own closure
/// type, tokio built its task code (polling, completing, cancelling) once per command, about
/// 5 KB each for a hundred or so commands; through this one type, it is built once (issue 12).
async fn spawn_erased(work: ErasedWork) -> Result<Answer, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| AppError::internal("a background task stopped"))
}

/// Runs journal work off the main thread (key derivation takes about a second, and the main
/// thread draws the window).
pub(crate) async fn on_journal<T: Send + 'static>(
    journal: &SharedJournal,
    work: impl FnOnce(&Journal) -> Result<T, JournalError> + Send + 'static,
) -> Result<T, AppError> {
    let journal = SharedJournal::clone(journal);
    let _in_use = crate::pause::in_use();
    off_main_thread(move || work(&journal))
        .await?
        .map_err(AppError::from)
}

/// Runs data work on the unlocked journal's store, with the time and zone read once here (the
/// core takes them as arguments). Answers `locked` when the journal is locked.
pub(crate) async fn on_store<T: Send + 'static>(
    journal: &SharedJournal,
    work: impl FnOnce(&mut Store, DateTime<Utc>, Zone) -> Result<T, DataError> + Send + 'static,
) -> Result<T, AppError> {
    on_journal(journal, move |j| {
        j.with_session(|session| {
            Ok(work(
                session.store_mut(),
                clock::now_utc(),
                clock::current_zone(),
            )?)
        })
    })
    .await
}

/// Reads what a file needs while holding the journal (`collect`: the queries), then does the
/// slow rest after letting it go (`finish`: encoding, drawing, writing), so locking, quick hide
/// and other commands never wait for a file to be written.
pub(crate) async fn collect_then_write<C: Send + 'static, T: Send + 'static>(
    journal: &SharedJournal,
    collect: impl FnOnce(&mut Store, DateTime<Utc>, Zone) -> Result<C, DataError> + Send + 'static,
    finish: impl FnOnce(C, DateTime<Utc>, Zone) -> Result<T, DataError> + Send + 'static,
) -> Result<T, AppError> {
    let (collected, now, tz) = on_store(journal, move |store, now, tz| {
        Ok((collect(store, now, tz)?, now, tz))
    })
    .await?;
    off_main_thread(move || finish(collected, now, tz))
        .await?
        .map_err(|e| AppError::from(JournalError::from(e)))
}

/// A command argument: a file the UI sends as the raw request body (no JSON round trip for
/// megabytes), with its name, percent-encoded, in the `x-file-name` header. Like `State`, it
/// is left out of the generated TypeScript function, which can only send JSON arguments: the
/// UI calls these few commands through `invokeWithFile` (ui/src/lib/ipc/invoke.ts) instead.
pub struct RawFile<'a>(tauri::ipc::Request<'a>);

impl<'a, R: tauri::Runtime> tauri::ipc::CommandArg<'a, R> for RawFile<'a> {
    fn from_command(
        command: tauri::ipc::CommandItem<'a, R>,
    ) -> Result<Self, tauri::ipc::InvokeError> {
        tauri::ipc::Request::from_command(command).map(RawFile)
    }
}

impl specta::function::FunctionArg for RawFile<'_> {
    fn to_datatype(_: &mut specta::Types) -> Option<specta::datatype::DataType> {
        None
    }
}

impl RawFile<'_> {
    /// The file's name (or `default_name` when none was sent) and its bytes.
    pub(crate) fn read(&self, default_name: &str) -> Result<(String, Vec<u8>), AppError> {
        raw_file(&self.0, default_name)
    }
}

fn raw_file(
    request: &tauri::ipc::Request<'_>,
    default_name: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(JournalError::from(DataError::Refused(Refusal::BadRequest)).into());
    };
    let name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(percent_decode)
        .unwrap_or_else(|| default_name.into());
    Ok((name, bytes.clone()))
}

/// Decodes `encodeURIComponent` output; anything malformed is kept as it is.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{off_main_thread, percent_decode};
    use crate::error::ErrorCode;

    #[test]
    fn work_off_the_main_thread_answers_with_its_own_type() {
        let caller = std::thread::current().id();
        let (thread, words) = tauri::async_runtime::block_on(off_main_thread(|| {
            (std::thread::current().id(), vec![String::from("kept")])
        }))
        .expect("the work ran");
        assert_ne!(thread, caller, "the work ran on another thread");
        assert_eq!(words, ["kept"]);
    }

    #[test]
    fn work_that_panics_is_an_internal_error() {
        let failed = tauri::async_runtime::block_on(off_main_thread(|| -> u8 { panic!("a bug") }))
            .expect_err("a panic is an error");
        assert_eq!(failed.code, ErrorCode::Internal);
        assert!(
            failed.message.contains("a background task stopped"),
            "{}",
            failed.message
        );
        assert!(
            !failed.message.contains("a bug"),
            "a panic's own words stay out of the answer"
        );
    }

    #[test]
    fn file_names_are_percent_decoded() {
        assert_eq!(percent_decode("my%20notes%C3%A9.md"), "my notesé.md");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%zz"), "a%zz");
    }
}
