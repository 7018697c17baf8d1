//! The one place that reads the wall clock and the system's time zone. Everything else takes
//! `now` and the zone as arguments, which is what makes day counts testable across DST
//! changes, travel and leap days.

use crate::zone::Zone;
use chrono::{DateTime, Utc};

/// The current instant, in UTC.
#[allow(clippy::disallowed_methods)]
pub fn now_utc() -> DateTime<Utc> {
    Utc::now()
}

/// The user's current time zone, as the operating system reports it; UTC when it cannot be
/// read or is not in the time zone database.
pub fn current_zone() -> Zone {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| Zone::named(&name))
        .unwrap_or(Zone::UTC)
}
