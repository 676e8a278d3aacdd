// The JS API demo: mount a widget with `mount`, listen to its events, export and destroy.
import { mount } from '../pkg/adaptive-practice.js';

const target = document.getElementById('practice');
const counts = {};
for (const name of ['answer', 'skill-mastered', 'progress', 'error'].map((bare) => `adaptive-practice:${bare}`)) {
  target.addEventListener(name, () => {
    counts[name] = (counts[name] ?? 0) + 1;
    document.getElementById('events').textContent = Object.entries(counts)
      .map(([n, c]) => `${n} × ${c}`)
      .join(', ');
  });
}
const handle = await mount(target, { src: 'banks/percentages.json' });
window.practiceHandle = handle;
document.getElementById('export').addEventListener('click', () => {
  document.getElementById('exported').textContent = handle.exportProgress() ?? '(nothing saved yet)';
});
document.getElementById('destroy').addEventListener('click', () => handle.destroy());
