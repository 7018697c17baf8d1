//! Argon2id: turns a passphrase (or the recovery key) into a key-encryption key.

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use crate::secret::SecretKey;

/// The only KDF this header version knows: Argon2id, version 0x13.
pub const KDF_ARGON2ID_V13: u8 = 1;

/// Argon2id cost parameters, as stored in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes over memory.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

/// RFC 9106's second recommended set with one lane: the least we ever accept, even from a
/// header on disk (a header with lower numbers was tampered with).
pub const FLOOR: KdfParams = KdfParams {
    m_kib: 64 * 1024,
    t: 3,
    p: 1,
};

/// The most we accept from a header, so a crafted header cannot make unlocking eat the
/// machine's memory, abort on a failed allocation or run for minutes. The header is not
/// authenticated until the KDF has run, so this is all that stands between a stranger's file
/// and the machine. Calibration never goes past 256 MiB and t = 12 (below), so this leaves a
/// margin for a journal made on a faster machine without allowing anything absurd.
pub const CEILING: KdfParams = KdfParams {
    m_kib: 1024 * 1024,
    t: 16,
    p: 4,
};

/// What creation aims for: one unlock in about 0.5 to 1 s on the user's own machine.
pub const TARGET: Duration = Duration::from_millis(750);
const GOOD_ENOUGH: Duration = Duration::from_millis(500);
/// Calibration grows memory first (it is what makes Argon2 costly to attack), up to this much.
const CALIBRATION_MAX_M_KIB: u32 = 256 * 1024;
/// ... and then passes, up to this many.
const CALIBRATION_MAX_T: u32 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KdfError {
    #[error("the key-derivation parameters are below the minimum Daybreak accepts")]
    BelowFloor,
    #[error("the key-derivation parameters are above the maximum Daybreak accepts")]
    AboveCeiling,
}

impl KdfParams {
    /// Refuses parameters outside `FLOOR..=CEILING`.
    pub fn check(&self) -> Result<(), KdfError> {
        if self.m_kib < FLOOR.m_kib || self.t < FLOOR.t || self.p < FLOOR.p {
            Err(KdfError::BelowFloor)
        } else if self.m_kib > CEILING.m_kib || self.t > CEILING.t || self.p > CEILING.p {
            Err(KdfError::AboveCeiling)
        } else {
            Ok(())
        }
    }
}

/// Derives a 32-byte key from `secret` and `salt`. Parameters are checked first.
pub fn derive(secret: &[u8], salt: &[u8; 16], params: KdfParams) -> Result<SecretKey, KdfError> {
    params.check()?;
    derive_unchecked(secret, salt, params)
}

fn derive_unchecked(
    secret: &[u8],
    salt: &[u8; 16],
    params: KdfParams,
) -> Result<SecretKey, KdfError> {
    let argon_params = Params::new(params.m_kib, params.t, params.p, Some(32))
        .map_err(|_| KdfError::AboveCeiling)?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|_| KdfError::AboveCeiling)?;
    Ok(SecretKey::from_bytes(out))
}

/// Measures this machine and picks parameters for about `TARGET` per unlock, never below
/// the floor.
pub fn calibrate() -> KdfParams {
    let mut salt = [0u8; 16];
    crate::secret::fill_random(&mut salt);
    let started = Instant::now();
    // A throwaway input: only the time matters.
    let _ = derive_unchecked(b"calibration", &salt, FLOOR);
    params_for(started.elapsed())
}

/// Scales the floor parameters so that one derivation takes about `TARGET`, given how long
/// one derivation at the floor took. Pure, so the arithmetic is tested without a stopwatch.
pub fn params_for(floor_time: Duration) -> KdfParams {
    if floor_time >= GOOD_ENOUGH || floor_time.is_zero() {
        return FLOOR;
    }
    let mut factor = TARGET.as_secs_f64() / floor_time.as_secs_f64();
    // Memory first, in whole MiB.
    let m_factor = factor.min(f64::from(CALIBRATION_MAX_M_KIB) / f64::from(FLOOR.m_kib));
    let m_mib = ((f64::from(FLOOR.m_kib) * m_factor) / 1024.0).floor() as u32;
    let m_kib = (m_mib * 1024).clamp(FLOOR.m_kib, CALIBRATION_MAX_M_KIB);
    factor *= f64::from(FLOOR.m_kib) / f64::from(m_kib);
    // Then passes, for what memory could not cover.
    let t = ((f64::from(FLOOR.t) * factor).round() as u32).clamp(FLOOR.t, CALIBRATION_MAX_T);
    KdfParams {
        m_kib,
        t,
        p: FLOOR.p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_machines_get_the_floor_and_never_less() {
        assert_eq!(params_for(Duration::from_millis(900)), FLOOR);
        assert_eq!(params_for(Duration::from_secs(5)), FLOOR);
        assert_eq!(
            params_for(Duration::ZERO),
            FLOOR,
            "a broken measurement falls back safely"
        );
    }

    #[test]
    fn fast_machines_get_more_memory_first_then_passes() {
        // Floor takes 250 ms: three times the work reaches 750 ms, all of it as memory.
        let p = params_for(Duration::from_millis(250));
        assert_eq!(
            p,
            KdfParams {
                m_kib: 192 * 1024,
                t: 3,
                p: 1
            }
        );
        // Floor takes 50 ms: fifteen times the work: 4x memory (the cap), then ~3.75x passes.
        let p = params_for(Duration::from_millis(50));
        assert_eq!(p.m_kib, 256 * 1024);
        assert_eq!(p.t, 11);
        // Absurdly fast: capped, still valid.
        let p = params_for(Duration::from_micros(10));
        assert_eq!(
            p,
            KdfParams {
                m_kib: 256 * 1024,
                t: 12,
                p: 1
            }
        );
        assert!(p.check().is_ok());
    }

    #[test]
    fn parameters_outside_the_bounds_are_refused() {
        assert_eq!(
            KdfParams {
                m_kib: 64 * 1024 - 1,
                ..FLOOR
            }
            .check(),
            Err(KdfError::BelowFloor)
        );
        assert_eq!(
            KdfParams { t: 2, ..FLOOR }.check(),
            Err(KdfError::BelowFloor)
        );
        assert_eq!(
            KdfParams { p: 0, ..FLOOR }.check(),
            Err(KdfError::BelowFloor)
        );
        assert_eq!(
            KdfParams { t: 17, ..FLOOR }.check(),
            Err(KdfError::AboveCeiling)
        );
        assert_eq!(
            KdfParams { p: 5, ..FLOOR }.check(),
            Err(KdfError::AboveCeiling)
        );
        assert_eq!(
            KdfParams {
                m_kib: 1024 * 1024 + 1,
                ..FLOOR
            }
            .check(),
            Err(KdfError::AboveCeiling)
        );
        assert!(CEILING.check().is_ok());
        let calibrated_most = params_for(Duration::from_nanos(1));
        assert!(
            calibrated_most.check().is_ok(),
            "whatever calibration picks must open again"
        );
        assert_eq!(
            KdfParams {
                m_kib: u32::MAX,
                ..FLOOR
            }
            .check(),
            Err(KdfError::AboveCeiling)
        );
        assert!(derive(b"x", &[0; 16], KdfParams { t: 1, ..FLOOR }).is_err());
    }

    // The KDF wrapper's own unit tests are the one place allowed small parameters: they test
    // the wrapper, not the security of a journal.
    #[test]
    fn derivation_is_deterministic_and_depends_on_every_input() {
        let tiny = KdfParams {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        let a = derive_unchecked(b"passphrase", &[1; 16], tiny).unwrap();
        let b = derive_unchecked(b"passphrase", &[1; 16], tiny).unwrap();
        let other_salt = derive_unchecked(b"passphrase", &[2; 16], tiny).unwrap();
        let other_secret = derive_unchecked(b"passphrasf", &[1; 16], tiny).unwrap();
        let other_params =
            derive_unchecked(b"passphrase", &[1; 16], KdfParams { t: 2, ..tiny }).unwrap();
        assert_eq!(a.as_bytes(), b.as_bytes());
        assert_ne!(a.as_bytes(), other_salt.as_bytes());
        assert_ne!(a.as_bytes(), other_secret.as_bytes());
        assert_ne!(a.as_bytes(), other_params.as_bytes());
    }
}
