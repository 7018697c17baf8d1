//! The Today screen in one call: the main clock, the other active clocks, today's check-in and
//! the check-in streak.

use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use super::check_ins::{self, CheckIn};
use super::clocks;
use super::model::ClockView;
use crate::data_error::DataError;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TodayView {
    pub day: NaiveDate,
    /// The pinned clock, or else the first active one.
    pub main_clock: Option<ClockView>,
    /// Every active clock, the main one first.
    pub clocks: Vec<ClockView>,
    pub check_in: Option<CheckIn>,
    pub check_in_streak: i64,
}

pub fn today(store: &Store, now: DateTime<Utc>, tz: Zone) -> Result<TodayView, DataError> {
    let day = check_ins::today(now, tz);
    let clocks = clocks::list(store, false, now, tz)?;
    let (check_in, check_in_streak) = store.read(|conn| {
        Ok::<_, DataError>((check_ins::get(conn, day)?, check_ins::streak(conn, day)?))
    })?;
    Ok(TodayView {
        day,
        main_clock: clocks.first().cloned(),
        clocks,
        check_in,
        check_in_streak,
    })
}
