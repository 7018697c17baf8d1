import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';

vi.mock('../../lib/ipc/library');

import { shippedArticle } from '../../testing/articles';
import OverdoseSteps from './OverdoseSteps.svelte';

const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('OverdoseSteps', () => {
  it('gives a second naloxone dose in the other nostril, with a new device', () => {
    render(OverdoseSteps, { sectionId: 'overdose' });
    // As the nasal spray's labelling says (FDA): if the person does not respond, give a second
    // dose in the other nostril using a new nasal spray.
    expect(text('overdose-naloxone')).toContain(
      'If there is no response after 2 to 3 minutes, give a second dose in the other nostril, with a new device.',
    );
  });

  it('says what the overdose article says', () => {
    const article = shippedArticle('09-opioid-overdose.md');
    expect(article).toContain('give a second dose with a **new device in the other nostril**');
    expect(article).toContain('**Wait and watch for 2 to 3 minutes.**');
  });

  it('names the emergency number when it knows it', () => {
    render(OverdoseSteps, { sectionId: 'overdose', emergencyNumber: '999' });
    expect(text('overdose-steps')).toContain('Call emergency services now (999).');
  });
});
