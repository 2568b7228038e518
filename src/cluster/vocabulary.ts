// Document frequencies updated one article at a time, and the IDF weights they give.
// Bounded: past `maxSize` terms, those seen in a single article are dropped (they carry no evidence).

export class Vocabulary {
  private readonly df = new Map<string, number>();
  /** Articles counted so far. */
  docs = 0;

  constructor(private readonly maxSize: number) {}

  /** Count one article's distinct terms. */
  addDocument(terms: Iterable<string>): void {
    this.docs++;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    if (this.df.size > this.maxSize) this.prune();
  }

  /** Smoothed IDF: ln((1 + N) / (1 + df)) + 1, as scikit-learn's TfidfVectorizer. */
  idf(term: string): number {
    return Math.log((1 + this.docs) / (1 + (this.df.get(term) ?? 0))) + 1;
  }

  get size(): number {
    return this.df.size;
  }

  private prune(): void {
    for (const [t, n] of this.df) if (n <= 1) this.df.delete(t);
  }
}
