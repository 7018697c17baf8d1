//! Any bytes read as a backup file either decode or are refused, never panic (the lengths in
//! the file are attacker-chosen: a huge `db_len` must not overflow); a container that decodes
//! encodes back to exactly the same bytes, so no byte is silently ignored.
//!
//! The checksum at the end would stop almost every mutated input at the door, so each input
//! is also tried with a right checksum appended (anyone can compute one: it is unkeyed), which
//! lets the fuzzer reach the length fields behind it.
#![no_main]

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};
use daybreak_core::backup::container::Container;
use libfuzzer_sys::fuzz_target;

fn decodes_to_the_same_bytes(bytes: &[u8]) {
    if let Ok(container) = Container::decode(bytes) {
        assert_eq!(
            container.encode(),
            bytes,
            "decode then encode gives the same bytes"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    decodes_to_the_same_bytes(data);
    let mut sealed = data.to_vec();
    sealed.extend_from_slice(&Blake2b::<U32>::digest(data));
    decodes_to_the_same_bytes(&sealed);
});
