// The self-contained HTML report (`--format html`): one file, every story with the same views as the
// server's pages, the stylesheet and script inlined and allowed by hash; nothing is fetched.
import type { Analysis } from '../types.ts';
import { html } from './html/escape.ts';
import { FILE_LINKS, renderPage } from './html/layout.ts';
import { formatDate, plural } from './html/parts.ts';
import { renderStoryBody } from './html/story-view.ts';

/**
 * Render an analysis as one HTML file.
 * @example writeFileSync('report.html', renderHtml(analyzeDocuments(docs)))
 */
export function renderHtml(analysis: Analysis): string {
  const docs = new Map(analysis.documents.map((d) => [d.id, d]));
  const stories = analysis.stories;
  const single = stories.length === 1;
  const bodies = stories.map((s) =>
    renderStoryBody({ analysis: s, documents: s.story.documentIds.flatMap((id) => docs.get(id) ?? []), level: single ? 1 : 2 }, FILE_LINKS),
  );
  const index = single
    ? html``
    : html`<h1>${plural(stories.length, 'story', 'stories')} from ${plural(analysis.documents.length, 'article')}</h1>
<ol>${stories.map((s) => html`<li><a href="${FILE_LINKS.story(s.story.id)}">${s.story.title || s.story.id}</a> <span class="meta">${plural(s.story.documentIds.length, 'article')}, ${plural(s.claims.filter((c) => c.status === 'conflicting').length, 'conflict')}${s.story.timeSpan?.start ? `, ${formatDate(s.story.timeSpan.start)}` : ''}</span></li>`)}</ol>`;
  const errors = analysis.errors.length
    ? html`<section aria-labelledby="errors-h"><h2 id="errors-h">Inputs not read (${analysis.errors.length})</h2><ul>${analysis.errors.map((e) => html`<li><code>${e.origin}</code>: ${e.message}</li>`)}</ul></section>`
    : html``;
  const title = single ? stories[0]!.story.title || 'Story' : 'crosscheck report';
  return renderPage({ title, body: html`${index}${bodies.map((b) => html`${b}<hr>`)}${errors}`, links: FILE_LINKS });
}
