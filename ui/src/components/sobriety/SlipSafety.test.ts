import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/moods');

import * as sobriety from '../../lib/ipc/sobriety';
import * as moods from '../../lib/ipc/moods';
import { OPEN_ARTICLE } from '../../lib/openArticle';
import * as fixtures from '../../testing/moods';
import { shippedArticle } from '../../testing/articles';
import { clock } from '../../testing/sobriety';
import CravingDone from '../record/CravingDone.svelte';
import SlipFlow from './SlipFlow.svelte';

function withOpener() {
  const openArticle = vi.fn();
  return { openArticle, context: new Map<unknown, unknown>([[OPEN_ARTICLE, openArticle]]) };
}

const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The three facts, each as a reader would find it in the sentence. */
function expectTheThreeFactsInOneSentence(sentence: string) {
  expect(sentence).toMatch(/tolerance drops fast/);
  expect(sentence).toMatch(/don't use alone/);
  expect(sentence).toMatch(/keep naloxone near/);
  // One calm sentence: a single full stop, at the end, and no alarm.
  expect(sentence.match(/[.!?]/g)).toEqual(['.']);
  expect(sentence.endsWith('.')).toBe(true);
  expect(sentence).not.toMatch(/!|WARNING|danger/i);
}

describe('the safety sentence after a slip', () => {
  it('follows a recorded slip, with a link to "After a slip" that closes the dialog first', async () => {
    vi.mocked(sobriety.recordSlip).mockResolvedValue({
      keptDays: 30,
      totalSoberDays: 30,
      clock: clock({ days: 0 }),
    });
    vi.mocked(moods.listTriggers).mockResolvedValue([]);
    const { openArticle, context } = withOpener();
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(SlipFlow, {
      props: { clock: clock(), onRecorded: vi.fn(), onClose, onOpenSos: vi.fn() },
      context,
    });
    expect(screen.queryByTestId('slip-safety')).toBeNull(); // not on the form itself
    await user.click(screen.getByTestId('slip-save'));
    await screen.findByTestId('slip-safety');
    expectTheThreeFactsInOneSentence(text('slip-safety-text'));
    await user.click(screen.getByTestId('slip-open-article'));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(openArticle).toHaveBeenCalledWith('after-a-slip');
  });

  it('follows a craving that ended with "I used", whether or not a slip was recorded', async () => {
    for (const slipId of [12, null]) {
      const { openArticle, context } = withOpener();
      const onDone = vi.fn();
      const user = userEvent.setup();
      const { unmount } = render(CravingDone, {
        props: {
          event: fixtures.cravingEvent({ outcome: 'used', slipId }),
          slipClockName: slipId ? 'Alcohol' : null,
          onOpenSos: vi.fn(),
          onDone,
        },
        context,
      });
      expectTheThreeFactsInOneSentence(text('craving-safety-text'));
      await user.click(screen.getByTestId('craving-open-after-a-slip'));
      expect(onDone).toHaveBeenCalledTimes(1);
      expect(openArticle).toHaveBeenCalledWith('after-a-slip');
      unmount();
    }
  });

  it('is the same sentence on both screens', async () => {
    vi.mocked(sobriety.recordSlip).mockResolvedValue({
      keptDays: 3,
      totalSoberDays: 3,
      clock: clock({ days: 0 }),
    });
    vi.mocked(moods.listTriggers).mockResolvedValue([]);
    const user = userEvent.setup();
    render(SlipFlow, { clock: clock(), onRecorded: vi.fn(), onClose: vi.fn(), onOpenSos: vi.fn() });
    await user.click(screen.getByTestId('slip-save'));
    await screen.findByTestId('slip-safety');
    render(CravingDone, {
      event: fixtures.cravingEvent({ outcome: 'used', slipId: null }),
      slipClockName: null,
      onOpenSos: vi.fn(),
      onDone: vi.fn(),
    });
    expect(text('craving-safety-text')).toBe(text('slip-safety-text'));
  });

  it('is not shown when the urge passed or is still strong', () => {
    for (const outcome of ['passed', 'struggling'] as const) {
      const { unmount } = render(CravingDone, {
        event: fixtures.cravingEvent({ outcome }),
        slipClockName: null,
        onOpenSos: vi.fn(),
        onDone: vi.fn(),
      });
      expect(screen.queryByTestId('craving-safety')).toBeNull();
      unmount();
    }
  });

  it('shows no link where nothing could open the article', () => {
    render(CravingDone, {
      event: fixtures.cravingEvent({ outcome: 'used' }),
      slipClockName: null,
      onOpenSos: vi.fn(),
      onDone: vi.fn(),
    });
    expect(screen.getByTestId('craving-safety-text')).toBeTruthy();
    expect(screen.queryByTestId('craving-open-after-a-slip')).toBeNull();
  });

  it('says what the "After a slip" article says', () => {
    const article = shippedArticle('08-after-a-slip.md');
    expect(article).toMatch(/quickly loses its \*\*tolerance\*\*/);
    expect(article).toMatch(/\*\*Don't be alone\.\*\*/);
    expect(article).toMatch(/\*\*Keep naloxone close\*\*/);
  });
});
