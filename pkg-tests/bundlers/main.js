// The host page's own code in every bundler recipe: mount one widget from the installed package.
import { mount } from 'adaptive-practice';

window.practiceHandle = await mount(document.getElementById('practice'), { src: 'fractions.json' });
