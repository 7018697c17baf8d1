import { describe, expect, it } from 'vitest';
import { matchesGroup, normalizeRecoveryKey, randomGroupIndex, recoveryKeyGroups } from './recoveryKey';

const KEY = 'K7QF-9M2D-ABCD-EFGH-JKLM-NPQR-STUV-WXYZ';

describe('recovery key helpers', () => {
  it('splits a key into its 8 groups', () => {
    expect(recoveryKeyGroups(KEY)).toHaveLength(8);
    expect(recoveryKeyGroups(KEY)[1]).toBe('9M2D');
  });

  it('matches a group ignoring case and spaces', () => {
    expect(matchesGroup(KEY, 0, 'k7qf')).toBe(true);
    expect(matchesGroup(KEY, 1, ' 9m 2d ')).toBe(true);
    expect(matchesGroup(KEY, 1, 'K7QF')).toBe(false);
    expect(matchesGroup(KEY, 1, '')).toBe(false);
    expect(matchesGroup(KEY, 8, 'WXYZ')).toBe(false);
  });

  it('picks a group index in range', () => {
    expect(randomGroupIndex(8, () => 0)).toBe(0);
    expect(randomGroupIndex(8, () => 0.999999)).toBe(7);
    expect(randomGroupIndex(8, () => 0.5)).toBe(4);
    for (let i = 0; i < 50; i++) {
      const index = randomGroupIndex(8);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(8);
    }
  });

  it('tidies a typed recovery key', () => {
    expect(normalizeRecoveryKey(' k7qf-9m2d-abcd-efgh-jklm-npqr-stuv-wxyz ')).toBe(KEY);
    expect(normalizeRecoveryKey('k7qf9m2dabcdefghjklmnpqrstuvwxyz')).toBe(KEY);
    expect(normalizeRecoveryKey('K7QF 9M2D')).toBe('K7QF9M2D');
  });
});
