// The article page: metadata, signals (staleness, opinion share), the text with its claims and
// editorializing sentences marked, and its claims listed by status. Pure rendering.
import type { Document, StoryAnalysis } from '../../types.ts';
import { html, type SafeHtml } from './escape.ts';
import type { Links } from './layout.ts';
import {
  STATUS_LABEL, badge, claimKey, displayTitle, claimMarks, evidenceOfGroup, formatDate, markAnchor, markedText, plural, safeUrl, storyContext,
} from './parts.ts';

export interface DocumentView {
  document: Document;
  /** The analysis of the article's story, when there is one. */
  analysis?: StoryAnalysis;
  ingestedAt?: string;
}

export function renderDocumentBody(view: DocumentView, links: Links): SafeHtml {
  const doc = view.document;
  const a = view.analysis;
  const ctx = a ? storyContext(a, [doc], links) : undefined;
  const marks = ctx ? claimMarks(ctx).get(doc.id) ?? [] : [];
  const s = a?.signals[doc.id];
  const claims = a ? a.claims.filter((g) => g.documentIds.includes(doc.id)) : [];
  const order = { conflicting: 0, 'single-source': 1, corroborated: 2 } as const;
  claims.sort((x, y) => order[x.status] - order[y.status]);
  const url = safeUrl(doc.url);
  return html`<div class="story" data-story="doc">
<p class="meta">${a ? html`Story: <a href="${links.story(a.story.id)}">${a.story.title || a.story.id}</a>` : 'Not yet in an analysed story'}</p>
<h1>${displayTitle(doc)}</h1>
<ul class="facts" aria-label="At a glance">
${doc.outlet ? html`<li>${doc.outlet}</li>` : ''}
${doc.publishedAt ? html`<li>published ${formatDate(doc.publishedAt)}</li>` : ''}
${doc.author ? html`<li>by ${doc.author}</li>` : ''}
${s?.staleDays != null ? html`<li>${s.staleDays >= 7 ? badge('stale', `stale: ${s.staleDays} days after the events`) : badge('fresh', 'fresh')}</li>` : ''}
${s ? html`<li>${Math.round(s.editorializing * 100)}% of sentences judge rather than report</li>` : ''}
${s ? html`<li>${plural(s.unsupportedClaims, 'claim')} no other source makes</li>` : ''}
</ul>
<p class="meta">id ${doc.id} · from ${doc.origin}${url ? html` · <a href="${url}" rel="noopener noreferrer nofollow">original</a>` : ''}${view.ingestedAt ? ` · stored ${formatDate(view.ingestedAt)}` : ''}</p>
<p class="sr" role="status" aria-live="polite" data-status></p>
<h2>Claims (${claims.length})</h2>
${claims.length ? html`<ul class="claims">${claims.map((g) => {
  const own = evidenceOfGroup(g).find((e) => e.documentId === doc.id);
  return html`<li class="claim ${g.status}"><p>${badge(g.status, STATUS_LABEL[g.status])} ${own?.sentence ?? g.text}</p>
<p class="meta">${g.conflict ? `other sources give ${g.conflict.values.filter((v) => !v.documentIds.includes(doc.id)).map((v) => v.value).join(', ')} for the ${g.conflict.slot} · ` : ''}${plural(g.independentSources, 'independent source')}</p>
${own && ctx ? html`<a class="show" role="button" aria-pressed="false" href="#${markAnchor(ctx, doc.id, own.start)}" data-show-claim="${claimKey(ctx, g)}">Show in the text</a>` : ''}</li>`;
})}</ul>` : html`<p class="empty">No claims analysed for this article yet.</p>`}
<h2>Text</h2>
<p class="meta">Underlined sentences make a claim; <span class="mark ed">shaded</span> ones judge rather than report.</p>
<div class="doc-text">${ctx ? markedText(doc, marks, (start) => markAnchor(ctx, doc.id, start)) : markedText(doc, [], () => '')}</div>
</div>`;
}
