//! Sober days: clocks, the count, milestones, slips, daily check-ins and savings.
//!
//! Every function takes `now` and the user's time zone: the count is a calendar rule (see
//! `count`), so it must be testable across DST changes, travel and leap days.

pub mod check_ins;
pub mod clocks;
pub mod count;
pub mod milestones;
mod model;
pub mod slips;
pub mod streaks;
pub mod today;
mod views;

pub use check_ins::{CheckIn, EveningCheckIn};
pub use clocks::ClockInput;
pub use count::Span;
pub use model::{
    ClockDetail, ClockView, MilestoneLength, MilestoneReached, MilestoneView, Savings, Slip,
    Streak, TimeUnit,
};
pub use slips::{SlipInput, SlipRecorded};
pub use today::TodayView;
