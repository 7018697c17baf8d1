// End to end: the offline library. Search "naloxone", open the overdose article, bookmark it,
// lock and unlock, find it under bookmarks; import a Markdown file and read it; the window
// refuses to navigate away from the app.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { readmeScreenshot, screenshot } from './lib/artifacts.mjs';
import { createJournal, lockAndUnlock } from './lib/flows.mjs';
import { pause } from './lib/webdriver.mjs';

const PASSPHRASE = 'library by the sea';

describe('The library, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-library-'));
  let app;
  const s = () => app.session;

  before(async () => {
    app = await launchApp({ dataDir, name: 'library' });
    await createJournal(s(), PASSPHRASE);
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('search "naloxone", open the overdose article and bookmark it', { timeout: 120_000 }, async () => {
    await s().click('nav-library');
    await s().waitFor('view-library', { why: 'the library opens from the sidebar' });
    await s().type('library-search', 'naloxone', { verify: false });
    const first = await s().waitFor('library-result', { why: 'searching "naloxone" finds articles' });
    assert.equal(await first.attribute('data-slug'), 'opioid-overdose', 'the overdose article ranks first');
    await screenshot('library-01-search');
    await s().click('library-result-open');
    const title = await s().waitFor('article-title', { why: 'the article opens in the reader' });
    assert.match(await title.text(), /overdose/i);
    assert.match(await s().text('article-body'), /naloxone/i, 'the article text is there, offline');
    await s().click('article-bookmark');
    await s().waitForAttribute('article-bookmark', 'aria-pressed', 'true', { why: 'the bookmark is set' });
    await screenshot('library-02-article');
    await readmeScreenshot(s(), 'library-article');
    const heights = await s().executeScript(
      `return ['article-text-smaller', 'article-text-larger', 'article-bookmark'].map(
         (id) => document.querySelector('[data-testid="' + id + '"]').getBoundingClientRect().height);`,
    );
    assert.equal(new Set(heights).size, 1, `the reader's tools are one height (A−, A+, Bookmark): ${heights}`);
  });

  test('the bookmark survives lock and unlock', { timeout: 120_000 }, async () => {
    await lockAndUnlock(s(), PASSPHRASE);
    await s().click('nav-library');
    const bookmark = await s().waitFor('library-bookmark', { why: 'bookmarks are listed in the library' });
    assert.equal(await bookmark.attribute('data-slug'), 'opioid-overdose');
  });

  test('import a Markdown file and read it', { timeout: 120_000 }, async () => {
    await s().click('library-import-button');
    await s().waitFor('library-import-input', { why: 'the import dialog offers a file input' });
    const markdown = '# My coping notes\n\nWhen the evening gets hard I walk to the harbour and call Sam.\n\n## What helps\n\n- walking\n- calling Sam\n';
    // Hand the input a file the way a person's choice in the file dialog would.
    const ok = await s().executeScript(
      `const input = document.querySelector('[data-testid="library-import-input"]');
       const dt = new DataTransfer();
       dt.items.add(new File([arguments[0]], 'my-coping-notes.md', { type: 'text/markdown' }));
       input.files = dt.files;
       input.dispatchEvent(new Event('change', { bubbles: true }));
       return input.files.length;`,
      [markdown],
    );
    assert.equal(ok, 1, 'the file input accepted the file');
    const title = await s().waitFor('article-title', { timeoutMs: 30_000, why: 'the imported article opens' });
    assert.equal((await title.text()).trim(), 'My coping notes');
    assert.match(await s().text('article-body'), /walk to the harbour/);
    await screenshot('library-03-imported');
  });

  test('the window refuses to navigate away from the app', { timeout: 120_000 }, async () => {
    // Whatever sets `location` or follows a link (a script, a link the sanitizer missed), the
    // shell's navigation guard cancels it before anything loads: no network is needed for
    // this check, as nothing is fetched. Without the guard the page would be replaced (by the
    // remote page, or the WebView's error page when offline), taking the marker with it.
    const home = await s().executeScript('window.__daybreakStayed = true; return location.href;');
    assert.match(home, /^(tauri:\/\/localhost|https?:\/\/tauri\.localhost|http:\/\/localhost:1420)(\/|$)/);
    const attempts = {
      'setting location': `setTimeout(() => { location.href = 'https://example.org/'; }, 0);`,
      'a link to the web': `const a = document.createElement('a');
        a.href = 'https://example.org/track?id=1'; document.body.append(a);
        setTimeout(() => { a.click(); a.remove(); }, 0);`,
      'about:blank': `setTimeout(() => { location.assign('about:blank'); }, 0);`,
      'a file': `setTimeout(() => { location.href = 'file:///etc/hostname'; }, 0);`,
    };
    for (const [what, script] of Object.entries(attempts)) {
      await s().executeScript(`${script} return true;`);
      // Long enough for a navigation to commit; the guard answers at once.
      await pause(1500);
      const [href, stayed] = await s().executeScript('return [location.href, window.__daybreakStayed === true];');
      assert.equal(href, home, `after ${what}, the window is still on the app's page`);
      assert.equal(stayed, true, `after ${what}, the app's page was not replaced`);
      assert.equal((await s().text('article-title')).trim(), 'My coping notes', `after ${what}, the reader is still open`);
    }
    await screenshot('library-04-navigation-refused');
  });
});
