//! The backup file: one file holding the header and the encrypted database, with a checksum
//! over both so a half-written or damaged backup is never taken for a good one.
//!
//! ```text
//! magic "DAYBREAK-BACKUP" 0x01 (16) | created_at ms i64 | header_len u32 | header
//! | db_len u64 | db | BLAKE2b-256 of everything before
//! ```

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};

pub const MAGIC: &[u8; 16] = b"DAYBREAK-BACKUP\x01";
const SUM_LEN: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    pub created_at_ms: i64,
    pub header: Vec<u8>,
    pub db: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ContainerError {
    #[error("this is not a Daybreak backup")]
    NotABackup,
    #[error("this backup is incomplete or damaged")]
    Damaged,
}

fn checksum(bytes: &[u8]) -> [u8; SUM_LEN] {
    Blake2b::<U32>::digest(bytes).into()
}

impl Container {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.header.len() + self.db.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.created_at_ms.to_le_bytes());
        out.extend_from_slice(&(self.header.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.header);
        out.extend_from_slice(&(self.db.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.db);
        let sum = checksum(&out);
        out.extend_from_slice(&sum);
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Container, ContainerError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ContainerError::NotABackup);
        }
        if bytes.len() < MAGIC.len() + 8 + 4 + 8 + SUM_LEN {
            return Err(ContainerError::Damaged);
        }
        let (body, sum) = bytes.split_at(bytes.len() - SUM_LEN);
        if checksum(body) != sum {
            return Err(ContainerError::Damaged);
        }
        let mut at = MAGIC.len();
        // `n` comes from the file: a crafted length must not overflow `at + n`.
        let mut take = |n: usize| -> Result<&[u8], ContainerError> {
            let end = at.checked_add(n).ok_or(ContainerError::Damaged)?;
            let slice = body.get(at..end).ok_or(ContainerError::Damaged)?;
            at = end;
            Ok(slice)
        };
        let created_at_ms =
            i64::from_le_bytes(take(8)?.try_into().map_err(|_| ContainerError::Damaged)?);
        let header_len =
            u32::from_le_bytes(take(4)?.try_into().map_err(|_| ContainerError::Damaged)?) as usize;
        let header = take(header_len)?.to_vec();
        let db_len = u64::from_le_bytes(take(8)?.try_into().map_err(|_| ContainerError::Damaged)?);
        let db = take(usize::try_from(db_len).map_err(|_| ContainerError::Damaged)?)?.to_vec();
        if at != body.len() {
            return Err(ContainerError::Damaged);
        }
        Ok(Container {
            created_at_ms,
            header,
            db,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A container body with the given length fields (and a right checksum, which anyone can
    /// compute), followed by `rest`.
    fn crafted(header_len: u32, db_len: u64, rest: &[u8]) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&42i64.to_le_bytes());
        bytes.extend_from_slice(&header_len.to_le_bytes());
        bytes.extend_from_slice(&[1, 2, 3]);
        bytes.extend_from_slice(&db_len.to_le_bytes());
        bytes.extend_from_slice(rest);
        let sum = checksum(&bytes);
        bytes.extend_from_slice(&sum);
        bytes
    }

    #[test]
    fn huge_lengths_from_the_file_are_refused_without_overflow() {
        for (header_len, db_len) in [
            (3, u64::MAX),
            (3, u64::MAX - 30),
            (3, usize::MAX as u64 - 8),
            (u32::MAX, 0),
            (u32::MAX, u64::MAX),
        ] {
            assert_eq!(
                Container::decode(&crafted(header_len, db_len, &[9; 10])),
                Err(ContainerError::Damaged),
                "header_len {header_len}, db_len {db_len} must be refused, not overflow"
            );
        }
        let good = crafted(3, 10, &[9; 10]);
        assert_eq!(Container::decode(&good).unwrap().db, [9; 10]);
    }

    #[test]
    fn round_trip_and_any_truncation_or_flip_is_caught() {
        let c = Container {
            created_at_ms: 42,
            header: vec![1, 2, 3],
            db: vec![9; 100],
        };
        let bytes = c.encode();
        assert_eq!(Container::decode(&bytes).unwrap(), c);
        for len in 0..bytes.len() {
            assert!(
                Container::decode(&bytes[..len]).is_err(),
                "truncated to {len} must fail"
            );
        }
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert!(
                Container::decode(&bad).is_err(),
                "flipping byte {i} must fail"
            );
        }
        assert_eq!(
            Container::decode(b"SQLite format 3\0xxxx"),
            Err(ContainerError::NotABackup)
        );
    }
}
