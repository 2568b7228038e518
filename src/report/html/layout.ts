// The page frame shared by the server's pages and the self-contained report: head, CSP, header,
// footer, and how links are made in each mode. No story content here.
import { APP_CSS, APP_JS, FILE_CSP } from './assets.ts';
import { html, raw, slug, type SafeHtml } from './escape.ts';

/** How pages link to each other: server URLs, or anchors inside one report file. */
export interface Links {
  mode: 'server' | 'file';
  home: string;
  story(id: string): string;
  /** An article's page (server) or its column in its story (file). */
  document(id: string, storyId?: string): string;
}

export const SERVER_LINKS: Links = {
  mode: 'server',
  home: '/',
  story: (id) => `/stories/${encodeURIComponent(id)}`,
  document: (id) => `/documents/${encodeURIComponent(id)}`,
};

export const FILE_LINKS: Links = {
  mode: 'file',
  home: '#top',
  story: (id) => `#story-${slug(id)}`,
  document: (id, storyId) => `#${slug(storyId ?? '')}-doc-${slug(id)}`,
};

export interface PageOptions {
  title: string;
  body: SafeHtml;
  links: Links;
  /** Extra text in the header after the brand (e.g. the store's counts). */
  note?: string;
  /** Reload the page after this many seconds (a story still being analysed). */
  refreshSeconds?: number;
}

/** A whole HTML document. In file mode the stylesheet and script are inlined and allowed by hash only. */
export function renderPage({ title, body, links, note, refreshSeconds }: PageOptions): string {
  const file = links.mode === 'file';
  const head = file
    ? html`<meta http-equiv="Content-Security-Policy" content="${FILE_CSP}"><style>${raw(APP_CSS)}</style>`
    : html`<link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script>`;
  const tail = file ? html`<script>${raw(APP_JS)}</script>` : html``;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${refreshSeconds ? html`<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
<title>${title} · crosscheck</title>
${head}
</head>
<body id="top">
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="in"><a class="brand" href="${links.home}">crosscheck</a>${file ? html`<span class="meta">report</span>` : html`<a href="/">Stories</a>`}${note ? html`<span class="meta">${note}</span>` : ''}</div></header>
<main id="main">
${body}
</main>
<footer class="site-foot">crosscheck compares what independent sources say. Every finding links to the sentences it rests on.</footer>
${tail}
</body>
</html>
`.value;
}
