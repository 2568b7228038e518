// B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin, 1998).
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
