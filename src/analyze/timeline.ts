// The story's timeline: dated events and embedded posts in date order; plans that a later article
// reports done are placed before the date they were carried out. Claims without an event are left
// out: a sentence's date often belongs to something else it mentions. It does not resolve dates.
import type { ClaimGroup, Document, Evidence, StoryEvent, TimelineEntry } from '../types.ts';
import { sortEvidence } from './evidence.ts';
import { groupEventDate } from './signals.ts';

export interface TimelineOptions {
  /** Longest timeline kept; the best-supported entries are kept when there are more. */
  maxEntries: number;
}

export const TIMELINE_DEFAULTS: TimelineOptions = { maxEntries: 40 };

const ACTION_WORDS: Record<string, string> = {
  consult: 'spoke with', condolence: 'offered condolences to', warning: 'warned', appeal: 'appealed to', attack: 'attacked',
  aid: 'helped', proposal: 'proposed to', accusation: 'accused', declaration: 'declared', arrest: 'arrested', statement: 'made a statement to',
};

/** Describe an event in a few words: "Vladimir Putin spoke with Benjamin Netanyahu". */
export function describeEvent(e: StoryEvent): string {
  const verb = ACTION_WORDS[e.action] ?? e.action;
  if (!e.target) return `${e.actor} ${verb.replace(/ (with|to)$/, '')}`.trim();
  return `${e.actor} ${verb} ${e.target}`;
}

export function buildTimeline(events: StoryEvent[], groups: ClaimGroup[], documents: Document[], options: Partial<TimelineOptions> = {}): TimelineEntry[] {
  const opts = { ...TIMELINE_DEFAULTS, ...options };
  const entries: TimelineEntry[] = [];
  const covered = new Set<string>();
  for (const e of events) {
    if (!e.date || e.modality !== 'happened') continue;
    entries.push({ date: e.date, text: describeEvent(e), documentIds: e.documentIds, evidence: sortEvidence(e.evidence) });
    for (const ev of e.evidence) covered.add(`${ev.documentId}:${ev.start}`);
  }
  // A planned event that another article reports carried out (same action, same party) came before it.
  for (const planned of events.filter((e) => e.modality === 'planned')) {
    const done = events.find((e) => e.modality === 'happened' && e.date && e.action === planned.action && (e.target === planned.target || e.actor === planned.target));
    if (!done?.date) continue;
    const evidence = sortEvidence(planned.evidence);
    entries.push({ date: done.date, approximate: 'before', text: `Planned: ${evidence[0]?.sentence ?? describeEvent(planned)}`, documentIds: planned.documentIds, evidence });
  }
  for (const g of groups) {
    const dated = groupEventDate(g);
    // A plan reported done elsewhere: it came before the date it was carried out.
    if (g.development && dated) {
      const planned = g.claims.filter((c) => c.modality === 'planned');
      entries.push({ date: dated.date, approximate: 'before', text: `Planned: ${planned[0]!.text}`, documentIds: [...new Set(planned.map((c) => c.documentId))].sort(), evidence: sortEvidence(planned.map((c) => c.evidence)) });
    }
  }
  for (const doc of documents) {
    for (const embed of doc.embeds) {
      if (!embed.date || embed.kind !== 'social-post') continue;
      const who = embed.author ? `${embed.author}${embed.handle ? ` (@${embed.handle})` : ''}` : 'A post';
      entries.push({ date: embed.date, text: `${who} posted: ${embed.text || '(no text)'}`, documentIds: [doc.id], evidence: [] as Evidence[] });
    }
  }
  const seen = new Set<string>();
  const unique = entries.filter((e) => {
    const key = `${e.date}|${e.approximate ?? ''}|${e.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ranked = unique.sort((a, b) => b.documentIds.length - a.documentIds.length).slice(0, opts.maxEntries);
  return ranked.sort((a, b) => a.date.localeCompare(b.date) || (a.approximate ? 0 : 1) - (b.approximate ? 0 : 1) || a.text.localeCompare(b.text));
}
