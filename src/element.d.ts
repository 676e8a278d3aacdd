// Types of the <adaptive-practice> custom element module.
export { mount, WidgetHandle } from './adaptive_practice.js';

/** The `<adaptive-practice>` element: attributes `src` (bank URL) and `storage-key`. */
export declare class AdaptivePracticeElement extends HTMLElement {}

/** Loads the wasm module once (every widget on the page shares it); resolves to the stylesheet. */
export declare function loadModule(): Promise<CSSStyleSheet>;

declare global {
  interface HTMLElementTagNameMap {
    'adaptive-practice': AdaptivePracticeElement;
  }
}
