// Small pieces every page uses: the story's article numbering and lineage colours, citations,
// status badges, dates and the evidence marks laid over an article's text. No page layout here.
import type { ClaimGroup, Document, Evidence, StoryAnalysis } from '../../types.ts';
import { html, join, slug, type SafeHtml } from './escape.ts';
import { LINEAGE_COLORS } from './assets.ts';
import type { Links } from './layout.ts';

/** The story's articles numbered [1]…[n] in story order, with lineage indexes and anchors. */
export interface StoryContext {
  analysis: StoryAnalysis;
  links: Links;
  /** Prefix that keeps ids unique when several stories share one page. */
  prefix: string;
  docs: Map<string, Document>;
  order: string[];
  number: Map<string, number>;
  lineage: Map<string, number>;
  /** Articles whose text is on the page; citations of the others link to their own page. */
  shown: Set<string>;
}

export function storyContext(analysis: StoryAnalysis, documents: Document[], links: Links): StoryContext {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const order = analysis.story.documentIds.filter((id) => docs.has(id));
  for (const d of documents) if (!order.includes(d.id)) order.push(d.id);
  const lineage = new Map<string, number>();
  analysis.lineages.forEach((l, i) => l.documentIds.forEach((id) => lineage.set(id, i)));
  let next = analysis.lineages.length;
  for (const id of order) if (!lineage.has(id)) lineage.set(id, next++);
  return { analysis, links, prefix: slug(analysis.story.id), docs, order, number: new Map(order.map((id, i) => [id, i + 1])), lineage, shown: new Set(order) };
}

export function lineageClass(ctx: StoryContext, id: string): string {
  return `lin-${(ctx.lineage.get(id) ?? 0) % LINEAGE_COLORS.length}`;
}

export function lineageColor(ctx: StoryContext, id: string): string {
  return LINEAGE_COLORS[(ctx.lineage.get(id) ?? 0) % LINEAGE_COLORS.length]!;
}

/** Anchor of an article's column on the story page. */
export function articleAnchor(ctx: StoryContext, id: string): string {
  return `${ctx.prefix}-doc-${slug(id)}`;
}

/** Anchor of one evidence mark in an article column. */
export function markAnchor(ctx: StoryContext, documentId: string, start: number): string {
  return `${ctx.prefix}-m-${ctx.number.get(documentId) ?? 0}-${start}`;
}

export const UNTITLED_WORDS = 10;

/** An article's title, else its first words (many wire texts have no title). */
export function displayTitle(doc: Document): string {
  if (doc.title?.trim()) return doc.title.trim();
  const words = doc.text.trim().split(/\s+/);
  return words.length <= UNTITLED_WORDS ? words.join(' ') : `${words.slice(0, UNTITLED_WORDS).join(' ')}…`;
}

export function docLabel(doc: Document | undefined, id: string): string {
  if (!doc) return id;
  return [doc.outlet, displayTitle(doc)].filter(Boolean).join(': ') || id;
}

/** Citation links [1][3] to the articles' columns. */
export function cites(ctx: StoryContext, documentIds: string[]): SafeHtml {
  const ids = [...new Set(documentIds)].filter((id) => ctx.number.has(id)).sort((a, b) => ctx.number.get(a)! - ctx.number.get(b)!);
  const href = (id: string) => (ctx.shown.has(id) ? `#${articleAnchor(ctx, id)}` : ctx.links.document(id, ctx.analysis.story.id));
  return join(ids.map((id) => html`<a class="cite" href="${href(id)}" title="${docLabel(ctx.docs.get(id), id)}">[${ctx.number.get(id)}]</a>`));
}

export const STATUS_LABEL: Record<ClaimGroup['status'], string> = {
  conflicting: 'disputed',
  corroborated: 'corroborated',
  'single-source': 'single source',
};

export function badge(kind: string, label: string): SafeHtml {
  return html`<span class="badge b-${slug(kind)}">${label}</span>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2023-10-16" as "16 Oct 2023"; date-times keep their date only. Unparseable values pass through. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** An http(s) URL safe to link to, else undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A highlighted range of an article's text and the claims it supports. */
export interface Mark {
  start: number;
  end: number;
  claims: string[];
  classes: string[];
}

/** Claim-group id as used in `data-claims` and `data-show-claim` (unique per page). */
export function claimKey(ctx: StoryContext, group: ClaimGroup): string {
  return `${ctx.prefix}-${slug(group.id)}`;
}

/** Every evidence range of every claim group, per document, same ranges merged. */
export function claimMarks(ctx: StoryContext): Map<string, Mark[]> {
  const byDoc = new Map<string, Map<string, Mark>>();
  const add = (e: Evidence, claim: string | undefined, cls: string) => {
    let marks = byDoc.get(e.documentId);
    if (!marks) byDoc.set(e.documentId, (marks = new Map()));
    const key = `${e.start}:${e.end}`;
    const mark = marks.get(key) ?? { start: e.start, end: e.end, claims: [], classes: [] };
    if (claim && !mark.claims.includes(claim)) mark.claims.push(claim);
    if (!mark.classes.includes(cls)) mark.classes.push(cls);
    marks.set(key, mark);
  };
  for (const g of ctx.analysis.claims) {
    const key = claimKey(ctx, g);
    for (const e of evidenceOfGroup(g)) add(e, key, g.status);
  }
  for (const [id, s] of Object.entries(ctx.analysis.signals)) for (const e of s.editorializingEvidence) add({ ...e, documentId: id }, undefined, 'ed');
  return new Map([...byDoc].map(([id, m]) => [id, [...m.values()]]));
}

/** A group's evidence plus its conflict values' evidence, without repeats. */
export function evidenceOfGroup(g: ClaimGroup): Evidence[] {
  const all = [...g.evidence, ...(g.conflict?.values.flatMap((v) => v.evidence) ?? [])];
  const seen = new Set<string>();
  return all.filter((e) => {
    const k = `${e.documentId}:${e.start}:${e.end}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/**
 * An article's text as paragraphs, with marks wrapped in spans. Overlapping marks keep the first;
 * marks are clipped to their paragraph. Every character of the text is escaped.
 */
export function markedText(doc: Document, marks: Mark[], anchor: (start: number) => string): SafeHtml {
  const sorted = [...marks].filter((m) => m.end > m.start && m.start >= 0 && m.end <= doc.text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const m of sorted) if (!kept.length || m.start >= kept[kept.length - 1]!.end) kept.push(m);
  const paragraphs = doc.paragraphs.length ? doc.paragraphs : [{ start: 0, end: doc.text.length }];
  return join(
    paragraphs.map((p) => {
      const parts: SafeHtml[] = [];
      let at = p.start;
      for (const m of kept) {
        if (m.end <= p.start || m.start >= p.end) continue;
        const s = Math.max(m.start, p.start);
        const e = Math.min(m.end, p.end);
        if (s > at) parts.push(html`${doc.text.slice(at, s)}`);
        const id = s === m.start ? html` id="${anchor(m.start)}"` : html``;
        const claims = m.claims.length ? html` data-claims="${m.claims.join(' ')}"` : html``;
        parts.push(html`<span class="mark ${m.classes.join(' ')}"${id}${claims}>${doc.text.slice(s, e)}</span>`);
        at = e;
      }
      if (at < p.end) parts.push(html`${doc.text.slice(at, p.end)}`);
      return html`<p>${parts}</p>`;
    }),
    '\n',
  );
}
