// End-to-end: the window's JavaScript engine runs without its JIT (src-tauri/src/web_engine.rs),
// so WebKit's web process holds no memory that is both writable and executable, the kind an
// exploit of the engine writes its code into.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

import { launchApp, markedPids } from "./lib/app.mjs";

/** The launch's WebKit web processes (their name, cut to 15 characters by the kernel). */
function webProcesses(app) {
  return markedPids(app.marker).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "WebKitWebProces";
    } catch {
      return false;
    }
  });
}

test(
  "the page runs without a JIT: no writable and executable memory in WebKit's web process",
  { timeout: 180_000 },
  async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daybreak-e2e-engine-"));
    const app = await launchApp({ dataDir, name: "web-engine" });
    try {
      await app.session.waitFor("create-passphrase", {
        timeoutMs: 60_000,
        why: "a first run shows the welcome screen",
      });
      // Some work hot enough for a JIT to compile, had it been on.
      await app.session.executeScript(
        "let sum = 0; for (let i = 0; i < 2e6; i++) sum += i % 7; return sum;",
      );
      const pids = webProcesses(app);
      assert.ok(pids.length > 0, "the window's web process is running");
      for (const pid of pids) {
        const env = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
        assert.ok(env.includes("JSC_useJIT=false"), "the web process got the engine's switch");
        const writableCode = fs
          .readFileSync(`/proc/${pid}/maps`, "utf8")
          .split("\n")
          .filter((line) => /^\S+ rwx/.test(line));
        assert.deepEqual(writableCode, [], "no mapping is writable and executable at once");
      }
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
