//! A chart's drawing, worked out once: grid, axis, bars or line, dots and labels, as marks in a
//! box of `WIDTH` × `HEIGHT` units with y pointing down. The HTML page draws the marks as SVG
//! and the PDF draws the same marks on the page, scaled to its width.

use super::blocks::{Chart, ChartKind};

pub(super) const WIDTH: f64 = 640.0;
pub(super) const HEIGHT: f64 = 240.0;
/// The size of label text, in the box's units.
pub(super) const LABEL_SIZE: f64 = 12.0;
/// Where grid lines and the axis start and end.
pub(super) const PLOT_LEFT: f64 = 40.0;
pub(super) const PLOT_RIGHT: f64 = WIDTH - 12.0;
const PLOT_TOP: f64 = 12.0;
const PLOT_BOTTOM: f64 = HEIGHT - 36.0;
/// Radius of a line chart's dots.
pub(super) const DOT: f64 = 3.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub(super) fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }

    /// Where text `width` wide starts when anchored at `x`.
    pub(super) fn start_x(self, x: f64, width: f64) -> f64 {
        match self {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mark {
    /// A light horizontal line across the plot at a tick.
    Grid {
        y: f64,
    },
    /// The baseline of the plot.
    Axis {
        y: f64,
    },
    /// `title` says the bar's value in words ("Mon 2 Nov: 6").
    Bar {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        title: String,
    },
    /// One unbroken stretch of a line chart; a gap in the data breaks the line.
    Line(Vec<(f64, f64)>),
    Dot {
        x: f64,
        y: f64,
        title: String,
    },
    /// Text whose baseline is at `y`.
    Label {
        x: f64,
        y: f64,
        anchor: Anchor,
        text: String,
    },
}

/// The marks that draw `chart`, back to front.
pub(super) fn marks(chart: &Chart) -> Vec<Mark> {
    let plot_h = PLOT_BOTTOM - PLOT_TOP;
    let y = |v: f64| PLOT_BOTTOM - (v - chart.min) / (chart.max - chart.min) * plot_h;
    let slot = (PLOT_RIGHT - PLOT_LEFT) / chart.points.len().max(1) as f64;
    let x = |i: usize| PLOT_LEFT + slot * (i as f64 + 0.5);
    let mut out = Vec::new();
    for t in &chart.ticks {
        out.push(Mark::Grid { y: y(*t) });
        out.push(Mark::Label {
            x: PLOT_LEFT - 6.0,
            y: y(*t) + 4.0,
            anchor: Anchor::End,
            text: chart.language.words().number(*t),
        });
    }
    out.push(Mark::Axis { y: PLOT_BOTTOM });
    let title = |label: &str, v: f64| format!("{label}: {}", chart.language.words().number(v));
    match chart.kind {
        ChartKind::Bars => {
            let width = (slot * 0.7).max(1.0);
            for (i, (label, v)) in chart.points.iter().enumerate() {
                if let Some(v) = v {
                    // A zero still shows as a sliver, so "none" differs from "not logged".
                    let top = y(*v).min(PLOT_BOTTOM - 1.5);
                    out.push(Mark::Bar {
                        x: x(i) - width / 2.0,
                        y: top,
                        width,
                        height: PLOT_BOTTOM - top,
                        title: title(label, *v),
                    });
                }
            }
        }
        ChartKind::Line => {
            let mut stretch = Vec::new();
            for (i, (_, v)) in chart.points.iter().enumerate() {
                match v {
                    Some(v) => stretch.push((x(i), y(*v))),
                    // A day without a mood breaks the line rather than guessing across it.
                    None if !stretch.is_empty() => {
                        out.push(Mark::Line(std::mem::take(&mut stretch)))
                    }
                    None => {}
                }
            }
            if !stretch.is_empty() {
                out.push(Mark::Line(stretch));
            }
            for (i, (label, v)) in chart.points.iter().enumerate() {
                if let Some(v) = v {
                    out.push(Mark::Dot {
                        x: x(i),
                        y: y(*v),
                        title: title(label, *v),
                    });
                }
            }
        }
    }
    for (i, anchor) in axis_labels(chart.points.len()) {
        out.push(Mark::Label {
            x: x(i),
            y: PLOT_BOTTOM + 18.0,
            anchor,
            text: chart.points[i].0.clone(),
        });
    }
    out
}

/// Which points get a label under the axis: the first, the last and one in the middle.
fn axis_labels(n: usize) -> Vec<(usize, Anchor)> {
    match n {
        0 => vec![],
        1 => vec![(0, Anchor::Middle)],
        2 => vec![(0, Anchor::Start), (1, Anchor::End)],
        n => vec![
            (0, Anchor::Start),
            (n / 2, Anchor::Middle),
            (n - 1, Anchor::End),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(kind: ChartKind, values: &[Option<f64>]) -> Chart {
        Chart {
            language: crate::words::Language::En,
            title: "t".into(),
            description: "d".into(),
            kind,
            min: 0.0,
            max: 10.0,
            ticks: vec![0.0, 10.0],
            points: values
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("day {i}"), *v))
                .collect(),
        }
    }

    #[test]
    fn a_gap_breaks_the_line_and_every_value_gets_a_dot() {
        let marks = marks(&chart(
            ChartKind::Line,
            &[Some(1.0), Some(2.0), None, Some(3.0)],
        ));
        let lines: Vec<usize> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Line(points) => Some(points.len()),
                _ => None,
            })
            .collect();
        assert_eq!(lines, [2, 1], "two stretches, split at the missing day");
        let dots = marks
            .iter()
            .filter(|m| matches!(m, Mark::Dot { .. }))
            .count();
        assert_eq!(dots, 3);
    }

    #[test]
    fn a_zero_bar_is_still_visible_and_labels_sit_at_both_ends() {
        let marks = marks(&chart(ChartKind::Bars, &[Some(0.0), None, Some(10.0)]));
        let bars: Vec<f64> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Bar { height, .. } => Some(*height),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 2, "no bar where nothing was logged");
        assert!(bars[0] > 0.0, "a zero shows as a sliver");
        let anchors: Vec<Anchor> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Label { anchor, text, .. } if text.starts_with("day") => Some(*anchor),
                _ => None,
            })
            .collect();
        assert_eq!(anchors, [Anchor::Start, Anchor::Middle, Anchor::End]);
    }
}
