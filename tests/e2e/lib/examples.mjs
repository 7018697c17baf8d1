// The app crate's examples the end-to-end tests run beside the app (stand-ins for a desktop's
// notification service and tray host), built into the same target dir as the app.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The path of the `daybreak` crate's example `name`, built first (a no-op when up to date). */
export function exampleBinary(name) {
  const target = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache', 'daybreak', 'target');
  execFileSync('cargo', ['build', '--quiet', '-p', 'daybreak', '--example', name], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, CARGO_TARGET_DIR: target },
  });
  return path.join(target, 'debug', 'examples', name);
}
