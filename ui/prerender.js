// Draws the first screens into dist/first-screens.json after `vite build` (`npm run build`):
// builds src/firstScreens.ts for the server with the same Vite config, then runs it. The shell
// serves the page with the matching screen in it (src-tauri/src/first_screen.rs), so the window
// paints it before the UI's code has run (issue 12).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const ui = import.meta.dirname;
// Inside ui/, so the built file finds Svelte and the other packages in ui/node_modules.
const serverBuild = path.join(ui, 'node_modules/.first-screens');

await build({
  root: ui,
  logLevel: 'warn',
  build: { ssr: 'src/firstScreens.ts', outDir: serverBuild, emptyOutDir: true },
});
const { firstScreens } = await import(pathToFileURL(path.join(serverBuild, 'firstScreens.js')).href);
const screens = firstScreens();
fs.writeFileSync(path.join(ui, 'dist/first-screens.json'), `${JSON.stringify(screens)}\n`);
console.log(`first screens drawn: ${Object.keys(screens).join(', ')}`);
