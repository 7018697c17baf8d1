import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('../../lib/ipc/library');

import * as library from '../../lib/ipc/library';
import { IpcError } from '../../lib/ipc/IpcError';
import { ERROR_MESSAGES } from '../../lib/errors';
import { APP_VERSION, groupSources } from '../../lib/appInfo';
import { deferred } from '../../testing/deferred';
import tauriConf from '../../../../src-tauri/tauri.conf.json';
import About from './About.svelte';

const WHO = {
  organisation: 'World Health Organization (WHO)',
  title: 'Opioid overdose',
  url: 'https://www.who.int/overdose',
};
const NIDA_B = {
  organisation: 'National Institute on Drug Abuse (NIDA)',
  title: 'Treatment and Recovery',
  url: 'https://nida.nih.gov/treatment',
};
const NIDA_A = {
  organisation: 'National Institute on Drug Abuse (NIDA)',
  title: 'Drugs and the Brain',
  url: 'https://nida.nih.gov/brain',
};

/** What the core answers: each shipped article's sources in turn, so some come more than once. */
const CITED = [WHO, NIDA_B, NIDA_B, NIDA_A, WHO];

describe('About', () => {
  it('shows the version the app is built as (tauri.conf.json)', () => {
    vi.mocked(library.librarySources).mockReturnValue(deferred<never>().promise);
    render(About);
    expect(APP_VERSION).toBe(tauriConf.version);
    expect(screen.getByTestId('about-version').textContent).toBe(`Version ${tauriConf.version}`);
    expect(screen.getByTestId('about').textContent).toMatch(/MIT\s+licence/);
  });

  it("lists the shipped articles' sources once each, grouped by organisation", async () => {
    vi.mocked(library.librarySources).mockResolvedValue(CITED);
    render(About);
    const sources = await screen.findByTestId('about-sources');
    const organisations = [...sources.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(organisations).toEqual([NIDA_A.organisation, WHO.organisation]);
    const entries = screen
      .getAllByTestId('about-source')
      .map((dd) => dd.textContent?.replace(/\s+/g, ' ').trim());
    expect(entries).toEqual([
      `${NIDA_A.title} ${NIDA_A.url}`,
      `${NIDA_B.title} ${NIDA_B.url}`,
      `${WHO.title} ${WHO.url}`,
    ]);
    expect(sources.querySelector('a'), 'the app is offline: addresses are text, not links').toBeNull();
  });

  it('says so kindly when the library cannot be read', async () => {
    vi.mocked(library.librarySources).mockRejectedValue(new IpcError('io', 'disk'));
    render(About);
    expect((await screen.findByTestId('about-error')).querySelector('p')?.textContent).toBe(
      ERROR_MESSAGES.io,
    );
    expect(screen.getByTestId('about-version').textContent).toBe(`Version ${APP_VERSION}`);
  });

  it('reads the sources again with Try again', async () => {
    vi.mocked(library.librarySources)
      .mockRejectedValueOnce(new IpcError('io', 'disk'))
      .mockResolvedValue(CITED);
    const user = userEvent.setup();
    render(About);
    await screen.findByTestId('about-error');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('about-sources')).toBeTruthy();
    expect(screen.queryByTestId('about-error')).toBeNull();
  });
});

describe('groupSources', () => {
  it('keeps the first of two sources with the same address', () => {
    const again = { ...WHO, title: 'Opioid overdose (fact sheet)' };
    expect(groupSources([WHO, again])).toEqual([
      { organisation: WHO.organisation, sources: [{ title: WHO.title, url: WHO.url }] },
    ]);
  });

  it('gives nothing for no sources', () => {
    expect(groupSources([])).toEqual([]);
  });
});
