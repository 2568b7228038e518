// The story page's diagrams as inline SVG: lineages (who copied or rewrote whom), the timeline of
// events against publication dates, and the actor graph. Deterministic layouts; every label escaped.
import { html, join, type SafeHtml } from './escape.ts';
import { displayTitle, docLabel, formatDate, lineageColor, type StoryContext } from './parts.ts';

export const SVG_OPTIONS = { columnWidth: 215, rowHeight: 74, timelineWidth: 760, graphSize: 560, maxLabel: 24, maxEdgeLabels: 8 };

function shorten(text: string, max = SVG_OPTIONS.maxLabel): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Lineages as rows, each article a dot (oldest left); copy and rewrite edges between them. */
export function lineageSvg(ctx: StoryContext): SafeHtml {
  const { columnWidth, rowHeight } = SVG_OPTIONS;
  const rows = new Map<number, string[]>();
  for (const id of ctx.order) {
    const row = ctx.lineage.get(id) ?? 0;
    rows.set(row, [...(rows.get(row) ?? []), id]);
  }
  const rowKeys = [...rows.keys()].sort((a, b) => a - b);
  const pos = new Map<string, { x: number; y: number }>();
  const byDate = (a: string, b: string) => (ctx.docs.get(a)?.publishedAt ?? '').localeCompare(ctx.docs.get(b)?.publishedAt ?? '');
  rowKeys.forEach((row, r) => [...rows.get(row)!].sort(byDate).forEach((id, c) => pos.set(id, { x: 30 + c * columnWidth, y: 34 + r * rowHeight })));
  const width = 30 + Math.max(1, ...[...rows.values()].map((r) => r.length)) * columnWidth;
  const height = 20 + rowKeys.length * rowHeight;
  const edges = ctx.analysis.provenance.filter((e) => e.relation !== 'independent' && pos.has(e.from) && pos.has(e.to));
  const edgeSvg = edges.map((e) => {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    const lift = a.y === b.y ? -Math.min(40, 16 + Math.abs(b.x - a.x) / 12) : 0;
    const d = `M${a.x},${a.y} Q${(a.x + b.x) / 2},${(a.y + b.y) / 2 + lift} ${b.x},${b.y}`;
    return html`<path class="edge ${e.relation}" d="${d}" marker-end="url(#${ctx.prefix}-arrow)"><title>[${ctx.number.get(e.from)}] → [${ctx.number.get(e.to)}]: ${e.relation}, similarity ${e.similarity.toFixed(2)}</title></path>`;
  });
  const nodes = [...pos].map(([id, p]) => {
    const doc = ctx.docs.get(id);
    const label = shorten(`[${ctx.number.get(id)}] ${doc?.outlet ?? (doc ? displayTitle(doc) : id)}`);
    return html`<g><circle cx="${p.x}" cy="${p.y}" r="9" fill="${lineageColor(ctx, id)}"><title>${docLabel(doc, id)}</title></circle><text class="node-label" x="${p.x + 14}" y="${p.y + 4}">${label}</text><text class="node-label" x="${p.x + 14}" y="${p.y + 19}" fill-opacity="0.7">${formatDate(doc?.publishedAt)}</text></g>`;
  });
  return html`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${ctx.prefix}-lin-t">
<title id="${ctx.prefix}-lin-t">Lineages: ${ctx.analysis.lineages.length} groups of articles sharing text</title>
<defs><marker id="${ctx.prefix}-arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a3"/></marker></defs>
${edgeSvg}${nodes}</svg>`;
}

function dayNumber(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso.length === 7 ? `${iso}-01T00:00:00Z` : iso);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : undefined;
}

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Events (above the axis) and publication dates (below): a late article shows as a gap. */
export function timelineSvg(ctx: StoryContext): SafeHtml {
  const width = SVG_OPTIONS.timelineWidth;
  const events = ctx.analysis.timeline.flatMap((t) => {
    const d = dayNumber(t.date);
    return d === undefined ? [] : [{ day: d, entry: t }];
  });
  const pubs = ctx.order.flatMap((id) => {
    const d = dayNumber(ctx.docs.get(id)?.publishedAt);
    return d === undefined ? [] : [{ day: d, id }];
  });
  const days = [...events.map((e) => e.day), ...pubs.map((p) => p.day)];
  if (days.length === 0) return html``;
  const min = Math.min(...days);
  const max = Math.max(...days, min + 1);
  const x = (d: number) => 110 + ((d - min) / (max - min)) * (width - 180);
  const stack = new Map<number, number>();
  const level = (d: number) => {
    const n = stack.get(d) ?? 0;
    stack.set(d, n + 1);
    return n;
  };
  const eventMarks = events.map(({ day, entry }) => {
    const y = 70 - level(day) * 14;
    return html`<circle cx="${x(day).toFixed(1)}" cy="${y}" r="6" fill="#b42318"><title>${formatDate(entry.date)}: ${entry.text}</title></circle>`;
  });
  stack.clear();
  const pubMarks = pubs.map(({ day, id }) => {
    const y = 104 + level(day) * 16;
    return html`<g><rect x="${(x(day) - 6).toFixed(1)}" y="${y - 6}" width="12" height="12" rx="2" fill="${lineageColor(ctx, id)}"><title>[${ctx.number.get(id)}] published ${formatDate(ctx.docs.get(id)?.publishedAt)}</title></rect><text class="node-label" x="${(x(day) + 9).toFixed(1)}" y="${y + 4}">[${ctx.number.get(id)}]</text></g>`;
  });
  const height = 104 + Math.max(1, ...stack.values()) * 16 + 30;
  const ticks = [min, Math.round((min + max) / 2), max].filter((d, i, a) => a.indexOf(d) === i);
  return html`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${ctx.prefix}-tl-t">
<title id="${ctx.prefix}-tl-t">Timeline from ${formatDate(isoOfDay(min))} to ${formatDate(isoOfDay(max))}: events above the line, publication dates below</title>
<text x="4" y="74">events</text><text x="4" y="108">published</text>
<line class="axis" x1="96" y1="86" x2="${width - 50}" y2="86" stroke-width="2"/>
${join(ticks.map((d) => html`<text x="${x(d).toFixed(1)}" y="${height - 8}" text-anchor="middle">${formatDate(isoOfDay(d))}</text>`))}
${eventMarks}${pubMarks}</svg>`;
}

/** Who did what to whom: actors on a circle, an arrow per (actor, action, target). */
export function actorGraphSvg(ctx: StoryContext): SafeHtml {
  const edges = new Map<string, { actor: string; target: string; actions: Set<string>; count: number }>();
  const weight = new Map<string, number>();
  for (const e of ctx.analysis.events) {
    if (!e.target) continue;
    const key = `${e.actor}\u0000${e.target}`;
    const edge = edges.get(key) ?? { actor: e.actor, target: e.target, actions: new Set<string>(), count: 0 };
    edge.actions.add(e.action);
    edge.count++;
    edges.set(key, edge);
    for (const n of [e.actor, e.target]) weight.set(n, (weight.get(n) ?? 0) + 1);
  }
  if (edges.size === 0) return html``;
  const names = [...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || a.localeCompare(b));
  const size = Math.min(900, Math.max(SVG_OPTIONS.graphSize, names.length * 56));
  const c = size / 2;
  const radius = names.length === 1 ? 0 : size / 2 - 90;
  // An ellipse, wider than tall, reads better on a page than a circle.
  const height = Math.round(size * 0.72);
  const cy = height / 2;
  const squash = (height / 2 - 50) / radius || 1;
  const pos = new Map(names.map((n, i) => {
    // The busiest actor in the middle, the others around it.
    if (i === 0 && names.length > 2) return [n, { x: c, y: cy }] as const;
    const k = names.length > 2 ? i - 1 : i;
    const count = names.length > 2 ? names.length - 1 : names.length;
    const angle = Math.PI + (2 * Math.PI * k) / count;
    return [n, { x: c + radius * Math.cos(angle), y: cy + radius * squash * Math.sin(angle) }] as const;
  }));
  const labelled = edges.size <= SVG_OPTIONS.maxEdgeLabels;
  const lines = [...edges.values()].map((e) => {
    const a = pos.get(e.actor)!;
    const b = pos.get(e.target)!;
    const label = [...e.actions].join(', ');
    return html`<g><line class="edge" x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke-width="${Math.min(6, 1 + e.count)}" marker-end="url(#${ctx.prefix}-arrow2)"><title>${e.actor} → ${e.target}: ${label}</title></line>${labelled ? html`<text class="node-label" x="${((a.x + b.x) / 2).toFixed(1)}" y="${((a.y + b.y) / 2 - 4).toFixed(1)}" text-anchor="middle" fill-opacity="0.75">${shorten(label, 22)}</text>` : ''}</g>`;
  });
  const nodes = names.map((n) => {
    const p = pos.get(n)!;
    const r = 8 + Math.min(10, weight.get(n)!);
    return html`<g><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r}" fill="#475569"><title>${n}</title></circle><text x="${p.x.toFixed(1)}" y="${(p.y + r + 14).toFixed(1)}" text-anchor="middle">${shorten(n)}</text></g>`;
  });
  return html`<svg viewBox="0 0 ${size} ${height}" width="${size}" height="${height}" role="img" aria-labelledby="${ctx.prefix}-ag-t">
<title id="${ctx.prefix}-ag-t">Actor graph: ${names.length} actors, ${edges.size} relations</title>
<defs><marker id="${ctx.prefix}-arrow2" viewBox="0 0 10 10" refX="26" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a3"/></marker></defs>
${lines}${nodes}</svg>`;
}
