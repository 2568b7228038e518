// The Store interface: what crosscheck persists (documents, annotations, story memberships, story
// analyses, lineages, rejected inputs) and how it is read back. No SQL here; see sqlite/ and postgres/.
import type { AnnotatedDocument, Document, InputError, StoryAnalysis, StoryAssignment } from '../types.ts';

/** The schema version this build writes. Older stores are migrated on open; newer ones are refused. */
export const SCHEMA_VERSION = 2;

/** A stored article with what the store knows about it. */
export interface StoredDocument {
  document: Document;
  /** The linguistic layers, when they were stored with the article. */
  annotated?: AnnotatedDocument;
  storyId?: string;
  /** When this store first received the article, ISO date-time. */
  ingestedAt: string;
  /** Insertion order, for stable paging. */
  seq: number;
}

/** One article to store, with the story it joins. Stored atomically: all of it or nothing. */
export interface NewDocument {
  document: Document;
  annotated?: AnnotatedDocument;
  /** The story the article joins; the story is created when new and marked for re-analysis. */
  assignment?: StoryAssignment;
  /** Title for a story this article opens (defaults to the article's title). */
  storyTitle?: string;
}

export type AddResult =
  | { status: 'added'; id: string; storyId?: string }
  /** The same text was stored before (same content hash): nothing changed. */
  | { status: 'duplicate'; id: string; duplicateOf: string };

export type StorySort = 'updated' | 'conflicts' | 'size';

export interface StoryQuery {
  /** Full-text search over the stories' articles and titles. */
  q?: string;
  sort?: StorySort;
  limit?: number;
  offset?: number;
}

/** One line of the story list. */
export interface StorySummary {
  id: string;
  title: string;
  documentCount: number;
  /** Lineages in the latest analysis (independent sources); null until analysed. */
  independentSources: number | null;
  conflicts: number | null;
  claims: number | null;
  /** Earliest and latest publication dates of its articles. */
  firstPublished?: string;
  lastPublished?: string;
  /** When an article last joined the story, ISO date-time. */
  updatedAt: string;
  analyzedAt?: string;
  /** True when articles joined after the latest analysis. */
  stale: boolean;
}

export interface StoredStory extends StorySummary {
  documentIds: string[];
  /** Increases each time an article joins; an analysis is current when made at this revision. */
  revision: number;
  analysis?: StoryAnalysis;
}

export interface StoryPage {
  total: number;
  items: StorySummary[];
}

export interface DocumentHit {
  id: string;
  title?: string;
  storyId?: string;
  /** A short excerpt around the match, plain text. */
  snippet: string;
}

export interface StoredError extends InputError {
  at: string;
}

export interface StoreStats {
  schemaVersion: number;
  documents: number;
  stories: number;
  staleStories: number;
}

/** Where crosscheck keeps every stage's output. Every method may be called concurrently by several processes. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  stats(): Promise<StoreStats>;

  /** Store an article (and its story membership) unless the same text is already stored. */
  addDocument(item: NewDocument): Promise<AddResult>;
  /** The stored article with this content hash, if any. */
  findByHash(contentHash: string): Promise<string | undefined>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  /** The articles with these ids, in the order given (missing ids are left out); annotations only when asked. */
  getDocuments(ids: string[], withAnnotations?: boolean): Promise<StoredDocument[]>;
  /** The insertion number of the latest article (0 when empty). */
  maxSeq(): Promise<number>;
  /** Articles in insertion order after `afterSeq`, for exports and re-clustering; annotations only when asked. */
  listDocuments(afterSeq: number, limit: number, withAnnotations?: boolean): Promise<StoredDocument[]>;
  searchDocuments(q: string, limit: number): Promise<DocumentHit[]>;

  /** Move articles to another story (when the clusterer merges stories); both are marked for re-analysis. */
  moveDocuments(documentIds: string[], storyId: string, title?: string): Promise<void>;
  getStory(id: string): Promise<StoredStory | undefined>;
  /** The story's list line and revision only: cheap, for cache checks. */
  getStoryMeta(id: string): Promise<(StorySummary & { revision: number }) | undefined>;
  listStories(query?: StoryQuery): Promise<StoryPage>;
  /** Stories whose articles changed since their last analysis, oldest change first. */
  staleStories(limit: number): Promise<{ id: string; revision: number }[]>;
  /**
   * Save a story's analysis made from the story at `revision`. Its lineages and counts are kept
   * beside it; the story stays stale when articles joined meanwhile (another process's ingest).
   */
  saveAnalysis(analysis: StoryAnalysis, revision: number): Promise<{ current: boolean }>;

  recordError(error: InputError): Promise<void>;
  listErrors(limit: number): Promise<StoredError[]>;

  /** Small named values an ingest keeps between runs (clusterer state), as JSON. */
  getState<T>(key: string): Promise<T | undefined>;
  setState(key: string, value: unknown): Promise<void>;

  close(): Promise<void>;
}

export const STORY_QUERY_DEFAULTS = { sort: 'updated' as StorySort, limit: 50, offset: 0, maxLimit: 500 };

/** Normalise a query's paging to its defaults and bounds. */
export function storyQueryWithDefaults(query: StoryQuery = {}): Required<Omit<StoryQuery, 'q'>> & { q?: string } {
  const limit = Math.max(1, Math.min(STORY_QUERY_DEFAULTS.maxLimit, Math.floor(query.limit ?? STORY_QUERY_DEFAULTS.limit)));
  const offset = Math.max(0, Math.floor(query.offset ?? STORY_QUERY_DEFAULTS.offset));
  const q = query.q?.trim() ? query.q.trim() : undefined;
  return { q, sort: query.sort ?? STORY_QUERY_DEFAULTS.sort, limit, offset };
}

/** Counts kept beside an analysis so the story list needs no JSON parsing. */
export function analysisCounts(analysis: StoryAnalysis): { independentSources: number; conflicts: number; claims: number } {
  return {
    independentSources: Math.max(analysis.lineages.length, analysis.story.documentIds.length > 0 ? 1 : 0),
    conflicts: analysis.claims.filter((c) => c.status === 'conflicting').length,
    claims: analysis.claims.length,
  };
}

/** Turn a user's search words into a safe FTS5 / tsquery-neutral list of terms (letters and digits only). */
export function searchTerms(q: string, max = 8): string[] {
  return (q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, max);
}
