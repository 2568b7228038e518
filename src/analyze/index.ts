// The analysis pipeline after extraction: annotate every document, drop exact duplicates, group the
// articles into stories, and analyse each story (entities, claims, lineages, conflicts, what copies
// and rewrites added, signals, events, timeline, summary). Pure and deterministic; reading inputs and
// printing happen elsewhere.
import { annotateDocument, isAnalysedLanguage } from '../annotate/index.ts';
import { clusterStories, fromAnnotated, type ClusterOptions } from '../cluster/index.ts';
import type { Analysis, AnnotatedDocument, Claim, ClaimGroup, Document, InputError, Lineage, Story, StoryAnalysis } from '../types.ts';
import { extractClaims } from './claims.ts';
import { judgeSentence } from './editorializing.ts';
import { resolveEntities } from './entities.ts';
import { type EventInput, extractEvents } from './events.ts';
import { type GroupOptions, groupClaims } from './groups.ts';
import { type MatchOptions, buildVectors, similarPairs } from './match.ts';
import { type ProvenanceOptions, findProvenance } from './provenance.ts';
import { computeSignals } from './signals.ts';
import { summarize } from './summary.ts';
import { buildTimeline } from './timeline.ts';

export interface AnalyzeOptions {
  /** Told how far the long stages are: ('annotate' | 'analyze', done, total). */
  onProgress?: (stage: 'annotate' | 'analyze', done: number, total: number) => void;
  match: Partial<MatchOptions>;
  provenance: Partial<ProvenanceOptions>;
  groups: Partial<GroupOptions>;
  cluster: Partial<ClusterOptions>;
}

/**
 * Analyse documents end to end. Documents with the same content are kept once (reported in
 * `duplicates`); clashing ids get a numeric suffix and a message.
 * @example const analysis = analyzeDocuments(docs); analysis.stories[0]?.claims
 */
export function analyzeDocuments(documents: Document[], errors: InputError[] = [], options: Partial<AnalyzeOptions> = {}): Analysis {
  const { unique, duplicates } = dropDuplicates(documents);
  const annotated = unique.map((doc, i) => {
    options.onProgress?.('annotate', i + 1, unique.length);
    return annotateDocument(doc);
  });
  const { stories } = clusterStories(annotated.map(fromAnnotated), options.cluster);
  const byId = new Map(annotated.map((a) => [a.doc.id, a]));
  const analyses = stories
    .map((story, i) => {
      options.onProgress?.('analyze', i + 1, stories.length);
      return analyzeStory(story, story.documentIds.map((id) => byId.get(id)!), options);
    })
    // Biggest stories first, then the ones with most disagreement.
    .sort((a, b) => b.story.documentIds.length - a.story.documentIds.length || conflicts(b) - conflicts(a) || a.story.id.localeCompare(b.story.id));
  return { documents: unique, annotated, stories: analyses, errors, duplicates };
}

/** Analyse one story from its annotated documents. */
export function analyzeStory(story: Story, docs: AnnotatedDocument[], options: Partial<AnalyzeOptions> = {}): StoryAnalysis {
  const { entities, mentionEntity } = resolveEntities(docs);
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const opinions = new Map(docs.map((d) => [d.doc.id, new Set(isAnalysedLanguage(d.doc) ? d.sentences.filter((s) => judgeSentence(s).judges).map((s) => s.index) : [])]));
  const claims = docs.filter((d) => isAnalysedLanguage(d.doc)).flatMap((doc) => extractClaims({ doc, mentionEntity, entities: entityById, opinionSentences: opinions.get(doc.doc.id)! }));
  const docById = new Map(docs.map((d) => [d.doc.id, d]));
  const sentenceOf = (c: Claim) => docById.get(c.documentId)?.sentences[c.sentenceIndex];
  const vectors = buildVectors(claims, sentenceOf, options.match);
  const pairs = similarPairs(vectors, { ...options.match, minScore: Math.min(options.match?.minScore ?? 0.25, 0.1) });
  const provenance = findProvenance(docs, vectors, pairs, options.provenance);
  const personIds = new Set(entities.filter((e) => e.type === 'person').map((e) => e.id));
  const groups = markAdditions(groupClaims(vectors, pairs, provenance.lineageOf, options.groups, provenance.carriedOver, personIds), provenance.lineages, docById);

  const eventInputs: EventInput[] = claims.map((claim) => {
    const doc = docById.get(claim.documentId)!;
    const mentions = doc.mentions.flatMap((m, i) => {
      const id = mentionEntity.get(`${doc.doc.id}#${i}`);
      const entity = id ? entityById.get(id) : undefined;
      return m.sentence === claim.sentenceIndex && entity ? [{ name: entity.name, type: entity.type, start: m.start }] : [];
    });
    const tokens = doc.sentences[claim.sentenceIndex]!.tokens.map((t) => ({ lemma: t.lemma, start: t.start }));
    const times = doc.times.filter((t) => t.sentence === claim.sentenceIndex && t.date).map((t) => ({ date: t.date!.slice(0, 10), start: t.start }));
    const quotes = doc.quotes.filter((q) => q.sentence === claim.sentenceIndex && !q.scare).map((q) => ({ start: q.start, end: q.end }));
    return { claim, mentions, tokens, times, quotes, ...(doc.referenceDate ? { referenceDate: doc.referenceDate.date } : {}) };
  });
  const events = extractEvents(eventInputs);
  const signals = computeSignals({ docs, groups, opinions, lineageOf: provenance.lineageOf, events });
  return {
    story,
    entities,
    claims: groups,
    events,
    provenance: provenance.edges,
    lineages: provenance.lineages,
    timeline: buildTimeline(events, groups, docs.map((d) => d.doc)),
    summary: summarize(groups),
    signals,
  };
}

/**
 * Single-source claims that one article of a lineage states and the lineage's earliest article does
 * not: what a copy or rewrite added. Those that put quoted words in someone's mouth (a quotation with
 * a speaker, or a verb of saying, calling or accusing) come first among
 * the single-source claims. Lineages whose articles are not all dated have no earliest, so nothing is
 * called an addition there.
 */
/** Verbs that put words in someone's mouth: saying, and calling or accusing ("accused X of being the 'Great Satan'"). */
const VOICING = new Set(['say', 'tell', 'state', 'add', 'claim', 'write', 'warn', 'declare', 'insist', 'stress', 'describe', 'call', 'accuse', 'brand', 'label', 'dub', 'term', 'quote', 'vow', 'threaten', 'urge']);

function markAdditions(groups: ClaimGroup[], lineages: Lineage[], docById: Map<string, AnnotatedDocument>): ClaimGroup[] {
  const sourceOf = new Map<string, string>();
  for (const l of lineages) if (l.earliest && l.documentIds.length >= 2) for (const id of l.documentIds) if (id !== l.earliest) sourceOf.set(id, l.earliest);
  const marked = groups.map((g) => {
    const only = g.documentIds.length === 1 ? g.documentIds[0]! : undefined;
    const source = only ? sourceOf.get(only) : undefined;
    if (g.status !== 'single-source' || !only || !source) return g;
    const quoted = g.claims.some((c) => {
      const doc = docById.get(c.documentId);
      const voiced = (doc?.sentences[c.sentenceIndex]?.tokens ?? []).some((t) => t.pos === 'VERB' && VOICING.has(t.lemma));
      return (doc?.quotes ?? []).some((q) => q.sentence === c.sentenceIndex && (q.speaker || c.attribution || voiced));
    });
    return { ...g, addedBy: { documentId: only, source, quoted } };
  });
  const rank = (g: ClaimGroup): number => (g.status !== 'single-source' ? 0 : g.addedBy?.quoted ? 1 : 2);
  return marked.map((g, i) => [g, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([g]) => g);
}

function conflicts(s: StoryAnalysis): number {
  return s.claims.filter((c) => c.status === 'conflicting').length;
}

/** Keep the first of documents with equal content; make ids unique. */
export function dropDuplicates(documents: Document[]): { unique: Document[]; duplicates: Analysis['duplicates'] } {
  const byHash = new Map<string, Document>();
  const ids = new Set<string>();
  const unique: Document[] = [];
  const duplicates: Analysis['duplicates'] = [];
  for (const doc of documents) {
    const kept = byHash.get(doc.contentHash);
    if (kept) {
      duplicates.push({ id: doc.id, origin: doc.origin, duplicateOf: kept.id });
      continue;
    }
    let id = doc.id;
    for (let n = 2; ids.has(id); n++) id = `${doc.id}-${n}`;
    const renamed = id === doc.id ? doc : { ...doc, id, messages: [...doc.messages, { code: 'INPUT_DUPLICATE_ID', message: `id "${doc.id}" was already used; this document is "${id}"` }] };
    ids.add(id);
    byHash.set(doc.contentHash, renamed);
    unique.push(renamed);
  }
  return { unique, duplicates };
}
