// Links from other screens into the library: each opens the right article through the opener
// the Shell provides, and none is shown where nothing could open it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/sobriety');
vi.mock('../../lib/ipc/library');
vi.mock('../../lib/ipc/moods');

import * as sobriety from '../../lib/ipc/sobriety';
import * as library from '../../lib/ipc/library';
import * as moods from '../../lib/ipc/moods';
import { clock } from '../../testing/sobriety';
import { trigger } from '../../testing/moods';
import { summary } from '../../testing/library';
import { IpcError } from '../../lib/ipc/IpcError';
import { OPEN_ARTICLE } from '../../lib/openArticle';
import CravingSupport from '../record/CravingSupport.svelte';
import SlipFlow from '../sobriety/SlipFlow.svelte';
import TriggerRow from '../record/TriggerRow.svelte';
import OverdoseSteps from '../sos/OverdoseSteps.svelte';

function withOpener() {
  const openArticle = vi.fn();
  return { openArticle, context: new Map<unknown, unknown>([[OPEN_ARTICLE, openArticle]]) };
}

function triggerRowProps(overrides: Parameters<typeof trigger>[0] = {}) {
  return {
    trigger: trigger(overrides),
    busy: false,
    canMerge: false,
    onRename: vi.fn(async () => true),
    onArchive: vi.fn(),
    onUnarchive: vi.fn(),
    onMerge: vi.fn(),
  };
}

describe('links to library articles', () => {
  beforeEach(() => {
    vi.mocked(sobriety.recordSlip).mockResolvedValue({
      keptDays: 30,
      totalSoberDays: 30,
      clock: clock({ days: 0 }),
    });
    vi.mocked(moods.listTriggers).mockResolvedValue([]);
  });

  it('the slip flow offers "After a slip" on its kind screen, and closes as it opens it', async () => {
    const { openArticle, context } = withOpener();
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(SlipFlow, {
      props: { clock: clock(), onRecorded: vi.fn(), onClose, onOpenSos: vi.fn() },
      context,
    });
    expect(screen.queryByTestId('slip-open-article')).toBeNull(); // not on the form itself
    await user.click(screen.getByTestId('slip-save'));
    const link = await screen.findByTestId('slip-open-article');
    expect(link.textContent?.trim()).toBe('Read: After a slip');
    await user.click(link);
    expect(openArticle).toHaveBeenCalledWith('after-a-slip');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('craving support offers urge surfing', async () => {
    const { openArticle, context } = withOpener();
    const user = userEvent.setup();
    render(CravingSupport, { props: { onOpenSos: vi.fn() }, context });
    await user.click(screen.getByTestId('craving-open-urge-surfing'));
    expect(openArticle).toHaveBeenCalledWith('urge-surfing-and-coping-skills');
  });

  it('craving support keeps the reading back while a form is unsaved', () => {
    const { context } = withOpener();
    render(CravingSupport, { props: { onOpenSos: vi.fn(), offerReading: false }, context });
    expect(screen.getByTestId('craving-open-sos')).toBeTruthy();
    expect(screen.queryByTestId('craving-open-urge-surfing')).toBeNull();
  });

  it("SOS's overdose steps open the full overdose article in the Library", async () => {
    const { openArticle, context } = withOpener();
    const user = userEvent.setup();
    render(OverdoseSteps, { props: { sectionId: 'overdose' }, context });
    await user.click(screen.getByTestId('sos-open-overdose'));
    expect(openArticle).toHaveBeenCalledWith('opioid-overdose');
    expect(library.libraryArticle).not.toHaveBeenCalled();
  });

  it('shows no article links where nothing could open them', () => {
    render(CravingSupport, { onOpenSos: vi.fn() });
    render(TriggerRow, triggerRowProps());
    expect(screen.getByTestId('craving-open-sos')).toBeTruthy();
    expect(screen.queryByTestId('craving-open-urge-surfing')).toBeNull();
    expect(screen.getByTestId('trigger-rename')).toBeTruthy();
    expect(screen.queryByTestId('trigger-articles')).toBeNull();
  });

  describe('trigger row', () => {
    it('lists the readings about a built-in trigger, and opens one', async () => {
      vi.mocked(library.libraryForTrigger).mockResolvedValue([
        summary({ slug: 'cravings-and-triggers', title: 'Cravings and triggers' }),
        summary({ slug: 'urge-surfing-and-coping-skills', title: 'Urge surfing and other coping skills' }),
      ]);
      const { openArticle, context } = withOpener();
      const user = userEvent.setup();
      render(TriggerRow, { props: triggerRowProps({ key: 'stress', name: 'Stress' }), context });
      const button = screen.getByTestId('trigger-articles');
      expect(button.getAttribute('aria-expanded')).toBe('false');
      await user.click(button);
      expect(library.libraryForTrigger).toHaveBeenCalledWith('stress');
      expect(button.getAttribute('aria-expanded')).toBe('true');
      const list = screen.getByTestId('trigger-articles-list');
      expect(button.getAttribute('aria-controls')).toBe(list.id);
      const items = await within(list).findAllByTestId('trigger-article');
      expect(items.map((i) => i.dataset.slug)).toEqual([
        'cravings-and-triggers',
        'urge-surfing-and-coping-skills',
      ]);
      await user.click(items[1]!);
      expect(openArticle).toHaveBeenCalledWith('urge-surfing-and-coping-skills');
    });

    it('closes the list with Escape and puts focus back on its button', async () => {
      vi.mocked(library.libraryForTrigger).mockResolvedValue([summary()]);
      const { context } = withOpener();
      const user = userEvent.setup();
      render(TriggerRow, { props: triggerRowProps(), context });
      await user.click(screen.getByTestId('trigger-articles'));
      (await screen.findByTestId('trigger-article')).focus();
      await user.keyboard('{Escape}');
      expect(screen.queryByTestId('trigger-articles-list')).toBeNull();
      expect(document.activeElement).toBe(screen.getByTestId('trigger-articles'));
    });

    it('says so when there is nothing to read, or it could not be loaded', async () => {
      vi.mocked(library.libraryForTrigger)
        .mockResolvedValueOnce([])
        .mockRejectedValueOnce(new IpcError('io', 'x'));
      const { context } = withOpener();
      const user = userEvent.setup();
      render(TriggerRow, { props: triggerRowProps({ id: 1, key: 'stress' }), context });
      render(TriggerRow, { props: triggerRowProps({ id: 2, key: 'boredom', name: 'Boredom' }), context });
      const [first, second] = screen.getAllByTestId('trigger-articles');
      await user.click(first!);
      await user.click(second!);
      const [empty, failed] = screen.getAllByTestId('trigger-articles-list');
      await vi.waitFor(() => expect(empty!.textContent).toContain('no readings about this one yet'));
      await vi.waitFor(() =>
        expect(within(failed!).getByRole('alert').textContent).toContain("couldn't read or save"),
      );
    });

    it('offers nothing to read for a trigger the person added', () => {
      const { context } = withOpener();
      render(TriggerRow, { props: triggerRowProps({ key: null, name: 'Payday' }), context });
      expect(screen.queryByTestId('trigger-articles')).toBeNull();
      expect(screen.getByTestId('trigger-rename')).toBeTruthy();
    });
  });
});
