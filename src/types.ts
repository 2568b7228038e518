// The types that flow between crosscheck's stages: raw input → Document → AnnotatedDocument →
// Story → StoryAnalysis → Report. Pure type declarations; this file imports nothing of ours.

/** A recoverable problem attached to the record it concerns (fatal problems throw a CrosscheckError). */
export interface Message {
  code: string;
  message: string;
}

/** Character range [start, end) in a document's `text`. */
export interface Span {
  start: number;
  end: number;
}

// ─── ingest ────────────────────────────────────────────────────────────────────────────────

/** Bytes as read at the edge, with where they came from. Produced by `ingest`, consumed by `extract`. */
export interface RawInput {
  /** The path, URL or `-` as the user gave it (for a member of a container: `feed.xml#3`). */
  origin: string;
  /** File name or last URL segment, used for the default document id and to pick a reader. */
  name: string;
  bytes: Uint8Array;
  /** HTTP Content-Type or a container's declared type, when known. */
  contentType?: string;
  /** The article's URL when known (fetched URL, WARC target URI, feed item link). */
  url?: string;
  /** When the bytes were captured (WARC date, fetch time), ISO. Not a publication date. */
  capturedAt?: string;
  /** For a batch of a JSON Lines stream: the line of the whole input its first line is, so records keep their line numbers. */
  firstLine?: number;
  /** Fields already known from a container (feed item title/date, JSON record) that extraction may use. */
  hints?: Partial<Pick<Document, 'id' | 'title' | 'publishedAt' | 'dateSource' | 'author' | 'outlet' | 'url'>>;
}

// ─── extract ───────────────────────────────────────────────────────────────────────────────

export type DateSource =
  | 'date-line'
  | 'json-field'
  | 'json-ld'
  | 'meta'
  | 'time-element'
  | 'url'
  | 'visible-text'
  | 'feed'
  | 'http-header'
  | 'warc';

/** Something the article quotes or links but that is not its own text (a social post, a link). */
export interface Embed {
  kind: 'social-post' | 'link' | 'quote';
  text: string;
  author?: string;
  handle?: string;
  /** ISO date of the embedded item, when it states one. */
  date?: string;
  url?: string;
  /** Where the embed stood in the original input (line number for text files). */
  line?: number;
}

/** One article: clean text plus metadata. The unit every later stage works on. */
export interface Document {
  /** The input's own id (JSON `id`), else the file name without extension; unique within a run. */
  id: string;
  /** SHA-256 of the normalised text (hex, first 16 chars): exact duplicates share it. */
  contentHash: string;
  origin: string;
  url?: string;
  outlet?: string;
  title?: string;
  /** Article text, paragraphs separated by a blank line. All offsets point into this string. */
  text: string;
  paragraphs: Span[];
  /** ISO date (YYYY-MM-DD) or date-time. */
  publishedAt?: string;
  dateSource?: DateSource;
  updatedAt?: string;
  author?: string;
  /** ISO 639-1 code, when detected. */
  language?: string;
  embeds: Embed[];
  /** Fields of the input that crosscheck does not interpret, kept as they came. */
  extra?: Record<string, unknown>;
  messages: Message[];
}

// ─── annotate ──────────────────────────────────────────────────────────────────────────────

export interface Token extends Span {
  text: string;
  /** Lower-cased lemma. */
  lemma: string;
  /** Universal POS tag from wink (NOUN, PROPN, VERB, NUM, ...). */
  pos: string;
  isStop: boolean;
}

export interface Sentence extends Span {
  index: number;
  text: string;
  paragraph: number;
  tokens: Token[];
}

export type EntityType = 'person' | 'organization' | 'place' | 'group';

export interface EntityMention extends Span {
  /** Surface form as written ("Mahmud Abbas", "Abbas", "the Palestinian President"). */
  text: string;
  /** The name without title ("Mahmud Abbas"); for a title-only mention, the title. */
  name: string;
  type: EntityType;
  sentence: number;
  /** Title or role written with the mention ("Palestinian President"). */
  title?: string;
  /** True when the mention is a title or role standing for a name ("the Kremlin aide"). */
  titleOnly?: boolean;
  /** False when no cue decided the type; the story may type it from other articles or drop it. */
  confident: boolean;
}

export type Qualifier = 'exact' | 'over' | 'at least' | 'under' | 'at most' | 'about' | 'nearly' | 'up to';

export interface NumberMention extends Span {
  text: string;
  value: number;
  qualifier: Qualifier;
  /** Unit when the number measures something ("km", "percent", "USD", "months", "days"). */
  unit?: string;
  /** Lemma of what is counted ("life", "people", "fighter"), when stated. */
  counted?: string;
  /** The counted phrase as written ("Israeli lives"). */
  countedText?: string;
  /** Both ends, when the figure is one end of a range ("35 to 40 firefighters", "between 10 and 15 people", "two or three rockets"). */
  range?: [number, number];
  /** The figure is the whole another figure is counted out of ("10 of the team's first 17 points": 17), not a count of its own. */
  whole?: true;
  sentence: number;
}

export interface TimeMention extends Span {
  text: string;
  sentence: number;
  kind: 'date' | 'duration';
  /** Resolved ISO date (YYYY-MM-DD) for a date; for a duration, the date it ends on when known. */
  date?: string;
  precision?: 'day' | 'month' | 'year';
  /** Relative expressions ("on Monday", "yesterday") were resolved against the publication date. */
  relative: boolean;
  /** A date written without its year ("at the end of July"): the year came from the publication date or another date of the article. */
  yearInferred?: boolean;
  /** Length in days, for durations ("ten days of bombing" → 10). */
  days?: number;
}

export interface Quote extends Span {
  /** Quoted words, without the quotation marks. */
  text: string;
  sentence: number;
  /** The speaker's name as written, when the sentence names one. */
  speaker?: string;
  /** Scare quotes: a short phrase ("resistance", "Great Satan") quoted for emphasis or distance, not a statement. */
  scare?: boolean;
}

/** A Document with the linguistic layers every analysis stage reads. */
export interface AnnotatedDocument {
  doc: Document;
  /**
   * The date relative expressions were resolved against: the publication date, else the newest
   * embedded post's date (an article cannot predate what it embeds), else none.
   */
  referenceDate?: { date: string; source: 'published' | 'embed' };
  sentences: Sentence[];
  mentions: EntityMention[];
  numbers: NumberMention[];
  times: TimeMention[];
  quotes: Quote[];
}

// ─── cluster ───────────────────────────────────────────────────────────────────────────────

/** Why an article joined a story: the features that decided, for `--explain`. */
export interface AssignmentReason {
  feature: string;
  value: number;
  weight?: number;
  detail?: string;
}

export interface StoryAssignment {
  documentId: string;
  storyId: string;
  /** Similarity to the story it joined (1 for the article that opened it). */
  score: number;
  /** Set when the article is a near-duplicate of an earlier one. */
  duplicateOf?: string;
  reasons: AssignmentReason[];
}

export interface Story {
  id: string;
  title: string;
  documentIds: string[];
  /** Earliest and latest publication dates of its articles, ISO. */
  timeSpan?: { start?: string; end?: string };
}

// ─── analyze ───────────────────────────────────────────────────────────────────────────────

/** Where a finding comes from: one sentence of one document. `sentence` is that sentence's text. */
export interface Evidence {
  documentId: string;
  sentence: string;
  sentenceIndex: number;
  start: number;
  end: number;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  titles: string[];
  documentIds: string[];
  mentionCount: number;
  evidence: Evidence[];
}

export type Modality = 'happened' | 'planned' | 'possible' | 'denied';

export interface Quantity {
  value: number;
  qualifier: Qualifier;
  unit?: string;
  counted?: string;
  text: string;
  /** Both ends, when the figure is one end of a range ("35 to 40 firefighters"): a figure within it agrees. */
  range?: [number, number];
  /** The whole another figure of the sentence is counted out of ("10 of the team's first 17 points": 17). */
  whole?: true;
  /** The person the figure is stated of, named just before it or as its clause's subject ("Miller is averaging 15.5 points"); entity id. */
  holder?: string;
  /** Stated of a "he" or "she" the sentence does not name ("He is 5-feet-8 inches tall, weighing 130 pounds"): maybe anyone's. */
  ofPronoun?: true;
  /** Content lemmas around the figure in its clause ("served", "federal", "prison"): what it is a figure of. */
  context?: string[];
}

/** A sentence-level statement reduced to slots. */
export interface Claim {
  id: string;
  documentId: string;
  sentenceIndex: number;
  text: string;
  evidence: Evidence;
  actor?: string;
  action?: string;
  target?: string;
  quantities: Quantity[];
  /** Resolved ISO dates the sentence refers to. */
  dates: string[];
  /** The same dates, each marked when it was resolved from a relative expression ("on Monday"). */
  timeRefs: { date: string; relative: boolean; precision?: 'day' | 'month' | 'year'; yearInferred?: boolean }[];
  place?: string;
  /** Who the sentence attributes the statement to ("the Kremlin", "Interfax"). */
  attribution?: string;
  modality: Modality;
  negated: boolean;
  /** The sentence judges rather than reports: used for provenance, not stated as a claim. */
  opinion: boolean;
  /** Canonical entity ids mentioned in the sentence. */
  entityIds: string[];
  /** Content lemmas, for alignment. */
  lemmas: string[];
}

export type ClaimStatus = 'corroborated' | 'conflicting' | 'single-source';

export interface ConflictValue {
  value: string;
  documentIds: string[];
  evidence: Evidence[];
}

export interface Conflict {
  /** Which slot disagrees: "count of life", "date", "actor", "place", "polarity". */
  slot: string;
  values: ConflictValue[];
}

/** Claims of several documents that state the same thing. */
export interface ClaimGroup {
  id: string;
  text: string;
  status: ClaimStatus;
  /** Number of lineages (not articles) that carry the claim. */
  independentSources: number;
  documentIds: string[];
  evidence: Evidence[];
  conflict?: Conflict;
  /** Claims that were planned in one article and reported done in a later one. */
  development?: { from: Modality; to: Modality };
  /**
   * Stated by one article only, which copies or rewrites `source` (the earliest article of its
   * lineage) without this claim: words the later article added. `quoted` when the sentence puts
   * quoted words in someone's mouth, the kind of addition to check first for a misattribution.
   */
  addedBy?: { documentId: string; source: string; quoted: boolean };
  claims: Claim[];
}

export interface SharedPassage {
  fromStart: number;
  fromEnd: number;
  toStart: number;
  toEnd: number;
  /** 1 for verbatim; lower for a paraphrased sentence pair. */
  similarity: number;
}

export type ProvenanceRelation = 'copy' | 'rewrite' | 'independent';

export interface ProvenanceEdge {
  /** The earlier (or more complete) article. */
  from: string;
  to: string;
  relation: ProvenanceRelation;
  similarity: number;
  sharedPassages: SharedPassage[];
}

export interface Lineage {
  id: string;
  documentIds: string[];
  /** The earliest article of the lineage by publication date, when dates allow. */
  earliest?: string;
  /** The article with the most claims. */
  mostComplete?: string;
}

export interface StoryEvent {
  actor: string;
  action: string;
  target?: string;
  date?: string;
  place?: string;
  modality: Modality;
  /** Who the articles say it on the authority of ("Yuri Ushakov" for "Ushakov revealed that there are plans for Putin to converse with Netanyahu"). */
  according?: string[];
  documentIds: string[];
  evidence: Evidence[];
  /** The sentence the date was read from. */
  dateEvidence?: Evidence;
}

export interface TimelineEntry {
  date: string;
  /** Set when only an upper bound is known: the entry happened before `date`. */
  approximate?: 'before';
  text: string;
  documentIds: string[];
  evidence: Evidence[];
}

export interface SummarySentence {
  text: string;
  kind: 'corroborated' | 'disputed' | 'single-source';
  documentIds: string[];
  evidence: Evidence[];
}

export interface DocumentSignals {
  /** Days between publication and the latest event the article narrates as news; null when unknown. */
  staleDays: number | null;
  /** The date of the latest narrated event the staleness was measured from. */
  narratedDate?: string;
  staleEvidence: Evidence[];
  /** Share (0..1) of sentences that judge rather than report. */
  editorializing: number;
  editorializingEvidence: Evidence[];
  /** Claims of this document no other lineage makes. */
  unsupportedClaims: number;
  /** Share of the story's corroborated claims this document carries. */
  completeness: number;
}

export interface StoryAnalysis {
  story: Story;
  entities: Entity[];
  claims: ClaimGroup[];
  events: StoryEvent[];
  provenance: ProvenanceEdge[];
  lineages: Lineage[];
  timeline: TimelineEntry[];
  summary: SummarySentence[];
  signals: Record<string, DocumentSignals>;
}

/** A rejected input: what, where, what to do. */
export interface InputError {
  origin: string;
  code: string;
  message: string;
}

/** Everything one `analyze` run produced; renderers turn it into text, JSON, Markdown, HTML. */
export interface Analysis {
  documents: Document[];
  annotated: AnnotatedDocument[];
  stories: StoryAnalysis[];
  errors: InputError[];
  /** Exact duplicates that were dropped: duplicate id → kept id. */
  duplicates: { id: string; origin: string; duplicateOf: string }[];
}
