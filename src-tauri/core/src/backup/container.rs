//! The backup file: one file holding the header and the encrypted database, with a checksum
//! over both so a half-written or damaged backup is never taken for a good one.
//!
//! ```text
//! magic "DAYBREAK-BACKUP" 0x01 (16) | created_at ms i64 | header_len u32 | header
//! | db_len u64 | db | BLAKE2b-256 of everything before
//! ```

use std::io::{self, Read, Write};

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};

pub const MAGIC: &[u8; 16] = b"DAYBREAK-BACKUP\x01";
const SUM_LEN: usize = 32;

/// A whole container in memory (the fuzz target and the tests; the app streams, see
/// `write_to` and `read_from`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    pub created_at_ms: i64,
    pub header: Vec<u8>,
    pub db: Vec<u8>,
}

/// What a container holds besides its database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub created_at_ms: i64,
    pub header: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ContainerError {
    #[error("this is not a Daybreak backup")]
    NotABackup,
    #[error("this backup is incomplete or damaged")]
    Damaged,
}

/// Why reading a container failed: what it holds, or reading it, or writing its database out.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Container(#[from] ContainerError),
    #[error("reading the backup failed")]
    Read(#[source] io::Error),
    #[error("writing the backup's database out failed")]
    Write(#[source] io::Error),
}

/// Reads or writes through, hashing every byte that passes.
struct Summed<T> {
    inner: T,
    sum: Blake2b<U32>,
}

impl<T> Summed<T> {
    fn new(inner: T) -> Self {
        Self {
            inner,
            sum: Blake2b::new(),
        }
    }
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sum.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<R: Read> Read for Summed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.sum.update(&buf[..n]);
        Ok(n)
    }
}

/// Writes a container to `out`, its database streamed from `db`, which must give exactly
/// `db_len` bytes: a backup never holds the whole journal in memory.
pub fn write_to(
    out: &mut impl Write,
    created_at_ms: i64,
    header: &[u8],
    db: &mut impl Read,
    db_len: u64,
) -> io::Result<()> {
    let header_len = u32::try_from(header.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "the key file is too long"))?;
    let mut body = Summed::new(out);
    body.write_all(MAGIC)?;
    body.write_all(&created_at_ms.to_le_bytes())?;
    body.write_all(&header_len.to_le_bytes())?;
    body.write_all(header)?;
    body.write_all(&db_len.to_le_bytes())?;
    if io::copy(&mut db.take(db_len), &mut body)? != db_len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    let sum = body.sum.finalize();
    body.inner.write_all(&sum)
}

/// Reads a container from `input`, streaming its database into `db_out`. The whole file is
/// checked: its checksum, and nothing after it. What `db_out` was given is only to be used
/// when this returns `Ok`. The lengths come from the file: nothing is allocated by them, and
/// a length longer than the file is refused once the file ends.
pub fn read_from(input: &mut impl Read, db_out: &mut impl Write) -> Result<Opened, ReadError> {
    let mut body = Summed::new(input);
    let mut magic = [0u8; 16];
    read_exact_or(&mut body, &mut magic, ContainerError::NotABackup)?;
    if &magic != MAGIC {
        return Err(ContainerError::NotABackup.into());
    }
    let created_at_ms = i64::from_le_bytes(read_array(&mut body)?);
    let header_len = u32::from_le_bytes(read_array(&mut body)?);
    let mut header = Vec::new();
    (&mut body)
        .take(u64::from(header_len))
        .read_to_end(&mut header)
        .map_err(ReadError::Read)?;
    if header.len() != header_len as usize {
        return Err(ContainerError::Damaged.into());
    }
    let db_len = u64::from_le_bytes(read_array(&mut body)?);
    let mut left = db_len;
    let mut buf = vec![0u8; 64 * 1024];
    while left > 0 {
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = match body.read(&mut buf[..want]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadError::Read(e)),
        };
        if n == 0 {
            return Err(ContainerError::Damaged.into());
        }
        db_out.write_all(&buf[..n]).map_err(ReadError::Write)?;
        left -= n as u64;
    }
    let computed: [u8; SUM_LEN] = body.sum.finalize().into();
    let mut stored = [0u8; SUM_LEN];
    read_exact_or(&mut body.inner, &mut stored, ContainerError::Damaged)?;
    let mut after = [0u8; 1];
    if body.inner.read(&mut after).map_err(ReadError::Read)? != 0 || computed != stored {
        return Err(ContainerError::Damaged.into());
    }
    Ok(Opened {
        created_at_ms,
        header,
    })
}

/// Fills `buf`; a file that ends first is `short`.
fn read_exact_or(
    input: &mut impl Read,
    buf: &mut [u8],
    short: ContainerError,
) -> Result<(), ReadError> {
    input.read_exact(buf).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => ReadError::Container(short),
        _ => ReadError::Read(e),
    })
}

fn read_array<const N: usize>(input: &mut impl Read) -> Result<[u8; N], ReadError> {
    let mut buf = [0u8; N];
    read_exact_or(input, &mut buf, ContainerError::Damaged)?;
    Ok(buf)
}

impl Container {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.header.len() + self.db.len());
        // Writing to memory does not fail, and `db` gives exactly its length.
        let _ = write_to(
            &mut out,
            self.created_at_ms,
            &self.header,
            &mut self.db.as_slice(),
            self.db.len() as u64,
        );
        out
    }

    pub fn decode(mut bytes: &[u8]) -> Result<Container, ContainerError> {
        let mut db = Vec::new();
        match read_from(&mut bytes, &mut db) {
            Ok(Opened {
                created_at_ms,
                header,
            }) => Ok(Container {
                created_at_ms,
                header,
                db,
            }),
            Err(ReadError::Container(e)) => Err(e),
            // Reading memory and writing to it do not fail.
            Err(ReadError::Read(_) | ReadError::Write(_)) => Err(ContainerError::Damaged),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A container body with the given length fields (and a right checksum, which anyone can
    /// compute), followed by `rest`.
    fn crafted(header_len: u32, db_len: u64, rest: &[u8]) -> Vec<u8> {
        let checksum = |bytes: &[u8]| -> [u8; SUM_LEN] { Blake2b::<U32>::digest(bytes).into() };
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
