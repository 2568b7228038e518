// The JSON report, contract version 1: maps an Analysis to a plain, stable-keyed object and prints it.
// It neither re-analyses nor re-sorts findings; the order is the analysis's own, fields are only added.
import { z } from 'zod';
import type {
  Analysis,
  ClaimGroup,
  Document,
  DocumentSignals,
  Entity,
  Evidence,
  Lineage,
  ProvenanceEdge,
  StoryAnalysis,
  StoryEvent,
  SummarySentence,
  TimelineEntry,
} from '../types.ts';

/** Bumped only when a field changes meaning or disappears; adding a field keeps the version. */
export const REPORT_VERSION = 1;

/** Ratios and similarities are rounded so that reports diff cleanly across machines. */
const RATIO_DIGITS = 3;

// ─── schema (the contract) ─────────────────────────────────────────────────────────────────

const evidenceSchema = z.object({
  documentId: z.string(),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  sentenceIndex: z.number().int().nonnegative(),
});

const modalitySchema = z.enum(['happened', 'planned', 'possible', 'denied']);

const signalsSchema = z.object({
  staleDays: z.number().int().nullable(),
  narratedDate: z.string().nullable(),
  staleEvidence: z.array(evidenceSchema),
  editorializing: z.number().min(0).max(1),
  editorializingSentences: z.array(evidenceSchema),
  unsupportedClaims: z.number().int().nonnegative(),
  completeness: z.number().min(0).max(1),
});

const documentSchema = z.object({
  id: z.string(),
  storyId: z.string().nullable(),
  origin: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  dateSource: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  embeds: z.array(
    z.object({
      kind: z.enum(['social-post', 'link', 'quote']),
      text: z.string(),
      author: z.string().nullable(),
      handle: z.string().nullable(),
      date: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
  contentHash: z.string(),
  messages: z.array(z.object({ code: z.string(), message: z.string() })),
  signals: signalsSchema.nullable(),
});

const claimSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['corroborated', 'conflicting', 'single-source']),
  independentSources: z.number().int().nonnegative(),
  documentIds: z.array(z.string()),
  evidence: z.array(evidenceSchema),
  conflict: z
    .object({
      slot: z.string(),
      values: z.array(z.object({ value: z.string(), documentIds: z.array(z.string()), evidence: z.array(evidenceSchema) })),
    })
    .optional(),
  development: z.object({ from: modalitySchema, to: modalitySchema }).optional(),
  addedBy: z.object({ documentId: z.string(), source: z.string(), quoted: z.boolean() }).optional(),
});

const storySchema = z.object({
  id: z.string(),
  title: z.string(),
  documentIds: z.array(z.string()),
  timeSpan: z.object({ start: z.string().nullable(), end: z.string().nullable() }).nullable(),
  entities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(['person', 'organization', 'place', 'group']),
      aliases: z.array(z.string()),
      titles: z.array(z.string()),
      documentIds: z.array(z.string()),
      mentionCount: z.number().int().nonnegative(),
    }),
  ),
  claims: z.array(claimSchema),
  events: z.array(
    z.object({
      actor: z.string(),
      action: z.string(),
      target: z.string().nullable(),
      date: z.string().nullable(),
      place: z.string().nullable(),
      modality: modalitySchema,
      according: z.array(z.string()),
      documentIds: z.array(z.string()),
      evidence: z.array(evidenceSchema),
      dateEvidence: evidenceSchema.nullable(),
    }),
  ),
  provenance: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      relation: z.enum(['copy', 'rewrite', 'independent']),
      similarity: z.number(),
      sharedPassages: z.array(
        z.object({ fromStart: z.number().int(), fromEnd: z.number().int(), toStart: z.number().int(), toEnd: z.number().int(), similarity: z.number() }),
      ),
    }),
  ),
  lineages: z.array(
    z.object({ id: z.string(), documentIds: z.array(z.string()), earliest: z.string().nullable(), mostComplete: z.string().nullable() }),
  ),
  timeline: z.array(
    z.object({
      date: z.string(),
      approximate: z.literal('before').nullable(),
      text: z.string(),
      documentIds: z.array(z.string()),
      evidence: z.array(evidenceSchema),
    }),
  ),
  summary: z.array(
    z.object({
      text: z.string(),
      kind: z.enum(['corroborated', 'disputed', 'single-source']),
      documentIds: z.array(z.string()),
      evidence: z.array(evidenceSchema),
    }),
  ),
});

/** The JSON report, version 1. `docs/report-json.md` explains every field. */
export const reportV1Schema = z.object({
  version: z.literal(REPORT_VERSION),
  documents: z.array(documentSchema),
  stories: z.array(storySchema),
  duplicates: z.array(z.object({ id: z.string(), origin: z.string(), duplicateOf: z.string() })),
  errors: z.array(z.object({ origin: z.string(), code: z.string(), message: z.string() })),
});

export type ReportV1 = z.infer<typeof reportV1Schema>;
export type ReportDocument = ReportV1['documents'][number];
export type ReportStory = ReportV1['stories'][number];
export type ReportClaim = ReportStory['claims'][number];
export type ReportEvidence = z.infer<typeof evidenceSchema>;

// ─── mapping ───────────────────────────────────────────────────────────────────────────────

/**
 * The report object for an Analysis. Keys are built in the contract's order, so serialising it
 * gives the same bytes for the same analysis.
 * @example const report = toReportV1(analysis); report.stories[0]?.claims.filter((c) => c.status === 'conflicting')
 */
export function toReportV1(analysis: Analysis): ReportV1 {
  const storyOf = new Map<string, StoryAnalysis>();
  for (const s of analysis.stories) for (const id of s.story.documentIds) if (!storyOf.has(id)) storyOf.set(id, s);
  return {
    version: REPORT_VERSION,
    documents: analysis.documents.map((d) => documentOut(d, storyOf.get(d.id))),
    stories: analysis.stories.map(storyOut),
    duplicates: analysis.duplicates.map((d) => ({ id: d.id, origin: d.origin, duplicateOf: d.duplicateOf })),
    errors: analysis.errors.map((e) => ({ origin: e.origin, code: e.code, message: e.message })),
  };
}

/** The JSON report as printed by `crosscheck analyze --format json`: two-space indent, final newline. */
export function renderJson(analysis: Analysis): string {
  return `${JSON.stringify(toReportV1(analysis), null, 2)}\n`;
}

function documentOut(d: Document, story: StoryAnalysis | undefined): ReportDocument {
  const signals = story?.signals[d.id];
  return {
    id: d.id,
    storyId: story?.story.id ?? null,
    origin: d.origin,
    title: d.title ?? null,
    outlet: d.outlet ?? null,
    author: d.author ?? null,
    publishedAt: d.publishedAt ?? null,
    dateSource: d.dateSource ?? null,
    url: d.url ?? null,
    language: d.language ?? null,
    embeds: d.embeds.map((e) => ({
      kind: e.kind,
      text: e.text,
      author: e.author ?? null,
      handle: e.handle ?? null,
      date: e.date ?? null,
      url: e.url ?? null,
    })),
    contentHash: d.contentHash,
    messages: d.messages.map((m) => ({ code: m.code, message: m.message })),
    signals: signals ? signalsOut(signals) : null,
  };
}

function signalsOut(s: DocumentSignals): NonNullable<ReportDocument['signals']> {
  return {
    staleDays: s.staleDays,
    narratedDate: s.narratedDate ?? null,
    staleEvidence: s.staleEvidence.map(evidenceOut),
    editorializing: round(s.editorializing),
    editorializingSentences: s.editorializingEvidence.map(evidenceOut),
    unsupportedClaims: s.unsupportedClaims,
    completeness: round(s.completeness),
  };
}

function storyOut(s: StoryAnalysis): ReportStory {
  const span = s.story.timeSpan;
  return {
    id: s.story.id,
    title: s.story.title,
    documentIds: [...s.story.documentIds],
    timeSpan: span ? { start: span.start ?? null, end: span.end ?? null } : null,
    entities: s.entities.map(entityOut),
    claims: s.claims.map(claimOut),
    events: s.events.map(eventOut),
    provenance: s.provenance.map(edgeOut),
    lineages: s.lineages.map(lineageOut),
    timeline: s.timeline.map(timelineOut),
    summary: s.summary.map(summaryOut),
  };
}

function entityOut(e: Entity): ReportStory['entities'][number] {
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: [...e.aliases],
    titles: [...e.titles],
    documentIds: [...e.documentIds],
    mentionCount: e.mentionCount,
  };
}

function claimOut(g: ClaimGroup): ReportClaim {
  const out: ReportClaim = {
    id: g.id,
    text: g.text,
    status: g.status,
    independentSources: g.independentSources,
    documentIds: [...g.documentIds],
    evidence: g.evidence.map(evidenceOut),
  };
  if (g.conflict) {
    out.conflict = {
      slot: g.conflict.slot,
      values: g.conflict.values.map((v) => ({ value: v.value, documentIds: [...v.documentIds], evidence: v.evidence.map(evidenceOut) })),
    };
  }
  if (g.development) out.development = { from: g.development.from, to: g.development.to };
  if (g.addedBy) out.addedBy = { documentId: g.addedBy.documentId, source: g.addedBy.source, quoted: g.addedBy.quoted };
  return out;
}

function eventOut(e: StoryEvent): ReportStory['events'][number] {
  return {
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    date: e.date ?? null,
    place: e.place ?? null,
    modality: e.modality,
    according: [...(e.according ?? [])],
    documentIds: [...e.documentIds],
    evidence: e.evidence.map(evidenceOut),
    dateEvidence: e.dateEvidence ? evidenceOut(e.dateEvidence) : null,
  };
}

function edgeOut(e: ProvenanceEdge): ReportStory['provenance'][number] {
  return {
    from: e.from,
    to: e.to,
    relation: e.relation,
    similarity: round(e.similarity),
    sharedPassages: e.sharedPassages.map((p) => ({
      fromStart: p.fromStart,
      fromEnd: p.fromEnd,
      toStart: p.toStart,
      toEnd: p.toEnd,
      similarity: round(p.similarity),
    })),
  };
}

function lineageOut(l: Lineage): ReportStory['lineages'][number] {
  return { id: l.id, documentIds: [...l.documentIds], earliest: l.earliest ?? null, mostComplete: l.mostComplete ?? null };
}

function timelineOut(t: TimelineEntry): ReportStory['timeline'][number] {
  return { date: t.date, approximate: t.approximate ?? null, text: t.text, documentIds: [...t.documentIds], evidence: t.evidence.map(evidenceOut) };
}

function summaryOut(s: SummarySentence): ReportStory['summary'][number] {
  return { text: s.text, kind: s.kind, documentIds: [...s.documentIds], evidence: s.evidence.map(evidenceOut) };
}

function evidenceOut(e: Evidence): ReportEvidence {
  return { documentId: e.documentId, sentence: e.sentence, start: e.start, end: e.end, sentenceIndex: e.sentenceIndex };
}

function round(x: number): number {
  const f = 10 ** RATIO_DIGITS;
  return Math.round(x * f) / f;
}
