// after_first_paint.rs's timing: `show` is called once, at the start of the second frame from now
// (the first has been painted by then), or after `fallbackMs` when no frame comes (a hidden tab,
// an off-screen frame the browser does not paint).

export function afterFirstPaint(show, fallbackMs) {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    show();
  };
  setTimeout(once, fallbackMs);
  requestAnimationFrame(() => requestAnimationFrame(once));
}
