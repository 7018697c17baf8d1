// Tests run under Node, where assigning process.env.TZ switches the time zone for Date at once.
// The UI's tsconfig has no Node types (the app never runs in Node), hence the narrow cast.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const original = env.TZ;

/** Runs Date in the given IANA time zone, e.g. "America/New_York". */
export function useTimeZone(zone: string): void {
  env.TZ = zone;
}

/** Puts back the time zone the tests started with. */
export function restoreTimeZone(): void {
  if (original === undefined) delete env.TZ;
  else env.TZ = original;
}
