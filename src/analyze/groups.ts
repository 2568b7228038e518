// Groups the claims of a story's articles that state the same thing and gives each group its
// status: corroborated (several lineages), conflicting (a slot disagrees), or single-source.
// Independence is counted in lineages (provenance.ts), never in articles.
import type { Claim, ClaimGroup, Conflict, ConflictValue, Evidence, Quantity } from '../types.ts';
import { sortEvidence } from './evidence.ts';
import { FIGURE_DEFAULTS, type FigureOptions, countClass, figureText, figuresDisagree, sameCount, slotLabel } from './figures.ts';
import { type ClaimPair, type ClaimVector, claimSimilarity } from './match.ts';

export interface GroupOptions {
  /** Claims scoring at least this state the same thing. */
  minSameScore: number;
  /** Claims giving a figure for the same count join one group from this (lower) similarity. */
  minFigureContext: number;
  figures: FigureOptions;
}

export const GROUP_DEFAULTS: GroupOptions = { minSameScore: 0.35, minFigureContext: 0.12, figures: FIGURE_DEFAULTS };

/**
 * Group claims (opinions excluded) and decide each group's status. `carriedOver` are sentence pairs
 * a copy or rewrite passes on in order: they state the same claim even when reworded past `minSameScore`.
 */
export function groupClaims(vectors: ClaimVector[], pairs: ClaimPair[], lineageOf: Map<string, string>, options: Partial<GroupOptions> = {}, carriedOver: ClaimPair[] = []): ClaimGroup[] {
  const opts = { ...GROUP_DEFAULTS, ...options };
  const parent = vectors.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const isFact = (i: number): boolean => !vectors[i]!.claim.opinion;
  for (const p of pairs) if (p.score >= opts.minSameScore && isFact(p.a) && isFact(p.b)) union(p.a, p.b);
  for (const p of carriedOver) if (isFact(p.a) && isFact(p.b)) union(p.a, p.b);
  linkFigures(vectors, opts, isFact, union);

  const members = new Map<number, number[]>();
  vectors.forEach((_, i) => {
    if (!isFact(i)) return;
    const root = find(i);
    members.set(root, [...(members.get(root) ?? []), i]);
  });
  const groups: ClaimGroup[] = [];
  for (const indices of members.values()) groups.push(toGroup(indices.map((i) => vectors[i]!), lineageOf, opts));
  groups.sort((a, b) => statusRank(a) - statusRank(b) || b.independentSources - a.independentSources || b.documentIds.length - a.documentIds.length || a.id.localeCompare(b.id));
  return groups;
}

/** Join claims of different articles that give figures for the same count in a similar context. */
function linkFigures(vectors: ClaimVector[], opts: GroupOptions, isFact: (i: number) => boolean, union: (a: number, b: number) => void): void {
  const byClass = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    if (!isFact(i)) return;
    for (const q of v.claim.quantities) {
      const cls = countClass(q);
      if (cls) byClass.set(cls, [...(byClass.get(cls) ?? []), i]);
    }
  });
  for (const indices of byClass.values()) {
    const unique = [...new Set(indices)];
    for (let x = 0; x < unique.length; x++) {
      for (let y = x + 1; y < unique.length; y++) {
        const a = vectors[unique[x]!]!;
        const b = vectors[unique[y]!]!;
        if (a.claim.documentId === b.claim.documentId) continue;
        const counts = a.claim.quantities.some((qa) => b.claim.quantities.some((qb) => sameCount(qa, qb, opts.figures)));
        if (counts && claimSimilarity(a, b) >= opts.minFigureContext) union(unique[x]!, unique[y]!);
      }
    }
  }
}

function statusRank(g: ClaimGroup): number {
  return g.status === 'conflicting' ? 0 : g.status === 'corroborated' ? 1 : 2;
}

function toGroup(members: ClaimVector[], lineageOf: Map<string, string>, opts: GroupOptions): ClaimGroup {
  const claims = members.map((m) => m.claim).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.sentenceIndex - b.sentenceIndex);
  const documentIds = [...new Set(claims.map((c) => c.documentId))].sort();
  const lineages = new Set(documentIds.map((d) => lineageOf.get(d) ?? d));
  const conflict = findConflict(claims, opts.figures);
  const representative = centralClaim(members);
  const modalities = new Set(claims.map((c) => c.modality));
  const development = modalities.has('planned') && modalities.has('happened') ? { from: 'planned' as const, to: 'happened' as const } : undefined;
  return {
    id: `claim:${representative.id}`,
    text: representative.text,
    status: conflict ? 'conflicting' : lineages.size >= 2 ? 'corroborated' : 'single-source',
    independentSources: lineages.size,
    documentIds,
    evidence: sortEvidence(claims.map((c) => c.evidence)),
    ...(conflict ? { conflict } : {}),
    ...(development ? { development } : {}),
    claims,
  };
}

/** The member most similar to the others (the first for one or two members). */
function centralClaim(members: ClaimVector[]): Claim {
  if (members.length <= 2) return [...members].sort((a, b) => a.claim.id.localeCompare(b.claim.id))[0]!.claim;
  let best = members[0]!;
  let bestScore = -1;
  for (const m of members) {
    const score = members.reduce((s, o) => (o === m ? s : s + claimSimilarity(m, o)), 0);
    if (score > bestScore || (score === bestScore && m.claim.id < best.claim.id)) {
      best = m;
      bestScore = score;
    }
  }
  return best.claim;
}

/** A figure slot on which the group's articles disagree, with each value and who gives it. */
function findConflict(claims: Claim[], figures: FigureOptions): Conflict | undefined {
  const entries = claims.flatMap((c) => c.quantities.map((q) => ({ claim: c, q, cls: countClass(q) })));
  for (const { q: qa, cls } of entries) {
    if (!cls) continue;
    const related = entries.filter((e) => e.cls === cls && sameCount(qa, e.q, figures));
    const disagreeing = related.filter((e) => figuresDisagree(qa, e.q, figures));
    if (disagreeing.length === 0) continue;
    if (!related.some((e) => disagreeing.some((d) => d.claim.documentId !== e.claim.documentId))) continue;
    return { slot: slotLabel(cls, related.map((e) => e.q)), values: valuesOf(related, figures) };
  }
  return undefined;
}

function valuesOf(related: { claim: Claim; q: Quantity }[], figures: FigureOptions): ConflictValue[] {
  const values: { q: Quantity; docs: Set<string>; evidence: Evidence[] }[] = [];
  for (const { claim, q } of related) {
    const same = values.find((v) => !figuresDisagree(v.q, q, figures) && v.q.qualifier === q.qualifier && v.q.value === q.value) ?? values.find((v) => !figuresDisagree(v.q, q, figures));
    if (same) {
      same.docs.add(claim.documentId);
      same.evidence.push(claim.evidence);
    } else values.push({ q, docs: new Set([claim.documentId]), evidence: [claim.evidence] });
  }
  return values
    .map((v) => ({ value: figureText(v.q), documentIds: [...v.docs].sort(), evidence: sortEvidence(v.evidence) }))
    .sort((a, b) => a.documentIds[0]!.localeCompare(b.documentIds[0]!) || a.value.localeCompare(b.value));
}
