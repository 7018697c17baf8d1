import { BOOT_START, FIRST_SCREEN, markBoot } from './lib/bootMarks';
import { hydrate } from 'svelte';
import App from './App.svelte';
import './app.css';

// The first screen's files are fetched, parsed and their modules run: the UI starts now.
markBoot(BOOT_START);

// Before anything is laid out: on Linux the text is in fontconfig's sans-serif (app.css says why).
if (/\bLinux\b/.test(navigator.userAgent)) document.documentElement.dataset.os = 'linux';

const target = document.getElementById('app');
if (!target) {
  throw new Error('Daybreak: the #app element is missing from index.html.');
}

// The shell serves the welcome or unlock screen already drawn into the page (drawn at build
// time, src/firstScreens.ts), so it is painted before this code has run; hydrating takes that
// drawing over as it is, with anything typed meanwhile. Where the page has none (an open
// journal, a language the shell cannot tell) or the App draws another screen (after a reload
// it asks the shell first), the App draws its own.
const app = hydrate(App, { target });
// Drawn from the state the shell handed over, the welcome or unlock screen is the code's as soon
// as hydrate returns: marked now, since WebKitGTK runs the promise callbacks queued here (App's
// own mark) only after the page's load.
if (app.showsFirstScreen()) markBoot(FIRST_SCREEN);

export default app;
