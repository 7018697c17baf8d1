//! The vault against real encrypted files: create, unlock, lock, wrong passphrases, the
//! recovery key, passphrase changes, tampering and damage.

mod common;

use std::fs;

use common::{contains, snapshot, TempJournal, KDF, PASSPHRASE};
use daybreak_core::store::settings;
use daybreak_core::vault::header::HEADER_LEN;
use daybreak_core::vault::CorruptPart;
use daybreak_core::{Passphrase, RecoveryKey, VaultError};

#[test]
fn create_lock_unlock_keeps_what_was_written() {
    let j = TempJournal::new();
    let (mut session, _) = j.create();
    settings::set(session.store_mut(), "greeting", "good morning").unwrap();
    session.lock().unwrap();

    let session = j
        .vault
        .unlock(&Passphrase::new(PASSPHRASE))
        .expect("right passphrase opens");
    assert_eq!(
        settings::get(session.store(), "greeting")
            .unwrap()
            .as_deref(),
        Some("good morning"),
        "what was written before locking must be there after unlocking"
    );
}

#[test]
fn wrong_passphrase_many_times_changes_nothing_on_disk() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let before = snapshot(j.paths().dir());

    let mut messages = Vec::new();
    for attempt in 0..5 {
        let err = j
            .vault
            .unlock(&Passphrase::new(&format!("not it {attempt}")))
            .unwrap_err();
        assert!(matches!(err, VaultError::WrongPassphrase), "got {err:?}");
        messages.push(err.to_string());
    }
    assert!(
        messages.windows(2).all(|w| w[0] == w[1]),
        "the same error every time"
    );
    assert_eq!(
        snapshot(j.paths().dir()),
        before,
        "a wrong passphrase must not modify any file"
    );
}

#[test]
fn recovery_key_unlocks_and_sets_a_new_passphrase() {
    let j = TempJournal::new();
    let (mut session, recovery_key) = j.create();
    settings::set(session.store_mut(), "k", "kept").unwrap();
    session.lock().unwrap();

    let shown = recovery_key.display();
    let typed = RecoveryKey::parse(&shown.to_lowercase()).expect("the shown key parses back");
    let session = j
        .vault
        .unlock_with_recovery_key(&typed, &Passphrase::new("a brand new passphrase"), KDF)
        .expect("the recovery key must unlock");
    assert_eq!(
        settings::get(session.store(), "k").unwrap().as_deref(),
        Some("kept")
    );
    session.lock().unwrap();

    assert!(
        matches!(
            j.vault.unlock(&Passphrase::new(PASSPHRASE)),
            Err(VaultError::WrongPassphrase)
        ),
        "the old passphrase must fail after a reset"
    );
    j.vault
        .unlock(&Passphrase::new("a brand new passphrase"))
        .expect("the new one works");
    // The recovery key itself still works afterwards.
    j.vault
        .unlock_with_recovery_key(&typed, &Passphrase::new("yet another phrase"), KDF)
        .expect("the recovery key keeps working");
}

#[test]
fn a_wrong_recovery_key_fails_and_changes_nothing() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let before = snapshot(j.paths().dir());
    let err = j
        .vault
        .unlock_with_recovery_key(
            &RecoveryKey::random(),
            &Passphrase::new("new words here"),
            KDF,
        )
        .unwrap_err();
    assert!(matches!(err, VaultError::WrongRecoveryKey), "got {err:?}");
    assert_eq!(snapshot(j.paths().dir()), before);
}

#[test]
fn changing_the_passphrase_rewrites_only_the_header() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let db_before = fs::read(j.paths().database()).unwrap();
    let header_before = fs::read(j.paths().header()).unwrap();

    j.vault
        .change_passphrase(
            &Passphrase::new(PASSPHRASE),
            &Passphrase::new("the new words"),
            KDF,
        )
        .expect("change with the right current passphrase");

    assert_eq!(
        fs::read(j.paths().database()).unwrap(),
        db_before,
        "the database is untouched"
    );
    assert_ne!(fs::read(j.paths().header()).unwrap(), header_before);
    assert!(
        !j.paths().previous_header().exists(),
        "no copy of the previous header may be kept: it still opens with the old passphrase"
    );
    assert!(
        matches!(
            j.vault.unlock(&Passphrase::new(PASSPHRASE)),
            Err(VaultError::WrongPassphrase)
        ),
        "the old passphrase must fail"
    );
    j.vault
        .unlock(&Passphrase::new("the new words"))
        .expect("the new passphrase must work");
}

#[test]
fn changing_the_passphrase_needs_the_current_one_and_a_valid_new_one() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let before = snapshot(j.paths().dir());
    let err = j
        .vault
        .change_passphrase(
            &Passphrase::new("wrong one"),
            &Passphrase::new("the new words"),
            KDF,
        )
        .unwrap_err();
    assert!(matches!(err, VaultError::WrongPassphrase), "got {err:?}");
    let err = j
        .vault
        .change_passphrase(&Passphrase::new(PASSPHRASE), &Passphrase::new("short"), KDF)
        .unwrap_err();
    assert!(matches!(err, VaultError::Passphrase(_)), "got {err:?}");
    assert_eq!(
        snapshot(j.paths().dir()),
        before,
        "refused changes write nothing"
    );
}

#[test]
fn every_flipped_header_byte_fails_closed() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let header_path = j.paths().header();
    let good = fs::read(&header_path).unwrap();
    assert_eq!(good.len(), HEADER_LEN);
    let db_before = fs::read(j.paths().database()).unwrap();

    for i in 0..good.len() {
        let mut bad = good.clone();
        bad[i] ^= 0x01;
        fs::write(&header_path, &bad).unwrap();
        let result = j.vault.unlock(&Passphrase::new(PASSPHRASE));
        assert!(
            result.is_err(),
            "flipping header byte {i} must make unlocking fail"
        );
        assert!(
            matches!(
                result.unwrap_err(),
                VaultError::WrongPassphrase
                    | VaultError::Corrupt(CorruptPart::Header)
                    | VaultError::NewerVersion
            ),
            "byte {i}: the failure must be a refusal, not something else"
        );
        assert_eq!(
            fs::read(&header_path).unwrap(),
            bad,
            "byte {i}: the header is left as is"
        );
    }
    assert_eq!(
        fs::read(j.paths().database()).unwrap(),
        db_before,
        "the db is never touched"
    );
    fs::write(&header_path, &good).unwrap();
    j.vault
        .unlock(&Passphrase::new(PASSPHRASE))
        .expect("the restored header opens again");
}

#[test]
fn a_lowered_kdf_parameter_is_refused() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let header_path = j.paths().header();
    let mut bytes = fs::read(&header_path).unwrap();
    // The passphrase slot's memory cost (KiB) sits after magic, version, count, kind, kdf id.
    let m_at = 8 + 2 + 1 + 1 + 1;
    bytes[m_at..m_at + 4].copy_from_slice(&(8 * 1024u32).to_le_bytes());
    fs::write(&header_path, &bytes).unwrap();
    let err = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap_err();
    assert!(
        matches!(err, VaultError::Corrupt(CorruptPart::Header)),
        "got {err:?}"
    );
}

#[test]
fn a_header_from_a_newer_daybreak_is_named_as_such() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let mut bytes = fs::read(j.paths().header()).unwrap();
    bytes[8..10].copy_from_slice(&7u16.to_le_bytes());
    fs::write(j.paths().header(), &bytes).unwrap();
    let err = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap_err();
    assert!(matches!(err, VaultError::NewerVersion), "got {err:?}");
}

#[test]
fn the_database_is_encrypted_and_a_canary_is_in_no_file() {
    let canary = "CANARY-7f3a9c-daybreak-never-plain";
    let j = TempJournal::new();
    let (mut session, _) = j.create();
    for i in 0..50 {
        settings::set(
            session.store_mut(),
            &format!("note-{i}"),
            &format!("{canary} {i}"),
        )
        .unwrap();
    }
    // While unlocked, the WAL holds the fresh pages: it must be encrypted too.
    for (path, bytes) in snapshot(j.paths().dir()) {
        assert!(
            !contains(&bytes, canary.as_bytes()),
            "canary readable in {}",
            path.display()
        );
        assert!(
            !contains(&bytes, PASSPHRASE.as_bytes()),
            "passphrase in {}",
            path.display()
        );
    }
    session.lock().unwrap();
    let files = snapshot(j.paths().dir());
    assert!(files.contains_key(&j.paths().database()) && files.contains_key(&j.paths().header()));
    for (path, bytes) in &files {
        assert!(
            !contains(bytes, canary.as_bytes()),
            "canary readable in {}",
            path.display()
        );
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{} is a plain SQLite file",
            path.display()
        );
    }
}

#[test]
fn the_schema_is_migrated_to_the_latest_version() {
    use daybreak_core::store::migrations::latest_version;
    let j = TempJournal::new();
    let (session, _) = j.create();
    let (version, columns): (i64, Vec<String>) = session
        .store()
        .read(|conn| {
            let version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let mut stmt = conn.prepare("SELECT name FROM pragma_table_info('settings')")?;
            let cols = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok::<_, rusqlite::Error>((version, cols))
        })
        .unwrap();
    assert_eq!(
        version,
        latest_version(),
        "a new journal is at the latest schema"
    );
    assert_eq!(columns, ["key", "value"]);
    let (journal_mode, foreign_keys): (String, i64) = session
        .store()
        .read(|conn| {
            Ok::<_, rusqlite::Error>((
                conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!(
        (journal_mode.as_str(), foreign_keys),
        ("wal", 1),
        "pragmas from the security model"
    );
    let (cipher_version, memory_security): (String, String) = session
        .store()
        .read(|conn| {
            Ok::<_, rusqlite::Error>((
                conn.query_row("PRAGMA cipher_version", [], |r| r.get(0))?,
                conn.query_row("PRAGMA cipher_memory_security", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert!(
        cipher_version.starts_with("4."),
        "SQLCipher 4 must be in use, got {cipher_version}"
    );
    assert_eq!(memory_security, "1", "cipher_memory_security must be ON");
}

#[test]
fn a_database_from_a_newer_daybreak_is_refused_untouched() {
    let j = TempJournal::new();
    let (mut session, _) = j.create();
    session
        .store_mut()
        .write(|tx| tx.pragma_update(None, "user_version", 999))
        .unwrap();
    session.lock().unwrap();
    let before = fs::read(j.paths().database()).unwrap();
    let err = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap_err();
    assert!(format!("{err}").contains("newer"), "got {err}");
    assert_eq!(fs::read(j.paths().database()).unwrap(), before);
}

#[test]
fn a_damaged_database_is_reported_and_never_replaced() {
    let j = TempJournal::new();
    let (mut session, _) = j.create();
    settings::set(session.store_mut(), "k", "v").unwrap();
    session.lock().unwrap();
    let db = j.paths().database();
    let mut bytes = fs::read(&db).unwrap();
    // Page 1 holds the schema; flipping bytes in it breaks its authentication code.
    for b in &mut bytes[100..164] {
        *b ^= 0xff;
    }
    fs::write(&db, &bytes).unwrap();
    let err = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap_err();
    assert!(
        matches!(
            err,
            VaultError::Store(daybreak_core::store::StoreError::NotADatabase)
        ),
        "a damaged database must be reported as such, got {err:?}"
    );
    assert_eq!(
        fs::read(&db).unwrap(),
        bytes,
        "the damaged file is left exactly as it was"
    );
}

#[test]
fn a_missing_database_is_reported_and_not_recreated() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    fs::remove_file(j.paths().database()).unwrap();
    let err = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap_err();
    assert!(
        matches!(
            err,
            VaultError::Store(daybreak_core::store::StoreError::Missing)
        ),
        "got {err:?}"
    );
    assert!(
        !j.paths().database().exists(),
        "unlocking must never create a new database"
    );
}

#[test]
fn create_never_overwrites_an_existing_journal_or_stray_database() {
    let j = TempJournal::new();
    let (session, _) = j.create();
    session.lock().unwrap();
    let before = snapshot(j.paths().dir());
    let err = j
        .vault
        .create(&Passphrase::new("another passphrase"), KDF)
        .unwrap_err();
    assert!(matches!(err, VaultError::AlreadyExists), "got {err:?}");
    assert_eq!(snapshot(j.paths().dir()), before);

    // A database whose header went missing still counts as a journal.
    fs::remove_file(j.paths().header()).unwrap();
    let err = j
        .vault
        .create(&Passphrase::new("another passphrase"), KDF)
        .unwrap_err();
    assert!(matches!(err, VaultError::AlreadyExists), "got {err:?}");
    let err = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap_err();
    assert!(
        matches!(err, VaultError::Corrupt(CorruptPart::Header)),
        "got {err:?}"
    );
}

#[test]
fn bad_new_passphrases_are_refused_before_anything_is_written() {
    let j = TempJournal::new();
    for bad in ["", "   ", "short"] {
        let err = j.vault.create(&Passphrase::new(bad), KDF).unwrap_err();
        assert!(
            matches!(err, VaultError::Passphrase(_)),
            "{bad:?}: got {err:?}"
        );
    }
    assert!(
        !j.vault.exists().unwrap(),
        "nothing may be created for a refused passphrase"
    );
}

#[test]
fn unlocking_with_no_journal_says_so() {
    let j = TempJournal::new();
    let err = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap_err();
    assert!(matches!(err, VaultError::NoJournal), "got {err:?}");
    assert!(
        !j.paths().dir().exists(),
        "unlocking must not create the data dir"
    );
}

#[test]
fn an_unusable_data_dir_gives_a_clear_io_error() {
    // A regular file where the data folder should be: neither status nor create can use it.
    let dir = tempfile::tempdir().unwrap();
    let not_a_dir = dir.path().join("data");
    fs::write(&not_a_dir, b"just a file").unwrap();
    let vault = daybreak_core::Vault::new(daybreak_core::JournalPaths::new(&not_a_dir));
    let err = vault.create(&Passphrase::new(PASSPHRASE), KDF).unwrap_err();
    assert!(matches!(err, VaultError::Io { .. }), "got {err:?}");
    assert!(
        err.to_string().contains(&not_a_dir.display().to_string()),
        "names the path: {err}"
    );
    assert_eq!(
        fs::read(&not_a_dir).unwrap(),
        b"just a file",
        "the file is left alone"
    );
}

#[test]
fn opening_reads_the_latest_change_stamp_from_an_index_not_every_record() {
    // On every unlock: a scan of the change log grew with the journal (10-30 ms at ten years).
    let j = TempJournal::new();
    let (session, _) = j.create();
    let plan: Vec<String> = session
        .store()
        .read(|conn| {
            let mut stmt = conn.prepare(&format!(
                "EXPLAIN QUERY PLAN {}",
                daybreak_core::store::LATEST_STAMP
            ))?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(3))?;
            rows.collect::<Result<Vec<_>, _>>()
        })
        .unwrap();
    assert!(
        plan.iter().any(|step| step.contains("sync_records_hlc")),
        "the latest stamp comes from the index: {plan:?}"
    );
    assert!(
        !plan
            .iter()
            .any(|step| step.starts_with("SCAN sync_records")),
        "no step reads the whole change log: {plan:?}"
    );
}
