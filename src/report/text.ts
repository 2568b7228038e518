// The terminal report: per story, its articles, then conflicts, single-source and corroborated claims,
// lineages, people, figures, events, timeline and summary; input errors last. No I/O, no analysis.
import type { Analysis, ClaimGroup, Document, Entity, Evidence, ProvenanceEdge, Quantity, StoryAnalysis } from '../types.ts';
import { figureText } from '../analyze/figures.ts';

export interface TextOptions {
  /** ANSI colour; the CLI passes false when NO_COLOR is set or stdout is not a terminal. */
  color: boolean;
  /** Column to wrap at (default 80, never below 40). */
  width?: number;
}

/** Text-report defaults: how wide, and how much of a long list a person at a terminal wants to see. */
export const TEXT_DEFAULTS = {
  width: 80,
  minWidth: 40,
  /** Claims listed per status before "… and N more". Conflicts are always listed in full. */
  maxClaims: 20,
  /** Sentences quoted per conflict value. */
  maxQuotes: 3,
  maxEntities: 20,
  maxFigures: 15,
  maxEvents: 15,
  maxTimeline: 20,
} as const;

/** An article this many days newer than the events it narrates is flagged stale. */
export const STALE_DAYS = 7;
/** Editorializing shares from this one up are shown beside the article. */
export const EDITORIALIZING_SHOWN = 0.1;

const ANSI = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' } as const;
type Paint = (style: keyof typeof ANSI, s: string) => string;

interface Ctx {
  width: number;
  paint: Paint;
  docs: Map<string, Document>;
  /** How a document id is shown: long ids (content hashes) by their shortest unique prefix. */
  label: (id: string) => string;
}

/**
 * The report for a person at a terminal.
 * @example process.stdout.write(renderText(analysis, { color: process.stdout.isTTY === true }))
 */
export function renderText(analysis: Analysis, options: TextOptions): string {
  const ctx: Ctx = {
    width: Math.max(TEXT_DEFAULTS.minWidth, options.width ?? TEXT_DEFAULTS.width),
    paint: options.color ? (style, s) => `\u001b[${ANSI[style]}m${s}\u001b[0m` : (_style, s) => s,
    docs: new Map(analysis.documents.map((d) => [d.id, d])),
    label: idLabels(analysis.documents.map((d) => d.id)),
  };
  const out: string[] = [];
  const n = analysis.stories.length;
  out.push(ctx.paint('bold', `crosscheck: ${plural(analysis.documents.length, 'article')} in ${plural(n, 'story', 'stories')}`));
  analysis.stories.forEach((s, i) => out.push('', ...storyLines(s, i + 1, ctx)));
  if (analysis.duplicates.length) {
    out.push('', heading(ctx, 'Exact duplicates (dropped)'));
    for (const d of analysis.duplicates) out.push(...wrap(`${clean(d.id)} (${clean(d.origin)}) has the same text as ${ctx.label(d.duplicateOf)}`, ctx.width, '  '));
  }
  if (analysis.errors.length) {
    out.push('', heading(ctx, `Input errors (${analysis.errors.length})`));
    for (const e of analysis.errors) out.push(...wrap(`${clean(e.message)} [${e.code}]`, ctx.width, '  ', '    ').map((l) => ctx.paint('red', l)));
  }
  return `${out.join('\n')}\n`;
}

function storyLines(s: StoryAnalysis, n: number, ctx: Ctx): string[] {
  const { story } = s;
  const span = story.timeSpan?.start ? ` · ${story.timeSpan.start}${story.timeSpan.end && story.timeSpan.end !== story.timeSpan.start ? ` – ${story.timeSpan.end}` : ''}` : '';
  const title = `Story ${n}: ${clean(story.title)}`;
  const lines = [ctx.paint('bold', '═'.repeat(Math.min(ctx.width, 60))), ...wrap(title, ctx.width).map((l) => ctx.paint('bold', l))];
  lines.push(ctx.paint('dim', `${clean(story.id)} · ${plural(story.documentIds.length, 'article')}${span}`));
  lines.push('', heading(ctx, 'Articles'), ...articleLines(s, ctx));
  const { conflicting, single, corroborated } = claimsByStatus(s.claims);
  if (conflicting.length) {
    lines.push('', heading(ctx, `Conflicts (${conflicting.length})`, 'red'));
    for (const g of conflicting) lines.push(...conflictLines(g, ctx));
  }
  if (single.length) {
    lines.push('', heading(ctx, `Single-source claims (${single.length})`, 'yellow'));
    for (const g of single.slice(0, TEXT_DEFAULTS.maxClaims)) lines.push(...singleLines(g, ctx));
    lines.push(...more(single.length, TEXT_DEFAULTS.maxClaims, ctx));
  }
  if (corroborated.length) {
    lines.push('', heading(ctx, `Corroborated claims (${corroborated.length})`, 'green'));
    for (const g of corroborated.slice(0, TEXT_DEFAULTS.maxClaims)) lines.push(...corroboratedLines(g, ctx));
    lines.push(...more(corroborated.length, TEXT_DEFAULTS.maxClaims, ctx));
  }
  lines.push(...lineageLines(s, ctx), ...entityLines(s.entities, ctx), ...figureLines(storyFigures(s), ctx));
  lines.push(...eventLines(s, ctx), ...timelineLines(s, ctx), ...summaryLines(s, ctx));
  return lines;
}

function articleLines(s: StoryAnalysis, ctx: Ctx): string[] {
  const rows = s.story.documentIds.map((id) => {
    const d = ctx.docs.get(id);
    const sig = s.signals[id];
    const flags: string[] = [];
    if (sig?.staleDays != null && sig.staleDays >= STALE_DAYS) flags.push(`STALE: ${sig.staleDays} days after the events${sig.narratedDate ? ` of ${sig.narratedDate}` : ''}`);
    if (sig && sig.editorializing >= EDITORIALIZING_SHOWN) flags.push(`editorializing ${Math.round(sig.editorializing * 100)}%`);
    return { cells: [ctx.label(id), clean(d?.outlet ?? '—'), publishedLabel(d)], flags: flags.join(' · ') };
  });
  const idWidth = Math.max(...rows.map((r) => r.cells[0]!.length));
  const outletRoom = Math.max(8, ctx.width - idWidth - 16);
  for (const r of rows) if (r.cells[1]!.length > outletRoom) r.cells[1] = `${r.cells[1]!.slice(0, outletRoom - 1)}…`;
  // Files carry no outlet: a column of dashes would say nothing.
  if (s.story.documentIds.every((id) => !ctx.docs.get(id)?.outlet)) for (const r of rows) r.cells.splice(1, 1);
  const lines: string[] = [];
  const aligned = table(rows.map((r) => r.cells));
  rows.forEach((r, i) => {
    const line = `  ${aligned[i]}`;
    if (!r.flags) lines.push(line.trimEnd());
    else if (line.length + 2 + r.flags.length <= ctx.width) lines.push(`${line}  ${r.flags}`);
    else lines.push(line.trimEnd(), ...wrap(r.flags, ctx.width, ' '.repeat(6)));
  });
  return lines.map((l) => l.replace(/STALE: [^·]*[^ ·]/, (m) => ctx.paint('yellow', m)));
}

function conflictLines(g: ClaimGroup, ctx: Ctx): string[] {
  const c = g.conflict;
  if (!c) return singleLines(g, ctx);
  const lines = wrap(`✗ ${c.slot}`, ctx.width, '  ', '    ').map((l) => ctx.paint('bold', l));
  const label = Math.max(...c.values.map((v) => v.value.length));
  for (const v of c.values) {
    lines.push(...wrap(`from ${ids(v.documentIds, ctx)}`, ctx.width, `    ${pad(clean(v.value), label)}  `, ' '.repeat(label + 11)));
    const quoted = distinctEvidence(v.evidence);
    for (const e of quoted.slice(0, TEXT_DEFAULTS.maxQuotes)) lines.push(...quote(e, ctx, '      '));
    if (quoted.length > TEXT_DEFAULTS.maxQuotes) lines.push(ctx.paint('dim', `      … and ${quoted.length - TEXT_DEFAULTS.maxQuotes} more`));
  }
  return lines;
}

function singleLines(g: ClaimGroup, ctx: Ctx): string[] {
  const lines = wrap(`“${clean(g.text)}”`, ctx.width, '  • ', '    ');
  const docs = g.documentIds.length > 1 ? `${ids(g.documentIds, ctx)} (one lineage)` : ids(g.documentIds, ctx);
  lines.push(...wrap(`— only ${docs}${developmentNote(g, ctx)}`, ctx.width, '    ').map((l) => ctx.paint('dim', l)));
  return lines;
}

function corroboratedLines(g: ClaimGroup, ctx: Ctx): string[] {
  const lines = wrap(`✓ ${clean(g.text)}`, ctx.width, '  ', '    ');
  const articles = g.documentIds.length === g.independentSources ? '' : ` in ${plural(g.documentIds.length, 'article')}`;
  const note = `${plural(g.independentSources, 'independent source')}${articles}: ${ids(g.documentIds, ctx)}${developmentNote(g, ctx)}`;
  lines.push(...wrap(note, ctx.width, '    ').map((l) => ctx.paint('dim', l)));
  return lines;
}

function developmentNote(g: ClaimGroup, ctx: Ctx): string {
  return (g.development ? ` · development: ${g.development.from} → ${g.development.to}` : '') + additionNote(g, ctx.label);
}

/** " · added: not in 001, the earlier text it follows": what a copy or rewrite added to its source. */
export function additionNote(g: ClaimGroup, ids: (id: string) => string = (id) => id): string {
  if (!g.addedBy) return '';
  return ` · added: not in ${ids(g.addedBy.source)}, the earlier text it follows${g.addedBy.quoted ? ' · puts quoted words in someone’s mouth: check the attribution' : ''}`;
}

function lineageLines(s: StoryAnalysis, ctx: Ctx): string[] {
  const edges = sourceEdges(s);
  if (!edges.length) return [];
  const rows = edges.map((e) => [`${ctx.label(e.from)} ⇄ ${ctx.label(e.to)}`, e.relation, `similarity ${e.similarity.toFixed(2)}`, plural(e.sharedPassages.length, 'passage')]);
  const lines = ['', heading(ctx, 'Copies and rewrites (counted as one source)'), ...fitTable(rows, ctx.width, '  ')];
  for (const l of s.lineages.filter((x) => x.documentIds.length > 1)) {
    const first = l.earliest ? ` · earliest ${ctx.label(l.earliest)}` : '';
    lines.push(...wrap(`${clean(l.id)}: ${ids(l.documentIds, ctx)}${first}`, ctx.width, '  ', '    ').map((x) => ctx.paint('dim', x)));
  }
  return lines;
}

function entityLines(entities: Entity[], ctx: Ctx): string[] {
  const { named, places } = listedEntities(entities, TEXT_DEFAULTS.maxEntities);
  if (!named.length && !places.length) return [];
  const lines = ['', heading(ctx, 'People and organisations')];
  for (const e of named) {
    const titles = e.titles.length ? ` (${e.titles.map(clean).join('; ')})` : '';
    const aliases = e.aliases.length ? ` — also ${e.aliases.map((a) => `“${clean(a)}”`).join(', ')}` : '';
    lines.push(...wrap(`${clean(e.name)}${titles}, ${typeLabel(e.type)}${aliases} · ${plural(e.documentIds.length, 'article')}`, ctx.width, '  ', '    '));
  }
  if (places.length) lines.push(...wrap(`Places: ${places.map((p) => clean(p.name)).join(', ')}`, ctx.width, '  ', '    '));
  return lines;
}

function figureLines(figures: Figure[], ctx: Ctx): string[] {
  if (!figures.length) return [];
  const lines = ['', heading(ctx, 'Figures')];
  const label = Math.min(24, Math.max(...figures.map((f) => f.label.length)));
  for (const f of figures.slice(0, TEXT_DEFAULTS.maxFigures)) {
    const values = f.values.map((v) => `${v.value} (${ids(v.documentIds, ctx)})`).join('; ');
    const differ = f.disputed;
    const wrapped = wrap(values, ctx.width, `  ${differ ? '✗' : ' '} ${pad(clean(f.label), label)}  `, ' '.repeat(label + 6));
    lines.push(...wrapped.map((l, i) => (i === 0 && differ ? l.replace('✗', ctx.paint('red', '✗')) : l)));
  }
  lines.push(...more(figures.length, TEXT_DEFAULTS.maxFigures, ctx));
  return lines;
}

function eventLines(s: StoryAnalysis, ctx: Ctx): string[] {
  if (!s.events.length) return [];
  const lines = ['', heading(ctx, 'Events (who did what to whom)')];
  for (const e of s.events.slice(0, TEXT_DEFAULTS.maxEvents)) {
    const parts = [`${clean(e.actor)} — ${e.action}${e.target ? ` → ${clean(e.target)}` : ''}`];
    if (e.place) parts.push(`in ${clean(e.place)}`);
    if (e.modality !== 'happened') parts.push(`(${e.modality})`);
    if (e.according?.length) parts.push(`according to ${e.according.map(clean).join(', ')}`);
    lines.push(...wrap(`${parts.join(' ')} [${ids(e.documentIds, ctx)}]`, ctx.width, `  ${pad(e.date ?? 'undated', 10)}  `, ' '.repeat(14)));
  }
  lines.push(...more(s.events.length, TEXT_DEFAULTS.maxEvents, ctx));
  return lines;
}

function timelineLines(s: StoryAnalysis, ctx: Ctx): string[] {
  if (!s.timeline.length) return [];
  const lines = ['', heading(ctx, 'Timeline')];
  for (const t of s.timeline.slice(0, TEXT_DEFAULTS.maxTimeline)) {
    const date = t.approximate === 'before' ? `before ${t.date}` : t.date;
    lines.push(...wrap(`${clean(t.text)} [${ids(t.documentIds, ctx)}]`, ctx.width, `  ${pad(date, 10)}  `, ' '.repeat(date.length > 10 ? date.length + 4 : 14)));
  }
  lines.push(...more(s.timeline.length, TEXT_DEFAULTS.maxTimeline, ctx));
  return lines;
}

function summaryLines(s: StoryAnalysis, ctx: Ctx): string[] {
  if (!s.summary.length) return [];
  const lines = ['', heading(ctx, 'Summary')];
  for (const x of s.summary) {
    const tag = x.kind === 'corroborated' ? '' : x.kind === 'disputed' ? 'Disputed: ' : 'One source: ';
    lines.push(...wrap(`${tag}${clean(x.text)} [${ids(x.documentIds, ctx)}]`, ctx.width, '  • ', '    '));
  }
  return lines;
}

// ─── helpers ───────────────────────────────────────────────────────────────────────────────

function heading(ctx: Ctx, text: string, color?: 'red' | 'yellow' | 'green'): string {
  return color ? ctx.paint('bold', ctx.paint(color, text)) : ctx.paint('bold', text);
}

function quote(e: Evidence, ctx: Ctx, indent: string): string[] {
  return wrap(`“${clean(e.sentence)}” — ${ctx.label(e.documentId)}`, ctx.width, indent, `${indent} `).map((l) => ctx.paint('dim', l));
}

function more(total: number, shown: number, ctx: Ctx): string[] {
  return total > shown ? [ctx.paint('dim', `  … and ${total - shown} more (the JSON report lists all)`)] : [];
}

function distinctEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.documentId}#${e.sentenceIndex}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Article text on one line, without control characters (an article must not drive the terminal). */
/** The publication date, else "no date", with the date of the newest post the article embeds when it has one. */
export function publishedLabel(d: Document | undefined): string {
  if (d?.publishedAt) return d.publishedAt.slice(0, 10);
  const embedded = (d?.embeds ?? []).map((e) => e.date).filter((x): x is string => Boolean(x)).sort().pop();
  return embedded ? `no date (embeds a post of ${embedded})` : 'no date';
}

export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Greedy word wrap; `first` prefixes the first line, `rest` the others (both count toward width). */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ').filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** An aligned table when it fits the width; otherwise each row wrapped on its own. */
function fitTable(rows: string[][], width: number, indent: string): string[] {
  const aligned = table(rows).map((l) => `${indent}${l}`.trimEnd());
  if (aligned.every((l) => l.length <= width)) return aligned;
  return rows.flatMap((r) => wrap(r.filter(Boolean).join('  '), width, indent, `${indent}    `));
}

/** Columns padded to their widest cell (cells without ANSI codes, except the last). */
function table(rows: string[][]): string[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols - 1 }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i < cols - 1 ? pad(cell, widths[i]!) : cell)).join('  '));
}

/** Document ids as a list; ids come from file names, so they are cleaned like article text. */
function ids(list: string[], ctx: Ctx): string {
  return list.map(ctx.label).join(', ');
}

/** Ids longer than this are shown by a prefix. */
const LONG_ID = 20;
/** The shortest prefix shown for a long id. */
const MIN_PREFIX = 8;

/**
 * How each document id is shown: as written when short (file names), else by its shortest prefix of
 * at least 8 characters that no other id shares, with "…" (a page named by a 64-character hash reads
 * "8b194530…"). The JSON report keeps the full ids.
 */
export function idLabels(all: string[]): (id: string) => string {
  // In sorted order an id shares its longest prefix with a neighbour, so one pass finds them all.
  const sorted = [...new Set(all)].sort();
  const common = (a: string | undefined, b: string): number => {
    let i = 0;
    while (a !== undefined && i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  const labels = new Map<string, string>();
  sorted.forEach((id, i) => {
    if (id.length <= LONG_ID) return;
    const n = Math.max(MIN_PREFIX, common(sorted[i - 1], id) + 1, common(sorted[i + 1], id) + 1);
    labels.set(id, n < id.length ? `${id.slice(0, n)}…` : id);
  });
  return (id) => clean(labels.get(id) ?? id);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function typeLabel(t: Entity['type']): string {
  return t === 'organization' ? 'organisation' : t;
}

// ─── views shared with the Markdown report ─────────────────────────────────────────────────

/** Claim groups by status, each in the analysis's order: what a reader checks first comes first. */
export function claimsByStatus(claims: ClaimGroup[]): { conflicting: ClaimGroup[]; single: ClaimGroup[]; corroborated: ClaimGroup[] } {
  return {
    conflicting: claims.filter((g) => g.status === 'conflicting'),
    single: claims.filter((g) => g.status === 'single-source'),
    corroborated: claims.filter((g) => g.status === 'corroborated'),
  };
}

/** Provenance edges that tie two articles into one source (copies and rewrites). */
export function sourceEdges(s: StoryAnalysis): ProvenanceEdge[] {
  return s.provenance.filter((e) => e.relation !== 'independent');
}

/** People, organisations and groups by mentions (then name), and places, capped at `max` each. */
export function listedEntities(entities: Entity[], max: number): { named: Entity[]; places: Entity[] } {
  const order = (a: Entity, b: Entity) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name, 'en');
  return {
    named: entities.filter((e) => e.type !== 'place').sort(order).slice(0, max),
    places: entities.filter((e) => e.type === 'place').sort(order).slice(0, max),
  };
}

/** One counted thing ("worker") and every value the story's articles give for it. */
export interface Figure {
  label: string;
  values: { value: string; documentIds: string[] }[];
  /** A conflicting claim group disagrees on this count (different values alone may count different things). */
  disputed: boolean;
}

/** The figures of a story, from its claims' quantities: what is counted, each value with its articles. */
export function storyFigures(s: StoryAnalysis): Figure[] {
  const byLabel = new Map<string, Map<string, Set<string>>>();
  const disputed = new Set<string>();
  for (const g of s.claims) {
    // Only the figures the conflict names, in the sentences it cites: the group's other counts agree.
    const conflictValues = new Set(g.conflict?.values.map((v) => v.value));
    const cited = new Set(g.conflict?.values.flatMap((v) => v.evidence.map((e) => `${e.documentId}#${e.sentenceIndex}`)));
    for (const c of g.claims) {
      for (const q of c.quantities) {
        const label = q.counted ?? q.unit;
        if (!label) continue;
        if (cited.has(`${c.documentId}#${c.sentenceIndex}`) && conflictValues.has(figureText(q))) disputed.add(label);
        const values = byLabel.get(label) ?? new Map<string, Set<string>>();
        byLabel.set(label, values);
        const text = figureValue(q);
        const docs = values.get(text) ?? new Set<string>();
        values.set(text, docs);
        docs.add(c.documentId);
      }
    }
  }
  return [...byLabel].map(([label, values]) => ({
    label,
    values: [...values].map(([value, docs]) => ({ value, documentIds: [...docs].sort() })),
    disputed: disputed.has(label),
  }));
}

function figureValue(q: Quantity): string {
  const n = q.value.toLocaleString('en-US');
  const amount = q.unit === 'USD' ? `$${n}` : q.unit === 'percent' ? `${n}%` : q.unit && q.unit !== q.counted ? `${n} ${q.unit}` : n;
  return q.qualifier === 'exact' ? amount : `${q.qualifier} ${amount}`;
}
