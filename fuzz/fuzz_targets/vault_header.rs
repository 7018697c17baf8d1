//! Any bytes read as a journal header either decode or are refused, never panic; a header
//! that decodes encodes back to exactly the same bytes, so no byte is silently ignored.
#![no_main]

use daybreak_core::vault::header::Header;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(header) = Header::decode(data) {
        assert_eq!(
            header.encode(),
            data,
            "decode then encode gives the same bytes"
        );
    }
});
