// End-to-end: the welcome screen comes drawn in the page the shell serves
// (src-tauri/src/first_screen.rs) and the UI's code takes that drawing over; and the UI's
// start-up marks (ui/src/lib/bootMarks.ts) are on the real WebKit page's timeline, in order,
// where perf/harness.mjs reads them: the UI's code starts, the boot call answers, the first
// screen is in the page, then painted. Only times; nothing about the journal. Where the shell
// cannot tell the page's language, the next start comes drawn in the one the window spoke.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

import { launchApp } from "./lib/app.mjs";
import { firstScreenCameDrawn } from "./lib/flows.mjs";
import { waitUntil } from "./lib/webdriver.mjs";

test(
  "the welcome screen comes drawn in the page, the code takes it over, and the start-up marks are in order",
  { timeout: 180_000 },
  async (t) => {
    const dataDir = fs.mkdtempSync(
      path.join(os.tmpdir(), "daybreak-e2e-marks-"),
    );
    const app = await launchApp({ dataDir, name: "boot-marks" });
    try {
      await app.session.waitFor("create-passphrase", {
        timeoutMs: 60_000,
        why: "a first run shows the welcome screen",
      });
      assert.ok(
        await firstScreenCameDrawn(app.session),
        "the welcome screen came drawn in the page, and the UI's code took that drawing over",
      );
      // And styled: a drawing served in a page that is not the one Tauri made for this load
      // (src-tauri/src/first_screen.rs) can lose what the load's CSP allows, and a screen left
      // unstyled still has its field.
      const styled = await app.session.executeScript(
        `return { sheets: document.styleSheets.length,
                  layout: getComputedStyle(document.querySelector('main.auth')).display };`,
      );
      assert.ok(
        styled.sheets > 0 && styled.layout === "grid",
        `the drawn screen is styled: ${JSON.stringify(styled)}`,
      );
      // The paint mark comes a frame after the screen is in the page.
      let page;
      await waitUntil(
        async () => {
          page = await app.session.executeScript(
            `return { now: performance.now(), marks: performance.getEntriesByType('mark')
             .filter((m) => m.name.startsWith('daybreak:')).map((m) => [m.name, m.startTime]) };`,
          );
          return page.marks.length >= 4;
        },
        { timeoutMs: 10_000, message: "the welcome screen is painted" },
      );
      const names = page.marks.map(([name]) => name);
      assert.deepEqual(
        names,
        [
          "daybreak:boot-start",
          "daybreak:boot-answered",
          "daybreak:first-screen",
          "daybreak:first-paint",
        ],
        "each start-up mark is set once, in the order the UI starts",
      );
      const times = page.marks.map(([, time]) => time);
      for (let i = 1; i < times.length; i++) {
        assert.ok(
          times[i] >= times[i - 1],
          `${names[i]} comes after ${names[i - 1]} (${times.join(" ≤ ")} ms)`,
        );
      }
      assert.ok(
        times.at(-1) <= page.now,
        "the first screen was painted before the marks were read",
      );
      t.diagnostic(
        `boot marks (ms since navigation): ${page.marks.map(([n, t]) => `${n.slice(9)} ${t.toFixed(1)}`).join(", ")}`,
      );
      // The drawn field is the code's: what is typed into it reaches the strength hint.
      assert.equal(
        await app.session.attribute("strength-hint", "data-level"),
        "empty",
      );
      await app.session.type("create-passphrase", "a few words of my own");
      await waitUntil(
        async () =>
          (await app.session.attribute("strength-hint", "data-level")) !==
          "empty",
        { timeoutMs: 10_000, message: "the strength hint follows the drawn field" },
      );
      assert.equal(
        await app.session.executeScript(
          "return document.querySelectorAll('[data-testid=create-passphrase]').length;",
        ),
        1,
        "one passphrase field: the drawing was taken over, not drawn again beside it",
      );
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

test(
  "where the shell cannot tell the page's language, the next start comes drawn in the one the window spoke",
  { timeout: 180_000 },
  async () => {
    // As on Windows and macOS, where the shell does not read the system's languages: here the
    // locale variables disagree (messages in C, the rest Spanish), so which one WebKitGTK gives
    // the page is its own choice (locale::web_view_language). It gives Spanish.
    const dataDir = fs.mkdtempSync(
      path.join(os.tmpdir(), "daybreak-e2e-window-language-"),
    );
    const env = {
      LANG: "es_ES.UTF-8",
      LC_MESSAGES: "C.UTF-8",
      LC_ALL: "",
      LANGUAGE: "",
      DAYBREAK_TRACE_START: "1", // the shell says which drawing it served, in the app's log
    };
    /** The shell's note of the drawing it put in the page, if any. */
    const served = (app) =>
      fs
        .readFileSync(app.logPath, "utf8")
        .match(/first screen put in the page, in (\w+)/)?.[1];
    const welcome = async (app, why) => {
      await app.session.waitFor("create-passphrase", {
        timeoutMs: 60_000,
        why,
      });
      assert.equal(
        await app.session.executeScript(
          "return document.documentElement.lang;",
        ),
        "es",
        "the window speaks Spanish",
      );
      return firstScreenCameDrawn(app.session);
    };
    const remembered = () => {
      try {
        return JSON.parse(
          fs.readFileSync(path.join(dataDir, "settings.json"), "utf8"),
        ).windowLanguage;
      } catch {
        return undefined;
      }
    };
    let app = await launchApp({ dataDir, name: "window-language-1", env });
    try {
      assert.equal(
        await welcome(app, "a first run shows the welcome screen"),
        false,
        "the first start: the page draws its screen itself",
      );
      assert.equal(served(app), undefined, "the shell served no drawing");
      await waitUntil(async () => remembered() === "es", {
        timeoutMs: 10_000,
        message: "the window's language is kept for the next start",
      });
      await app.close();
      app = await launchApp({ dataDir, name: "window-language-2", env });
      assert.ok(
        await welcome(app, "the next start shows the welcome screen again"),
        "the next start: the welcome screen came drawn in the page, in Spanish, and the code took it over",
      );
      assert.equal(served(app), "es", "the shell drew it in Spanish");
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
