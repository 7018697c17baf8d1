import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sos');
vi.mock('../../lib/ipc/moods');
vi.mock('../../lib/ipc/library');

import * as sos from '../../lib/ipc/sos';
import * as moods from '../../lib/ipc/moods';
import * as library from '../../lib/ipc/library';
import * as fixtures from '../../testing/sos';
import * as libraryFixtures from '../../testing/library';
import { IpcError } from '../../lib/ipc/IpcError';
import LockScreenSos from './LockScreenSos.svelte';
import { withHeldPaint } from '../../testing/heldPaint';

const NOTE = 'Unlock to see your people and reasons.';

function setup() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(LockScreenSos, { lockedNote: NOTE, onClose });
  return { user, onClose };
}

const el = (id: string) => screen.getByTestId(id);
const numbers = () => screen.getAllByTestId('crisis-number').map((n) => n.textContent);

describe('LockScreenSos (the public SOS panel on the lock screen)', () => {
  beforeEach(() => {
    vi.mocked(sos.sosCrisisLines).mockResolvedValue(fixtures.countries());
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(fixtures.here('GB'));
    vi.mocked(sos.sosSetCountry).mockImplementation(async (code) => fixtures.here(code, 'chosen'));
    vi.mocked(library.libraryArticle).mockResolvedValue(
      libraryFixtures.article({
        slug: 'opioid-overdose',
        title: 'Opioid overdose',
        html: '<p>Call for help. <strong>Give naloxone.</strong></p>',
      }),
    );
  });

  it("shows the locale's country's lines, the overdose steps and breathing, and nothing private", async () => {
    setup();
    const lines = await screen.findAllByTestId('crisis-line');
    expect(sos.sosCrisisHere).toHaveBeenCalled();
    expect((el('crisis-country') as HTMLSelectElement).value).toBe('GB');
    expect(numbers()).toEqual(['999', '116 123', '0800 1111']);
    expect(lines.map((l) => l.dataset.kind)).toEqual(['emergency', 'crisis', 'crisis']);
    expect(lines[0]!.textContent).toContain('Emergency number');
    // Named for its kind, the general number does not say its kind again above its name.
    expect(lines[0]!.querySelector('h3')!.previousElementSibling).toBeNull();
    expect(lines[1]!.querySelector('h3')!.previousElementSibling!.textContent!.trim()).toBe('Crisis support');
    expect(lines[1]!.textContent).toContain('https://www.samaritans.org/');
    expect(el('crisis-checked').textContent).toMatch(/^Numbers last checked: .*2026/);
    expect(el('sos-emergency-number').textContent).toBe('999');

    const steps = el('overdose-steps');
    expect(steps.querySelectorAll('ol > li')).toHaveLength(5);
    expect(steps.textContent).toContain('one spray in one nostril');
    expect(steps.textContent).toContain('30 to 90 minutes');
    expect(steps.querySelector('ol > li')!.textContent).toContain('Call emergency services now (999)');
    expect(el('breathing-exercise')).toBeTruthy();
    expect(el('delay-timer')).toBeTruthy();

    expect(el('sos-private-locked').textContent).toBe(NOTE);
    for (const id of ['my-people', 'my-reasons', 'sos-plan']) expect(screen.queryByTestId(id)).toBeNull();
    for (const fn of [sos.sosPeople, sos.sosReasons, sos.planGet, moods.listCopingActions]) {
      expect(fn).not.toHaveBeenCalled();
    }
  });

  it('draws the helplines, breathing and overdose steps at once: here they are in sight', () =>
    withHeldPaint(async () => {
      setup();
      expect(await screen.findAllByTestId('crisis-line')).toHaveLength(3);
      expect(el('breathing-exercise')).toBeTruthy();
      expect(el('overdose-steps')).toBeTruthy();
      expect(screen.queryByTestId('below-pending')).toBeNull();
    }));

  it('puts the emergency number before everything else', async () => {
    setup();
    await screen.findAllByTestId('crisis-line');
    const strip = el('sos-emergency');
    const others = ['sos-private-locked', 'crisis-lines', 'breathing-exercise', 'overdose-steps'].map(el);
    for (const other of others) {
      expect(strip.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it('switches the lines with the country picker, without saving a country the computer knew', async () => {
    const { user } = setup();
    await screen.findAllByTestId('crisis-line');
    await user.selectOptions(el('crisis-country'), 'United States');
    expect(numbers()).toEqual(['911', '988', '1-800-662-4357']);
    expect(el('sos-emergency-number').textContent).toBe('911');
    expect(el('overdose-steps').textContent).toContain('(911)');
    expect(screen.getAllByTestId('crisis-how')[1]!.textContent).toBe('Call or text');
    expect(sos.sosSetCountry).not.toHaveBeenCalled();
  });

  it('marks the lines for young people', async () => {
    setup();
    const lines = await screen.findAllByTestId('crisis-line');
    const childline = lines.find((l) => l.textContent?.includes('0800 1111'))!;
    expect(childline.dataset.youth).toBe('true');
    expect(within(childline).getByTestId('crisis-youth').textContent).toBe('For young people');
    expect(lines.filter((l) => l.dataset.youth === 'true')).toHaveLength(1);
  });

  it('says which option to choose when a line serves other needs too', async () => {
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(fixtures.here('PE'));
    setup();
    await screen.findAllByTestId('crisis-line');
    expect(screen.getAllByTestId('crisis-how')[1]!.textContent).toBe('Call, then choose option 5');
    expect(el('sos-emergency-number').textContent).toBe('106');
  });

  it("with no country known, shows no country's numbers: call your local emergency number, choose here", async () => {
    vi.mocked(sos.sosCrisisHere).mockResolvedValue(fixtures.here(null));
    const { user } = setup();
    const strip = el('sos-emergency');
    await within(strip).findByTestId('sos-country-picker');
    const text = () => document.body.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(el('sos-call-local').textContent?.replace(/\s+/g, ' ')).toContain(
      'call your local emergency number now',
    );
    expect(screen.queryByTestId('sos-emergency-number')).toBeNull();
    expect(screen.queryByTestId('crisis-line')).toBeNull();
    for (const number of ['911', '999', '988', '112']) expect(text()).not.toContain(` ${number}`);
    expect(el('overdose-steps').querySelector('ol > li')!.textContent).toContain(
      'Call emergency services now.',
    );
    expect(el('sos-elsewhere').textContent).toContain('https://findahelpline.com');
    expect(el('crisis-elsewhere').textContent).toContain('https://findahelpline.com');
    expect((el('crisis-country') as HTMLSelectElement).value).toBe('');

    await user.selectOptions(el('sos-country-picker'), 'Ireland');
    expect(sos.sosSetCountry).toHaveBeenCalledWith('IE');
    expect(el('sos-emergency-number').textContent).toBe('112');
    expect(numbers()).toEqual(['112', '116 123']);
    expect(screen.queryByTestId('sos-country-picker')).toBeNull();

    // Remembered once; looking at another country afterwards only changes what is shown.
    await user.selectOptions(el('crisis-country'), 'United Kingdom');
    expect(sos.sosSetCountry).toHaveBeenCalledTimes(1);
    expect(el('sos-emergency-number').textContent).toBe('999');
  });

  it('shows no country when the country cannot be looked up, rather than guessing one', async () => {
    vi.mocked(sos.sosCrisisHere).mockRejectedValue(new IpcError('internal', 'x'));
    setup();
    expect(await screen.findByTestId('sos-country-picker')).toBeTruthy();
    expect(screen.queryByTestId('crisis-line')).toBeNull();
    expect(screen.queryByTestId('sos-emergency-number')).toBeNull();
  });

  it('still says to call the local emergency number when the lines cannot be loaded', async () => {
    vi.mocked(sos.sosCrisisLines).mockRejectedValue(new IpcError('internal', 'x'));
    setup();
    const error = await screen.findByTestId('crisis-lines-error');
    expect(error.textContent?.replace(/\s+/g, ' ')).toContain('call your local emergency number');
    expect(el('sos-emergency').textContent?.replace(/\s+/g, ' ')).toContain(
      'call your local emergency number now',
    );
    expect(screen.queryByTestId('crisis-line')).toBeNull();
  });

  it('loads the helplines again with Try again after a failure', async () => {
    vi.mocked(sos.sosCrisisLines).mockRejectedValueOnce(new IpcError('internal', 'x'));
    const { user } = setup();
    const error = await screen.findByTestId('crisis-lines-error');
    await user.click(within(error).getByRole('button'));
    expect((await screen.findAllByTestId('crisis-line')).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('crisis-lines-error')).toBeNull();
  });

  it('copies a number and announces it', async () => {
    const { user } = setup();
    await screen.findAllByTestId('crisis-line');
    await user.click(screen.getAllByTestId('crisis-copy')[1]!);
    expect(await navigator.clipboard.readText()).toBe('116 123');
    expect(screen.getAllByTestId('crisis-copy-status')[1]!.textContent).toBe('Copied');
    expect(screen.getAllByTestId('crisis-copy')[1]!.textContent).toContain('Copied');
  });

  it('selects the number instead when the clipboard is not available', async () => {
    const { user } = setup();
    await screen.findAllByTestId('crisis-line');
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(el('sos-emergency-copy'));
    expect(write).toHaveBeenCalledWith('999');
    expect(window.getSelection()?.toString()).toBe('999');
    expect(el('sos-emergency-copy-status').textContent).toContain('Press Ctrl+C');
  });

  it('moves to the picker and to the overdose steps from the top', async () => {
    const { user } = setup();
    await screen.findAllByTestId('crisis-line');
    await user.click(el('sos-change-country'));
    expect(document.activeElement).toBe(el('crisis-country'));
    await user.click(el('sos-overdose-jump'));
    expect(document.activeElement).toBe(el('overdose-steps'));
  });

  it('opens the full overdose guide read-only, as there is no Library here', async () => {
    const { user, onClose } = setup();
    await user.click(el('sos-open-overdose'));
    expect(library.libraryArticle).toHaveBeenCalledWith('opioid-overdose');
    const body = await screen.findByTestId('overdose-article-body');
    expect(body.classList.contains('prose')).toBe(true);
    expect(body.querySelector('strong')?.textContent).toBe('Give naloxone.');
    expect(within(el('overdose-article')).getByRole('heading', { name: 'Opioid overdose' })).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('overdose-article')).toBeNull();
    expect(el('public-sos')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(el('sos-open-overdose'));
  });

  it('is a labelled modal overlay that closes with its button or Escape', async () => {
    const { user, onClose } = setup();
    const overlay = screen.getByRole('dialog', { name: 'SOS' });
    expect(overlay.getAttribute('aria-modal')).toBe('true');
    expect(overlay.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(el('sos-open-overdose')); // wraps to the last control
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(el('public-sos-close'));
    await user.click(el('public-sos-close'));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
