// The authoring page's ready-made page: a bank, the widget's files and a page that plays it, as
// the files of one `.zip` that works both ways a teacher puts practice online. Unzipped onto any
// web host, `index.html` plays the bank; uploaded to an LMS as a SCORM package, `imsmanifest.xml`
// (SCORM 2004 4th edition, one SCO) makes it an activity whose widget reports its score (the
// `scorm` attribute: outside an LMS the widget finds no runtime and just plays).
// Pure functions of their arguments: author.js fetches the widget's files and zips the entries.

/** The folder of the widget's files inside the zip, as README's "Put it on a page" names it. */
export const WIDGET_FOLDER = 'adaptive-practice';

/** The file name a bank is saved under: its id, with anything but letters, digits, - and _ as -. */
export function bankFileName(bank) {
  return `${String(bank.id || 'bank').replace(/[^a-zA-Z0-9_-]+/g, '-')}.json`;
}

/** Text made safe inside an HTML or XML element or a quoted attribute. */
function escapeMarkup(text) {
  return String(text).replace(/[&<>"']/g, (character) => `&#${character.codePointAt(0)};`);
}

/**
 * The page: the bank's language and title, the widget's module, and the element with `fallback`
 * inside it (shown until the widget starts: when the page is opened as a file, or the script is
 * missing).
 */
export function pageHtml(bank, fallback) {
  const language = escapeMarkup(bank.language || 'en');
  const title = escapeMarkup(bank.title || 'Practice');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script type="module" src="${WIDGET_FOLDER}/adaptive-practice.js"></script>
</head>
<body>
<main>
<adaptive-practice scorm src="${escapeMarkup(bankFileName(bank))}">
  <p>${escapeMarkup(fallback)}</p>
</adaptive-practice>
</main>
</body>
</html>
`;
}

/** The SCORM 2004 manifest: one organization, one SCO (`index.html`), every file listed. */
export function scormManifest(bank, files) {
  const identifier = `adaptive-practice-${String(bank.id || 'bank').replace(/[^a-zA-Z0-9_.-]+/g, '-')}`;
  const title = escapeMarkup(bank.title || 'Practice');
  const listed = files.map((file) => `      <file href="${escapeMarkup(file)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier}" version="${escapeMarkup(bank.version || '1')}"
          xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
      <item identifier="practice" identifierref="practice-resource">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="practice-resource" type="webcontent" adlcp:scormType="sco" href="index.html">
${listed}
    </resource>
  </resources>
</manifest>
`;
}

/** Markdown's image form (`![alt](address)`, which audio shares); the address is group 1. */
const MEDIA = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g;

/**
 * The addresses of the images and audio the bank's texts name (`![alt](address)`, Markdown's
 * image form, which audio shares) that are files beside the bank, each once, in order.
 */
export function mediaAddresses(bank) {
  const found = new Set();
  const visit = (value) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(MEDIA)) {
        if (besideTheBank(match[1])) found.add(match[1]);
      }
    } else if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) visit(inner);
    }
  };
  visit(bank.items);
  return [...found];
}

/**
 * A copy of `bank` whose items name their media beside the bank by full address, against `base`
 * (the bank's own address): for a page that shows the bank from elsewhere (the authoring preview).
 */
export function withMediaFrom(bank, base) {
  const resolve = (value) => {
    if (typeof value === 'string') {
      return value.replace(MEDIA, (whole, address) => {
        if (!besideTheBank(address)) return whole;
        // The address ends the match (but a `>`): an alt text may hold the same words.
        const at = whole.lastIndexOf(address);
        return whole.slice(0, at) + new URL(address, base).href + whole.slice(at + address.length);
      });
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    }
    return value;
  };
  return { ...bank, items: resolve(bank.items) };
}

/** Whether a media address is a file beside the bank (relative, inside its folder). */
function besideTheBank(address) {
  return !/^[a-z][a-z0-9+.-]*:|^\/|^\\/i.test(address) && !address.split(/[/\\]/).includes('..');
}

/**
 * The zip's entries, `{ name, bytes }`: the page, the bank (as "Save the bank file" writes it),
 * the manifest, the widget's files (`widgetFiles`: `{ path, bytes }`, paths inside the package)
 * and the media files the page holds (`media`: `{ address, bytes }`, from an imported package)
 * that sit beside the bank. `fallback` is the page's text for when the widget cannot start.
 */
export function pagePackageEntries(bank, { widgetFiles, media = [], fallback }) {
  const encode = (text) => new TextEncoder().encode(text);
  const entries = [
    { name: 'index.html', bytes: encode(pageHtml(bank, fallback)) },
    { name: bankFileName(bank), bytes: encode(`${JSON.stringify(bank, null, 2)}\n`) },
    ...widgetFiles.map((file) => ({ name: `${WIDGET_FOLDER}/${file.path}`, bytes: file.bytes })),
    ...media
      .filter((file) => besideTheBank(file.address))
      .map((file) => ({ name: file.address.replace(/^\.\//, ''), bytes: file.bytes })),
  ];
  const seen = new Set();
  const unique = entries.filter((entry) => !seen.has(entry.name) && seen.add(entry.name));
  const names = unique.map((entry) => entry.name);
  return [{ name: 'imsmanifest.xml', bytes: encode(scormManifest(bank, names)) }, ...unique];
}
