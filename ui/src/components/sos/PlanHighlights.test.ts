import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';

vi.mock('../../lib/ipc/sos');

import * as sos from '../../lib/ipc/sos';
import * as fixtures from '../../testing/sos';
import { IpcError } from '../../lib/ipc/IpcError';
import PlanHighlights from './PlanHighlights.svelte';

describe('PlanHighlights', () => {
  it('shows what helps from the plan once it is read', async () => {
    vi.mocked(sos.planGet).mockResolvedValueOnce(fixtures.plan({ copingStrategies: ['Go for a walk'] }));
    render(PlanHighlights, { onOpenPlan: vi.fn() });
    expect((await screen.findByTestId('sos-plan-coping')).textContent).toContain('Go for a walk');
    expect(screen.getByTestId('open-plan').textContent).toMatch(/Open my whole plan/);
  });

  it('says quietly when the plan could not be read, and still offers the plan', async () => {
    vi.mocked(sos.planGet).mockRejectedValueOnce(new IpcError('io', '/home/someone'));
    render(PlanHighlights, { onOpenPlan: vi.fn() });
    expect(await screen.findByText("Your plan couldn't be shown just now.")).toBeTruthy();
    expect(screen.getByTestId('sos-plan').textContent).not.toContain('/home/someone');
    expect(screen.getByTestId('open-plan').textContent).toMatch(/Write my plan/);
  });
});
