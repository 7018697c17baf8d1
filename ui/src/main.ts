import { BOOT_START, markBoot } from './lib/bootMarks';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

// The first screen's files are fetched, parsed and their modules run: the UI starts now.
markBoot(BOOT_START);

const target = document.getElementById('app');
if (!target) {
  throw new Error('Daybreak: the #app element is missing from index.html.');
}

export default mount(App, { target });
