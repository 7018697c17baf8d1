//! Wrapping the data key: XChaCha20-Poly1305 under a key-encryption key, with the header's
//! parameters as associated data so that changing any of them makes unwrapping fail.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::secret::{fill_random, SecretKey};

pub const NONCE_LEN: usize = 24;
/// 32 bytes of key and a 16-byte tag.
pub const WRAPPED_LEN: usize = 48;

/// Encrypts `key` under `kek`, binding `aad`. Returns a fresh random nonce and the ciphertext.
pub fn wrap(kek: &SecretKey, key: &SecretKey, aad: &[u8]) -> ([u8; NONCE_LEN], [u8; WRAPPED_LEN]) {
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut nonce);
    let cipher = XChaCha20Poly1305::new(Key::from_slice(kek.as_bytes()));
    let sealed = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key.as_bytes(),
                aad,
            },
        )
        .expect("XChaCha20-Poly1305 encryption of 32 bytes cannot fail");
    let mut wrapped = [0u8; WRAPPED_LEN];
    wrapped.copy_from_slice(&sealed);
    (nonce, wrapped)
}

/// Decrypts a wrapped key. `None` when the key-encryption key is wrong or anything bound into
/// the ciphertext was changed: the two cannot and must not be told apart.
pub fn unwrap(
    kek: &SecretKey,
    nonce: &[u8; NONCE_LEN],
    wrapped: &[u8; WRAPPED_LEN],
    aad: &[u8],
) -> Option<SecretKey> {
    let cipher = XChaCha20Poly1305::new(Key::from_slice(kek.as_bytes()));
    let opened = Zeroizing::new(
        cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: wrapped, aad })
            .ok()?,
    );
    let mut key = Zeroizing::new([0u8; 32]);
    key.copy_from_slice(opened.get(..32)?);
    Some(SecretKey::from_bytes(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_then_unwrap_gives_the_same_key() {
        let kek = SecretKey::random();
        let key = SecretKey::random();
        let (nonce, wrapped) = wrap(&kek, &key, b"params");
        let back = unwrap(&kek, &nonce, &wrapped, b"params").expect("the right kek must open it");
        assert_eq!(back.as_bytes(), key.as_bytes());
    }

    #[test]
    fn wrong_kek_or_changed_aad_fails() {
        let kek = SecretKey::random();
        let key = SecretKey::random();
        let (nonce, wrapped) = wrap(&kek, &key, b"params");
        assert!(unwrap(&SecretKey::random(), &nonce, &wrapped, b"params").is_none());
        assert!(unwrap(&kek, &nonce, &wrapped, b"paramz").is_none());
        let mut flipped = wrapped;
        flipped[0] ^= 1;
        assert!(unwrap(&kek, &nonce, &flipped, b"params").is_none());
    }
}
