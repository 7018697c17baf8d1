import { BOOT_START, markBoot } from './lib/bootMarks';
import { mount } from 'svelte';
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

export default mount(App, { target });
