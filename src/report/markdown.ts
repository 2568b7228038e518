// The Markdown report: the terminal report's content with headings, tables and block quotes, for
// pasting into an issue, a wiki or a document. Article text is escaped; nothing is analysed here.
import type { Analysis, ClaimGroup, Document, Evidence, StoryAnalysis } from '../types.ts';
import { EDITORIALIZING_SHOWN, STALE_DAYS, type Figure, additionNote, claimsByStatus, clean, idLabels, listedEntities, publishedLabel, sourceEdges, storyFigures } from './text.ts';

/** How much of a long list the Markdown report shows; the JSON report always has everything. */
export const MARKDOWN_DEFAULTS = {
  maxClaims: 50,
  maxQuotes: 3,
  maxEntities: 30,
  maxFigures: 30,
  maxEvents: 30,
  maxTimeline: 40,
} as const;

/**
 * The report as CommonMark with GitHub tables.
 * @example await writeFile('report.md', renderMarkdown(analysis))
 */
export function renderMarkdown(analysis: Analysis): string {
  const label = idLabels(analysis.documents.map((d) => d.id));
  const c: MdContext = { docs: new Map(analysis.documents.map((d) => [d.id, d])), doc: (id) => code(label(id)) };
  const out: string[] = ['# crosscheck report', '', `${count(analysis.documents.length, 'article')} in ${count(analysis.stories.length, 'story', 'stories')}.`];
  analysis.stories.forEach((s, i) => out.push('', ...storyBlock(s, i + 1, c)));
  if (analysis.duplicates.length) {
    out.push('', '## Exact duplicates (dropped)', '');
    for (const d of analysis.duplicates) out.push(`- ${code(d.id)} (${code(d.origin)}) has the same text as ${c.doc(d.duplicateOf)}`);
  }
  if (analysis.errors.length) {
    out.push('', `## Input errors (${analysis.errors.length})`, '');
    for (const e of analysis.errors) {
      const where = e.message.startsWith(e.origin) ? '' : `${code(e.origin)}: `;
      out.push(`- ${where}${md(e.message)} (${code(e.code)})`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** What the story blocks need besides the story: the documents, and how to show a document id. */
interface MdContext {
  docs: Map<string, Document>;
  /** A document id in code font, long ids (content hashes) by their shortest unique prefix. */
  doc: (id: string) => string;
}

function storyBlock(s: StoryAnalysis, n: number, c: MdContext): string[] {
  const { story } = s;
  const span = story.timeSpan?.start ? ` · ${story.timeSpan.start}${story.timeSpan.end && story.timeSpan.end !== story.timeSpan.start ? ` – ${story.timeSpan.end}` : ''}` : '';
  const out = [`## Story ${n}: ${md(story.title)}`, '', `${code(story.id)} · ${count(story.documentIds.length, 'article')}${span}`];
  out.push('', '### Articles', '', ...articleTable(s, c));
  const { conflicting, single, corroborated } = claimsByStatus(s.claims);
  if (conflicting.length) {
    out.push('', `### Conflicts (${conflicting.length})`);
    for (const g of conflicting) out.push('', ...conflictBlock(g, c));
  }
  if (single.length) {
    out.push('', `### Single-source claims (${single.length})`);
    for (const g of single.slice(0, MARKDOWN_DEFAULTS.maxClaims)) out.push('', ...singleBlock(g, c));
    out.push(...more(single.length, MARKDOWN_DEFAULTS.maxClaims));
  }
  if (corroborated.length) {
    out.push('', `### Corroborated claims (${corroborated.length})`, '', '| Claim | Independent sources | Articles |', '| --- | ---: | --- |');
    for (const g of corroborated.slice(0, MARKDOWN_DEFAULTS.maxClaims)) out.push(row([md(g.text) + development(g, c), String(g.independentSources), docs(c, g.documentIds)]));
    out.push(...more(corroborated.length, MARKDOWN_DEFAULTS.maxClaims));
  }
  out.push(...lineageBlock(s, c), ...entityBlock(s), ...figureBlock(storyFigures(s), c), ...eventBlock(s, c), ...timelineBlock(s, c), ...summaryBlock(s, c));
  return out;
}

function articleTable(s: StoryAnalysis, c: MdContext): string[] {
  const out = ['| Article | Outlet | Published | Notes |', '| --- | --- | --- | --- |'];
  for (const id of s.story.documentIds) {
    const d = c.docs.get(id);
    const sig = s.signals[id];
    const notes: string[] = [];
    if (sig?.staleDays != null && sig.staleDays >= STALE_DAYS) notes.push(`**stale**: ${sig.staleDays} days after the events${sig.narratedDate ? ` of ${sig.narratedDate}` : ''}`);
    if (sig && sig.editorializing >= EDITORIALIZING_SHOWN) notes.push(`editorializing ${Math.round(sig.editorializing * 100)}%`);
    const title = d?.title ? `<br>${md(d.title)}` : '';
    out.push(row([`${c.doc(id)}${title}`, d?.outlet ? md(d.outlet) : '—', publishedLabel(d), notes.join('; ')]));
  }
  return out;
}

function conflictBlock(g: ClaimGroup, c: MdContext): string[] {
  if (!g.conflict) return singleBlock(g, c);
  const out = [`#### ${md(g.conflict.slot)}`, '', '| Value | Sources |', '| --- | --- |'];
  for (const v of g.conflict.values) out.push(row([`**${md(v.value)}**`, docs(c, v.documentIds)]));
  for (const v of g.conflict.values) {
    const quoted = distinct(v.evidence);
    out.push('', `**${md(v.value)}** according to ${docs(c, v.documentIds)}:`);
    for (const e of quoted.slice(0, MARKDOWN_DEFAULTS.maxQuotes)) out.push('', ...quote(e, c));
    if (quoted.length > MARKDOWN_DEFAULTS.maxQuotes) out.push('', `… and ${quoted.length - MARKDOWN_DEFAULTS.maxQuotes} more.`);
  }
  return out;
}

function singleBlock(g: ClaimGroup, c: MdContext): string[] {
  const who = g.documentIds.length > 1 ? `${docs(c, g.documentIds)} (one lineage)` : docs(c, g.documentIds);
  return [`> ${md(g.text)}`, '>', `> — only ${who}${development(g, c)}`];
}

function development(g: ClaimGroup, c: MdContext): string {
  return (g.development ? ` · development: ${g.development.from} → ${g.development.to}` : '') + additionNote(g, c.doc);
}

function lineageBlock(s: StoryAnalysis, c: MdContext): string[] {
  const edges = sourceEdges(s);
  if (!edges.length) return [];
  const out = ['', '### Copies and rewrites (counted as one source)', '', '| Articles | Relation | Similarity | Shared passages |', '| --- | --- | ---: | ---: |'];
  for (const e of edges) out.push(row([`${c.doc(e.from)} ⇄ ${c.doc(e.to)}`, e.relation, e.similarity.toFixed(2), String(e.sharedPassages.length)]));
  const lineages = s.lineages.filter((l) => l.documentIds.length > 1);
  if (lineages.length) out.push('');
  for (const l of lineages) out.push(`- ${code(l.id)}: ${docs(c, l.documentIds)}${l.earliest ? ` · earliest ${c.doc(l.earliest)}` : ''}`);
  return out;
}

function entityBlock(s: StoryAnalysis): string[] {
  const { named, places } = listedEntities(s.entities, MARKDOWN_DEFAULTS.maxEntities);
  if (!named.length && !places.length) return [];
  const out = ['', '### People and organisations'];
  if (named.length) {
    out.push('', '| Name | Type | Titles | Also written | Articles |', '| --- | --- | --- | --- | ---: |');
    for (const e of named) {
      const type = e.type === 'organization' ? 'organisation' : e.type;
      out.push(row([md(e.name), type, e.titles.map(md).join('; '), e.aliases.map(md).join('; '), String(e.documentIds.length)]));
    }
  }
  if (places.length) out.push('', `Places: ${places.map((p) => md(p.name)).join(', ')}`);
  return out;
}

function figureBlock(figures: Figure[], c: MdContext): string[] {
  if (!figures.length) return [];
  const out = ['', '### Figures', '', '| What is counted | Values (articles) |', '| --- | --- |'];
  for (const f of figures.slice(0, MARKDOWN_DEFAULTS.maxFigures)) {
    const values = f.values.map((v) => `${md(v.value)} (${docs(c, v.documentIds)})`).join('; ');
    out.push(row([`${md(f.label)}${f.disputed ? ' ✗' : ''}`, values]));
  }
  return [...out, ...more(figures.length, MARKDOWN_DEFAULTS.maxFigures)];
}

function eventBlock(s: StoryAnalysis, c: MdContext): string[] {
  if (!s.events.length) return [];
  const out = ['', '### Events', '', '| Date | Actor | Action | Target | Place | According to | Articles |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const e of s.events.slice(0, MARKDOWN_DEFAULTS.maxEvents)) {
    const action = e.modality === 'happened' ? e.action : `${e.action} (${e.modality})`;
    out.push(row([e.date ?? '', md(e.actor), action, md(e.target ?? ''), md(e.place ?? ''), md((e.according ?? []).join(', ')), docs(c, e.documentIds)]));
  }
  return [...out, ...more(s.events.length, MARKDOWN_DEFAULTS.maxEvents)];
}

function timelineBlock(s: StoryAnalysis, c: MdContext): string[] {
  if (!s.timeline.length) return [];
  const out = ['', '### Timeline', ''];
  for (const t of s.timeline.slice(0, MARKDOWN_DEFAULTS.maxTimeline)) {
    out.push(`- **${t.approximate === 'before' ? `before ${t.date}` : t.date}** — ${md(t.text)} (${docs(c, t.documentIds)})`);
  }
  return [...out, ...more(s.timeline.length, MARKDOWN_DEFAULTS.maxTimeline)];
}

function summaryBlock(s: StoryAnalysis, c: MdContext): string[] {
  if (!s.summary.length) return [];
  const out = ['', '### Summary', ''];
  for (const x of s.summary) {
    const tag = x.kind === 'disputed' ? '**Disputed:** ' : x.kind === 'single-source' ? '**One source:** ' : '';
    out.push(`- ${tag}${md(x.text)} (${docs(c, x.documentIds)})`);
  }
  return out;
}

// ─── helpers ───────────────────────────────────────────────────────────────────────────────

function quote(e: Evidence, c: MdContext): string[] {
  return [`> ${md(e.sentence)}`, '>', `> — ${c.doc(e.documentId)}`];
}

function distinct(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => !seen.has(`${e.documentId}#${e.sentenceIndex}`) && Boolean(seen.add(`${e.documentId}#${e.sentenceIndex}`)));
}

function more(total: number, shown: number): string[] {
  return total > shown ? ['', `… and ${total - shown} more (the JSON report lists all).`] : [];
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}

/**
 * Text from an article as inline Markdown that renders as written: one line; emphasis, code, link,
 * HTML and table marks backslash-escaped anywhere; block marks (`#`, `-`, `1.`) escaped where they
 * would start a block; entity-like `&name;` kept literal.
 */
export function md(text: string): string {
  return clean(text)
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An id as inline code; ids holding a backtick fall back to escaped text. */
function code(id: string): string {
  return id.includes('`') ? md(id) : `\`${clean(id)}\``;
}

function docs(c: MdContext, ids: string[]): string {
  return ids.map(c.doc).join(', ');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
