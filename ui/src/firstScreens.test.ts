// The first screens drawn at build time (firstScreens.ts) are the ones the App draws in the
// window, so the UI's code takes the drawing over as it is (main.ts hydrates it): the same
// elements, anything typed before the code arrived kept, and the code's behaviour attached.
// The drawings come from firstScreens.ts itself, loaded for the server through Vite's SSR
// loader (`npm run build` builds it instead, prerender.js), and the client's App hydrates them,
// as in the window.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, hydrate, unmount } from 'svelte';
import { createServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

vi.mock('./lib/ipc/vault');
vi.mock('./lib/ipc/preferences');

import * as vault from './lib/ipc/vault';
import App from './App.svelte';
import { useLanguage } from './lib/i18n';
import { settle } from './testing/heldPaint';
import { booted } from './testing/boot';

let server: ViteDevServer;
let drawn: Record<string, string>;

beforeAll(async () => {
  // Svelte's plugin alone: the message catalogues are compiled already, by this run's own.
  server = await createServer({
    configFile: false,
    root: import.meta.dirname + '/..',
    plugins: [svelte()],
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
  });
  const module = await server.ssrLoadModule('/src/firstScreens.ts');
  drawn = module.firstScreens();
}, 60_000);

afterAll(() => server?.close());

/** The drawing in a fresh root, as the shell serves it. */
function served(key: string): HTMLElement {
  const target = document.createElement('div');
  target.innerHTML = drawn[key] ?? '';
  document.body.replaceChildren(target);
  return target;
}

describe('the first screens drawn at build time', () => {
  beforeEach(() => {
    useLanguage(null);
    vi.mocked(vault.boot).mockImplementation(() => new Promise(() => {})); // the handed state stands
  });

  it('has the welcome and unlock screens in every language, without inline styles or scripts', () => {
    expect(Object.keys(drawn).sort()).toEqual(['unlock.en', 'unlock.es', 'welcome.en', 'welcome.es']);
    for (const html of Object.values(drawn)) {
      // The CSP has no 'unsafe-inline': an inline style or script in the page would be refused.
      expect(html).not.toMatch(/\sstyle=|<script|\son[a-z]+=/i);
      expect(html.startsWith('<!--[-->')).toBe(true);
    }
    expect(drawn['welcome.en']).toContain('Welcome to Daybreak');
    expect(drawn['unlock.es']).toContain('Desbloquear');
    expect(drawn['welcome.es']).not.toContain('Welcome to Daybreak');
  });

  it('is taken over as it is, with what was typed before the code arrived', async () => {
    const target = served('welcome.en');
    const field = target.querySelector<HTMLInputElement>('[data-testid="create-passphrase"]');
    expect(field).not.toBeNull();
    field!.focus();
    field!.value = 'typed while the code loaded';
    const app = hydrate(App, { target, props: { handed: booted('none', 'en') } });
    flushSync();
    await settle();
    // The same element, not a new one drawn beside or over it.
    expect(target.querySelectorAll('[data-testid="create-passphrase"]')).toHaveLength(1);
    expect(target.querySelector('[data-testid="create-passphrase"]')).toBe(field);
    expect(field!.value).toBe('typed while the code loaded');
    // Focus stays in the field they clicked into (the heading takes it only when nothing has it).
    expect(document.activeElement).toBe(field);
    // The code has the typed words: the strength hint under the field weighs them.
    expect(target.querySelector('[data-testid="strength-hint"]')?.getAttribute('data-level')).not.toBe(
      'empty',
    );
    unmount(app);
  });

  it('gives way to the screen the code draws when that is another (after a reload)', async () => {
    // After a reload nothing is handed over and the App asks the shell, which answers "locked".
    vi.mocked(vault.boot).mockResolvedValue(booted('locked', 'en'));
    const target = served('welcome.en');
    const app = hydrate(App, { target });
    flushSync();
    await settle();
    expect(target.querySelector('[data-testid="create-passphrase"]')).toBeNull();
    expect(target.querySelectorAll('[data-testid="unlock-passphrase"]')).toHaveLength(1);
    expect(target.querySelectorAll('main')).toHaveLength(1);
    unmount(app);
  });

  it('puts its words right when drawn in another language than the page speaks', async () => {
    // Drawn in the language the window spoke at its last start (the shell could not tell the
    // system's); the system's has changed to English since.
    const target = served('welcome.es');
    const field = target.querySelector('[data-testid="create-passphrase"]');
    const app = hydrate(App, { target, props: { handed: booted('none', null) } });
    flushSync();
    await settle();
    expect(target.textContent).toContain('Welcome to Daybreak');
    expect(target.textContent).not.toContain('Te damos la bienvenida');
    expect(target.querySelector('[data-testid="create-submit"]')?.textContent).toBe('Create my journal');
    expect(target.querySelectorAll('[data-testid="create-passphrase"]')).toHaveLength(1);
    expect(target.querySelector('[data-testid="create-passphrase"]')).toBe(field);
    expect(document.documentElement.lang).toBe('en');
    unmount(app);
  });

  it('draws the unlock screen in the language chosen, and the code keeps it', async () => {
    const target = served('unlock.es');
    const button = target.querySelector('[data-testid="unlock-submit"]');
    const app = hydrate(App, { target, props: { handed: booted('locked', 'es') } });
    flushSync();
    await settle();
    expect(target.querySelector('[data-testid="unlock-submit"]')).toBe(button);
    expect(button?.textContent).toBe('Desbloquear');
    unmount(app);
  });
});
