#!/usr/bin/env node
// The first screen's files stay small: what ui/dist/index.html loads before the welcome or unlock
// screen can paint (the entry script, the modules it preloads, the style sheets) must fit the
// budget below. Run after `cd ui && npm run build` (scripts/test.sh runs it right after its
// build). Counted the way perf/harness.mjs's bundleSizes counts them, in KB of 1024 bytes.
//
//   node scripts/check-first-chunk.mjs [path/to/dist]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Issue 12 ("Start as fast as an empty window"): the WebView parses and runs every byte of these
// before the first field shows, so the target is 120 KB (README, "Start-up, memory and size
// against the floor"). About 49 KB of it is Svelte's runtime, which any screen needs. Anything
// only the journal's screens use goes behind `chunk(() => import(...))` (ui/src/lib/chunk.ts);
// messages, styles and error sentences follow the components that import them. If this fails,
// look at what grew (build with --sourcemap and sum the bytes per source module) before raising
// the budget.
const BUDGET_KB = 120;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.argv[2] ?? path.join(ROOT, "ui", "dist"));
const indexHtml = path.join(dist, "index.html");
if (!fs.existsSync(indexHtml)) {
  console.error(
    `check-first-chunk: ${indexHtml} is missing; build the UI first (cd ui && npm run build)`,
  );
  process.exit(2);
}

const html = fs.readFileSync(indexHtml, "utf8");
// The shell serves the page with its first screen drawn in the root (src-tauri/src/first_screen.rs):
// the entry script must come after that root, and be async, so the drawing is parsed before the
// code that takes it over runs, and the document is done without waiting for the code
// (ui/vite.config.ts, daybreak:async-entry).
const entry = /<script type="module" async crossorigin src="[^"]+"><\/script>/.exec(html);
if (!entry || entry.index < html.indexOf('<div id="app">')) {
  console.error(
    "check-first-chunk: index.html's entry script must be async and come after <div id=\"app\">",
  );
  process.exit(1);
}
const files = [
  ...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g),
].map((m) => m[1]);
if (files.length === 0) {
  console.error(
    "check-first-chunk: index.html loads no script or style sheet from assets/; is this a Vite build?",
  );
  process.exit(2);
}
const sizes = files.map((file) => ({
  file,
  kb: fs.statSync(path.join(dist, file)).size / 1024,
}));
const totalKb = sizes.reduce((sum, { kb }) => sum + kb, 0);

for (const { file, kb } of sizes)
  console.log(`  ${kb.toFixed(1).padStart(6)} KB  ${file}`);
console.log(
  `  ${totalKb.toFixed(1).padStart(6)} KB  first load (budget ${BUDGET_KB} KB)`,
);
if (totalKb > BUDGET_KB) {
  console.error(
    `check-first-chunk: the first screen loads ${totalKb.toFixed(1)} KB, over the ${BUDGET_KB} KB budget; ` +
      "move what the welcome and unlock screens do not need behind chunk(() => import(...))",
  );
  process.exit(1);
}
