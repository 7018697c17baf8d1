import { afterEach, describe, expect, it } from 'vitest';

import { keepFocus } from './focusKeeper';
import { settle } from '../testing/heldPaint';

const flush = () => settle();

describe('keepFocus', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
  });

  function screen() {
    document.body.innerHTML = `<main><h1 tabindex="-1">Today</h1><button id="b">Save</button><input id="i" /></main>`;
    const main = document.querySelector('main')!;
    stop = keepFocus(main);
    return main;
  }

  it('moves focus to the heading when the focused button is removed', async () => {
    screen();
    document.getElementById('b')!.focus();
    document.getElementById('b')!.remove();
    await flush();
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('moves focus to the heading when the focused button is disabled', async () => {
    screen();
    const b = document.getElementById('b') as HTMLButtonElement;
    b.focus();
    // WebKit drops focus from a control that becomes disabled (jsdom needs the blur first).
    b.blur();
    b.disabled = true;
    await flush();
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('brings focus back to a button disabled while it worked and enabled again', async () => {
    screen();
    const b = document.getElementById('b') as HTMLButtonElement;
    b.focus();
    b.disabled = true;
    await flush();
    // WebKit drops the focus at its next rendering, with no focusout, and the save may be
    // over, the button enabled again, before anything looks (jsdom needs a blur, and blurs
    // only an enabled button).
    b.disabled = false;
    b.blur();
    await flush();
    expect(document.activeElement?.id).toBe('b');
  });

  it('prefers an open dialog to the heading', async () => {
    const main = screen();
    main.insertAdjacentHTML(
      'beforeend',
      '<div aria-modal="true" tabindex="-1" id="d"><button id="x">Close</button></div>',
    );
    document.getElementById('x')!.focus();
    document.getElementById('x')!.remove();
    await flush();
    expect(document.activeElement?.id).toBe('d');
  });

  it('leaves focus alone when it is still somewhere', async () => {
    screen();
    document.getElementById('b')!.focus();
    document.getElementById('i')!.focus();
    document.getElementById('b')!.remove();
    await flush();
    expect(document.activeElement?.id).toBe('i');
  });

  it('does nothing when nothing had focus (a click on plain text)', async () => {
    screen();
    document.getElementById('b')!.remove();
    await flush();
    expect(document.activeElement).toBe(document.body);
  });
});
