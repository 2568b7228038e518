// Document frequencies of terms and of names, updated one article at a time, and the IDF weights they
// give. Bounded: past `maxSize` entries, those seen in a single article are dropped (they carry no evidence).

export class Vocabulary {
  private readonly termDf = new Map<string, number>();
  private readonly nameDf = new Map<string, number>();
  /** Articles counted so far. */
  docs = 0;

  constructor(private readonly maxSize: number) {}

  /** Count one article's distinct terms and names. */
  addDocument(terms: Iterable<string>, names: Iterable<string> = []): void {
    this.docs++;
    this.logDocs = Math.log(1 + this.docs) + 1;
    for (const t of terms) this.termDf.set(t, (this.termDf.get(t) ?? 0) + 1);
    for (const n of names) this.nameDf.set(n, (this.nameDf.get(n) ?? 0) + 1);
    if (this.termDf.size + this.nameDf.size > this.maxSize) {
      prune(this.termDf);
      prune(this.nameDf);
    }
  }

  /** ln(1 + N) + 1, updated with N, so that an IDF costs one lookup and no logarithm. */
  private logDocs = 1;

  /** Smoothed IDF of a term: ln((1 + N) / (1 + df)) + 1, as scikit-learn's TfidfVectorizer. */
  readonly idf = (term: string): number => this.logDocs - logOnePlus(this.termDf.get(term) ?? 0);

  /** Smoothed IDF of a name (names have their own frequencies: "Jackson" the name, not "jackson" the word). */
  readonly nameIdf = (name: string): number => this.logDocs - logOnePlus(this.nameDf.get(name) ?? 0);

  /** The IDF of a term another article has too, else 0: a term of one article finds no other. */
  readonly sharedIdf = (term: string): number => ((this.termDf.get(term) ?? 0) >= 2 ? this.idf(term) : 0);

  /** The IDF of a name another article has too, else 0. */
  readonly sharedNameIdf = (name: string): number => ((this.nameDf.get(name) ?? 0) >= 2 ? this.nameIdf(name) : 0);

  get size(): number {
    return this.termDf.size + this.nameDf.size;
  }
}

/** ln(1 + n) for small n from a table (document frequencies are mostly small), else computed. */
const LOG_TABLE = Float64Array.from({ length: 4096 }, (_, n) => Math.log(1 + n));
function logOnePlus(n: number): number {
  return n < LOG_TABLE.length ? LOG_TABLE[n]! : Math.log(1 + n);
}

function prune(df: Map<string, number>): void {
  for (const [t, n] of df) if (n <= 1) df.delete(t);
}
