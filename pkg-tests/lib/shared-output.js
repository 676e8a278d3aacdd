// A lock between test processes for an output of the repository that several test files write and
// then load: scripts/test.sh runs the Chromium and the Firefox ESR suites at the same time, so the
// same file can run in both browsers at once. Today the one such output is www/generated/oatutor/
// (`make demo-content`, rewritten by the front-page and the OATutor tests, then played): without
// the lock, one browser could load the bank while the other's run is rewriting it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const generated = fileURLToPath(new URL('../../www/generated/', import.meta.url));

/** True while the process `pid` exists. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Waits until this process alone holds the lock `name` (a folder www/generated/.NAME.lock, taken
 * with an atomic mkdir; a lock whose process has ended is taken over); resolves to its release.
 */
export async function holdSharedOutput(name) {
  const lock = `${generated}.${name}.lock`;
  mkdirSync(generated, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(`${lock}/pid`, String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(`${lock}/pid`, 'utf8'));
    } catch {
      // Just taken: its holder has not written its pid yet.
    }
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) rmSync(lock, { recursive: true, force: true });
    else await sleep(200);
  }
}
