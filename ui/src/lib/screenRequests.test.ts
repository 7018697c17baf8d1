import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./ipc/reminders');

import * as reminders from './ipc/reminders';
import type { Screen } from './bindings';
import { onScreenRequest, resetScreenRequests, watchScreenRequests } from './screenRequests';

async function shellSays(): Promise<(screen: Screen) => void> {
  let send: (screen: Screen) => void = () => {};
  vi.mocked(reminders.watchScreens).mockImplementation(async (onOpen) => {
    send = onOpen;
  });
  await watchScreenRequests();
  return send;
}

describe('screen requests from the shell', () => {
  beforeEach(() => resetScreenRequests());

  it('reach whatever is listening', async () => {
    const send = await shellSays();
    const seen: Screen[] = [];
    const stop = onScreenRequest((s) => seen.push(s));
    send('today');
    stop();
    send('mood');
    expect(seen).toEqual(['today']);
  });

  it('wait while the journal is locked, and open once it is unlocked', async () => {
    const send = await shellSays();
    send('sobriety');
    send('today');
    const seen: Screen[] = [];
    onScreenRequest((s) => seen.push(s));
    expect(seen).toEqual(['today']);
    const later: Screen[] = [];
    onScreenRequest((s) => later.push(s));
    expect(later, 'a waiting request is opened once').toEqual([]);
  });

  it('the lock screen takes SOS at once; the rest waits for the unlock', async () => {
    const send = await shellSays();
    const lockScreen: Screen[] = [];
    const stop = onScreenRequest(
      (s) => lockScreen.push(s),
      (s) => s === 'sos',
    );
    send('today');
    send('sos');
    expect(lockScreen).toEqual(['sos']);
    stop();
    const unlocked: Screen[] = [];
    onScreenRequest((s) => unlocked.push(s));
    expect(unlocked).toEqual(['today']);
  });
});
