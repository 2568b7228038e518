// Synthetic hostile pages for the extraction bench: link clouds, long sibling lists, one huge text
// node, and nesting past the guard's bounds, each around the same short article. The bench only
// times them; src/extract/html/index.test.ts checks the outcome (the article, or HTML_TOO_COMPLEX)
// on pages like them.

const PARAGRAPHS = [
  'Negotiators from both sides met in Geneva on Tuesday for the first direct talks in three months, officials said.',
  'The talks focused on a prisoner exchange and on reopening the border crossing to aid convoys, according to two diplomats.',
  'A spokesman for the mediators said progress had been made but that several questions remained open after the first day.',
  'Further meetings are planned for later this week, with delegations expected to report back to their capitals on Friday.',
];
const ARTICLE = `<article><h1>Talks resume in Geneva</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;

const page = (body: string): string => `<!doctype html><html lang="en"><head><title>Talks resume in Geneva</title></head><body>${body}</body></html>`;
const times = (n: number, make: (i: number) => string, separator = ''): string => Array.from({ length: n }, (_, i) => make(i)).join(separator);
const nested = (depth: number, inner: string): string => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

/** Name → page HTML, built on demand. */
export const STRESS_PAGES: Record<string, () => string> = {
  'tag cloud, 5,000 links': () => page(`${ARTICLE}<div class="widget"><div class="tagcloud">${times(5_000, (i) => `<a href="/tag/${i}" class="tag-cloud-link" style="font-size: ${8 + (i % 14)}pt">topic ${i}</a>`, '\n')}</div></div>`),
  'rel="tag" cloud with counts, 5,000 links': () => page(`${ARTICLE}<div class="cloud">${times(5_000, (i) => `<a href="/tag/${i}" rel="tag">topic ${i}</a> (${i % 97})`, ', ')}</div>`),
  '5,000 sibling paragraphs': () => page(`<article>${times(5_000, (i) => `<p>${PARAGRAPHS[i % PARAGRAPHS.length]}</p>`)}</article>`),
  'one 5 MB text node': () => page(`<article><p>${`${PARAGRAPHS.join(' ')} `.repeat(11_000).slice(0, 5_000_000)}</p></article>`),
  '250 nested divs (refused)': () => page(nested(250, ARTICLE)),
  '250 chains of 100 nested divs (refused)': () => page(`${ARTICLE}${times(250, (i) => nested(100, `topic ${i}`))}`),
  '60,000 sibling <br> (refused)': () => page(`${ARTICLE}${'<br>'.repeat(60_000)}`),
};
