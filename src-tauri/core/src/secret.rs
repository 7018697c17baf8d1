//! Secrets have their own types: zeroized on drop, redacted in `Debug`, never `Serialize`,
//! and not `Clone` unless a caller truly needs a copy.

use std::fmt;

use serde::{Deserialize, Deserializer};
use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, Zeroizing};

/// Shortest passphrase we accept for a new journal or a passphrase change.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// Longest passphrase we accept; long enough for any sentence, short enough to refuse junk.
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// A passphrase as the user typed it, normalized to Unicode NFC so the same words typed on
/// different keyboards or systems derive the same key.
pub struct Passphrase(Zeroizing<String>);

/// Why a new passphrase was refused. The messages are written for the person choosing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseProblem {
    #[error("Please choose a passphrase.")]
    Empty,
    #[error("Use at least 8 characters for your passphrase.")]
    TooShort,
    #[error("That passphrase is too long (the limit is 1024 characters).")]
    TooLong,
}

impl Passphrase {
    pub fn new(typed: &str) -> Self {
        // Room for the longest NFC can make it (three times the bytes), so the string is never
        // grown: growing moves it and frees the old copy without wiping it.
        let mut normalized = Zeroizing::new(String::with_capacity(typed.len() * 3));
        normalized.extend(typed.nfc());
        Self(normalized)
    }

    /// Checks the rules for a passphrase that is about to protect a journal. Unlocking does not
    /// call this: an existing passphrase is whatever it is.
    pub fn check_new(&self) -> Result<(), PassphraseProblem> {
        let chars = self.0.chars().count();
        if self.0.trim().is_empty() {
            Err(PassphraseProblem::Empty)
        } else if chars < MIN_PASSPHRASE_CHARS {
            Err(PassphraseProblem::TooShort)
        } else if chars > MAX_PASSPHRASE_CHARS {
            Err(PassphraseProblem::TooLong)
        } else {
            Ok(())
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

impl<'de> Deserialize<'de> for Passphrase {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let typed = Zeroizing::new(String::deserialize(deserializer)?);
        Ok(Passphrase::new(&typed))
    }
}

/// The UI sends a passphrase as the text typed (it is never sent back).
impl specta::Type for Passphrase {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        String::definition(types)
    }
}

/// A 256-bit key. Used for the data key (SQLCipher's raw key) and for key-encryption keys.
pub struct SecretKey(Zeroizing<[u8; 32]>);

/// The random key that encrypts the database.
pub type DataKey = SecretKey;

impl SecretKey {
    /// A fresh key from the operating system's randomness.
    pub fn random() -> Self {
        let mut key = Zeroizing::new([0u8; 32]);
        fill_random(key.as_mut());
        Self(key)
    }

    pub(crate) fn from_bytes(bytes: Zeroizing<[u8; 32]>) -> Self {
        Self(bytes)
    }

    /// A second copy, for a holder that must outlive this one (each copy zeroizes on drop).
    pub(crate) fn duplicate(&self) -> Self {
        Self(Zeroizing::new(*self.0))
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Lower-case hex, as SQLCipher's raw-key syntax wants it.
    pub(crate) fn to_hex(&self) -> Zeroizing<String> {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut hex = Zeroizing::new(String::with_capacity(64));
        for byte in self.0.iter() {
            hex.push(DIGITS[usize::from(byte >> 4)] as char);
            hex.push(DIGITS[usize::from(byte & 0x0f)] as char);
        }
        hex
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// Length of the recovery key's secret: 160 random bits, 32 characters of Crockford base32.
const RECOVERY_BYTES: usize = 20;
const RECOVERY_GROUP: usize = 4;
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The recovery key shown once at creation, grouped for writing down: `K7QF-9M2D-...`.
pub struct RecoveryKey(Zeroizing<[u8; RECOVERY_BYTES]>);

impl RecoveryKey {
    pub fn random() -> Self {
        let mut bytes = Zeroizing::new([0u8; RECOVERY_BYTES]);
        fill_random(bytes.as_mut());
        Self(bytes)
    }

    /// Reads a recovery key as a person might type it back: any case, with or without dashes
    /// and spaces, and with the look-alike letters O, I and L read as 0, 1 and 1.
    pub fn parse(typed: &str) -> Option<Self> {
        let mut bits: u64 = 0;
        let mut nbits = 0u32;
        let mut out = Zeroizing::new([0u8; RECOVERY_BYTES]);
        let mut written = 0usize;
        for c in typed.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let value = CROCKFORD.iter().position(|&d| d as char == c)? as u64;
            bits = (bits << 5) | value;
            nbits += 5;
            if nbits >= 8 {
                nbits -= 8;
                if written == RECOVERY_BYTES {
                    return None;
                }
                out[written] = (bits >> nbits) as u8;
                written += 1;
                bits &= (1 << nbits) - 1;
            }
        }
        bits.zeroize();
        (written == RECOVERY_BYTES && nbits == 0).then(|| Self(out))
    }

    /// The key as it is shown to the user: eight groups of four characters.
    pub fn display(&self) -> Zeroizing<String> {
        let mut chars = Zeroizing::new(String::with_capacity(40));
        let mut bits: u64 = 0;
        let mut nbits = 0u32;
        for &byte in self.0.iter() {
            bits = (bits << 8) | u64::from(byte);
            nbits += 8;
            while nbits >= 5 {
                nbits -= 5;
                chars.push(CROCKFORD[((bits >> nbits) & 31) as usize] as char);
            }
        }
        bits.zeroize();
        let mut grouped = Zeroizing::new(String::with_capacity(40));
        for (i, c) in chars.chars().enumerate() {
            if i > 0 && i % RECOVERY_GROUP == 0 {
                grouped.push('-');
            }
            grouped.push(c);
        }
        grouped
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_ref()
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(<redacted>)")
    }
}

impl<'de> Deserialize<'de> for RecoveryKey {
    /// A recovery key that cannot be read is kept as an unusable key rather than an error, so a
    /// typo and a wrong key reach the user as the same clear "didn't open" message.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let typed = Zeroizing::new(String::deserialize(deserializer)?);
        Ok(RecoveryKey::parse(&typed)
            .unwrap_or_else(|| Self(Zeroizing::new([0u8; RECOVERY_BYTES]))))
    }
}

/// The UI sends a recovery key as the text typed, `K7QF-9M2D-...`.
impl specta::Type for RecoveryKey {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        String::definition(types)
    }
}

/// Fills `buf` from the operating system's randomness. There is no sensible way to go on
/// without it, so failure aborts with a message that carries no secret.
pub(crate) fn fill_random(buf: &mut [u8]) {
    getrandom::getrandom(buf).expect("the operating system's random number generator failed");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_key_round_trips_through_its_display_form() {
        let key = RecoveryKey::random();
        let shown = key.display();
        assert_eq!(
            shown.len(),
            39,
            "eight groups of four with seven dashes: {}",
            shown.len()
        );
        assert_eq!(shown.split('-').count(), 8);
        let parsed = RecoveryKey::parse(&shown).expect("the shown key must parse");
        assert_eq!(parsed.as_bytes(), key.as_bytes());
    }

    #[test]
    fn recovery_key_parse_forgives_case_spaces_and_lookalikes() {
        let key = RecoveryKey::random();
        let shown = key.display().to_string();
        let sloppy = shown
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        let parsed = RecoveryKey::parse(&sloppy).expect("a sloppily typed key must still parse");
        assert_eq!(parsed.as_bytes(), key.as_bytes());
    }

    #[test]
    fn recovery_key_parse_refuses_wrong_lengths_and_letters() {
        let shown = RecoveryKey::random().display().to_string();
        assert!(
            RecoveryKey::parse(&shown[..shown.len() - 1]).is_none(),
            "one character short"
        );
        assert!(
            RecoveryKey::parse(&format!("{shown}A")).is_none(),
            "one character long"
        );
        assert!(
            RecoveryKey::parse(&shown.replacen(|c: char| c.is_ascii_alphanumeric(), "U", 1))
                .is_none()
        );
        assert!(RecoveryKey::parse("").is_none());
    }

    #[test]
    fn passphrases_are_normalized_to_nfc() {
        let composed = Passphrase::new("caf\u{e9} au lait");
        let decomposed = Passphrase::new("cafe\u{301} au lait");
        assert_eq!(
            composed.as_bytes(),
            decomposed.as_bytes(),
            "NFC makes both spellings equal"
        );
    }

    #[test]
    fn new_passphrase_rules() {
        assert_eq!(
            Passphrase::new("").check_new(),
            Err(PassphraseProblem::Empty)
        );
        assert_eq!(
            Passphrase::new("        ").check_new(),
            Err(PassphraseProblem::Empty)
        );
        assert_eq!(
            Passphrase::new("seven77").check_new(),
            Err(PassphraseProblem::TooShort)
        );
        assert_eq!(Passphrase::new("eight888").check_new(), Ok(()));
        // Characters, not bytes: eight accented letters are enough.
        assert_eq!(Passphrase::new("éééééééé").check_new(), Ok(()));
        assert_eq!(
            Passphrase::new(&"x".repeat(1025)).check_new(),
            Err(PassphraseProblem::TooLong)
        );
    }

    #[test]
    fn debug_output_is_redacted() {
        let p = Passphrase::new("hunter22 secret words");
        let k = SecretKey::random();
        let r = RecoveryKey::random();
        let text = format!("{p:?} {k:?} {r:?}");
        assert!(
            !text.contains("hunter22"),
            "a passphrase must never appear in Debug output"
        );
        assert!(
            !text.contains(&k.to_hex()[..8]),
            "a key must never appear in Debug output"
        );
        assert!(
            !text.contains(&r.display()[..4]),
            "a recovery key must never appear in Debug"
        );
    }

    #[test]
    fn data_key_hex_is_64_lower_case_digits() {
        let hex = SecretKey::random().to_hex();
        assert_eq!(hex.len(), 64);
        assert!(hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    }
}
