// B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin, 1998), and
// where the loss comes from: which predicted clusters mix gold groups, which gold groups are split.
// Pure arithmetic over two id → label maps; it reads no files and knows no data set.

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Per item: precision = share of its predicted cluster that shares its gold label; recall = share
 * of its gold cluster that shares its predicted cluster; both averaged over the items of `gold`.
 * @example bcubed(new Map([['a', 1], ['b', 1]]), new Map([['a', 'x'], ['b', 'y']])).precision === 0.5
 */
export function bcubed<P, G>(predicted: Map<string, P>, gold: Map<string, G>): BCubed {
  const ids = [...gold.keys()].filter((id) => predicted.has(id));
  if (ids.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const pairCount = new Map<string, number>();
  const predCount = new Map<P, number>();
  const goldCount = new Map<G, number>();
  const pairKey = (id: string): string => `${String(predicted.get(id))}\u0000${String(gold.get(id))}`;
  for (const id of ids) {
    pairCount.set(pairKey(id), (pairCount.get(pairKey(id)) ?? 0) + 1);
    predCount.set(predicted.get(id)!, (predCount.get(predicted.get(id)!) ?? 0) + 1);
    goldCount.set(gold.get(id)!, (goldCount.get(gold.get(id)!) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const id of ids) {
    const both = pairCount.get(pairKey(id))!;
    p += both / predCount.get(predicted.get(id)!)!;
    r += both / goldCount.get(gold.get(id)!)!;
  }
  const precision = p / ids.length;
  const recall = r / ids.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A predicted cluster that holds items of more than one gold group. */
export interface MixedCluster<P, G> {
  cluster: P;
  /** Gold groups in it with their item counts, largest first. */
  parts: { label: G; count: number }[];
  /** B³ precision this cluster costs: Σ over its items of (1 − item precision), over all items. */
  precisionLoss: number;
}

/** A gold group whose items are in more than one predicted cluster. */
export interface SplitGroup<P, G> {
  label: G;
  /** Predicted clusters holding it with their item counts, largest first. */
  parts: { cluster: P; count: number }[];
  /** B³ recall this split costs: Σ over its items of (1 − item recall), over all items. */
  recallLoss: number;
}

/**
 * The B³ loss taken apart: every mixed cluster and every split group, costliest first (ties in
 * first-seen order). The precision losses sum to 1 − precision, the recall losses to 1 − recall.
 * @example bcubedErrors(new Map([['a', 1], ['b', 1]]), new Map([['a', 'x'], ['b', 'y']])).mixed[0].precisionLoss === 0.5
 */
export function bcubedErrors<P, G>(predicted: Map<string, P>, gold: Map<string, G>): { mixed: MixedCluster<P, G>[]; split: SplitGroup<P, G>[] } {
  const ids = [...gold.keys()].filter((id) => predicted.has(id));
  const byCluster = new Map<P, Map<G, number>>();
  const byGroup = new Map<G, Map<P, number>>();
  for (const id of ids) {
    tally(byCluster, predicted.get(id)!, gold.get(id)!);
    tally(byGroup, gold.get(id)!, predicted.get(id)!);
  }
  const n = Math.max(1, ids.length);
  const mixed = spread(byCluster, n).map(({ key, parts, loss }) => ({
    cluster: key,
    parts: parts.map(([label, count]) => ({ label, count })),
    precisionLoss: loss,
  }));
  const split = spread(byGroup, n).map(({ key, parts, loss }) => ({
    label: key,
    parts: parts.map(([cluster, count]) => ({ cluster, count })),
    recallLoss: loss,
  }));
  return { mixed, split };
}

function tally<A, B>(outer: Map<A, Map<B, number>>, a: A, b: B): void {
  const inner = outer.get(a) ?? new Map<B, number>();
  inner.set(b, (inner.get(b) ?? 0) + 1);
  outer.set(a, inner);
}

/**
 * The entries of `outer` spread over more than one inner key, costliest first, with their parts
 * largest first. An item in a part of size k out of a whole of size m scores k / m, so the part
 * costs k · (1 − k / m) of the B³ sum over all `n` items.
 */
function spread<A, B>(outer: Map<A, Map<B, number>>, n: number): { key: A; parts: [B, number][]; loss: number }[] {
  return [...outer]
    .filter(([, inner]) => inner.size > 1)
    .map(([key, inner]) => {
      const m = [...inner.values()].reduce((x, y) => x + y, 0);
      const loss = [...inner.values()].reduce((sum, k) => sum + k * (1 - k / m), 0) / n;
      return { key, parts: [...inner].sort((x, y) => y[1] - x[1]), loss };
    })
    .sort((x, y) => y.loss - x.loss);
}
