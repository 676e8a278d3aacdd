// The project's command-line tools run from the repository root: the simulator's binaries
// (crates/simulator: class-reports, replay-answers), for the tests and benches that need a
// simulated class, and the bank tools'. Built in the cargo profile TOOLS_PROFILE names (release
// when unset; `make test` sets dev, which its native tests' phase has built), as the Makefile's
// tool targets are.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `binary` of the workspace package `cargoPackage` with `args`; returns what it printed. */
export function tool(cargoPackage, binary, args, options = {}) {
  const profile = process.env.TOOLS_PROFILE || 'release';
  return execFileSync(
    'cargo',
    ['run', '-q', '--profile', profile, '-p', cargoPackage, '--bin', binary, '--', ...args],
    {
      cwd: repositoryRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 30,
      ...options,
    },
  );
}

/** Runs the simulator's binary `binary` with `args`; returns what it printed. */
export function simulator(binary, args) {
  return tool('adaptive-practice-simulator', binary, args);
}
