//! The one place that reads the wall clock. Everything else takes `now` as an argument, which
//! is what makes day counts testable across DST changes, travel and leap days.

use chrono::{DateTime, Utc};

/// The current instant, in UTC.
#[allow(clippy::disallowed_methods)]
pub fn now_utc() -> DateTime<Utc> {
    Utc::now()
}
