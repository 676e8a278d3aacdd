// The simulator's binaries (crates/simulator: class-reports, replay-answers), run from the
// repository root in a release build, for the tests and benches that need a simulated class.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the simulator's binary `binary` with `args`; returns what it printed. */
export function simulator(binary, args) {
  return execFileSync(
    'cargo',
    ['run', '-q', '--release', '-p', 'adaptive-practice-simulator', '--bin', binary, '--', ...args],
    { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 },
  );
}
