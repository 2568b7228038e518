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
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    const inCluster = byCluster.get(p) ?? new Map<G, number>();
    inCluster.set(g, (inCluster.get(g) ?? 0) + 1);
    byCluster.set(p, inCluster);
    const inGroup = byGroup.get(g) ?? new Map<P, number>();
    inGroup.set(p, (inGroup.get(p) ?? 0) + 1);
    byGroup.set(g, inGroup);
  }
  const n = Math.max(1, ids.length);
  // An item in a part of size k out of a whole of size m scores k / m; the part's loss is k · (1 − k / m).
  const loss = (counts: number[]): number => {
    const m = counts.reduce((a, b) => a + b, 0);
    return counts.reduce((sum, k) => sum + k * (1 - k / m), 0) / n;
  };
  const mixed = [...byCluster]
    .filter(([, parts]) => parts.size > 1)
    .map(([cluster, parts]) => ({
      cluster,
      parts: [...parts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count),
      precisionLoss: loss([...parts.values()]),
    }))
    .sort((a, b) => b.precisionLoss - a.precisionLoss);
  const split = [...byGroup]
    .filter(([, parts]) => parts.size > 1)
    .map(([label, parts]) => ({
      label,
      parts: [...parts].map(([cluster, count]) => ({ cluster, count })).sort((a, b) => b.count - a.count),
      recallLoss: loss([...parts.values()]),
    }))
    .sort((a, b) => b.recallLoss - a.recallLoss);
  return { mixed, split };
}
