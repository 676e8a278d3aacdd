// webpack 5 recipe: webpack emits the wasm itself (it understands `new URL(file, import.meta.url)`);
// `output.publicPath: 'auto'` finds it next to the bundle.
export default (env) => ({
  mode: 'production',
  context: env.project,
  entry: './main.js',
  output: { path: `${env.project}/dist`, filename: 'main.js', publicPath: 'auto' },
  experiments: { outputModule: true },
});
