import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';
// The About screen shows the version the app is built as: the one in tauri.conf.json.
import tauriConf from '../src-tauri/tauri.conf.json' with { type: 'json' };

/**
 * The entry script as `async`, at the end of the body: the page the shell serves already has the
 * first screen drawn in it (src/firstScreens.ts), so the document need not wait for the code
 * (a module script without `async` runs only once the whole document is parsed, and holds up
 * DOMContentLoaded until it has), and the code hydrates that screen as soon as it has arrived,
 * which is after the drawing has been parsed. Fails the build should Vite write the entry
 * another way.
 */
const asyncEntry: Plugin = {
  name: 'daybreak:async-entry',
  apply: 'build', // the dev server serves its own page, with nothing drawn in it
  transformIndexHtml: {
    order: 'post',
    handler: (html) => {
      const entry = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
      if (!entry || !html.includes('</body>')) {
        throw new Error('daybreak:async-entry: index.html has no entry script where Vite writes it');
      }
      const script = `<script type="module" async crossorigin src="${entry[1]}"></script>`;
      return html.replace(entry[0], '').replace('</body>', `  ${script}\n  </body>`);
    },
  },
};

// Tauri loads the built files from disk, so every asset path must be relative.
export default defineConfig({
  base: './',
  plugins: [paraglideVitePlugin(paraglideOptions), svelte(), svelteTesting(), asyncEntry],
  define: {
    __APP_VERSION__: JSON.stringify(tauriConf.version),
  },
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every engine Daybreak runs in (WebKitGTK 2.4x and later, WebView2, WKWebView on macOS
    // 14 and later) knows <link rel="modulepreload">; without the polyfill's 0.7 KB in the
    // first file, an older one still loads every module, only without fetching ahead.
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    mockReset: true,
  },
});
