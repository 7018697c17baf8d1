// Local dates and times for the forms. People think in their own day and clock; the backend
// stores UTC instants, so conversion happens here and only here.

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local calendar day of a moment: "2025-03-03". */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local time of day of a moment, to the minute: "08:05". */
export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Splits an instant into the local day and time a form shows. */
export function splitInstant(instant: string): { day: string; time: string } {
  const date = new Date(instant);
  return { day: localDay(date), time: localTime(date) };
}

/**
 * The UTC instant for a local date ("2025-03-03") and time ("08:00"), or null if either is
 * missing or malformed.
 */
export function instantFromLocal(day: string, time: string): string | null {
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const timeMatch = /^(\d{2}):(\d{2})/.exec(time);
  if (!dayMatch || !timeMatch) return null;
  const [, y, m, d] = dayMatch.map(Number) as [number, number, number, number];
  const [, hh, mm] = timeMatch.map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59) return null;
  const date = new Date(y, m - 1, d, hh, mm);
  // Reject days like February 31 that Date would quietly roll over.
  if (date.getDate() !== d) return null;
  return date.toISOString();
}

/** The first and last local day of a month (month 0-11), for a check-ins query. */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(year, month + 1, 0).getDate();
  return { from: `${year}-${pad(month + 1)}-01`, to: `${year}-${pad(month + 1)}-${pad(last)}` };
}
