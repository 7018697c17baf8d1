//! The vault: creating a journal, unlocking it with the passphrase or the recovery key,
//! changing the passphrase, and re-keying. The README's "Security model, in a few lines" is
//! the model this implements.

pub(crate) mod atomic;
pub mod header;
pub mod kdf;
pub mod steps;
pub(crate) mod swap;
mod wrap;

use std::fs;
use std::io;

use crate::paths::JournalPaths;
use crate::private_files;
use crate::secret::{fill_random, DataKey, Passphrase, PassphraseProblem, RecoveryKey, SecretKey};
use crate::store::{Store, StoreError};
use header::{Header, HeaderError, Slot, SlotKind, SALT_LEN};
use kdf::KdfParams;

/// How to choose Argon2id parameters for a new slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdfChoice {
    /// Measure this machine and aim for about 0.75 s per unlock (what the app does).
    Calibrate,
    /// Use these parameters; refused when below the floor. Tests use `kdf::FLOOR`.
    Fixed(KdfParams),
}

impl KdfChoice {
    fn params(self) -> Result<KdfParams, VaultError> {
        match self {
            KdfChoice::Calibrate => Ok(kdf::calibrate()),
            KdfChoice::Fixed(params) => {
                params.check()?;
                Ok(params)
            }
        }
    }
}

/// Which part of a journal could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorruptPart {
    Header,
    Database,
    DatabaseMissing,
}

/// Everything that can go wrong with the vault. No variant carries a passphrase, a key or
/// journal text; paths are the user's own and help them find the file.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("that passphrase didn't open this journal")]
    WrongPassphrase,
    #[error("that recovery key didn't open this journal")]
    WrongRecoveryKey,
    #[error("there is no journal here yet")]
    NoJournal,
    #[error("a journal already exists here; Daybreak never creates a new one over it")]
    AlreadyExists,
    #[error("{0}")]
    Passphrase(#[from] PassphraseProblem),
    #[error("the journal could not be opened: its {} is damaged", corrupt_part_name(*.0))]
    Corrupt(CorruptPart),
    #[error("this journal was made by a newer version of Daybreak")]
    NewerVersion,
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: String,
        source: io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn corrupt_part_name(part: CorruptPart) -> &'static str {
    match part {
        CorruptPart::Header => "header file",
        CorruptPart::Database => "database file",
        CorruptPart::DatabaseMissing => "database file (it is missing)",
    }
}

impl From<kdf::KdfError> for VaultError {
    fn from(_: kdf::KdfError) -> Self {
        VaultError::Corrupt(CorruptPart::Header)
    }
}

impl From<HeaderError> for VaultError {
    fn from(e: HeaderError) -> Self {
        match e {
            HeaderError::NewerVersion(_) => VaultError::NewerVersion,
            HeaderError::NotAHeader | HeaderError::Malformed | HeaderError::Params(_) => {
                VaultError::Corrupt(CorruptPart::Header)
            }
        }
    }
}

/// An unlocked journal: one long-lived connection, keyed once.
#[derive(Debug)]
pub struct Session {
    store: Store,
    /// Kept while unlocked so backups can be verified by opening them; zeroized on lock.
    data_key: DataKey,
}

impl Session {
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// A copy of the data key, for work that goes on after the journal mutex is released
    /// (verifying a backup). Zeroized when dropped.
    pub(crate) fn data_key_copy(&self) -> DataKey {
        self.data_key.duplicate()
    }

    /// Checkpoints the WAL into the database and closes the connection; SQLCipher wipes the
    /// key from memory as the connection closes.
    pub fn lock(self) -> Result<(), VaultError> {
        Ok(self.store.close()?)
    }
}

/// A journal's files on disk. Holds no secrets.
#[derive(Debug, Clone)]
pub struct Vault {
    paths: JournalPaths,
}

impl Vault {
    pub fn new(paths: JournalPaths) -> Self {
        Self { paths }
    }

    pub fn paths(&self) -> &JournalPaths {
        &self.paths
    }

    /// True when any file of a journal is present. A lone database without its header still
    /// counts: creating over it would destroy it.
    pub fn exists(&self) -> Result<bool, VaultError> {
        for path in [self.paths.header(), self.paths.database()] {
            match fs::symlink_metadata(&path) {
                Ok(_) => return Ok(true),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(io_error("read", &path, source)),
            }
        }
        Ok(false)
    }

    /// Creates a new journal and opens it. Returns the session and the recovery key, which the
    /// caller shows to the user exactly once.
    pub fn create(
        &self,
        passphrase: &Passphrase,
        kdf: KdfChoice,
    ) -> Result<(Session, RecoveryKey), VaultError> {
        passphrase.check_new()?;
        let dir = self.paths.dir();
        private_files::create_dir(dir).map_err(|e| io_error("create the folder", dir, e))?;
        if self.exists()? {
            return Err(VaultError::AlreadyExists);
        }
        let (data_key, recovery_key, header) = fresh_keys(passphrase, kdf.params()?);
        // The header goes first: a crash before the database exists leaves a journal that says
        // it is missing its database, never a database nobody can open.
        self.write_header(&header)?;
        let store = Store::create(&self.paths.database(), &data_key)?;
        Ok((Session { store, data_key }, recovery_key))
    }

    /// Finishes or undoes what a crash interrupted: a header write (its temp file), a re-key or
    /// restore (the staged files and the marker, see `swap`), and removes a header copy an
    /// older Daybreak kept. Called before the journal is opened; cheap when there is nothing
    /// to do.
    pub fn recover_interrupted(&self) -> Result<(), VaultError> {
        let dir = self.paths.dir();
        if !dir.exists() {
            return Ok(());
        }
        swap::recover(&self.paths)
            .map_err(|e| io_error("finish an interrupted change in", dir, e))?;
        for stale in [
            atomic::temp_path(&self.paths.header()),
            atomic::temp_path(&self.paths.restored_marker()),
            self.paths.previous_header(),
        ] {
            atomic::remove_if_present(&stale).map_err(|e| io_error("remove", &stale, e))?;
        }
        Ok(())
    }

    /// Opens the journal with its passphrase. A wrong passphrase writes nothing anywhere.
    pub fn unlock(&self, passphrase: &Passphrase) -> Result<Session, VaultError> {
        self.open_with_data_key(&self.data_key_from_passphrase(passphrase)?)
    }

    /// The costly half of unlocking: reads the header, derives the key-encryption key with
    /// Argon2id and unwraps the data key. Public so the benchmark can time the halves apart.
    pub fn data_key_from_passphrase(&self, passphrase: &Passphrase) -> Result<DataKey, VaultError> {
        let header = self.read_header()?;
        open_slot(
            &header,
            &header.passphrase,
            passphrase.as_bytes(),
            VaultError::WrongPassphrase,
        )
    }

    /// The cheap half of unlocking: opens the database with the raw data key (SQLCipher runs
    /// no KDF of its own) and brings its schema up to date.
    pub fn open_with_data_key(&self, data_key: &DataKey) -> Result<Session, VaultError> {
        Ok(Session {
            store: Store::open(&self.paths.database(), data_key)?,
            data_key: data_key.duplicate(),
        })
    }

    /// Opens the journal with the recovery key and replaces the passphrase: the way back in for
    /// someone who forgot it.
    pub fn unlock_with_recovery_key(
        &self,
        recovery_key: &RecoveryKey,
        new_passphrase: &Passphrase,
        kdf: KdfChoice,
    ) -> Result<Session, VaultError> {
        new_passphrase.check_new()?;
        let header = self.read_header()?;
        let data_key = open_slot(
            &header,
            &header.recovery,
            recovery_key.as_bytes(),
            VaultError::WrongRecoveryKey,
        )?;
        let session = self.open_with_data_key(&data_key)?;
        self.replace_passphrase(&header, &data_key, new_passphrase, kdf)?;
        Ok(session)
    }

    /// Changes the passphrase. Only the header is rewritten; the database is not touched.
    pub fn change_passphrase(
        &self,
        current: &Passphrase,
        new_passphrase: &Passphrase,
        kdf: KdfChoice,
    ) -> Result<(), VaultError> {
        new_passphrase.check_new()?;
        let header = self.read_header()?;
        let data_key = open_slot(
            &header,
            &header.passphrase,
            current.as_bytes(),
            VaultError::WrongPassphrase,
        )?;
        self.replace_passphrase(&header, &data_key, new_passphrase, kdf)
    }

    /// Re-keying, first half: copies the open journal into a new file encrypted under the
    /// new data key (`journal.db.staged`, with `sqlcipher_export`). Nothing else changes; a
    /// failure removes the copy and leaves the journal open as it was.
    ///
    /// A re-key gives the journal a new data key and a new recovery key, so no older copy (a
    /// backup, a file someone took) opens today's journal, and the old passphrase opens
    /// nothing in its folder. `sealed` comes from `seal_rekey`, which does the slow key
    /// derivations beforehand, so the journal is held only for the copy and the swap.
    pub fn stage_rekey(&self, session: &Session, key: &NewKey) -> Result<(), VaultError> {
        let staged = self.paths.staged_database();
        let exported = swap::start_staged_database(&self.paths)
            .map_err(|e| io_error("prepare a new copy in", self.paths.dir(), e))
            .and_then(|file| {
                drop(file);
                Ok(session.store.export_encrypted(&staged, &key.data_key)?)
            });
        if exported.is_err() {
            let _ = atomic::remove_if_present(&staged);
        }
        exported
    }

    /// Re-keying, second half: closes the old database (a failed final checkpoint loses
    /// nothing: the copy read through the WAL) and swaps the new file and header in, crash
    /// safe (see `swap`). Returns the journal open under the new key.
    pub fn install_rekey(&self, session: Session, key: &NewKey) -> Result<Session, VaultError> {
        let _ = session.lock();
        swap::install(&self.paths, &key.header)
            .map_err(|e| io_error("install the re-keyed journal in", self.paths.dir(), e))?;
        self.open_with_data_key(&key.data_key)
    }

    /// The slow half of a re-key, done before the journal is held: a new data key, and the
    /// new passphrase and a new recovery key each wrapping it (two key derivations).
    pub fn seal_rekey(
        &self,
        new_passphrase: &Passphrase,
        kdf: KdfChoice,
    ) -> Result<SealedRekey, VaultError> {
        new_passphrase.check_new()?;
        let (data_key, recovery_key, header) = fresh_keys(new_passphrase, kdf.params()?);
        Ok(SealedRekey {
            key: NewKey {
                data_key,
                header: header.encode(),
            },
            recovery_key,
        })
    }

    fn replace_passphrase(
        &self,
        header: &Header,
        data_key: &SecretKey,
        new_passphrase: &Passphrase,
        kdf: KdfChoice,
    ) -> Result<(), VaultError> {
        let slot = seal_slot(
            SlotKind::Passphrase,
            new_passphrase.as_bytes(),
            kdf.params()?,
            data_key,
        );
        self.write_header(&header.with_passphrase_slot(slot, data_key))
    }

    fn read_header(&self) -> Result<Header, VaultError> {
        let path = self.paths.header();
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(if self.exists()? {
                    // A database without its header: never treat this as "no journal".
                    VaultError::Corrupt(CorruptPart::Header)
                } else {
                    VaultError::NoJournal
                });
            }
            Err(e) => return Err(io_error("read", &path, e)),
        };
        Ok(Header::decode(&bytes)?)
    }

    /// Writes the header atomically, reads it back, and only then removes any older copy, so
    /// that from the moment this returns nothing on disk opens with the old passphrase. Crash
    /// safety comes from the atomic write, not from keeping the old header.
    fn write_header(&self, header: &Header) -> Result<(), VaultError> {
        let path = self.paths.header();
        let bytes = header.encode();
        atomic::replace_file(&path, &bytes, "header").map_err(|e| io_error("write", &path, e))?;
        let back = fs::read(&path).map_err(|e| io_error("read back", &path, e))?;
        if back != bytes {
            return Err(VaultError::Corrupt(CorruptPart::Header));
        }
        steps::reached("header:read-back");
        let old = self.paths.previous_header();
        atomic::remove_if_present(&old).map_err(|e| io_error("remove", &old, e))?;
        steps::reached("header:old-copies-removed");
        Ok(())
    }
}

/// A data key and the header wrapping it, for `Vault::stage_rekey` and `install_rekey`: a
/// new one from `seal_rekey`, or the one another computer re-keyed the journal to (joining
/// its sync folder again). Holds a secret: zeroized on drop, never printed.
pub struct NewKey {
    data_key: DataKey,
    header: Vec<u8>,
}

impl NewKey {
    /// The key another computer's header (`header`, already opened to `data_key`) holds.
    pub(crate) fn adopted(data_key: DataKey, header: Vec<u8>) -> Self {
        Self { data_key, header }
    }
}

impl std::fmt::Debug for NewKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewKey(<redacted>)")
    }
}

/// What `Vault::seal_rekey` prepared: the new key with its header, and the new recovery key
/// (to show once). Holds secrets: zeroized on drop, never printed.
pub struct SealedRekey {
    pub key: NewKey,
    pub recovery_key: RecoveryKey,
}

impl std::fmt::Debug for SealedRekey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealedRekey(<redacted>)")
    }
}

/// The secret someone gives to open a header: the passphrase or the recovery key.
pub enum Secret<'a> {
    Passphrase(&'a Passphrase),
    RecoveryKey(&'a RecoveryKey),
}

/// Opens a header's bytes (for example from a backup) with a secret and returns its data key.
pub(crate) fn data_key_from_header(
    bytes: &[u8],
    secret: &Secret<'_>,
) -> Result<DataKey, VaultError> {
    let header = Header::decode(bytes)?;
    match secret {
        Secret::Passphrase(p) => open_slot(
            &header,
            &header.passphrase,
            p.as_bytes(),
            VaultError::WrongPassphrase,
        ),
        Secret::RecoveryKey(k) => open_slot(
            &header,
            &header.recovery,
            k.as_bytes(),
            VaultError::WrongRecoveryKey,
        ),
    }
}

/// A new journal's keys: a random data key and recovery key, and the header wrapping the data
/// key under the passphrase and under the recovery key (two key derivations).
fn fresh_keys(passphrase: &Passphrase, params: KdfParams) -> (DataKey, RecoveryKey, Header) {
    let data_key = SecretKey::random();
    let recovery_key = RecoveryKey::random();
    let header = Header::new(
        seal_slot(
            SlotKind::Passphrase,
            passphrase.as_bytes(),
            params,
            &data_key,
        ),
        seal_slot(
            SlotKind::Recovery,
            recovery_key.as_bytes(),
            params,
            &data_key,
        ),
        &data_key,
    );
    (data_key, recovery_key, header)
}

/// Derives a key-encryption key from `secret` and wraps the data key under it.
fn seal_slot(kind: SlotKind, secret: &[u8], params: KdfParams, data_key: &SecretKey) -> Slot {
    let mut salt = [0u8; SALT_LEN];
    fill_random(&mut salt);
    let kek = kdf::derive(secret, &salt, params).expect("parameters were checked by KdfChoice");
    let (nonce, wrapped) = wrap::wrap(&kek, data_key, &Slot::associated_data(kind, params, &salt));
    Slot {
        kind,
        kdf: params,
        salt,
        nonce,
        wrapped,
    }
}

/// Unwraps the data key from `slot` and checks the whole header's MAC with it. A wrong secret
/// and a tampered slot cannot be told apart (`wrong`); a slot that opens but a header whose MAC
/// fails was changed elsewhere, and is reported as a damaged header.
fn open_slot(
    header: &Header,
    slot: &Slot,
    secret: &[u8],
    wrong: VaultError,
) -> Result<SecretKey, VaultError> {
    let kek = kdf::derive(secret, &slot.salt, slot.kdf)?;
    let data_key = wrap::unwrap(&kek, &slot.nonce, &slot.wrapped, &slot.aad()).ok_or(wrong)?;
    if header.verify_mac(&data_key) {
        Ok(data_key)
    } else {
        Err(VaultError::Corrupt(CorruptPart::Header))
    }
}

fn io_error(action: &'static str, path: &std::path::Path, source: io::Error) -> VaultError {
    VaultError::Io {
        action,
        path: path.display().to_string(),
        source,
    }
}
