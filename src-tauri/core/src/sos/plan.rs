//! The relapse prevention plan: a guided form, saved encrypted, editable any time, and
//! exportable as a printable page for a counsellor or sponsor (clearly marked as readable).

use std::path::{Path, PathBuf};

use crate::zone::Zone;
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{people, reasons};
use crate::data_error::{from_millis, to_millis, DataError, Field, PlanList, Refusal};
use crate::store::Store;
use crate::time::local;
use crate::words::{Language, Words};

const MAX_ITEMS: usize = 30;
const MAX_ITEM_CHARS: usize = 300;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RelapsePlan {
    pub warning_signs: Vec<String>,
    pub high_risk_situations: Vec<String>,
    /// Triggers from the catalogue that are high-risk for this person.
    pub high_risk_triggers: Vec<i64>,
    pub coping_strategies: Vec<String>,
    pub places: Vec<String>,
    pub if_i_slip: String,
    /// Set by the app when saved.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

impl RelapsePlan {
    fn checked(&self) -> Result<RelapsePlan, DataError> {
        let tidy = |items: &[String], what: PlanList| -> Result<Vec<String>, DataError> {
            let items: Vec<String> = items
                .iter()
                .map(|i| i.trim().to_string())
                .filter(|i| !i.is_empty())
                .collect();
            if items.len() > MAX_ITEMS || items.iter().any(|i| i.chars().count() > MAX_ITEM_CHARS) {
                return Err(DataError::Refused(Refusal::PlanListTooLong {
                    what,
                    items: MAX_ITEMS as u32,
                    chars: MAX_ITEM_CHARS as u32,
                }));
            }
            Ok(items)
        };
        let if_i_slip = self.if_i_slip.trim().to_string();
        if if_i_slip.chars().count() > 2000 {
            return Err(DataError::Refused(Refusal::TooLong {
                what: Field::IfISlip,
                max: 2000,
            }));
        }
        let mut triggers = self.high_risk_triggers.clone();
        triggers.sort_unstable();
        triggers.dedup();
        Ok(RelapsePlan {
            warning_signs: tidy(&self.warning_signs, PlanList::WarningSigns)?,
            high_risk_situations: tidy(&self.high_risk_situations, PlanList::HighRiskSituations)?,
            high_risk_triggers: triggers,
            coping_strategies: tidy(&self.coping_strategies, PlanList::CopingStrategies)?,
            places: tidy(&self.places, PlanList::Places)?,
            if_i_slip,
            updated_at: None,
        })
    }
}

pub fn get(store: &Store) -> Result<RelapsePlan, DataError> {
    store.read(read)
}

/// The saved plan (an empty one when none was saved yet).
pub(crate) fn read(conn: &rusqlite::Connection) -> Result<RelapsePlan, DataError> {
    let row: Option<(String, i64)> = conn
        .query_row(
            "SELECT data, updated_at FROM relapse_plan WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Ok(RelapsePlan::default()),
        Some((data, updated)) => {
            // A damaged row: a store error, like any value that does not decode.
            let damaged = |e: serde_json::Error| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            };
            let mut kept: serde_json::Value = serde_json::from_str(&data).map_err(damaged)?;
            let uuids: Vec<String> = kept
                .get(TRIGGERS)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|u| u.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            kept[TRIGGERS] = serde_json::json!(trigger_ids(conn, &uuids)?);
            let mut plan: RelapsePlan = serde_json::from_value(kept).map_err(damaged)?;
            plan.updated_at = Some(from_millis(updated)?);
            Ok(plan)
        }
    }
}

/// Where the plan keeps its high-risk triggers: by UUID (migration 7), so a plan synced from
/// another computer names the same triggers there; row ids differ between computers.
const TRIGGERS: &str = "highRiskTriggers";

/// This computer's ids of the triggers `uuids` names, in order. A trigger not here (made on a
/// computer whose changes have not arrived yet) is left out until it arrives.
fn trigger_ids(conn: &rusqlite::Connection, uuids: &[String]) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM triggers WHERE uuid = ?1")?;
    let mut ids = Vec::with_capacity(uuids.len());
    for uuid in uuids {
        if let Some(id) = stmt.query_row([uuid], |r| r.get(0)).optional()? {
            ids.push(id);
        }
    }
    Ok(ids)
}

fn trigger_uuids(conn: &rusqlite::Connection, ids: &[i64]) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT uuid FROM triggers WHERE id = ?1")?;
    ids.iter()
        .map(|id| stmt.query_row([id], |r| r.get(0)))
        .collect()
}

pub fn save(
    store: &mut Store,
    plan: &RelapsePlan,
    now: DateTime<Utc>,
) -> Result<RelapsePlan, DataError> {
    store.write(|tx| write(tx, plan, now))?;
    get(store)
}

/// Checks and saves the plan inside a transaction.
pub(crate) fn write(
    tx: &rusqlite::Transaction<'_>,
    plan: &RelapsePlan,
    now: DateTime<Utc>,
) -> Result<(), DataError> {
    let plan = plan.checked()?;
    crate::triggers::check_ids(tx, &plan.high_risk_triggers)?;
    let mut kept = serde_json::to_value(&plan).expect("a plan serializes");
    kept[TRIGGERS] = serde_json::json!(trigger_uuids(tx, &plan.high_risk_triggers)?);
    let data = kept.to_string();
    tx.execute(
        "INSERT INTO relapse_plan (id, data, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        (&data, to_millis(now)),
    )?;
    Ok(())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn section(out: &mut String, w: &Words, title: &str, items: &[String]) {
    out.push_str(&format!("<h2>{}</h2>\n", escape(title)));
    if items.is_empty() {
        out.push_str(&format!(
            "<p class=\"empty\">{}</p>\n",
            escape(w.plan_not_filled_in)
        ));
    } else {
        out.push_str("<ul>\n");
        for item in items {
            out.push_str(&format!("<li>{}</li>\n", escape(item)));
        }
        out.push_str("</ul>\n");
    }
}

/// The plan as a standalone, printable HTML page, with the person's people and reasons.
/// Everything is escaped; nothing is loaded from anywhere. Written in `language`.
pub fn export_html(
    store: &Store,
    now: DateTime<Utc>,
    tz: Zone,
    language: Language,
) -> Result<String, DataError> {
    let w = language.words();
    let plan = get(store)?;
    let people = people::list(store)?;
    let reasons = reasons::list(store)?;
    let trigger_names: Vec<String> = crate::triggers::list(store, true)?
        .into_iter()
        .filter(|t| plan.high_risk_triggers.contains(&t.id))
        // Built-in ones (with a key) as the screens say them; the person's own as written,
        // even one they named like a built-in.
        .map(|t| match t.key {
            Some(_) => w.name(&t.name).to_string(),
            None => t.name,
        })
        .collect();
    let mut situations = plan.high_risk_situations.clone();
    situations.extend(trigger_names);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n",
        language.tag()
    );
    // The same strict policy as the counsellor report: the page loads and runs nothing.
    out.push_str(crate::report::PAGE_POLICY);
    out.push_str(&format!("<title>{}</title>\n", escape(w.plan_title)));
    out.push_str(
        "<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}\
         .readable{border:2px solid #a33;padding:.75rem 1rem;border-radius:.5rem;background:#fff4f2}\
         h1{margin-bottom:.25rem}h2{margin-top:1.5rem;border-bottom:1px solid #ccc}.empty{color:#666}\
         @media print{.readable{border-color:#000;background:none}}</style>\n</head><body>\n",
    );
    out.push_str(&format!("<h1>{}</h1>\n", escape(w.plan_title)));
    out.push_str(&format!(
        "<p class=\"readable\"><strong>{}</strong> {}</p>\n",
        escape(w.plan_readable),
        escape(&(w.plan_exported_on)(&w.long_date(local(now, tz).date())))
    ));
    section(&mut out, w, w.plan_warning_signs, &plan.warning_signs);
    section(&mut out, w, w.plan_high_risk, &situations);
    section(&mut out, w, w.plan_coping, &plan.coping_strategies);
    let people: Vec<String> = people
        .iter()
        .map(|p| match &p.note {
            Some(note) => format!("{} — {} ({})", p.name, p.phone, note),
            None => format!("{} — {}", p.name, p.phone),
        })
        .collect();
    section(&mut out, w, w.plan_people, &people);
    section(&mut out, w, w.plan_places, &plan.places);
    let reasons: Vec<String> = reasons.into_iter().map(|r| r.text).collect();
    section(&mut out, w, w.plan_reasons, &reasons);
    out.push_str(&format!("<h2>{}</h2>\n", escape(w.plan_if_i_slip)));
    if plan.if_i_slip.is_empty() {
        out.push_str(&format!(
            "<p class=\"empty\">{}</p>\n",
            escape(w.plan_not_filled_in)
        ));
    } else {
        for paragraph in plan.if_i_slip.split("\n\n") {
            out.push_str(&format!(
                "<p>{}</p>\n",
                escape(paragraph).replace('\n', "<br>")
            ));
        }
    }
    out.push_str("</body></html>\n");
    Ok(out)
}

/// Writes the printable page into `dir` under a dated name that does not overwrite anything,
/// and returns its path.
pub fn export_to(
    dir: &Path,
    store: &Store,
    now: DateTime<Utc>,
    tz: Zone,
    language: Language,
) -> Result<PathBuf, DataError> {
    let html = export_html(store, now, tz, language)?;
    crate::export_file::write_new(
        dir,
        language.words().saved_files.plan,
        "html",
        html.as_bytes(),
        crate::data_error::FileAction::SavePlan,
        now,
        tz,
    )
}
