//! The header: a small versioned file beside the database that holds the data key, wrapped
//! once under the passphrase and once under the recovery key.
//!
//! Layout (all integers little-endian), 247 bytes:
//!
//! ```text
//! magic "DAYBREAK" (8) | format version u16 | slot count u8 (= 2)
//! slot × 2: kind u8 | kdf id u8 | m_kib u32 | t u32 | p u32 | salt [16] | nonce [24] | wrapped [48]
//! mac [32]: keyed BLAKE2b over every byte before it
//! ```
//!
//! Format 2 keys the MAC with a subkey derived from the data key, so the data key (which is
//! also SQLCipher's key) is used for one thing only. Format 1 keyed it with the data key
//! itself; such headers are still read, and written as format 2 the next time the header is
//! written. The version is covered by the MAC, so a header cannot be passed off as format 1.
//!
//! Each slot's KDF id, parameters and salt are bound into its AEAD as associated data, and the
//! MAC covers the whole header, so changing any byte makes unlocking fail closed.

use blake2::digest::{consts::U32, FixedOutput, Mac, Update};

/// Keyed BLAKE2b with a 256-bit output.
type Blake2bMac256 = blake2::Blake2bMac<U32>;

use super::kdf::{KdfError, KdfParams, KDF_ARGON2ID_V13};
use super::wrap::{NONCE_LEN, WRAPPED_LEN};
use crate::secret::SecretKey;

pub const MAGIC: &[u8; 8] = b"DAYBREAK";
pub const FORMAT_VERSION: u16 = 2;
/// The oldest format still read.
const OLDEST_VERSION: u16 = 1;
/// The version slots bind into their associated data. It stays 1: a slot sealed under format 1
/// (the recovery slot, which only the recovery key can reseal) must keep opening in format 2.
const SLOT_AAD_VERSION: u16 = 1;
pub const SALT_LEN: usize = 16;
const MAC_LEN: usize = 32;
const SLOT_COUNT: u8 = 2;
const SLOT_LEN: usize = 1 + 1 + 12 + SALT_LEN + NONCE_LEN + WRAPPED_LEN;
const PREAMBLE_LEN: usize = 8 + 2 + 1;
pub const HEADER_LEN: usize = PREAMBLE_LEN + 2 * SLOT_LEN + MAC_LEN;
/// Domain separation for the MAC of a format 1 header, keyed by the data key itself.
const MAC_PERSONA_V1: &[u8] = b"daybreak-hdr-v1";
/// Domain separation for deriving format 2's MAC key from the data key, and for the MAC itself.
const MAC_KEY_PERSONA: &[u8] = b"daybreak-hdr-key";
const MAC_PERSONA_V2: &[u8] = b"daybreak-hdr-v2";

/// Which secret opens a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotKind {
    Passphrase = 1,
    Recovery = 2,
}

/// One wrapped copy of the data key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub kind: SlotKind,
    pub kdf: KdfParams,
    pub salt: [u8; SALT_LEN],
    pub nonce: [u8; NONCE_LEN],
    pub wrapped: [u8; WRAPPED_LEN],
}

impl Slot {
    /// What the slot's AEAD binds: the format, the slot kind, the KDF and its parameters and
    /// the salt. Lowering a parameter or swapping slots makes unwrapping fail.
    pub fn associated_data(kind: SlotKind, kdf: KdfParams, salt: &[u8; SALT_LEN]) -> Vec<u8> {
        let mut aad = Vec::with_capacity(PREAMBLE_LEN + 14 + SALT_LEN);
        aad.extend_from_slice(MAGIC);
        aad.extend_from_slice(&SLOT_AAD_VERSION.to_le_bytes());
        aad.push(kind as u8);
        aad.push(KDF_ARGON2ID_V13);
        aad.extend_from_slice(&kdf.m_kib.to_le_bytes());
        aad.extend_from_slice(&kdf.t.to_le_bytes());
        aad.extend_from_slice(&kdf.p.to_le_bytes());
        aad.extend_from_slice(salt);
        aad
    }

    pub fn aad(&self) -> Vec<u8> {
        Self::associated_data(self.kind, self.kdf, &self.salt)
    }
}

/// A parsed header. The MAC is checked separately, once the data key is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The format it was read in (or `FORMAT_VERSION` for a new one).
    pub version: u16,
    pub passphrase: Slot,
    pub recovery: Slot,
    mac: [u8; MAC_LEN],
}

/// Why a header could not be read. None of these carries secret material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HeaderError {
    #[error("this is not a Daybreak journal header")]
    NotAHeader,
    #[error("the journal was made by a newer version of Daybreak (header format {0})")]
    NewerVersion(u16),
    #[error("the journal header is damaged")]
    Malformed,
    #[error("the journal header's key-derivation settings are out of range: {0}")]
    Params(#[from] KdfError),
}

impl Header {
    /// A header (in the current format) for two wrapped slots, sealed with a MAC.
    pub fn new(passphrase: Slot, recovery: Slot, data_key: &SecretKey) -> Self {
        let mut header = Header {
            version: FORMAT_VERSION,
            passphrase,
            recovery,
            mac: [0; MAC_LEN],
        };
        header.mac = header.compute_mac(data_key);
        header
    }

    /// The same header with its passphrase slot replaced and the MAC renewed (and a format 1
    /// header upgraded to the current format).
    pub fn with_passphrase_slot(&self, passphrase: Slot, data_key: &SecretKey) -> Self {
        Header::new(passphrase, self.recovery.clone(), data_key)
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = self.body();
        out.extend_from_slice(&self.mac);
        debug_assert_eq!(out.len(), HEADER_LEN);
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Self, HeaderError> {
        if bytes.len() < PREAMBLE_LEN || &bytes[..8] != MAGIC {
            return Err(HeaderError::NotAHeader);
        }
        let version = u16::from_le_bytes([bytes[8], bytes[9]]);
        if version > FORMAT_VERSION {
            return Err(HeaderError::NewerVersion(version));
        }
        if version < OLDEST_VERSION || bytes.len() != HEADER_LEN || bytes[10] != SLOT_COUNT {
            return Err(HeaderError::Malformed);
        }
        let mut reader = Reader {
            bytes,
            at: PREAMBLE_LEN,
        };
        let passphrase = reader.slot(SlotKind::Passphrase)?;
        let recovery = reader.slot(SlotKind::Recovery)?;
        let mac = reader.array::<MAC_LEN>();
        Ok(Header {
            version,
            passphrase,
            recovery,
            mac,
        })
    }

    /// True when the MAC over the whole header matches under this data key (constant time).
    pub fn verify_mac(&self, data_key: &SecretKey) -> bool {
        let mut mac = self.mac_state(data_key);
        Update::update(&mut mac, &self.body());
        mac.verify_slice(&self.mac).is_ok()
    }

    fn compute_mac(&self, data_key: &SecretKey) -> [u8; MAC_LEN] {
        let mut mac = self.mac_state(data_key);
        Update::update(&mut mac, &self.body());
        mac.finalize_fixed().into()
    }

    fn mac_state(&self, data_key: &SecretKey) -> Blake2bMac256 {
        if self.version == 1 {
            return keyed(data_key.as_bytes(), MAC_PERSONA_V1);
        }
        let mut derive = keyed(data_key.as_bytes(), MAC_KEY_PERSONA);
        Update::update(&mut derive, b"header mac key");
        let mac_key = zeroize::Zeroizing::new(<[u8; 32]>::from(derive.finalize_fixed()));
        keyed(&mac_key, MAC_PERSONA_V2)
    }

    fn body(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.version.to_le_bytes());
        out.push(SLOT_COUNT);
        for slot in [&self.passphrase, &self.recovery] {
            out.push(slot.kind as u8);
            out.push(KDF_ARGON2ID_V13);
            out.extend_from_slice(&slot.kdf.m_kib.to_le_bytes());
            out.extend_from_slice(&slot.kdf.t.to_le_bytes());
            out.extend_from_slice(&slot.kdf.p.to_le_bytes());
            out.extend_from_slice(&slot.salt);
            out.extend_from_slice(&slot.nonce);
            out.extend_from_slice(&slot.wrapped);
        }
        out
    }
}

fn keyed(key: &[u8; 32], persona: &[u8]) -> Blake2bMac256 {
    Blake2bMac256::new_with_salt_and_personal(key, &[], persona)
        .expect("a 32-byte key and a short persona are valid for BLAKE2b")
}

/// Reads fixed-size fields; lengths were checked before, so it cannot run past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        out.copy_from_slice(&self.bytes[self.at..self.at + N]);
        self.at += N;
        out
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.array::<4>())
    }

    fn slot(&mut self, expected: SlotKind) -> Result<Slot, HeaderError> {
        let [kind] = self.array::<1>();
        let [kdf_id] = self.array::<1>();
        if kind != expected as u8 || kdf_id != KDF_ARGON2ID_V13 {
            return Err(HeaderError::Malformed);
        }
        let kdf = KdfParams {
            m_kib: self.u32(),
            t: self.u32(),
            p: self.u32(),
        };
        kdf.check()?;
        Ok(Slot {
            kind: expected,
            kdf,
            salt: self.array(),
            nonce: self.array(),
            wrapped: self.array(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::kdf::FLOOR;

    fn sample() -> (Header, SecretKey) {
        let key = SecretKey::random();
        let slot = |kind| Slot {
            kind,
            kdf: FLOOR,
            salt: [kind as u8; SALT_LEN],
            nonce: [7; NONCE_LEN],
            wrapped: [9; WRAPPED_LEN],
        };
        (
            Header::new(slot(SlotKind::Passphrase), slot(SlotKind::Recovery), &key),
            key,
        )
    }

    #[test]
    fn encode_decode_round_trip_and_mac_verifies() {
        let (header, key) = sample();
        let bytes = header.encode();
        assert_eq!(bytes.len(), HEADER_LEN);
        let back = Header::decode(&bytes).expect("a fresh header must decode");
        assert_eq!(back, header);
        assert!(back.verify_mac(&key));
        assert!(
            !back.verify_mac(&SecretKey::random()),
            "another key must not verify the MAC"
        );
    }

    #[test]
    fn every_flipped_byte_is_caught_by_decode_or_mac() {
        let (header, key) = sample();
        let bytes = header.encode();
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x01;
            if let Ok(h) = Header::decode(&bad) {
                assert!(!h.verify_mac(&key), "flipping byte {i} must break the MAC");
            }
        }
    }

    #[test]
    fn newer_versions_and_junk_are_told_apart() {
        let (header, _) = sample();
        let mut newer = header.encode();
        newer[8..10].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        assert_eq!(
            Header::decode(&newer),
            Err(HeaderError::NewerVersion(FORMAT_VERSION + 1))
        );
        assert_eq!(
            Header::decode(b"SQLite format 3\0"),
            Err(HeaderError::NotAHeader)
        );
        assert_eq!(Header::decode(&[]), Err(HeaderError::NotAHeader));
        let bytes = header.encode();
        assert_eq!(
            Header::decode(&bytes[..bytes.len() - 1]),
            Err(HeaderError::Malformed)
        );
    }

    #[test]
    fn random_and_truncated_input_never_panics() {
        // A cheap stand-in for fuzzing: many pseudo-random inputs of every interesting length,
        // plus every truncation and extension of a real header.
        let (header, _) = sample();
        let good = header.encode();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in [
            0,
            1,
            8,
            10,
            11,
            100,
            HEADER_LEN - 1,
            HEADER_LEN,
            HEADER_LEN + 1,
            4096,
        ] {
            for _ in 0..200 {
                let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                if len >= 11 && next() % 2 == 0 {
                    bytes[..8].copy_from_slice(MAGIC);
                    bytes[8..10].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
                    bytes[10] = SLOT_COUNT;
                }
                let _ = Header::decode(&bytes);
            }
        }
        for len in 0..good.len() + 2 {
            let mut bytes = good.clone();
            bytes.resize(len, 0);
            let decoded = Header::decode(&bytes);
            assert_eq!(decoded.is_ok(), len == HEADER_LEN, "length {len}");
        }
    }

    #[test]
    fn the_mac_is_keyed_by_a_subkey_not_by_the_data_key_itself() {
        let (header, key) = sample();
        assert_eq!(header.version, FORMAT_VERSION);
        let mut plain = keyed(key.as_bytes(), MAC_PERSONA_V1);
        Update::update(&mut plain, &header.body());
        let with_data_key: [u8; MAC_LEN] = plain.finalize_fixed().into();
        assert_ne!(
            with_data_key, header.mac,
            "the MAC must not be keyed with the data key, which is also SQLCipher's key"
        );
        for persona in [MAC_PERSONA_V2, MAC_KEY_PERSONA] {
            let mut direct = keyed(key.as_bytes(), persona);
            Update::update(&mut direct, &header.body());
            let direct: [u8; MAC_LEN] = direct.finalize_fixed().into();
            assert_ne!(direct, header.mac);
        }
    }

    #[test]
    fn a_format_1_header_still_verifies_and_cannot_be_passed_off_as_format_2() {
        let (header, key) = sample();
        let mut old = header.clone();
        old.version = 1;
        old.mac = old.compute_mac(&key);
        let bytes = old.encode();
        assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 1);
        let back = Header::decode(&bytes).expect("format 1 is still read");
        assert!(back.verify_mac(&key), "a format 1 header verifies");
        let mut relabelled = bytes.clone();
        relabelled[8..10].copy_from_slice(&2u16.to_le_bytes());
        let h = Header::decode(&relabelled).unwrap();
        assert!(!h.verify_mac(&key), "changing the version breaks the MAC");
        let upgraded = back.with_passphrase_slot(back.passphrase.clone(), &key);
        assert_eq!(
            upgraded.version, FORMAT_VERSION,
            "the next write upgrades it"
        );
        assert!(upgraded.verify_mac(&key));
    }

    #[test]
    fn lowered_parameters_are_refused_before_any_derivation() {
        let (header, _) = sample();
        let mut bytes = header.encode();
        // The passphrase slot's t is at offset preamble + kind + kdf id + m_kib.
        let t_at = PREAMBLE_LEN + 2 + 4;
        bytes[t_at..t_at + 4].copy_from_slice(&1u32.to_le_bytes());
        assert_eq!(
            Header::decode(&bytes),
            Err(HeaderError::Params(KdfError::BelowFloor))
        );
    }
}
