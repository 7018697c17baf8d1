//! Embedded, ordered, atomic migrations. All pending migrations apply in one transaction, and
//! `PRAGMA user_version` records how far a database has come. An applied migration is never
//! edited: a change to the schema is a new migration at the end of the list.

use rusqlite::Connection;

use super::StoreError;

/// One step of the schema's history.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "settings",
        sql: include_str!("migrations/0001_settings.sql"),
    },
    Migration {
        version: 2,
        name: "sobriety",
        sql: include_str!("migrations/0002_sobriety.sql"),
    },
    Migration {
        version: 3,
        name: "moods",
        sql: include_str!("migrations/0003_moods.sql"),
    },
    Migration {
        version: 4,
        name: "library",
        sql: include_str!("migrations/0004_library.sql"),
    },
    Migration {
        version: 5,
        name: "sos",
        sql: include_str!("migrations/0005_sos.sql"),
    },
    Migration {
        version: 6,
        name: "sync",
        sql: include_str!("migrations/0006_sync.sql"),
    },
    Migration {
        version: 7,
        name: "plan_triggers",
        sql: include_str!("migrations/0007_plan_triggers.sql"),
    },
    Migration {
        version: 8,
        name: "sync_clock_index",
        sql: include_str!("migrations/0008_sync_clock_index.sql"),
    },
    Migration {
        version: 9,
        name: "sync_recreated",
        sql: include_str!("migrations/0009_sync_recreated.sql"),
    },
    Migration {
        version: 10,
        name: "sync_conflict_copies",
        sql: include_str!("migrations/0010_sync_conflict_copies.sql"),
    },
    Migration {
        version: 11,
        name: "article_state_times",
        sql: include_str!("migrations/0011_article_state_times.sql"),
    },
];

/// The schema version this build of Daybreak writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Brings the database up to `latest_version()`, all or nothing. A database from a newer
/// Daybreak is refused rather than touched.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current > latest_version() {
        return Err(StoreError::NewerSchema { found: current });
    }
    if current == latest_version() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.execute_batch(migration.sql)?;
    }
    tx.pragma_update(None, "user_version", latest_version())?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_one_by_one_with_names() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version,
                i as i64 + 1,
                "migration {} is out of order",
                m.name
            );
            assert!(!m.name.is_empty() && !m.sql.trim().is_empty());
        }
    }

    #[test]
    fn a_failing_migration_leaves_nothing_behind() {
        let mut conn = crate::store::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(MIGRATIONS[0].sql).unwrap();
        let broken = tx.execute_batch("CREATE TABLE settings (x);");
        assert!(broken.is_err());
        drop(tx); // rolled back
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type='table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0, "a rolled-back migration must leave no table");
    }

    #[test]
    fn the_plan_s_high_risk_triggers_become_uuids() {
        let conn = crate::store::open_in_memory().unwrap();
        let _capture = super::super::capture::install(&conn).unwrap();
        for m in &MIGRATIONS[..6] {
            conn.execute_batch(m.sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO triggers (id, name, uuid) VALUES (900, 'crowded buses', 'u-900');
             INSERT INTO relapse_plan (id, data, updated_at)
             VALUES (1, '{\"warningSigns\":[\"tired\"],\"highRiskTriggers\":[900,901]}', 0);",
        )
        .unwrap();
        conn.execute_batch(MIGRATIONS[6].sql).unwrap();
        let data: String = conn
            .query_row("SELECT data FROM relapse_plan", [], |r| r.get(0))
            .unwrap();
        let data: serde_json::Value = serde_json::from_str(&data).unwrap();
        assert_eq!(
            data,
            serde_json::json!({"warningSigns": ["tired"], "highRiskTriggers": ["u-900"]}),
            "ids become UUIDs, an id naming no trigger goes, the rest stays"
        );
    }
}
