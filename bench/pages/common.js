// Helpers of the benchmark pages: when a widget shows its first item, and when it has been painted.

/** Resolves when `root` (a widget's shadow root) contains an item form. */
export function itemShown(root) {
  return new Promise((resolve) => {
    const found = () => root.querySelector('form.ap-item');
    if (found()) return resolve();
    const observer = new MutationObserver(() => {
      if (found()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** Resolves after the next frame has been painted (a message posted from requestAnimationFrame). */
export function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  });
}
