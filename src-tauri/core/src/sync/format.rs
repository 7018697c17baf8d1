//! The change file: a batch of operations, sealed with XChaCha20-Poly1305 under the sync key.
//!
//! ```text
//! version u8 (= 1) | nonce [24] | ciphertext of: length u32 LE | JSON batch | zero padding
//! ```
//!
//! The associated data binds the file to its name: `"daybreak sync change" | device id |
//! seq u64 LE | version`, so a file copied under another name or device folder does not open.
//! Files are padded to a size bucket (4 KiB, doubling to 1 MiB, then whole MiB), so a size
//! says roughly how many changes a batch holds, never which kinds or how long a text is.
//!
//! The sync key is a BLAKE2b subkey of the data key (like the header's MAC key), so the data
//! key itself, SQLCipher's key, encrypts nothing here.

use blake2::digest::{consts::U32, FixedOutput, Update};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::record::Fields;
use crate::secret::SecretKey;

pub const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
const OVERHEAD: usize = 1 + NONCE_LEN + TAG_LEN + 4;
const SMALLEST: usize = 4096;
const MIB: usize = 1 << 20;

/// One change: a record's new state, or a tombstone when `record` is absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    pub uuid: String,
    pub kind: String,
    pub hlc: i64,
    pub device: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Fields>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Batch {
    pub ops: Vec<Op>,
    /// Only in a snapshot (`snapshot.rs`): for each computer, the number of its last change
    /// file whose changes the snapshot holds (every file up to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<std::collections::BTreeMap<String, u64>>,
}

/// The key change files are sealed with, derived from the data key.
pub struct SyncKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for SyncKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SyncKey(redacted)")
    }
}

impl SyncKey {
    pub fn derive(data_key: &SecretKey) -> Self {
        let mut derive = blake2::Blake2bMac::<U32>::new_with_salt_and_personal(
            data_key.as_bytes(),
            &[],
            b"daybreak-sync",
        )
        .expect("a 32-byte key and a short persona are valid for BLAKE2b");
        Update::update(&mut derive, b"change file key");
        Self(Zeroizing::new(derive.finalize_fixed().into()))
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FormatError {
    #[error("the change file is too short or of an unknown version")]
    Shape,
    #[error("the change file does not open with this journal's key (or was changed)")]
    Seal,
    #[error("the change file's contents are not a batch of changes")]
    Contents,
}

fn associated_data(device: &str, seq: u64, version: u8) -> Vec<u8> {
    let mut ad = Vec::with_capacity(64);
    ad.extend_from_slice(b"daybreak sync change");
    ad.extend_from_slice(device.as_bytes());
    ad.extend_from_slice(&seq.to_le_bytes());
    ad.push(version);
    ad
}

/// The size a file holding `plain` bytes of batch is padded to.
pub fn padded_size(plain: usize) -> usize {
    let needed = plain + OVERHEAD;
    if needed <= MIB {
        needed.next_power_of_two().max(SMALLEST)
    } else {
        needed.div_ceil(MIB) * MIB
    }
}

/// Seals `batch` as file `seq` of `device`.
pub fn seal(key: &SyncKey, device: &str, seq: u64, batch: &Batch) -> Vec<u8> {
    let json = Zeroizing::new(serde_json::to_vec(batch).expect("a batch always serializes"));
    let total = padded_size(json.len());
    let mut plain = Zeroizing::new(Vec::with_capacity(total - 1 - NONCE_LEN - TAG_LEN));
    plain.extend_from_slice(&(json.len() as u32).to_le_bytes());
    plain.extend_from_slice(&json);
    plain.resize(total - 1 - NONCE_LEN - TAG_LEN, 0);
    let mut nonce = [0u8; NONCE_LEN];
    crate::secret::fill_random(&mut nonce);
    let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
    let ad = associated_data(device, seq, VERSION);
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &plain,
                aad: &ad,
            },
        )
        .expect("XChaCha20-Poly1305 encrypts any length we write");
    let mut out = Vec::with_capacity(total);
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    debug_assert_eq!(out.len(), total);
    out
}

/// Opens file `seq` of `device`. A file still being written, damaged, renamed or sealed under
/// another key fails here, and is tried again later.
pub fn open(key: &SyncKey, device: &str, seq: u64, bytes: &[u8]) -> Result<Batch, FormatError> {
    if bytes.len() < OVERHEAD || bytes[0] != VERSION {
        return Err(FormatError::Shape);
    }
    let cipher = XChaCha20Poly1305::new(key.as_bytes().into());
    let ad = associated_data(device, seq, bytes[0]);
    let plain = Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&bytes[1..1 + NONCE_LEN]),
                Payload {
                    msg: &bytes[1 + NONCE_LEN..],
                    aad: &ad,
                },
            )
            .map_err(|_| FormatError::Seal)?,
    );
    let len = u32::from_le_bytes(plain[..4].try_into().expect("4 bytes")) as usize;
    let json = plain.get(4..4 + len).ok_or(FormatError::Contents)?;
    serde_json::from_slice(json).map_err(|_| FormatError::Contents)
}

/// Reads and opens `file` as change file `seq` of `device`; `None` when it is not there or
/// does not open.
pub(crate) fn read_sealed(
    key: &SyncKey,
    file: &std::path::Path,
    device: &str,
    seq: u64,
) -> Option<Batch> {
    open(key, device, seq, &std::fs::read(file).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(note: &str) -> Batch {
        let mut record = Fields::new();
        record.insert("note".into(), note.into());
        Batch {
            ops: vec![Op {
                uuid: "u".into(),
                kind: "mood".into(),
                hlc: 7,
                device: "d".into(),
                record: Some(record),
            }],
            covers: None,
        }
    }

    #[test]
    fn a_sealed_batch_opens_only_under_its_own_name_and_key() {
        let key = SyncKey::derive(&SecretKey::random());
        let bytes = seal(&key, "aa", 3, &batch("hello"));
        assert_eq!(open(&key, "aa", 3, &bytes).unwrap(), batch("hello"));
        assert_eq!(
            open(&key, "aa", 4, &bytes),
            Err(FormatError::Seal),
            "another seq"
        );
        assert_eq!(
            open(&key, "bb", 3, &bytes),
            Err(FormatError::Seal),
            "another device"
        );
        let other = SyncKey::derive(&SecretKey::random());
        assert_eq!(open(&other, "aa", 3, &bytes), Err(FormatError::Seal));
        let mut flipped = bytes.clone();
        flipped[100] ^= 1;
        assert_eq!(open(&key, "aa", 3, &flipped), Err(FormatError::Seal));
        assert_eq!(
            open(&key, "aa", 3, &bytes[..bytes.len() / 2]),
            Err(FormatError::Seal),
            "half a file does not open"
        );
        assert_eq!(open(&key, "aa", 3, &bytes[..10]), Err(FormatError::Shape));
    }

    #[test]
    fn sizes_fall_in_buckets_that_hide_the_length_of_a_text() {
        let key = SyncKey::derive(&SecretKey::random());
        let short = seal(&key, "aa", 1, &batch("ok"));
        let long = seal(&key, "aa", 1, &batch(&"x".repeat(2000)));
        assert_eq!(short.len(), 4096);
        assert_eq!(long.len(), 4096, "a short and a long note look the same");
        assert_eq!(padded_size(5000), 8192);
        assert_eq!(padded_size(MIB + 1), 2 * MIB);
        assert_eq!(padded_size(3 * MIB), 4 * MIB);
    }
}
