//! The vault: creating a journal, unlocking it with the passphrase or the recovery key, and
//! changing the passphrase. See `shared/security.md` for the model this implements.

pub(crate) mod atomic;
pub mod header;
pub mod kdf;
mod wrap;

use std::fs;
use std::io;

use crate::paths::JournalPaths;
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

    pub(crate) fn data_key(&self) -> &DataKey {
        &self.data_key
    }

    /// Checkpoints the WAL into the database and closes the connection; SQLCipher wipes the
    /// key from memory as the connection closes.
    pub fn lock(mut self) -> Result<(), VaultError> {
        // Entries deleted this session (kept until now so they could be undone) go for good.
        // A failure here must not keep the journal open: they are purged at the next lock.
        let _ = crate::timeline::purge_deleted(&mut self.store);
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
        fs::create_dir_all(dir).map_err(|e| io_error("create the folder", dir, e))?;
        if self.exists()? {
            return Err(VaultError::AlreadyExists);
        }
        let params = kdf.params()?;
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
        // The header goes first: a crash before the database exists leaves a journal that says
        // it is missing its database, never a database nobody can open.
        self.write_header(&header)?;
        let store = Store::create(&self.paths.database(), &data_key)?;
        Ok((Session { store, data_key }, recovery_key))
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

    /// Replaces the journal with a restored database and its header. The journal must be
    /// locked. The database goes first, then the header; each replacement is atomic.
    pub(crate) fn install(&self, db: &[u8], header: &[u8]) -> Result<(), VaultError> {
        Header::decode(header)?;
        let path = self.paths.database();
        for stale in ["journal.db-wal", "journal.db-shm"] {
            let p = self.paths.dir().join(stale);
            match fs::remove_file(&p) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(io_error("remove", &p, e))
                }
                _ => {}
            }
        }
        atomic::replace_file(&path, db, None).map_err(|e| io_error("write", &path, e))?;
        let header_path = self.paths.header();
        atomic::replace_file(&header_path, header, Some(&self.paths.previous_header()))
            .map_err(|e| io_error("write", &header_path, e))
    }

    fn write_header(&self, header: &Header) -> Result<(), VaultError> {
        let path = self.paths.header();
        atomic::replace_file(&path, &header.encode(), Some(&self.paths.previous_header()))
            .map_err(|e| io_error("write", &path, e))
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
