// Every tunable of story clustering in one place, with its default and why it has that value.
// How the weights were measured is in docs/clustering.md; nothing here reads data.
import type { Story } from '../types.ts';

/** Weights of the linear score that decides whether an article joins a story. */
export interface ClusterWeights {
  /** Cosine of TF-IDF vectors (article vs story centroid). */
  tfidf: number;
  /** IDF-weighted cosine of names (people, organisations, places). */
  entities: number;
  /** IDF-weighted cosine of the surnames of the people named (a different main person: a different event). */
  people: number;
  /** Share of the article's figures the story also states. */
  numbers: number;
  /** Date agreement in [-1, 1]: shared narrated dates +, disjoint years −. */
  dates: number;
  /** Jaccard of title words (0 when either has no title). */
  title: number;
  /** Publication-time distance from the story's span, in (−1, 0] (0 when close, or when either has no date). */
  time: number;
  /** Constant term. */
  bias: number;
}

export interface ClusterOptions {
  /**
   * An article joins the best-scoring story when its score reaches this; else it opens a new story.
   * Two sides of a story whose profiles score below it against each other are split apart.
   */
  threshold: number;
  weights: ClusterWeights;
  /** Two active stories whose profiles score at least this against each other become one. */
  mergeThreshold: number;
  /** Run `consolidate()` after every this many articles (0: only when the caller asks). */
  consolidateEvery: number;
  /**
   * Latest articles of a story kept with their features; a split is decided on them (older articles
   * stay in the original story). Bounds memory and split cost per story, so a story of any size can
   * still be split when it turns out to hold two events.
   */
  splitSample: number;
  /** Each half of a split must hold at least this many articles. */
  minSplitPart: number;
  /**
   * A story too small for the split graph (fewer than 2 × `minSplitPart` articles) splits where its
   * two sides (whole lineages) score below this against each other (-Infinity: never). Between the
   * join threshold and 0, below the −0.26 at which the seeds' two independent reports meet when fed
   * one at a time (docs/clustering.md, Method, step 5).
   */
  smallSplitScore: number;
  /**
   * A story splits when the normalized cut of the best bisection of its nearest-neighbour graph is
   * below this (0: no links between the halves; spectral.ts). Two merge only when their union stays above it.
   */
  splitCut: number;
  /** Nearest neighbours each article links to in the graph a split is decided on. */
  splitNeighbours: number;
  /**
   * Articles whose estimated shingle Jaccard reaches this share passages and count as one lineage
   * when a split is decided (0.2: no two articles of different ECB+ events reach 0.1).
   */
  lineageJaccard: number;
  /**
   * Two stories are divided anew when a bisection of their articles cuts at least this much lower
   * than the line between them now (and below `splitCut`); Infinity turns it off.
   */
  regroupMargin: number;
  /** Nearest articles that vote on where an article belongs when stories are consolidated. */
  moveNeighbours: number;
  /**
   * An article moves to another story when its nearest articles' votes for that story exceed this
   * many times their votes for its own story (0 turns moving off).
   */
  moveMargin: number;
  /** MinHash signature length. */
  numPermutations: number;
  /** LSH bands × rows must equal numPermutations; 16 × 4 finds a pair of Jaccard 0.7 with p = 0.988, 0.8 with p = 0.9989. */
  lshBands: number;
  lshRows: number;
  /** Word shingle length for near-duplicate detection. */
  shingleSize: number;
  /** Estimated shingle Jaccard at or above which an article is a near-duplicate of an earlier one. */
  duplicateThreshold: number;
  /** Terms of an article used to look up candidate stories in the inverted index. */
  queryTerms: number;
  /** Stories per posting list (most recent kept), so a common term never lists every story. */
  maxPosting: number;
  /** Candidate stories scored in full per article (the ones sharing most query terms). */
  maxCandidates: number;
  /** Terms kept in a story's centroid (highest weight); bounds memory per story. */
  maxStoryTerms: number;
  /** Days without a new article after which a story leaves the active set. */
  idleDays: number;
  /** Articles without a new one after which a story leaves the active set (for undated streams). */
  idleArticles: number;
  /**
   * Articles of closed stories whose MinHash signatures are kept (oldest out first), so that a copy
   * republished after its story closed reopens that story. About 1 KB per article; 0 turns it off.
   */
  lateCopyMemory: number;
  /**
   * Closed stories whose compact profiles are kept (oldest closed out first), so that a follow-up
   * article arriving after its story closed, copy or not, can reopen it. About 10 KB per story; 0 turns it off.
   */
  closedStoryMemory: number;
  /**
   * A follow-up that fits no active story reopens the best closed story when it scores at least this
   * against that story's profile (stricter than `threshold`: the closed set is large and old).
   */
  reopenThreshold: number;
  /** Scale in days of the time decay: closeness = exp(−Δdays / timeScaleDays). */
  timeScaleDays: number;
  /** Document-frequency table size at which rare terms (df = 1) are dropped. */
  maxVocabulary: number;
  /** Keep the reasons of every assignment (for --explain); off saves memory at scale. */
  explain: boolean;
}

/**
 * Defaults. Weights: logistic regression on the odd ECB+ dev topics (title and time set by hand: ECB+
 * has neither). Thresholds: picked on the odd topics and the generated stream (docs/clustering.md).
 */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: -2,
  mergeThreshold: 2,
  consolidateEvery: 1000,
  splitSample: 150,
  minSplitPart: 3,
  smallSplitScore: -1,
  splitCut: 0.25,
  splitNeighbours: 5,
  lineageJaccard: 0.2,
  regroupMargin: 0.05,
  moveNeighbours: 7,
  moveMargin: 2,
  weights: { tfidf: 4.25, entities: 5.16, people: 2.82, numbers: 1.02, dates: 1.53, title: 0.5, time: 0.5, bias: -3.24 },
  numPermutations: 64,
  lshBands: 16,
  lshRows: 4,
  shingleSize: 4,
  duplicateThreshold: 0.6,
  queryTerms: 12,
  maxPosting: 64,
  maxCandidates: 24,
  maxStoryTerms: 300,
  idleDays: 7,
  idleArticles: 200_000,
  lateCopyMemory: 100_000,
  closedStoryMemory: 5_000,
  reopenThreshold: 0,
  timeScaleDays: 3,
  maxVocabulary: 500_000,
  explain: true,
};

/** Options merged over the defaults (weights merged field by field). */
export function resolveOptions(options: Partial<ClusterOptions> = {}): ClusterOptions {
  const merged = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  merged.weights = { ...DEFAULT_CLUSTER_OPTIONS.weights, ...options.weights };
  if (!(merged.lateCopyMemory >= 0)) {
    throw new RangeError(`lateCopyMemory must be a number of articles, 0 or more (got ${merged.lateCopyMemory})`);
  }
  if (!(merged.closedStoryMemory >= 0)) {
    throw new RangeError(`closedStoryMemory must be a number of stories, 0 or more (got ${merged.closedStoryMemory})`);
  }
  for (const [name, value, what] of [
    ['splitCut', merged.splitCut, 'a normalized cut, 0 to 2'],
    ['lineageJaccard', merged.lineageJaccard, 'a Jaccard similarity, 0 to 1'],
    ['regroupMargin', merged.regroupMargin, 'a margin of normalized cut, 0 or more (Infinity: off)'],
    ['moveMargin', merged.moveMargin, 'a ratio of votes, 0 or more (0: off)'],
  ] as const) {
    if (!(value >= 0)) throw new RangeError(`${name} must be ${what} (got ${value})`);
  }
  for (const [name, value] of [['splitNeighbours', merged.splitNeighbours], ['moveNeighbours', merged.moveNeighbours]] as const) {
    if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`${name} must be a whole number of articles, 1 or more (got ${value})`);
  }
  if (merged.lshBands * merged.lshRows !== merged.numPermutations) {
    throw new RangeError(`lshBands × lshRows (${merged.lshBands} × ${merged.lshRows}) must equal numPermutations (${merged.numPermutations})`);
  }
  return merged;
}

/** Options of the streaming clusterer: the clustering options plus where closed and merged stories go. */
export interface StreamOptions extends ClusterOptions {
  /**
   * Called with each story that leaves the active set; when given, closed stories are not retained.
   * A story reopened by a late copy or a follow-up (see `lateCopyMemory`, `closedStoryMemory`) is handed
   * over again when it closes again, under the same id, listing only the articles that joined after it reopened.
   */
  onClose?: (story: Story) => void;
  /** Called when consolidation merges or splits stories (earlier assignments of those articles move). */
  onChange?: (change: StoryChange) => void;
}

/** A consolidation step: `documentIds` moved from story `from` to story `into`. */
export interface StoryChange {
  /** merge: all of `from`; split: a group of `from` into a new story; move: articles whose nearest articles are in `into`. */
  kind: 'merge' | 'split' | 'move';
  from: string;
  into: string;
  documentIds: string[];
  /** What decided it, with the figures ("its two groups score -3.1 against each other, below the join threshold -2"). */
  reason: string;
}
