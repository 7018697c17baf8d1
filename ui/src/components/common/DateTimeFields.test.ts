import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, mount, unmount } from 'svelte';
import DateTimeFields from './DateTimeFields.svelte';

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('DateTimeFields', () => {
  it('shows a labelled day and time, with test ids from the prefix and the day capped at max', () => {
    render(DateTimeFields, { day: '2025-04-09', time: '20:15', testId: 'mood', max: '2025-04-10' });
    const day = screen.getByLabelText('Day') as HTMLInputElement;
    const time = screen.getByLabelText('Time') as HTMLInputElement;
    expect(day).toBe(input('mood-date'));
    expect(time).toBe(input('mood-time'));
    expect(day.type).toBe('date');
    expect(time.type).toBe('time');
    expect(day.value).toBe('2025-04-09');
    expect(time.value).toBe('20:15');
    expect(day.max).toBe('2025-04-10');
    expect(day.hasAttribute('min')).toBe(false);
    expect(day.disabled).toBe(false);
    expect(time.disabled).toBe(false);
  });

  it('takes its own day label, a lowest day, and can be disabled', () => {
    render(DateTimeFields, {
      day: '2025-04-10',
      time: '14:30',
      testId: 'clock-start',
      dayLabel: 'Sober since',
      min: '2025-03-01',
      max: '2025-04-10',
      disabled: true,
    });
    const day = screen.getByLabelText('Sober since') as HTMLInputElement;
    expect(day).toBe(input('clock-start-date'));
    expect(day.min).toBe('2025-03-01');
    expect(day.disabled).toBe(true);
    expect(input('clock-start-time').disabled).toBe(true);
  });

  describe('bound to its host', () => {
    let component: ReturnType<typeof mount> | null = null;
    afterEach(() => {
      if (component) unmount(component);
      component = null;
      document.body.innerHTML = '';
    });

    it('hands what is picked back through day and time', async () => {
      const bound = { day: '2025-04-10', time: '14:30' };
      component = mount(DateTimeFields, {
        target: document.body,
        props: {
          get day() {
            return bound.day;
          },
          set day(value: string) {
            bound.day = value;
          },
          get time() {
            return bound.time;
          },
          set time(value: string) {
            bound.time = value;
          },
          testId: 'slip',
          max: '2025-04-10',
        },
      });
      flushSync();
      await fireEvent.input(input('slip-date'), { target: { value: '2025-04-08' } });
      await fireEvent.input(input('slip-time'), { target: { value: '21:00' } });
      expect(bound).toEqual({ day: '2025-04-08', time: '21:00' });
    });
  });
});
