// Rollup recipe: resolve the package from node_modules; Rollup does not copy the wasm, so the
// build step copies `adaptive_practice_bg.wasm` next to the bundle (see the README).
import { nodeResolve } from '@rollup/plugin-node-resolve';

const project = process.env.AP_PROJECT;
export default {
  input: `${project}/main.js`,
  output: { dir: `${project}/dist`, format: 'es' },
  plugins: [nodeResolve({ rootDir: project })],
};
