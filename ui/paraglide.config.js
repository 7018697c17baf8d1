// How the message catalogues in messages/ become code: paraglide-js compiles each message into a
// small function per language in src/lib/paraglide/ (generated, git-ignored). The Vite plugin
// does it for `vite build`, the dev server and Vitest; `npm run i18n` (this file run by Node)
// does it before svelte-check. The message-format plugin is loaded from node_modules
// (project.inlang/settings.json), so compiling fetches nothing.
// Strategy "baseLocale" only: src/lib/i18n/locale.svelte.ts chooses the language, and paraglide
// never writes a cookie or local storage (nothing is kept in the WebView's storage).
import { pathToFileURL } from 'node:url';

export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: /** @type {['baseLocale']} */ (['baseLocale']),
  emitReadme: false,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { compile } = await import('@inlang/paraglide-js');
  await compile(paraglideOptions);
}
