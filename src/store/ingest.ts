// The write path over a Store: extract → skip known texts → annotate → place in a story → store
// atomically, then re-analyse only the stories that changed. Used by `ingest`, `watch` and the API.
import { createHash } from 'node:crypto';
import { analyzeStory } from '../analyze/index.ts';
import { annotateDocument } from '../annotate/index.ts';
import { createStoryClusterer, fromAnnotated, toClusterInput, type ClusterOptions, type StoryClusterer } from '../cluster/index.ts';
import { toInputError } from '../errors.ts';
import { extractDocuments } from '../extract/index.ts';
import type { AnnotatedDocument, Document, InputError, RawInput, StoryAnalysis } from '../types.ts';
import type { Store } from './store.ts';

export interface IngestOptions {
  /** Articles replayed into the clusterer on open (most recent first), so new ones can join old stories. */
  replayLimit: number;
  /** Keep annotations beside each article, so re-analysis need not annotate again. */
  storeAnnotations: boolean;
  cluster: Partial<ClusterOptions>;
  /** The story analysis; injectable for tests. */
  analyze: (story: StoryAnalysis['story'], docs: AnnotatedDocument[]) => StoryAnalysis;
}

export const INGEST_DEFAULTS: IngestOptions = {
  replayLimit: 20_000,
  storeAnnotations: true,
  cluster: {},
  analyze: (story, docs) => analyzeStory(story, docs),
};

export type DocumentOutcome =
  | { status: 'added'; id: string; storyId: string; origin: string }
  | { status: 'duplicate'; id: string; duplicateOf: string; origin: string };

export interface IngestResult {
  documents: DocumentOutcome[];
  errors: InputError[];
}

/**
 * An ingest session over a store. Calls are serialised: one article is placed at a time.
 * @example const ingestor = await Ingestor.open(store); await ingestor.addRaw(raw); await ingestor.reanalyze();
 */
export class Ingestor {
  readonly #store: Store;
  readonly #opts: IngestOptions;
  readonly #clusterer: StoryClusterer;
  /** Clusterer story id → stored story id. */
  readonly #storyOf = new Map<string, string>();
  /** Replayed article id → its stored story, during `open` only. */
  readonly #replayed = new Map<string, string>();
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(store: Store, opts: IngestOptions) {
    this.#store = store;
    this.#opts = opts;
    // Consolidation runs after each batch here, so that every merge or split reaches the store. The
    // store holds every story; the clusterer need not keep the ones that close (onClose drops them), so
    // a long-running ingest holds only the active window.
    this.#clusterer = createStoryClusterer({ ...opts.cluster, consolidateEvery: 0, onClose: () => undefined });
  }

  /** Open a session: replays the most recent stored articles so that new ones can join their stories. */
  static async open(store: Store, options: Partial<IngestOptions> = {}): Promise<Ingestor> {
    const ingestor = new Ingestor(store, { ...INGEST_DEFAULTS, ...options });
    await ingestor.#replay();
    return ingestor;
  }

  async #replay(): Promise<void> {
    // Only the most recent articles: older stories have left the clusterer's active set anyway.
    let after = Math.max(0, (await this.#store.maxSeq()) - this.#opts.replayLimit);
    for (;;) {
      const page = await this.#store.listDocuments(after, 500, true);
      if (page.length === 0) break;
      for (const stored of page) {
        after = stored.seq;
        if (!stored.storyId) continue;
        const input = stored.annotated ? fromAnnotated(stored.annotated) : toClusterInput(stored.document);
        const placed = this.#clusterer.add(input);
        if (!this.#storyOf.has(placed.storyId)) this.#storyOf.set(placed.storyId, stored.storyId);
        this.#replayed.set(stored.document.id, stored.storyId);
      }
    }
    // The replay only rebuilds the clusterer's view; the store keeps its stories as they are.
    for (const change of this.#clusterer.consolidate()) {
      const first = change.documentIds[0];
      if (change.kind === 'split' && first && this.#replayed.has(first)) this.#storyOf.set(change.into, this.#replayed.get(first)!);
    }
    this.#replayed.clear();
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Extract and store every article of one input; a bad input or record is returned, not thrown. */
  addRaw(raw: RawInput): Promise<IngestResult> {
    return this.#serial(async () => {
      let extracted;
      try {
        extracted = extractDocuments(raw);
      } catch (error) {
        const e = toInputError(raw.origin, error);
        await this.#store.recordError(e);
        return { documents: [], errors: [e] };
      }
      for (const e of extracted.errors) await this.#store.recordError(e);
      const documents: DocumentOutcome[] = [];
      for (const doc of extracted.documents) documents.push(await this.#place(doc));
      await this.#consolidate();
      return { documents, errors: extracted.errors };
    });
  }

  /** Store Documents already extracted. */
  addDocuments(docs: Document[]): Promise<DocumentOutcome[]> {
    return this.#serial(async () => {
      const out: DocumentOutcome[] = [];
      for (const doc of docs) out.push(await this.#place(doc));
      await this.#consolidate();
      return out;
    });
  }

  async #place(input: Document): Promise<DocumentOutcome> {
    let doc = input;
    const known = await this.#store.findByHash(doc.contentHash);
    if (known) return { status: 'duplicate', id: doc.id, duplicateOf: known, origin: doc.origin };
    // Take the id the store will give (it renames a clashing id by hash), so the clusterer knows it too.
    if ((await this.#store.getDocuments([doc.id])).length > 0) doc = { ...doc, id: `${doc.id}-${doc.contentHash.slice(0, 8)}` };
    const annotated = annotateDocument(doc);
    const placed = this.#clusterer.add(fromAnnotated(annotated));
    const clusterId = placed.storyId;
    const storyId = this.#storyOf.get(clusterId) ?? `s-${doc.contentHash.slice(0, 12)}`;
    const result = await this.#store.addDocument({
      document: doc,
      ...(this.#opts.storeAnnotations ? { annotated } : {}),
      assignment: { ...placed, storyId },
      storyTitle: doc.title?.trim() || leadOf(doc.text),
    });
    if (result.status === 'duplicate') return { status: 'duplicate', id: doc.id, duplicateOf: result.duplicateOf, origin: doc.origin };
    this.#storyOf.set(clusterId, storyId);
    return { status: 'added', id: result.id, storyId, origin: doc.origin };
  }

  /** Apply the clusterer's merges and splits to the store: the articles named move between stories. */
  async #consolidate(): Promise<void> {
    for (const change of this.#clusterer.consolidate()) {
      const fromId = this.#storyOf.get(change.from);
      let intoId = this.#storyOf.get(change.into);
      if (!intoId) {
        intoId = `s-${createHash('sha256').update(change.documentIds.join('\n')).digest('hex').slice(0, 12)}`;
        this.#storyOf.set(change.into, intoId);
      }
      if (fromId === intoId || change.documentIds.length === 0) continue;
      await this.#store.moveDocuments(change.documentIds, intoId);
    }
  }

  /**
   * Re-analyse stale stories (articles joined since their last analysis), oldest change first.
   * Safe to interrupt: a story stays stale until its analysis is saved.
   */
  reanalyze(options: { limit?: number; onStory?: (id: string, done: number, total: number) => void } = {}): Promise<string[]> {
    return this.#serial(() => reanalyzeStale(this.#store, this.#opts, options));
  }
}

/** Re-analyse the store's stale stories without an ingest session (used by `serve` on start). */
export async function reanalyzeStale(
  store: Store,
  options: Partial<IngestOptions> = {},
  progress: { limit?: number; onStory?: (id: string, done: number, total: number) => void } = {},
): Promise<string[]> {
  const opts = { ...INGEST_DEFAULTS, ...options };
  const stale = await store.staleStories(progress.limit ?? Number.MAX_SAFE_INTEGER);
  const done: string[] = [];
  for (const { id, revision } of stale) {
    const story = await store.getStory(id);
    if (!story) continue;
    const stored = await store.getDocuments(story.documentIds, true);
    const annotated = stored.map((s) => s.annotated ?? annotateDocument(s.document));
    const dates = stored.flatMap((s) => (s.document.publishedAt ? [s.document.publishedAt] : [])).sort();
    const analysis = opts.analyze(
      { id, title: story.title, documentIds: story.documentIds, ...(dates.length ? { timeSpan: { start: dates[0], end: dates[dates.length - 1] } } : {}) },
      annotated,
    );
    await store.saveAnalysis(analysis, revision);
    done.push(id);
    progress.onStory?.(id, done.length, stale.length);
  }
  return done;
}

export const STORY_TITLE_WORDS = 14;

/** The first words of an untitled article, as a provisional story title. */
export function leadOf(text: string, words = STORY_TITLE_WORDS): string {
  const first = text.trim().split(/(?<=[.!?])\s+/)[0] ?? '';
  const list = first.split(/\s+/);
  return list.length <= words ? first : `${list.slice(0, words).join(' ')}…`;
}
