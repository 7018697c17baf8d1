//! SOS: crisis lines (public, built in, available while locked), the person's own people and
//! reasons, and their relapse prevention plan (private, encrypted).

pub mod crisis_lines;
pub mod people;
pub mod plan;
pub mod reasons;

pub use crisis_lines::{Contact, CountryBasis, CountryLines, CrisisHere, CrisisLine, LineKind};
pub use people::{Person, PersonInput};
pub use plan::RelapsePlan;
pub use reasons::Reason;
