// Small browser helpers the widget calls from Rust: a file download and the short code of a
// report (deflate-raw + base64url, the format the teacher page reads). No network is involved.

export function downloadText(fileName, text, mimeType) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function shortCode(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `AP1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The chosen file's text, read up to `largest + 1` bytes: a larger file is refused unread. */
export async function readFileText(input, largest) {
  const file = input.files?.[0];
  return file ? await file.slice(0, largest + 1).text() : null;
}
