//! What the UI is shown of a clock (the types are in `model`), computed from the stored clock, its slips and the
//! milestones already celebrated. All derived: nothing here is stored.

use crate::zone::Zone;
use chrono::{DateTime, Utc};

use super::count::Span;
use super::milestones::{position, reached, Milestone};
use super::model::{
    Clock, ClockDetail, ClockView, MilestoneReached, MilestoneView, Savings, Slip, Streak,
};
use super::streaks::{history, streaks, History, StreakSpan};
use crate::time::{instant_at, local};

fn milestone_view(m: Milestone, wall: chrono::NaiveDateTime, tz: Zone) -> MilestoneView {
    MilestoneView {
        key: m.key(),
        length: m.length(),
        at: instant_at(wall, tz),
    }
}

/// Builds the view of one clock. `seen` are the milestone keys already celebrated in the
/// current streak.
pub(crate) fn clock_view(
    clock: &Clock,
    slips: &[DateTime<Utc>],
    seen: &[String],
    now: DateTime<Utc>,
    tz: Zone,
) -> ClockView {
    let spans = streaks(clock.started_at, slips);
    let h = history(&spans, now, tz);
    let current = *spans.last().expect("there is always a current streak");
    view_from(clock, &current, &h, seen, now, tz)
}

fn view_from(
    clock: &Clock,
    current: &StreakSpan,
    h: &History,
    seen: &[String],
    now: DateTime<Utc>,
    tz: Zone,
) -> ClockView {
    let (start, wall_now) = (local(current.start, tz), local(now, tz));
    let ladder = position(start, wall_now);
    let uncelebrated = ladder
        .last
        .filter(|(m, _)| !seen.contains(&m.key()))
        .map(|(m, at)| milestone_view(m, at, tz));
    ClockView {
        id: clock.id,
        name: clock.name.clone(),
        started_at: clock.started_at,
        streak_started_at: current.start,
        days: h.current_days,
        span: Span::between(start, wall_now),
        elapsed_seconds: current.seconds(now),
        pinned: clock.pinned,
        archived: clock.archived,
        last_milestone: ladder.last.map(|(m, at)| milestone_view(m, at, tz)),
        next_milestone: Some(milestone_view(ladder.next.0, ladder.next.1, tz)),
        progress: ladder.progress,
        uncelebrated,
        restarts: h.restarts as i64,
        longest_streak_days: h.longest_days,
        total_sober_days: h.total_days,
        savings: savings(clock, h),
    }
}

fn savings(clock: &Clock, h: &History) -> Option<Savings> {
    if clock.money_per_day_cents.is_none() && clock.minutes_per_day.is_none() {
        return None;
    }
    let times = |per_day: Option<i64>, days: i64| per_day.map(|p| p.saturating_mul(days));
    Some(Savings {
        currency: clock.currency.clone(),
        money_per_day_cents: clock.money_per_day_cents,
        minutes_per_day: clock.minutes_per_day,
        money_current_cents: times(clock.money_per_day_cents, h.current_days),
        money_total_cents: times(clock.money_per_day_cents, h.total_days),
        minutes_current: times(clock.minutes_per_day, h.current_days),
        minutes_total: times(clock.minutes_per_day, h.total_days),
    })
}

/// The full history of one clock.
pub(crate) fn clock_detail(
    clock: &Clock,
    slips: Vec<Slip>,
    seen: &[String],
    now: DateTime<Utc>,
    tz: Zone,
) -> ClockDetail {
    let instants: Vec<DateTime<Utc>> = slips.iter().map(|s| s.at).collect();
    let spans = streaks(clock.started_at, &instants);
    let h = history(&spans, now, tz);
    let view = view_from(
        clock,
        spans.last().expect("current streak"),
        &h,
        seen,
        now,
        tz,
    );
    let wall_now = local(now, tz);
    let mut milestones = Vec::new();
    let mut streak_views = Vec::with_capacity(spans.len());
    for span in &spans {
        let (start, end) = (local(span.start, tz), local(span.end_or(now), tz));
        for (m, at) in reached(start, end.min(wall_now)) {
            milestones.push(MilestoneReached {
                key: m.key(),
                length: m.length(),
                at: instant_at(at, tz),
                streak_started_at: span.start,
            });
        }
        streak_views.push(Streak {
            started_at: span.start,
            ended_at: span.end,
            days: span.days(now, tz),
            seconds: span.seconds(now),
            span: Span::between(start, end),
        });
    }
    streak_views.reverse();
    milestones.sort_by_key(|m| std::cmp::Reverse(m.at));
    let mut slips = slips;
    slips.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
    ClockDetail {
        clock: view,
        streaks: streak_views,
        slips,
        milestones,
    }
}
