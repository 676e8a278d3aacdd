// Types of the adaptive-practice package: the <adaptive-practice> element and the `mount` API.

/** Options of `mount` and `handle.update`. Give `src` or `bank`. */
export interface MountOptions {
  /** URL of the bank's JSON file, relative to the page. */
  src?: string;
  /** The bank itself, as JSON text or as an object. */
  bank?: string | object;
  /** Progress namespace; by default the bank's id (the same bank shares progress across pages). */
  storageKey?: string;
  /** Interface language (BCP 47: en, fr, ar…); by default the bank's `language`. */
  lang?: string;
  /** Practise only these skills of the bank (ids, or one string separated by spaces). */
  skills?: string[] | string;
  /**
   * Origins pictures and recordings of the bank may be loaded from, besides the bank's own
   * (`https://cdn.example`; a full URL counts by its origin). Media from any other origin are not
   * requested: the learner reads their alt text or transcript instead.
   */
  mediaOrigins?: string[] | string;
  /** Where `adaptive_practice_bg.wasm` is, when a host or bundler moved it (relative to the page). The first widget of the page decides. */
  wasmUrl?: string;
}

export interface AdaptivePracticeHandle {
  /** Remounts with these options merged into the current ones. */
  update(options: MountOptions): void;
  /** Starts the learner afresh on this bank (ask them first). */
  resetProgress(): void;
  /** The learner's saved progress as JSON text, or null before the bank loads or when nothing is saved. */
  exportProgress(): string | null;
  /** Unmounts the widget. */
  destroy(): void;
}

/** Mounts a widget into `target` (in a shadow root). */
export declare function mount(target: Element, options: MountOptions): Promise<AdaptivePracticeHandle>;

/** Loads the wasm module once (every widget on the page shares it); resolves to the widget's stylesheet text. */
export declare function loadModule(wasmUrl?: string): Promise<string>;

/**
 * The `<adaptive-practice>` element: attributes `src`, `storage-key`, `lang`, `theme` (light, dark), `skills`, `wasm-url`, `media-origins` (origins separated by spaces), `scorm`; an inline bank as a `<script type="application/json">` child.
 * Other children are fallback content, shown only until the widget starts (so a message there tells the reader when the script did not load).
 * When the WebAssembly module cannot start, the element shows why (`::part(error)`) and dispatches an `error` event.
 */
export declare class AdaptivePracticeElement extends HTMLElement {
  resetProgress(): void;
  exportProgress(): string | null;
}

/** xAPI-shaped statement (without actor) carried by the `adaptive-practice:answer`, `…:skill-mastered` and `…:progress` events. */
export interface PracticeStatement {
  verb: { id: string; display: Record<string, string> };
  object: { id: string; objectType: 'Activity'; definition?: object };
  result?: {
    success?: boolean;
    completion?: boolean;
    score?: { scaled: number; raw: number; min: number; max: number };
    extensions?: Record<string, unknown>;
  };
  context?: object;
  timestamp: string;
}

/** Detail of `adaptive-practice:error`: what went wrong, and the bank's problems with their places. */
export interface PracticeErrorDetail {
  message: string;
  diagnostics?: string[];
}

/**
 * The widget's events, each bubbling out of the element (and its shadow root). The same events are
 * also sent under their bare names (`answer`, `skill-mastered`, `progress`, `error`) for one more
 * release; those names are deprecated (`progress` and `error` collide with the DOM's own events).
 */
export interface AdaptivePracticeEventMap {
  'adaptive-practice:answer': CustomEvent<PracticeStatement>;
  'adaptive-practice:skill-mastered': CustomEvent<PracticeStatement>;
  'adaptive-practice:progress': CustomEvent<PracticeStatement>;
  'adaptive-practice:error': CustomEvent<PracticeErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'adaptive-practice': AdaptivePracticeElement;
  }
  interface HTMLElementEventMap extends AdaptivePracticeEventMap {}
}
