import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import BreathingExercise from './BreathingExercise.svelte';

const el = (id: string) => screen.getByTestId(id);
const words = () => el('breathing-words').textContent;

function preferReducedMotion(reduce: boolean) {
  window.matchMedia = vi.fn().mockImplementation((query: string) => ({
    matches: reduce && query.includes('prefers-reduced-motion'),
    media: query,
  })) as unknown as typeof window.matchMedia;
}

describe('BreathingExercise', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
    // jsdom has no matchMedia of its own.
    Reflect.deleteProperty(window, 'matchMedia');
  });

  it('guides in for 4, hold for 4, out for 6 with a growing circle, then stops', async () => {
    render(BreathingExercise);
    expect(screen.queryByTestId('breathing-words')).toBeNull();
    await fireEvent.click(el('breathing-start'));
    expect(words()).toBe('Breathe in…');
    expect(el('breathing-circle').dataset.phase).toBe('in');
    expect(screen.queryByTestId('breathing-count')).toBeNull();
    expect(el('breathing-words').getAttribute('aria-live')).toBe('polite');

    await vi.advanceTimersByTimeAsync(4000);
    expect(words()).toBe('Hold…');
    await vi.advanceTimersByTimeAsync(4000);
    expect(words()).toBe('Breathe out…');
    expect(el('breathing-circle').dataset.phase).toBe('out');
    await vi.advanceTimersByTimeAsync(5750);
    expect(words()).toBe('Breathe out…');
    await vi.advanceTimersByTimeAsync(250);
    expect(words()).toBe('Breathe in…');

    await fireEvent.click(el('breathing-stop'));
    expect(screen.queryByTestId('breathing-words')).toBeNull();
    expect(screen.queryByTestId('breathing-circle')).toBeNull();
    expect(el('breathing-start')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(screen.queryByTestId('breathing-words')).toBeNull();
  });

  it('shows only the words and a count with reduced motion', async () => {
    preferReducedMotion(true);
    render(BreathingExercise);
    await fireEvent.click(el('breathing-start'));
    expect(screen.queryByTestId('breathing-circle')).toBeNull();
    expect(words()).toBe('Breathe in…');
    expect(el('breathing-count').textContent).toBe('4');
    await vi.advanceTimersByTimeAsync(1000);
    expect(el('breathing-count').textContent).toBe('3');
    await vi.advanceTimersByTimeAsync(3000);
    expect(words()).toBe('Hold…');
    expect(el('breathing-count').textContent).toBe('4');
    await vi.advanceTimersByTimeAsync(4000);
    expect(el('breathing-count').textContent).toBe('6');
  });

  it('keeps the circle when motion is welcome', async () => {
    preferReducedMotion(false);
    render(BreathingExercise);
    await fireEvent.click(el('breathing-start'));
    expect(el('breathing-circle')).toBeTruthy();
  });
});
