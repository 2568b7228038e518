// The story view: cited summary, conflicts side by side, single-source and agreed claims, lineage,
// timeline and actor diagrams, and the articles with every claim's sentences marked. Pure rendering.
import type { ClaimGroup, Document, StoryAnalysis } from '../../types.ts';
import { html, type SafeHtml } from './escape.ts';
import type { Links } from './layout.ts';
import {
  STATUS_LABEL, articleAnchor, badge, cites, claimKey, claimMarks, evidenceOfGroup, formatDate,
  displayTitle, lineageClass, markAnchor, markedText, plural, safeUrl, storyContext, type StoryContext,
} from './parts.ts';
import { actorGraphSvg, lineageSvg, timelineSvg } from './svg.ts';

export interface StoryView {
  analysis: StoryAnalysis;
  /** The story's articles (any order). */
  documents: Document[];
  /** True when articles joined after this analysis was made. */
  stale?: boolean;
  /** Heading level of the story title: 1 on its own page, 2 inside a multi-story report. */
  level?: 1 | 2;
}

export const STORY_VIEW_OPTIONS = {
  agreedShown: 12,
  singleShown: 12,
  entitiesShown: 20,
  /** On the server, article texts shown side by side; the others are linked (the report file shows all). */
  maxArticleColumns: 40,
};

/** The button (a link without JavaScript) that highlights a claim's sentences in the articles. */
function showButton(ctx: StoryContext, g: ClaimGroup, label = 'Show in articles'): SafeHtml {
  const first = evidenceOfGroup(g)[0];
  const href = first ? `#${markAnchor(ctx, first.documentId, first.start)}` : '#';
  return html`<a class="show" role="button" aria-pressed="false" href="${href}" data-show-claim="${claimKey(ctx, g)}">${label}</a>`;
}

function conflictBlock(ctx: StoryContext, g: ClaimGroup): SafeHtml {
  const values = g.conflict?.values ?? [];
  return html`<li class="claim conflicting" id="${claimKey(ctx, g)}">
<h3>${badge('conflicting', 'disputed')} ${g.conflict ? `Sources disagree on the ${g.conflict.slot}` : 'Sources disagree'}</h3>
<p>${g.text}</p>
<div class="values">${values.map((v) => html`<figure class="value"><figcaption>${v.value} <span class="src">— ${plural(v.documentIds.length, 'article')} ${cites(ctx, v.documentIds)}</span></figcaption>
${v.evidence.map((e) => html`<blockquote>${e.sentence} ${cites(ctx, [e.documentId])}</blockquote>`)}</figure>`)}</div>
${showButton(ctx, g, 'Show both in the articles')}
</li>`;
}

function claimItem(ctx: StoryContext, g: ClaimGroup): SafeHtml {
  const quoted = g.evidence.slice(0, 2);
  return html`<li class="claim ${g.status}" id="${claimKey(ctx, g)}">
<p>${badge(g.status, STATUS_LABEL[g.status])} ${g.text} ${cites(ctx, g.documentIds)}</p>
<p class="meta">${plural(g.documentIds.length, 'article')}, ${plural(g.independentSources, 'independent source')}${g.development ? ` · developed from ${g.development.from} to ${g.development.to}` : ''}${g.addedBy ? html` · added: not in ${cites(ctx, [g.addedBy.source])}, the earlier text it follows${g.addedBy.quoted ? ' · puts quoted words in someone’s mouth: check the attribution' : ''}` : ''}</p>
${g.status === 'corroborated' && quoted.length > 1 ? html`<details class="more"><summary>Wording in each source</summary>${quoted.map((e) => html`<blockquote>${e.sentence} ${cites(ctx, [e.documentId])}</blockquote>`)}</details>` : ''}
${showButton(ctx, g)}
</li>`;
}

function claimList(ctx: StoryContext, groups: ClaimGroup[], shown: number, empty: string): SafeHtml {
  if (groups.length === 0) return html`<p class="empty">${empty}</p>`;
  const head = groups.slice(0, shown);
  const rest = groups.slice(shown);
  return html`<ul class="claims">${head.map((g) => claimItem(ctx, g))}</ul>
${rest.length ? html`<details class="more"><summary>${plural(rest.length, 'more claim')}</summary><ul class="claims">${rest.map((g) => claimItem(ctx, g))}</ul></details>` : ''}`;
}

function summarySection(ctx: StoryContext): SafeHtml {
  const s = ctx.analysis.summary;
  if (s.length === 0) return html`<p class="empty">No summary: no claim is carried by two independent sources yet.</p>`;
  return html`<ol class="summary">${s.map((x) => html`<li>${x.kind === 'corroborated' ? '' : badge(x.kind === 'disputed' ? 'conflicting' : x.kind, x.kind === 'disputed' ? 'disputed' : 'single source')} ${x.text} ${cites(ctx, x.documentIds)}</li>`)}</ol>`;
}

function lineageSection(ctx: StoryContext): SafeHtml {
  const a = ctx.analysis;
  const copies = a.provenance.filter((e) => e.relation !== 'independent');
  return html`<figure class="chart">${lineageSvg(ctx)}<figcaption>Each row is one lineage: articles that share text. A thick line is a copy, a dashed line a rewrite; the arrow points from the earlier article.</figcaption></figure>
<ul>${a.lineages.map((l) => html`<li><span class="dot ${lineageClass(ctx, l.documentIds[0] ?? '')}"></span>${plural(l.documentIds.length, 'article')} ${cites(ctx, l.documentIds)}${l.earliest ? html` · earliest ${cites(ctx, [l.earliest])}` : ''}${l.mostComplete ? html` · most complete ${cites(ctx, [l.mostComplete])}` : ''}</li>`)}</ul>
${copies.length ? html`<details class="more"><summary>${plural(copies.length, 'copied or rewritten pair')}</summary><ul>${copies.map((e) => html`<li>${cites(ctx, [e.from])} → ${cites(ctx, [e.to])}: ${e.relation}, ${plural(e.sharedPassages.length, 'shared passage')}, similarity ${e.similarity.toFixed(2)}</li>`)}</ul></details>` : ''}`;
}

function timelineSection(ctx: StoryContext): SafeHtml {
  const t = ctx.analysis.timeline;
  const svg = timelineSvg(ctx);
  return html`${svg.value ? html`<figure class="chart">${svg}<figcaption>Red dots: events, by the date they happened. Squares: when each article was published.</figcaption></figure>` : ''}
${t.length ? html`<ol>${t.map((e) => html`<li><strong>${formatDate(e.date)}</strong> — ${e.text} ${cites(ctx, e.documentIds)}</li>`)}</ol>` : html`<p class="empty">No dated events.</p>`}`;
}

function actorSection(ctx: StoryContext): SafeHtml {
  const events = ctx.analysis.events;
  if (events.length === 0) return html`<p class="empty">No events found.</p>`;
  const svg = actorGraphSvg(ctx);
  return html`${svg.value ? html`<figure class="chart">${svg}<figcaption>Who acted towards whom; thicker lines for more events. Point at a line for its actions; the table lists every event.</figcaption></figure>` : ''}
<div class="table-wrap"><table><thead><tr><th>Date</th><th>Actor</th><th>Action</th><th>Target</th><th>According to</th><th>Sources</th></tr></thead>
<tbody>${events.map((e) => html`<tr><td>${formatDate(e.date)}</td><td>${e.actor}</td><td>${e.action}${e.modality !== 'happened' ? html` ${badge('single-source', e.modality)}` : ''}</td><td>${e.target ?? ''}</td><td>${(e.according ?? []).join(', ')}</td><td>${cites(ctx, e.documentIds)}</td></tr>`)}</tbody></table></div>`;
}

function entitySection(ctx: StoryContext): SafeHtml {
  const entities = [...ctx.analysis.entities].sort((a, b) => b.documentIds.length - a.documentIds.length || b.mentionCount - a.mentionCount).slice(0, STORY_VIEW_OPTIONS.entitiesShown);
  if (entities.length === 0) return html`<p class="empty">No people, organisations or places found.</p>`;
  return html`<div class="table-wrap"><table><thead><tr><th>Name</th><th>Type</th><th>Also written</th><th>Titles</th><th>Sources</th></tr></thead>
<tbody>${entities.map((e) => html`<tr><td>${e.name}</td><td>${e.type}</td><td>${e.aliases.filter((a) => a !== e.name).join(', ')}</td><td>${e.titles.join(', ')}</td><td>${cites(ctx, e.documentIds)}</td></tr>`)}</tbody></table></div>`;
}

/** The articles worth reading side by side: those in conflicts first, then the earliest of each lineage, then the rest. */
function columnsToShow(ctx: StoryContext): string[] {
  const max = STORY_VIEW_OPTIONS.maxArticleColumns;
  if (ctx.order.length <= max) return ctx.order;
  const picked = new Set<string>();
  for (const g of ctx.analysis.claims) if (g.status === 'conflicting') for (const e of evidenceOfGroup(g)) picked.add(e.documentId);
  for (const l of ctx.analysis.lineages) if (l.earliest) picked.add(l.earliest);
  for (const id of ctx.order) picked.add(id);
  return [...picked].filter((id) => ctx.docs.has(id)).slice(0, max);
}

function articleColumn(ctx: StoryContext, doc: Document, marks: ReturnType<typeof claimMarks>): SafeHtml {
  const s = ctx.analysis.signals[doc.id];
  const stale = s?.staleDays != null && s.staleDays >= 7;
  const url = safeUrl(doc.url);
  const page = ctx.links.mode === 'server' ? html` · <a href="${ctx.links.document(doc.id)}">article page</a>` : '';
  return html`<article class="article ${lineageClass(ctx, doc.id)}" id="${articleAnchor(ctx, doc.id)}" tabindex="-1" aria-labelledby="${articleAnchor(ctx, doc.id)}-h">
<h3 id="${articleAnchor(ctx, doc.id)}-h">[${ctx.number.get(doc.id)}] ${displayTitle(doc)}</h3>
<p class="meta">${doc.outlet ?? ''}${doc.outlet && doc.publishedAt ? ' · ' : ''}${formatDate(doc.publishedAt)}${url ? html` · <a href="${url}" rel="noopener noreferrer nofollow">source</a>` : ''}${page}</p>
<p>${stale ? badge('stale', `published ${s!.staleDays} days after the events`) : ''} ${s && s.editorializing > 0 ? badge('single-source', `${Math.round(s.editorializing * 100)}% opinion`) : ''}</p>
<div class="text">${markedText(doc, marks.get(doc.id) ?? [], (start) => markAnchor(ctx, doc.id, start))}</div>
</article>`;
}

/** The story view's HTML (without the page frame), for the server page and the report file. */
export function renderStoryBody(view: StoryView, links: Links): SafeHtml {
  const a = view.analysis;
  const ctx = storyContext(a, view.documents, links);
  if (links.mode === 'server') ctx.shown = new Set(columnsToShow(ctx));
  const H = view.level === 2 ? 'h2' : 'h1';
  const conflicts = a.claims.filter((g) => g.status === 'conflicting');
  const single = a.claims.filter((g) => g.status === 'single-source');
  const agreed = a.claims.filter((g) => g.status === 'corroborated').sort((x, y) => y.independentSources - x.independentSources || y.documentIds.length - x.documentIds.length);
  const span = a.story.timeSpan;
  const marks = claimMarks(ctx);
  const id = (s: string) => `${ctx.prefix}-${s}`;
  const sub = view.level === 2 ? 'h3' : 'h2';
  const section = (key: string, title: string, body: SafeHtml) =>
    html`<section aria-labelledby="${id(key)}-h"><${sub} id="${id(key)}-h"><a id="${id(key)}"></a>${title}</${sub}>${body}</section>`;
  return html`<div class="story" data-story="${ctx.prefix}" id="story-${ctx.prefix}">
<${H}>${a.story.title || a.story.id}</${H}>
<ul class="facts" aria-label="At a glance">
<li>${plural(ctx.order.length, 'article')}</li><li>${plural(Math.max(1, a.lineages.length), 'independent source')}</li>
<li>${plural(conflicts.length, 'conflict')}</li><li>${plural(single.length, 'single-source claim')}</li>
${span?.start ? html`<li>${formatDate(span.start)}${span.end && span.end !== span.start ? ` – ${formatDate(span.end)}` : ''}</li>` : ''}
${view.stale ? html`<li>${badge('stale', 'new articles since this analysis')}</li>` : ''}
</ul>
${links.mode === 'server' ? html`<p class="meta">Download: <a href="${links.story(a.story.id)}/report.html">this story as one HTML file</a> · <a href="/api/stories/${encodeURIComponent(a.story.id)}">JSON report</a></p>` : ''}
<nav class="toc" aria-label="Sections">${[['summary', 'Summary'], ['conflicts', 'Conflicts'], ['single', 'Single source'], ['agreed', 'Agreed'], ['lineages', 'Lineages'], ['timeline', 'Timeline'], ['actors', 'Actors'], ['names', 'Names'], ['articles', 'Articles']].map(([k, t]) => html`<a href="#${id(k!)}">${t}</a>`)}</nav>
<p class="sr" role="status" aria-live="polite" data-status></p>
${section('summary', 'Summary', summarySection(ctx))}
${section('conflicts', `Conflicts (${conflicts.length})`, conflicts.length ? html`<ul class="claims">${conflicts.map((g) => conflictBlock(ctx, g))}</ul>` : html`<p class="empty">The sources do not contradict each other on any figure, date, actor or place.</p>`)}
${section('single', `Single source (${single.length})`, claimList(ctx, single, STORY_VIEW_OPTIONS.singleShown, 'Every claim is carried by at least two independent sources.'))}
${section('agreed', `Agreed (${agreed.length})`, claimList(ctx, agreed, STORY_VIEW_OPTIONS.agreedShown, 'No claim is carried by two independent sources.'))}
${section('lineages', `Lineages (${a.lineages.length})`, lineageSection(ctx))}
${section('timeline', 'Timeline', timelineSection(ctx))}
${section('actors', 'Actors and events', actorSection(ctx))}
${section('names', 'People, organisations and places', entitySection(ctx))}
${section('articles', 'Articles', html`<p class="meta">Marked sentences support a claim; <span class="mark ed">shaded</span> ones judge rather than report. Scroll sideways for more articles.</p>
<div class="articles">${ctx.order.filter((id) => ctx.shown.has(id)).map((docId) => articleColumn(ctx, ctx.docs.get(docId)!, marks))}</div>
${ctx.shown.size < ctx.order.length ? html`<details class="more"><summary>${plural(ctx.order.length - ctx.shown.size, 'more article')}, not shown side by side</summary><ul>${ctx.order.filter((id) => !ctx.shown.has(id)).map((id) => html`<li>${cites(ctx, [id])} <a href="${links.document(id, a.story.id)}">${displayTitle(ctx.docs.get(id)!)}</a> <span class="meta">${ctx.docs.get(id)!.outlet ?? ''} ${formatDate(ctx.docs.get(id)!.publishedAt)}</span></li>`)}</ul></details>` : ''}`)}
</div>`;
}
