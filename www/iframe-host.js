// The host side of iframe embedding: fits the frame to the height its page reports.
const frame = document.getElementById('practice-frame');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.data?.type !== 'adaptive-practice:resize') return;
  const height = Number(event.data.height);
  if (Number.isFinite(height) && height > 0 && height < 20000) frame.style.height = `${height}px`;
});
