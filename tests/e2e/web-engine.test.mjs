// End-to-end: the window's JavaScript engine runs without its JIT (src-tauri/src/web_engine.rs),
// so WebKit's web process holds no memory that is both writable and executable, the kind an
// exploit of the engine writes its code into. A second launch, with the JIT asked for in the
// environment, shows the check does find such memory, and that the person's setting is kept.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

import { launchApp, markedPids, procFile } from "./lib/app.mjs";

/**
 * Starts the app on the welcome screen with `jit` as JSC_useJIT (undefined: unset), runs some
 * JavaScript hot enough for a JIT to compile, and returns each web process's switch and its
 * writable-and-executable mappings.
 */
async function webProcessesWith(jit) {
  const dataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), "daybreak-e2e-engine-"),
  );
  const app = await launchApp({
    dataDir,
    name: "web-engine",
    env: { JSC_useJIT: jit },
  });
  try {
    await app.session.waitFor("create-passphrase", {
      timeoutMs: 60_000,
      why: "a first run shows the welcome screen",
    });
    await app.session.executeScript(
      "let sum = 0; for (let i = 0; i < 2e6; i++) sum += i % 7; return sum;",
    );
    // The kernel cuts process names to 15 characters.
    const pids = markedPids(app.marker).filter(
      (pid) => procFile(pid, "comm")?.trim() === "WebKitWebProces",
    );
    return pids
      .map((pid) => ({
        env: procFile(pid, "environ"),
        maps: procFile(pid, "maps"),
      }))
      .filter(({ env, maps }) => env !== null && maps !== null)
      .map(({ env, maps }) => ({
        jit: env.split("\0").find((v) => v.startsWith("JSC_useJIT=")) ?? null,
        writableCode: maps.split("\n").filter((line) => /^\S+ .wx/.test(line)),
      }));
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

test(
  "the page runs without a JIT: no writable and executable memory in WebKit's web process",
  { timeout: 240_000 },
  async () => {
    const off = await webProcessesWith(undefined);
    assert.ok(off.length > 0, "the window's web process is running");
    for (const web of off) {
      assert.equal(
        web.jit,
        "JSC_useJIT=false",
        "the web process got the engine's switch",
      );
      assert.deepEqual(
        web.writableCode,
        [],
        "no mapping is writable and executable at once",
      );
    }

    const asked = await webProcessesWith("true");
    assert.ok(asked.length > 0, "the window's web process is running");
    assert.ok(
      asked.every((web) => web.jit === "JSC_useJIT=true"),
      "a JSC_useJIT the person set is left as it is",
    );
    assert.ok(
      asked.some((web) => web.writableCode.length > 0),
      "with the JIT on, the same check finds its writable and executable memory",
    );
  },
);
