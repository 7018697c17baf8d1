// The first screens, drawn at build time (issue 12): the welcome screen (no journal yet) and the
// unlock screen, in every language, as the HTML the shell puts into the page it serves
// (src-tauri/src/first_screen.rs). The window paints that HTML before the UI's code has run,
// and main.ts hydrates it. `npm run build` builds this file for the server and writes its
// answer to dist/first-screens.json (prerender.js).
//
// The App is the one the window runs, drawn from the state the shell would hand it, so the
// drawing is the page's own. Its calls to the shell fail here, as when the shell cannot be
// reached, and are caught.
import { render } from 'svelte/server';
import App from './App.svelte';
import type { Boot } from './lib/bindings';
import { locales } from './lib/i18n';

/** The journal's states that have a first screen drawn, by the name the shell looks them up by. */
const SCREENS = { welcome: 'none', unlock: 'locked' } as const;

/** Every first screen's HTML, by "<screen>.<language>": "welcome.en", "unlock.es". */
export function firstScreens(): Record<string, string> {
  const drawn: Record<string, string> = {};
  for (const [screen, state] of Object.entries(SCREENS)) {
    for (const language of locales) {
      const handed: Boot = { journal: { state, dataDir: '', journalFile: '' }, language };
      drawn[`${screen}.${language}`] = render(App, { props: { handed } }).body;
    }
  }
  return drawn;
}
