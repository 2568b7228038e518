// The story list: search, sort, one row per story with its articles, independent sources,
// conflicts and last update, and paging. Pure rendering of what the store returns.
import type { StoryPage, StorySort } from '../../store/store.ts';
import { html, type SafeHtml } from './escape.ts';
import type { Links } from './layout.ts';
import { badge, formatDate, plural } from './parts.ts';

export interface ListView {
  page: StoryPage;
  q?: string;
  sort: StorySort;
  limit: number;
  offset: number;
}

const SORTS: [StorySort, string][] = [['updated', 'Last update'], ['conflicts', 'Most conflicts'], ['size', 'Most articles']];

function pageHref(view: ListView, offset: number): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.sort !== 'updated') params.set('sort', view.sort);
  if (offset > 0) params.set('offset', String(offset));
  const s = params.toString();
  return s ? `/?${s}` : '/';
}

/** The list page body (server only: the report file lists its stories itself). */
export function renderStoryList(view: ListView, links: Links): SafeHtml {
  const { page } = view;
  const first = view.offset + 1;
  const last = view.offset + page.items.length;
  const count = view.q
    ? `${plural(page.total, 'story', 'stories')} mention “${view.q}”`
    : plural(page.total, 'story', 'stories');
  return html`<h1>Stories</h1>
<form class="search" method="get" action="/" role="search">
<label>Search articles<input type="search" name="q" value="${view.q ?? ''}" placeholder="a name, a place, a figure"></label>
<label>Sort by<select name="sort" data-autosubmit>${SORTS.map(([v, t]) => html`<option value="${v}"${v === view.sort ? html` selected` : ''}>${t}</option>`)}</select></label>
<button type="submit">Search</button>
</form>
<p class="meta" role="status">${count}${page.total > page.items.length ? ` · showing ${first}–${last}` : ''}</p>
${page.items.length === 0
  ? html`<p class="empty">${view.q ? 'No story matches. Try fewer or other words.' : 'No stories yet. Add articles with “crosscheck ingest” or POST /api/articles.'}</p>`
  : html`<table class="stories"><thead><tr><th scope="col">Story</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Independent sources</th><th scope="col" class="num">Conflicts</th><th scope="col">Last update</th></tr></thead>
<tbody>${page.items.map((s) => html`<tr>
<td class="title"><a href="${links.story(s.id)}">${s.title || s.id}</a>${s.stale ? html` ${badge('stale', 'updating')}` : ''}${s.firstPublished ? html`<br><span class="meta">${formatDate(s.firstPublished)}${s.lastPublished && s.lastPublished !== s.firstPublished ? ` – ${formatDate(s.lastPublished)}` : ''}</span>` : ''}</td>
<td class="num" data-label="articles">${s.documentCount}</td>
<td class="num" data-label="independent">${s.independentSources ?? '–'}</td>
<td class="num" data-label="conflicts">${s.conflicts ? html`<span class="badge b-conflicting">${s.conflicts}</span>` : s.conflicts ?? '–'}</td>
<td class="when" data-label="updated">${formatDate(s.updatedAt)}</td></tr>`)}</tbody></table>`}
<nav class="pager" aria-label="Pages">${view.offset > 0 ? html`<a href="${pageHref(view, Math.max(0, view.offset - view.limit))}" rel="prev">← Newer</a>` : ''}${last < page.total ? html`<a href="${pageHref(view, view.offset + view.limit)}" rel="next">Older →</a>` : ''}</nav>`;
}
