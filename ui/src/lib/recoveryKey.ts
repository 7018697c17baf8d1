/** Recovery keys look like `K7QF-9M2D-...`: groups of characters separated by '-'. */
export function recoveryKeyGroups(key: string): string[] {
  return key
    .trim()
    .split('-')
    .filter((group) => group !== '');
}

/** For comparing what a person typed: case and spaces do not matter. */
export function normalizeGroup(text: string): string {
  return text.replace(/\s+/gu, '').toUpperCase();
}

/** Whether `typed` is the group at `index` (0-based) of `key`. */
export function matchesGroup(key: string, index: number, typed: string): boolean {
  const group = recoveryKeyGroups(key)[index];
  if (group === undefined) return false;
  const entered = normalizeGroup(typed);
  return entered !== '' && entered === normalizeGroup(group);
}

/** A random 0-based group index in [0, count). `random` returns a number in [0, 1). */
export function randomGroupIndex(count: number, random: () => number = Math.random): number {
  if (count <= 1) return 0;
  return Math.min(count - 1, Math.floor(random() * count));
}

/**
 * Tidies a recovery key typed by hand: no spaces, upper case, and the dashes put back if
 * they were left out. The backend still decides whether it is right.
 */
export function normalizeRecoveryKey(text: string): string {
  const compact = text.replace(/\s+/gu, '').toUpperCase();
  if (!compact.includes('-') && compact.length === 32) {
    return compact.match(/.{4}/gu)?.join('-') ?? compact;
  }
  return compact;
}
