//! The crisis lines, one entry per country (ISO 3166-1 code, by English name), each country's
//! emergency number first. Every line names where it was checked; the date is
//! `crisis_lines::CHECKED`. To review: read one country at a time against its sources.
//!
//! Rules for adding a line: an official or the service's own source only; a line we could not
//! source with confidence is left out, and every country at least has its emergency number.
//! 112 works in every EU and EEA country. 116 123 (emotional support) and 116 111 (children
//! and young people) are EU-wide numbers but not live everywhere: they are listed only where
//! the country's own service runs them.

use super::{Contact, LineKind};

pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    pub lines: &'static [Line],
}

pub struct Line {
    /// The service's own name; `None` for a country's general emergency number.
    pub name: Option<&'static str>,
    pub number: &'static str,
    pub kind: LineKind,
    pub contact: Contact,
    pub youth: bool,
    pub menu_option: Option<u8>,
    pub source: &'static str,
}

const fn line(
    kind: LineKind,
    name: &'static str,
    number: &'static str,
    source: &'static str,
) -> Line {
    Line {
        name: Some(name),
        number,
        kind,
        contact: Contact::Call,
        youth: false,
        menu_option: None,
        source,
    }
}

/// A country's general emergency number (ambulance, police, fire).
const fn emergency(number: &'static str, source: &'static str) -> Line {
    Line {
        name: None,
        ..line(LineKind::Emergency, "", number, source)
    }
}
/// A named emergency service (an ambulance service with its own number).
const fn ambulance(name: &'static str, number: &'static str, source: &'static str) -> Line {
    line(LineKind::Emergency, name, number, source)
}
const fn crisis(name: &'static str, number: &'static str, source: &'static str) -> Line {
    line(LineKind::Crisis, name, number, source)
}
const fn drugs(name: &'static str, number: &'static str, source: &'static str) -> Line {
    line(LineKind::Drugs, name, number, source)
}
const fn poison(name: &'static str, number: &'static str, source: &'static str) -> Line {
    line(LineKind::Poison, name, number, source)
}
const fn health(name: &'static str, number: &'static str, source: &'static str) -> Line {
    line(LineKind::Health, name, number, source)
}

impl Line {
    /// For children and young people.
    const fn youth(self) -> Self {
        Line {
            youth: true,
            ..self
        }
    }
    /// A number to text, not to call.
    const fn text(self) -> Self {
        Line {
            contact: Contact::Text,
            ..self
        }
    }
    const fn call_or_text(self) -> Self {
        Line {
            contact: Contact::CallOrText,
            ..self
        }
    }
    /// The option to choose in the line's menu.
    const fn option(self, n: u8) -> Self {
        Line {
            menu_option: Some(n),
            ..self
        }
    }
}

/// The European Commission's page on 112, the emergency number in every EU and EEA country.
const EU_112: &str = "https://digital-strategy.ec.europa.eu/en/policies/112";

pub const TABLE: &[Country] = &[
    Country {
        code: "AR",
        name: "Argentina",
        lines: &[
            emergency("911", "https://www.argentina.gob.ar/seguridad/911"),
            ambulance("Emergencias médicas", "107", "https://www.argentina.gob.ar/salud"),
            crisis("Centro de Asistencia al Suicida", "135", "https://www.asistenciaalsuicida.org.ar/"),
            crisis("Centro de Asistencia al Suicida", "0800 345 1435", "https://www.asistenciaalsuicida.org.ar/"),
            drugs("SEDRONAR Línea 141", "141", "https://www.argentina.gob.ar/sedronar"),
            crisis("Línea 102", "102", "https://www.argentina.gob.ar/").youth(),
            poison("Hospital Posadas, Toxicología", "0800 333 0160", "https://www.argentina.gob.ar/salud"),
        ],
    },
    Country {
        code: "AU",
        name: "Australia",
        lines: &[
            ambulance("Triple Zero", "000", "https://www.triplezero.gov.au/"),
            crisis("Lifeline", "13 11 14", "https://www.lifeline.org.au/"),
            crisis("Beyond Blue", "1300 22 4636", "https://www.beyondblue.org.au/"),
            drugs(
                "National Alcohol and Other Drug Hotline",
                "1800 250 015",
                "https://www.health.gov.au/contacts/national-alcohol-and-other-drug-hotline",
            ),
            poison("Poisons Information Centre", "13 11 26", "https://www.healthdirect.gov.au/poisons-information-centre"),
            crisis("Kids Helpline", "1800 55 1800", "https://kidshelpline.com.au/").youth(),
        ],
    },
    Country {
        code: "AT",
        name: "Austria",
        lines: &[
            emergency("112", EU_112),
            ambulance("Rettung", "144", "https://www.oesterreich.gv.at/"),
            crisis("TelefonSeelsorge", "142", "https://www.telefonseelsorge.at/"),
            crisis("Rat auf Draht", "147", "https://www.rataufdraht.at/").youth(),
            poison("Vergiftungsinformationszentrale", "+43 1 406 43 43", "https://goeg.at/"),
        ],
    },
    Country {
        code: "BE",
        name: "Belgium",
        lines: &[
            emergency("112", EU_112),
            crisis("Zelfmoordlijn", "1813", "https://www.zelfmoord1813.be/"),
            crisis("Centre de Prévention du Suicide", "0800 32 123", "https://www.preventionsuicide.be/"),
            drugs("De DrugLijn", "078 15 10 20", "https://www.druglijn.be/"),
            poison("Antigifcentrum / Centre Antipoisons", "070 245 245", "https://www.centreantipoisons.be/"),
            crisis("Awel", "102", "https://www.awel.be/").youth(),
        ],
    },
    Country {
        code: "BR",
        name: "Brazil",
        lines: &[
            ambulance("SAMU", "192", "https://www.gov.br/saude/"),
            crisis("CVV – Centro de Valorização da Vida", "188", "https://cvv.org.br/"),
            poison("Disque-Intoxicação", "0800 722 6001", "https://www.gov.br/anvisa/"),
        ],
    },
    Country {
        code: "BG",
        name: "Bulgaria",
        lines: &[
            emergency("112", EU_112),
            crisis("Национална телефонна линия за деца", "116 111", "https://sacp.government.bg/").youth(),
        ],
    },
    Country {
        code: "CA",
        name: "Canada",
        lines: &[
            emergency("911", "https://www.canada.ca/en/public-health/services/emergency-preparedness.html"),
            crisis("9-8-8 Suicide Crisis Helpline", "988", "https://988.ca/").call_or_text(),
            line(
                LineKind::Overdose,
                "National Overdose Response Service",
                "1-888-688-6677",
                "https://www.nors.ca/",
            ),
            crisis("Kids Help Phone", "1-800-668-6868", "https://kidshelpphone.ca/").youth(),
            crisis("Kids Help Phone", "686868", "https://kidshelpphone.ca/").youth().text(),
        ],
    },
    Country {
        code: "CL",
        name: "Chile",
        lines: &[
            ambulance("SAMU", "131", "https://www.minsal.cl/"),
            crisis("Línea de Prevención del Suicidio", "*4141", "https://www.minsal.cl/"),
            health("Salud Responde", "600 360 7777", "https://saludresponde.minsal.cl/"),
            drugs("Fono Drogas y Alcohol (SENDA)", "1412", "https://www.senda.gob.cl/"),
            poison("CITUC", "+56 2 2635 3800", "https://www.cituc.cl/"),
        ],
    },
    Country {
        code: "CO",
        name: "Colombia",
        lines: &[
            emergency("123", "https://www.minsalud.gov.co/"),
            crisis("Línea 192, salud mental", "192", "https://www.minsalud.gov.co/").option(4),
            crisis("Línea 141 ICBF", "141", "https://www.icbf.gov.co/").youth(),
        ],
    },
    Country {
        code: "HR",
        name: "Croatia",
        lines: &[
            emergency("112", EU_112),
            crisis("Hrabri telefon", "116 111", "https://hrabritelefon.hr/").youth(),
        ],
    },
    Country {
        code: "CY",
        name: "Cyprus",
        lines: &[
            emergency("112", EU_112),
            // Hope For Children runs the European helpline for children and young people in
            // Cyprus, free and anonymous, with SPAVO. No national adult crisis line could be
            // sourced from an official or the service's own page, so none is listed.
            crisis("Hope For Children", "116 111", "https://www.uncrcpc.org.cy/").youth(),
        ],
    },
    Country {
        code: "CZ",
        name: "Czechia",
        lines: &[
            emergency("112", EU_112),
            crisis("Linka první psychické pomoci", "116 123", "https://www.linkapsychickepomoci.cz/"),
            crisis("Linka bezpečí", "116 111", "https://www.linkabezpeci.cz/").youth(),
            poison("Toxikologické informační středisko", "224 919 293", "https://www.tis-cz.cz/"),
        ],
    },
    Country {
        code: "DK",
        name: "Denmark",
        lines: &[
            emergency("112", EU_112),
            crisis("Livslinien", "70 201 201", "https://www.livslinien.dk/"),
            crisis("BørneTelefonen", "116 111", "https://bornsvilkar.dk/").youth(),
        ],
    },
    Country {
        code: "EE",
        name: "Estonia",
        lines: &[
            emergency("112", EU_112),
            crisis("Eluliin", "655 8088", "https://www.eluliin.ee/"),
            crisis("Lasteabi", "116 111", "https://www.lasteabi.ee/").youth(),
            poison("Mürgistusteabe liin", "16662", "https://www.16662.ee/"),
        ],
    },
    Country {
        code: "FI",
        name: "Finland",
        lines: &[
            emergency("112", EU_112),
            crisis("MIELI Kriisipuhelin", "09 2525 0111", "https://mieli.fi/"),
            crisis("Lasten ja nuorten puhelin", "116 111", "https://www.mll.fi/").youth(),
            poison("Myrkytystietokeskus", "0800 147 111", "https://www.myrkytystietokeskus.fi/"),
        ],
    },
    Country {
        code: "FR",
        name: "France",
        lines: &[
            emergency("112", EU_112),
            ambulance("SAMU", "15", "https://www.service-public.fr/"),
            crisis("3114, numéro national de prévention du suicide", "3114", "https://3114.fr/"),
            crisis("SOS Amitié", "09 72 39 40 50", "https://www.sos-amitie.com/"),
            drugs("Drogues Info Service", "0 800 23 13 13", "https://www.drogues-info-service.fr/"),
            drugs("Alcool Info Service", "0 980 980 930", "https://www.alcool-info-service.fr/"),
            crisis("Fil Santé Jeunes", "0 800 235 236", "https://www.filsantejeunes.com/").youth(),
        ],
    },
    Country {
        code: "DE",
        name: "Germany",
        lines: &[
            emergency("112", EU_112),
            crisis("TelefonSeelsorge", "0800 111 0 111", "https://www.telefonseelsorge.de/"),
            crisis("TelefonSeelsorge", "0800 111 0 222", "https://www.telefonseelsorge.de/"),
            drugs("Sucht & Drogen Hotline", "01806 313031", "https://www.sucht-und-drogen-hotline.de/"),
            health("Ärztlicher Bereitschaftsdienst", "116 117", "https://www.116117.de/"),
            crisis("Nummer gegen Kummer", "116 111", "https://www.nummergegenkummer.de/").youth(),
        ],
    },
    Country {
        code: "GR",
        name: "Greece",
        lines: &[
            emergency("112", EU_112),
            ambulance("ΕΚΑΒ", "166", "https://www.ekab.gr/"),
            crisis("Κλίμακα, γραμμή παρέμβασης για την αυτοκτονία", "1018", "https://www.klimaka.org.gr/"),
            crisis("Το Χαμόγελο του Παιδιού", "1056", "https://www.hamogelo.gr/").youth(),
        ],
    },
    Country {
        code: "HU",
        name: "Hungary",
        lines: &[
            emergency("112", EU_112),
            crisis("Lelki Elsősegély Telefonszolgálat", "116 123", "https://sos116-123.hu/"),
            crisis("Kék Vonal", "116 111", "https://kek-vonal.hu/").youth(),
        ],
    },
    Country {
        code: "IS",
        name: "Iceland",
        lines: &[
            emergency("112", "https://www.112.is/"),
            crisis("Hjálparsími Rauða krossins", "1717", "https://www.raudikrossinn.is/"),
        ],
    },
    Country {
        code: "IN",
        name: "India",
        lines: &[
            emergency("112", "https://112.gov.in/"),
            crisis("Tele MANAS", "14416", "https://telemanas.mohfw.gov.in/"),
            crisis("Tele MANAS", "1-800-891-4416", "https://telemanas.mohfw.gov.in/"),
            drugs("National Toll-Free Drug De-addiction Helpline", "14446", "https://socialjustice.gov.in/"),
            crisis("Childline", "1098", "https://wcd.gov.in/").youth(),
        ],
    },
    Country {
        code: "IE",
        name: "Ireland",
        lines: &[
            emergency("112", EU_112),
            emergency("999", "https://www.gov.ie/"),
            crisis("Samaritans", "116 123", "https://www.samaritans.org/ireland/"),
            crisis("Pieta", "1800 247 247", "https://www.pieta.ie/"),
            crisis("Text 50808", "50808", "https://text50808.ie/").text(),
            drugs("HSE Drugs and Alcohol Helpline", "1800 459 459", "https://www.drugs.ie/"),
            poison("National Poisons Information Centre", "01 809 2166", "https://www.poisons.ie/"),
            crisis("Childline", "1800 66 66 66", "https://www.childline.ie/").youth(),
        ],
    },
    Country {
        code: "IT",
        name: "Italy",
        lines: &[
            emergency("112", EU_112),
            crisis("Telefono Amico Italia", "02 2327 2327", "https://www.telefonoamico.it/"),
            crisis("Telefono Azzurro", "19696", "https://azzurro.it/").youth(),
        ],
    },
    Country {
        code: "JP",
        name: "Japan",
        lines: &[
            ambulance("救急・消防", "119", "https://www.fdma.go.jp/"),
            crisis("よりそいホットライン", "0120-279-338", "https://www.since2011.net/yorisoi/"),
            crisis("いのちの電話", "0570-783-556", "https://www.inochinodenwa.org/"),
            crisis("TELL Lifeline", "03-5774-0992", "https://telljp.com/"),
            poison("日本中毒情報センター", "072-727-2499", "https://www.j-poison-ic.jp/"),
            crisis("チャイルドライン", "0120-99-7777", "https://childline.or.jp/").youth(),
        ],
    },
    Country {
        code: "LV",
        name: "Latvia",
        lines: &[
            emergency("112", EU_112),
            crisis(
                "Krīzes tālrunis 116 123",
                "116 123",
                "https://www.vmnvd.gov.lv/en/toll-free-unified-crisis-line-116123",
            ),
            crisis("Bērnu un pusaudžu uzticības tālrunis", "116 111", "https://www.bti.gov.lv/").youth(),
        ],
    },
    Country {
        code: "LI",
        name: "Liechtenstein",
        lines: &[
            emergency("112", EU_112),
            crisis("Die Dargebotene Hand", "143", "https://www.143.ch/"),
        ],
    },
    Country {
        code: "LT",
        name: "Lithuania",
        lines: &[
            emergency("112", EU_112),
            crisis("Vilties linija", "116 123", "https://www.viltieslinija.lt/"),
            crisis("Jaunimo linija", "8 800 28888", "https://www.jaunimolinija.lt/").youth(),
            crisis("Vaikų linija", "116 111", "https://www.vaikulinija.lt/").youth(),
        ],
    },
    Country {
        code: "LU",
        name: "Luxembourg",
        lines: &[
            emergency("112", EU_112),
            crisis("SOS Détresse", "454545", "https://454545.lu/"),
            crisis("Kanner-Jugendtelefon", "116 111", "https://www.kjt.lu/").youth(),
        ],
    },
    Country {
        code: "MT",
        name: "Malta",
        lines: &[
            emergency("112", EU_112),
            crisis("Supportline 179", "179", "https://fsws.gov.mt/"),
            crisis("Child Helpline", "116 111", "https://fsws.gov.mt/").youth(),
        ],
    },
    Country {
        code: "MX",
        name: "Mexico",
        lines: &[
            emergency("911", "https://www.gob.mx/"),
            crisis("Línea de la Vida", "800 911 2000", "https://www.gob.mx/salud/conasama"),
            crisis("SAPTEL", "55 5259 8121", "https://www.saptel.org.mx/"),
        ],
    },
    Country {
        code: "NL",
        name: "Netherlands",
        lines: &[
            emergency("112", EU_112),
            crisis("113 Zelfmoordpreventie", "113", "https://www.113.nl/"),
            crisis("113 Zelfmoordpreventie", "0800-0113", "https://www.113.nl/"),
            drugs("Drugs Infolijn", "0900-1995", "https://www.drugsinfo.nl/"),
            crisis("De Kindertelefoon", "0800-0432", "https://www.kindertelefoon.nl/").youth(),
        ],
    },
    Country {
        code: "NZ",
        name: "New Zealand",
        lines: &[
            emergency("111", "https://www.police.govt.nz/"),
            crisis("Need to talk? 1737", "1737", "https://1737.org.nz/").call_or_text(),
            crisis("Lifeline Aotearoa", "0800 543 354", "https://www.lifeline.org.nz/"),
            drugs("Alcohol Drug Helpline", "0800 787 797", "https://alcoholdrughelp.org.nz/"),
            drugs("Alcohol Drug Helpline", "8681", "https://alcoholdrughelp.org.nz/").text(),
            poison("National Poisons Centre", "0800 764 766", "https://poisons.co.nz/"),
            crisis("Youthline", "0800 376 633", "https://www.youthline.co.nz/").youth(),
            crisis("Youthline", "234", "https://www.youthline.co.nz/").youth().text(),
        ],
    },
    Country {
        code: "NO",
        name: "Norway",
        lines: &[
            emergency("112", EU_112),
            ambulance("Medisinsk nødhjelp", "113", "https://www.helsenorge.no/"),
            crisis("Mental Helse Hjelpetelefonen", "116 123", "https://mentalhelse.no/"),
            crisis("Kirkens SOS", "22 40 00 40", "https://www.kirkens-sos.no/"),
            drugs("RUSinfo", "08588", "https://rusinfo.no/"),
            poison("Giftinformasjonen", "22 59 13 00", "https://www.helsenorge.no/giftinformasjon/"),
            crisis("Alarmtelefonen for barn og unge", "116 111", "https://www.116111.no/").youth(),
        ],
    },
    Country {
        code: "PE",
        name: "Peru",
        lines: &[
            ambulance("SAMU", "106", "https://www.gob.pe/minsa"),
            crisis("Línea 113, salud mental", "113", "https://www.gob.pe/minsa").option(5),
        ],
    },
    Country {
        code: "PL",
        name: "Poland",
        lines: &[
            emergency("112", EU_112),
            crisis("Kryzysowy Telefon Zaufania", "116 123", "https://116123.edu.pl/"),
            crisis("Centrum Wsparcia", "800 70 2222", "https://centrumwsparcia.pl/"),
            drugs("Telefon Zaufania Narkotyki – Narkomania", "800 199 990", "https://www.kcpu.gov.pl/"),
            crisis("Telefon Zaufania dla Dzieci i Młodzieży", "116 111", "https://116111.pl/").youth(),
        ],
    },
    Country {
        code: "PT",
        name: "Portugal",
        lines: &[
            emergency("112", EU_112),
            health("SNS 24", "808 24 24 24", "https://www.sns24.gov.pt/"),
            crisis("SOS Voz Amiga", "213 544 545", "https://www.sosvozamiga.org/"),
            poison("Centro de Informação Antivenenos", "800 250 250", "https://www.inem.pt/"),
            crisis("SOS Criança", "116 111", "https://iacrianca.pt/").youth(),
        ],
    },
    Country {
        code: "RO",
        name: "Romania",
        lines: &[
            emergency("112", EU_112),
            crisis("Alianța Română de Prevenție a Suicidului", "0800 801 200", "https://www.antisuicid.ro/"),
            crisis("Telefonul Copilului", "116 111", "https://www.telefonulcopilului.ro/").youth(),
        ],
    },
    Country {
        code: "SK",
        name: "Slovakia",
        lines: &[
            emergency("112", EU_112),
            crisis("Linka dôvery Nezábudka", "0800 800 566", "https://www.dusevnezdravie.sk/"),
            crisis("Linka detskej istoty", "116 111", "https://www.ldi.sk/").youth(),
        ],
    },
    Country {
        code: "SI",
        name: "Slovenia",
        lines: &[
            emergency("112", EU_112),
            crisis("Zaupni telefon Samarijan in Sopotnik", "116 123", "https://www.samarijan.si/"),
            crisis("Klic v duševni stiski", "01 520 99 00", "https://www.psih-klinika.si/"),
            crisis("TOM telefon", "116 111", "https://www.e-tom.si/").youth(),
        ],
    },
    Country {
        code: "ZA",
        name: "South Africa",
        lines: &[
            ambulance("Ambulance", "10177", "https://www.gov.za/"),
            ambulance("Police", "10111", "https://www.saps.gov.za/"),
            crisis("SADAG Suicide Crisis Helpline", "0800 567 567", "https://www.sadag.org/"),
            drugs("SADAG Substance Abuse Helpline", "0800 12 13 14", "https://www.sadag.org/"),
            crisis("Childline South Africa", "116", "https://www.childlinesa.org.za/").youth(),
        ],
    },
    Country {
        code: "ES",
        name: "Spain",
        lines: &[
            emergency("112", EU_112),
            crisis("Línea 024 de atención a la conducta suicida", "024", "https://www.sanidad.gob.es/"),
            crisis("Teléfono de la Esperanza", "717 003 717", "https://telefonodelaesperanza.org/"),
            poison("Servicio de Información Toxicológica", "91 562 04 20", "https://www.mjusticia.gob.es/"),
            crisis("Fundación ANAR", "900 20 20 10", "https://www.anar.org/").youth(),
        ],
    },
    Country {
        code: "SE",
        name: "Sweden",
        lines: &[
            emergency("112", EU_112),
            crisis("Självmordslinjen", "90101", "https://mind.se/"),
            drugs("Alkohollinjen", "020-84 44 48", "https://www.alkohollinjen.se/"),
            health("1177 Vårdguiden", "1177", "https://www.1177.se/"),
            poison("Giftinformationscentralen", "010-456 67 00", "https://giftinformation.se/"),
            crisis("BRIS", "116 111", "https://www.bris.se/").youth(),
        ],
    },
    Country {
        code: "GB",
        name: "United Kingdom",
        lines: &[
            emergency("999", "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/"),
            health("NHS 111", "111", "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-use-111/"),
            crisis("Samaritans", "116 123", "https://www.samaritans.org/how-we-can-help/contact-samaritan/"),
            crisis("Shout", "85258", "https://giveusashout.org/").text(),
            drugs("FRANK", "0300 123 6600", "https://www.talktofrank.com/contact-frank"),
            crisis("Childline", "0800 1111", "https://www.childline.org.uk/").youth(),
        ],
    },
    Country {
        code: "US",
        name: "United States",
        lines: &[
            emergency("911", "https://www.911.gov/"),
            crisis("988 Suicide & Crisis Lifeline", "988", "https://988lifeline.org/").call_or_text(),
            // The call's menu: "Spanish-language (Press 2)" (the page below, checked 2026-12-07).
            crisis(
                "988 Lifeline en español",
                "988",
                "https://988lifeline.org/get-help/what-to-expect",
            )
            .option(2),
            drugs(
                "SAMHSA National Helpline",
                "1-800-662-4357",
                "https://www.samhsa.gov/find-help/national-helpline",
            ),
            poison("Poison Control", "1-800-222-1222", "https://www.poison.org/"),
        ],
    },
];
