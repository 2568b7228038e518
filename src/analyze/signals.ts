// Per-document signals: staleness (days between publication and the newest event the article's lead
// narrates as news, dated through the claims other articles share with it; unknown when only the
// article's own dates could tell), editorializing share, claims no other lineage supports, and
// completeness. It reads claim groups; it does not build them.
import type { AnnotatedDocument, ClaimGroup, DocumentSignals, Evidence, StoryEvent } from '../types.ts';
import { evidenceFor, sortEvidence } from './evidence.ts';

export interface SignalInput {
  docs: AnnotatedDocument[];
  groups: ClaimGroup[];
  /** Document id → sentence indices that judge rather than report. */
  opinions: Map<string, Set<number>>;
  lineageOf: Map<string, string>;
  /** Events merged across articles: an event dated by another article dates this one's telling of it. */
  events: StoryEvent[];
}

const DAY_MS = 86_400_000;

/**
 * The date a group's event happened on: the earliest date its articles give it. When judging the
 * staleness of `forDocument`, its own relative dates are left out: "on Monday" resolved against its
 * own publication date always looks fresh, whatever Monday the original meant. With `precision`, only
 * dates known to that precision count.
 */
export function groupEventDate(group: ClaimGroup, forDocument?: string, precision?: 'day'): { date: string; evidence: Evidence } | undefined {
  let best: { date: string; evidence: Evidence } | undefined;
  for (const claim of group.claims) {
    if (claim.modality !== 'happened') continue;
    for (const ref of claim.timeRefs) {
      if (ref.relative && claim.documentId === forDocument) continue;
      if (precision && (ref.precision ?? 'day') !== precision) continue;
      if (!best || ref.date < best.date) best = { date: ref.date, evidence: claim.evidence };
    }
  }
  return best;
}

export function computeSignals(input: SignalInput): Record<string, DocumentSignals> {
  const signals: Record<string, DocumentSignals> = {};
  const corroboratedCount = input.groups.filter((g) => g.status !== 'single-source').length;
  // Groups and events indexed by the documents they hold, so each document reads only its own.
  const groupsOf = indexBy(input.groups, (g) => g.documentIds);
  const eventsOf = indexBy(input.events, (e) => [...new Set(e.evidence.map((x) => x.documentId))]);
  for (const doc of input.docs) {
    const id = doc.doc.id;
    const ownGroups = groupsOf.get(id) ?? [];
    const narrated = newestNarratedDate(doc, ownGroups, eventsOf.get(id) ?? []);
    const reference = doc.referenceDate?.date;
    // Stale only on evidence from outside the article: its own dates alone cannot tell news from background.
    const staleDays = reference && narrated && narrated.elsewhere ? Math.max(0, Math.round((Date.parse(reference.slice(0, 10)) - Date.parse(narrated.date)) / DAY_MS)) : null;
    const opinionSet = input.opinions.get(id) ?? new Set<number>();
    const editorializingEvidence = [...opinionSet].sort((a, b) => a - b).flatMap((i) => evidenceFor(doc, i) ?? []);
    const lineage = input.lineageOf.get(id);
    const unsupported = ownGroups.filter((g) => g.status === 'single-source' && g.documentIds.every((d) => input.lineageOf.get(d) === lineage)).length;
    signals[id] = {
      staleDays,
      ...(narrated ? { narratedDate: narrated.date } : {}),
      staleEvidence: narrated ? sortEvidence(narrated.evidence) : [],
      editorializing: doc.sentences.length ? round(opinionSet.size / doc.sentences.length) : 0,
      editorializingEvidence,
      unsupportedClaims: unsupported,
      completeness: corroboratedCount ? round(ownGroups.filter((g) => g.status !== 'single-source').length / corroboratedCount) : 0,
    };
  }
  return signals;
}

/** The sentences that open an article: where news says what happened. Dates further down are mostly background. */
const LEAD_SENTENCES = 3;

/**
 * The newest date among the events the article's lead narrates as having happened, and whether that
 * date was read outside the article (another article's telling of the same event, or a post it
 * embeds). Dates come from the groups its lead claims belong to (so a stale copy saying "on Monday"
 * is dated by the original's Monday), from its own dates written out to the day, and from the posts
 * it embeds. Its own relative dates ("on Monday", "last week") in claims no other article dates say
 * the news is recent: they count as the publication day. Years and months alone ("in 2008", "in
 * March") are background, not the date of the news.
 */
function newestNarratedDate(doc: AnnotatedDocument, groups: ClaimGroup[], events: StoryEvent[]): { date: string; evidence: Evidence[]; elsewhere: boolean } | undefined {
  const id = doc.doc.id;
  let newest: { date: string; evidence: Evidence[]; elsewhere: boolean } | undefined;
  const consider = (date: string, evidence: Evidence[], elsewhere: boolean): void => {
    if (!newest || date > newest.date || (date === newest.date && elsewhere && !newest.elsewhere)) newest = { date, evidence, elsewhere };
  };
  const published = doc.referenceDate?.date.slice(0, 10);
  for (const group of groups) {
    const own = group.claims.filter((c) => c.documentId === id && c.modality === 'happened' && c.sentenceIndex < LEAD_SENTENCES);
    if (own.length === 0) continue;
    const dated = groupEventDate(group, id, 'day');
    if (dated) consider(dated.date, [dated.evidence, ...own.map((c) => c.evidence)], dated.evidence.documentId !== id);
    const datedElsewhere = group.claims.some((c) => c.documentId !== id && c.modality === 'happened' && c.timeRefs.length > 0);
    if (published && !datedElsewhere && own.some((c) => c.timeRefs.some((r) => r.relative))) consider(published, own.map((c) => c.evidence), false);
  }
  for (const event of events) {
    const own = event.evidence.filter((e) => e.documentId === id && e.sentenceIndex < LEAD_SENTENCES);
    if (!event.date || event.modality !== 'happened' || own.length === 0 || !event.dateEvidence) continue;
    // Only a date read elsewhere (or written out in full here) can tell how old this article's news is.
    const ownRelative = event.dateEvidence.documentId === id && doc.times.some((t) => t.relative && t.start >= event.dateEvidence!.start && t.end <= event.dateEvidence!.end);
    if (!ownRelative) consider(event.date, [event.dateEvidence, ...own], event.dateEvidence.documentId !== id);
  }
  // An embedded post shows the article is at least as new as the post; it does not date the news.
  for (const embed of doc.doc.embeds) if (embed.date) consider(embed.date, [], false);
  return newest;
}

function indexBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
  }
  return index;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
