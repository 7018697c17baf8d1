//! Spanish: plain, warm, "tú", as the Spanish articles are written.

use super::{ReminderWords, SavedFileWords, SheetWords, SpreadsheetWords, TrayWords, Words};
use crate::insights::{DayMarkKind, Finding};
use crate::sobriety::TimeUnit;

/// "1 día", "2 días".
fn plural(n: i64, one: &str, many: &str) -> String {
    super::english_plural(n, one, many)
}

pub(super) const WORDS: Words = Words {
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    months_short: [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    ],
    weekdays: [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    weekdays_short: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    long_date: |day, month, year| format!("{day} de {month} de {year}"),
    date_at_time: |date, time| format!("{date} a las {time}"),
    date_range: |from, to| format!("del {from} al {to}"),
    decimal_separator: ',',
    days: |n| plural(n, "día", "días"),
    months_count: |n| plural(n, "mes", "meses"),
    years: |n| plural(n, "año", "años"),
    times: |n| plural(n, "vez", "veces"),
    and_more: |n| format!("y {n} más"),
    moods: ["fatal", "mal", "regular", "bien", "genial"],

    report_title: "Informe de Daybreak",
    report_not_encrypted: "Este informe no está cifrado: cualquier persona que lo tenga puede \
                           leerlo.",
    report_share_kindly: "Compártelo solo con personas de confianza, y bórralo cuando ya no lo \
                          necesites.",
    report_dates_covered: |range| format!("Fechas que abarca: {range}."),
    report_made_on: |at| format!("Hecho el {at}."),
    report_footer: |range| format!("Informe de Daybreak, {range}. Sin cifrar."),
    report_page_of: |page, count| format!("Página {page} de {count}"),
    sober_days: "Días sin consumir",
    no_clocks: "Todavía no hay ningún contador de días sin consumir.",
    counted_on: |at| format!("Contado el {at}."),
    counted_at_end_of: |day| format!("Contado al final del {day}, el último día del informe."),
    started_after_these_dates: "Empezó después de estas fechas",
    clocks_caption: "Días sin consumir en cada contador",
    clock_column: "Contador",
    days_sober_column: "Días sin consumir",
    slips_column: "Deslices en estas fechas",
    slip_restarts_the_count: "Un desliz vuelve a empezar la cuenta. Los días sin consumir de \
                              antes ocurrieron y siguen contando.",
    check_ins: "Registros del día",
    no_check_ins: "No se hizo ningún registro del día en estas fechas.",
    check_in_this_day: "Hubo un registro ese día.",
    check_in_on_days: |on, of| format!("Hubo un registro del día en {on} de los {of} días."),
    sober_in_evening: |n| format!("Días marcados sin consumir en el registro de la noche: {n}."),
    moods_and_cravings: "Estado de ánimo y ganas de consumir",
    no_moods: "No se anotó el estado de ánimo en estas fechas.",
    moods_logged: |days, average| {
        format!(
            "El estado de ánimo se anotó en {days}. El ánimo medio fue {average} de 5 (1 es \
             fatal, 3 es regular, 5 es genial)."
        )
    },
    no_cravings: "No se anotaron ganas de consumir en estas fechas.",
    no_cravings_on_their_own: "No se anotaron ganas de consumir por separado.",
    cravings_logged: |n| match n {
        1 => "Se anotaron ganas de consumir 1 vez.".into(),
        n => format!("Se anotaron ganas de consumir {n} veces."),
    },
    craving_strength_noted: |days, max| {
        format!("La fuerza de las ganas se anotó en {days}; la más alta fue {max} de 10.")
    },
    feelings_named: "Los sentimientos que más se nombraron",
    what_stood_out: "Lo que destaca",
    mood_chart_titles: [
        "Ánimo por día",
        "Ánimo medio por semana",
        "Ánimo medio por mes",
    ],
    craving_chart_titles: [
        "Ganas más fuertes por día",
        "Ganas más fuertes por semana",
        "Ganas más fuertes por mes",
    ],
    mood_chart_description: |noun, range| {
        format!(
            "Un gráfico de líneas del ánimo por {noun}, {range}, de 1 (fatal) a 5 (genial). \
             Los números están en la tabla que sigue."
        )
    },
    craving_chart_description: |noun, range| {
        format!(
            "Un gráfico de barras de las ganas más fuertes por {noun}, {range}, de 0 (ninguna) \
             a 10. Los números están en la tabla que sigue."
        )
    },
    step_nouns: ["día", "semana", "mes"],
    step_columns: ["Día", "Semana que empieza el", "Mes"],
    mood_column_daily: "Ánimo (1 a 5)",
    mood_column_average: "Ánimo medio (1 a 5)",
    craving_column: "Ganas más fuertes (0 a 10)",
    not_logged: "sin anotar",
    numbers_caption: |noun| format!("Ánimo y ganas más fuertes por {noun}"),
    triggers: "Detonantes",
    no_triggers: "No se anotaron detonantes en estas fechas.",
    triggers_intro: "Lo que despertó las ganas de consumir, de más a menos veces:",
    coping_that_worked: "Lo que ayudó",
    no_cravings_passed: "En estas fechas no se marcó que las ganas pasaran.",
    cravings_passed: |n| match n {
        1 => "Las ganas pasaron 1 vez".into(),
        n => format!("Las ganas pasaron {n} veces"),
    },
    no_coping_noted: "No se anotó qué se hizo para afrontarlas.",
    coping_intro: "Lo que se probó mientras pasaban:",
    journal_not_included: "Las entradas del diario no están incluidas.",
    journal_entries: "Entradas del diario",
    no_journal_entries: "No se escribió ninguna entrada del diario en estas fechas.",
    finding,

    plan_title: "Mi plan de prevención de recaídas",
    plan_readable: "Cualquier persona que vea esta página puede leerla.",
    plan_exported_on: |day| {
        format!(
            "Se exportó desde Daybreak el {day} para compartirla con alguien de confianza. \
             Guárdala en un lugar seguro."
        )
    },
    plan_not_filled_in: "Todavía sin rellenar.",
    plan_warning_signs: "Mis señales de alerta",
    plan_high_risk: "Mis situaciones de riesgo",
    plan_coping: "Lo que hago para afrontarlo",
    plan_people: "Personas a las que puedo llamar",
    plan_places: "Sitios a los que puedo ir",
    plan_reasons: "Mis motivos",
    plan_if_i_slip: "Si tengo un desliz",

    spreadsheets: SpreadsheetWords {
        readme_file: "LEEME.txt",
        readme: "Exportación de Daybreak (hojas de cálculo)\r\n\r\n\
Estos archivos NO están cifrados: cualquier persona que los tenga puede leer tu diario.\r\n\
Hay un archivo CSV por cada tipo de entrada, en UTF-8 y con una fila de encabezados. Los\r\n\
decimales y los campos se escriben como los espera el programa de hojas de cálculo de tu país:\r\n\
con coma decimal y punto y coma entre campos (como en España) o con punto decimal y coma entre\r\n\
campos (como en México). Si al abrir un archivo todo queda en una sola columna, impórtalo desde\r\n\
el programa (Datos > Desde texto/CSV) y elige el separador.\r\n\
Las fechas y horas están en tu hora local; las listas se separan con \"; \".\r\n\
El texto que empieza por = + - o @ se escribe con un ' delante, para que los programas de\r\n\
hojas de cálculo lo muestren en lugar de ejecutarlo como una fórmula.\r\n\
La exportación completa, con tu plan de prevención de recaídas y tu biblioteca, es la\r\n\
exportación JSON.\r\n",
        clocks: SheetWords {
            file: "contadores.csv",
            header: [
                "nombre",
                "inicio (fecha y hora local)",
                "principal",
                "archivado",
                "dinero al día (céntimos)",
                "moneda",
                "minutos al día",
            ],
        },
        slips: SheetWords {
            file: "deslices.csv",
            header: ["contador", "fecha y hora (local)", "nota"],
        },
        check_ins: SheetWords {
            file: "registros-del-dia.csv",
            header: [
                "día",
                "intención",
                "sin consumir",
                "dificultad (1-5)",
                "nota",
            ],
        },
        moods: SheetWords {
            file: "estados-de-animo.csv",
            header: [
                "fecha y hora (local)",
                "ánimo (1-5)",
                "ganas de consumir (0-10)",
                "emociones",
                "hambre",
                "enfado",
                "soledad",
                "cansancio",
                "sueño (horas)",
                "nota",
            ],
        },
        cravings: SheetWords {
            file: "ganas-de-consumir.csv",
            header: [
                "fecha y hora (local)",
                "fuerza (0-10)",
                "detonantes",
                "lo que hice",
                "qué pasó",
                "dónde",
                "con quién",
                "nota",
            ],
        },
        journal: SheetWords {
            file: "diario.csv",
            header: ["fecha y hora (local)", "título", "texto", "etiquetas"],
        },
        triggers: SheetWords {
            file: "detonantes.csv",
            header: ["nombre", "clave interna", "archivado"],
        },
        people: SheetWords {
            file: "personas.csv",
            header: ["nombre", "teléfono", "nota"],
        },
        reasons: SheetWords {
            file: "motivos.csv",
            header: ["motivo"],
        },
        yes: "sí",
        no: "no",
        passed: "las ganas pasaron",
        used: "consumí",
        struggling: "sigo luchando",
    },
    // Without accents, as files are usually named, so that they travel to any disk.
    saved_files: SavedFileWords {
        export: "exportacion-daybreak",
        json_not_encrypted:
            "Este archivo no está cifrado. Cualquier persona que lo abra puede leer \
                             tu diario.",
        spreadsheets: "hojas-de-calculo-daybreak",
        report: "informe-daybreak",
        plan: "plan-de-prevencion-de-recaidas",
        backup: "copia-de-seguridad-daybreak",
    },
    reminders: ReminderWords {
        neutral: "Un momento para ti",
        morning: ["Buenos días", "¿Quieres fijar una intención para hoy?"],
        evening: [
            "Registro de la noche",
            "¿Qué tal ha ido el día? Tu registro te espera cuando quieras.",
        ],
        how_are_you: [
            "¿Cómo estás?",
            "Tómate un momento para notar cómo te sientes.",
        ],
        milestone: ["Un día para celebrar", "Hoy has alcanzado un hito."],
        length: |unit, n| match unit {
            TimeUnit::Hours => plural(n, "hora", "horas"),
            TimeUnit::Days => plural(n, "día", "días"),
            TimeUnit::Weeks => plural(n, "semana", "semanas"),
            TimeUnit::Months => plural(n, "mes", "meses"),
            TimeUnit::Years => plural(n, "año", "años"),
        },
    },
    tray: TrayWords {
        open: "Abrir",
        log_mood: "Anotar ánimo",
        sos: "SOS",
        lock: "Bloquear",
        quit: "Salir",
    },
    neutral_title: "Notas",
    backup_file_kind: "Copia de seguridad de Daybreak",
    builtin_names: BUILTIN_NAMES,
};

/// The built-in names in Spanish (see `Words::builtin_names`), the screens' own words: made
/// from `ui/messages/es.json` by the build script.
const BUILTIN_NAMES: &[(&str, &str)] = super::builtin_names::ES;

fn finding(f: &Finding) -> String {
    let n = |v: f64| format!("{v:.1}").replace('.', ",");
    match f {
        Finding::MoodOnMarkedDays {
            mark,
            average_with,
            average_without,
            days_with,
            days_without,
        } => {
            let what = match (mark.kind, mark.name.as_str()) {
                (DayMarkKind::Trigger, name) => {
                    format!("anotaste «{}»", super::builtin_name(BUILTIN_NAMES, name))
                }
                (DayMarkKind::Emotion, name) => {
                    format!("sentiste «{}»", super::builtin_name(BUILTIN_NAMES, name))
                }
                (DayMarkKind::Halt, "hungry") => "tenías hambre".to_string(),
                (DayMarkKind::Halt, "angry") => "sentías enfado".to_string(),
                (DayMarkKind::Halt, "lonely") => "sentías soledad".to_string(),
                (DayMarkKind::Halt, _) => "sentías cansancio".to_string(),
            };
            format!(
                "Los días en que {what}, tu ánimo medio fue {}, frente a {} los demás días \
                 ({days_with} frente a {days_without} días).",
                n(*average_with),
                n(*average_without)
            )
        }
        Finding::CravingPeak {
            from_hour,
            to_hour,
            count,
            total,
        } => format!(
            "Tus ganas de consumir son más frecuentes entre las {from_hour:02}:00 y las \
             {to_hour:02}:00 ({count} de {total} veces)."
        ),
        Finding::CopingWorked {
            action,
            passed,
            tries,
        } => format!(
            "Cuando elegiste «{}», las ganas pasaron {passed} de {tries} veces.",
            super::builtin_name(BUILTIN_NAMES, action).to_lowercase()
        ),
    }
}
