// Groups the claims of a story's articles that state the same thing and gives each group its
// status: corroborated (several lineages), conflicting (a slot disagrees), or single-source.
// Independence is counted in lineages (provenance.ts), never in articles.
import type { Claim, ClaimGroup, Conflict, ConflictValue, Evidence, Quantity } from '../types.ts';
import { canonicalPlace } from '../annotate/lexicon.ts';
import { sortEvidence } from './evidence.ts';
import { FIGURE_DEFAULTS, type FigureOptions, countClass, figureText, figuresDisagree, sameCount, sameFigure, slotLabel } from './figures.ts';
import { type ClaimPair, type ClaimVector, claimSimilarity } from './match.ts';

export interface GroupOptions {
  /** Claims scoring at least this state the same thing. */
  minSameScore: number;
  /**
   * Two groups merge only when their claims' average similarity reaches this, so that A~B and B~C
   * do not chain A and C together when they say different things.
   */
  minGroupLink: number;
  /** Claims giving a figure for the same count join one group from this (lower) similarity. */
  minFigureContext: number;
  /**
   * Two figures are set against each other only when their sentences are at least this similar: a
   * group takes in loosely related figures (agreeing is cheap), a disagreement must be about one thing.
   * Below it, two claims join on a count only when they give the same figure. Picked on the ECB+
   * topics and checked on the week of news pages (docs/analysis.md, "Conflicts").
   */
  minConflictSimilarity: number;
  figures: FigureOptions;
}

export const GROUP_DEFAULTS: GroupOptions = { minSameScore: 0.35, minGroupLink: 0.25, minFigureContext: 0.12, minConflictSimilarity: 0.17, figures: FIGURE_DEFAULTS };

type LinkKind = 'same' | 'carried' | 'figure';

/**
 * Group claims (opinions excluded) and decide each group's status. `carriedOver` are sentence pairs
 * a copy or rewrite passes on in order: they state the same claim even when reworded past `minSameScore`.
 * Merging is greedy, best pairs first; a group holds one claim per article (unless the article gives
 * the same count twice), and two groups merge only when their claims are similar on average
 * (`minGroupLink`), which stops chaining. Claims worded alike that give different figures of one
 * count for different people are never linked (`figuresOfOthers`).
 */
export function groupClaims(vectors: ClaimVector[], pairs: ClaimPair[], lineageOf: Map<string, string>, options: Partial<GroupOptions> = {}, carriedOver: ClaimPair[] = [], personIds: ReadonlySet<string> = new Set()): ClaimGroup[] {
  const opts = { ...GROUP_DEFAULTS, ...options };
  const isFact = (i: number): boolean => !vectors[i]!.claim.opinion;
  const scores = new Map<string, number>();
  const key = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);
  for (const p of pairs) scores.set(key(p.a, p.b), Math.max(p.score, scores.get(key(p.a, p.b)) ?? 0));

  const links: { a: number; b: number; score: number; kind: LinkKind }[] = [];
  for (const p of carriedOver) links.push({ a: p.a, b: p.b, score: Math.max(p.score, opts.minSameScore), kind: 'carried' });
  for (const p of pairs) {
    if (p.score >= opts.minSameScore) {
      if (!figuresOfOthers(vectors[p.a]!.claim, vectors[p.b]!.claim, opts.figures)) links.push({ a: p.a, b: p.b, score: p.score, kind: 'same' });
    } else if (p.score >= opts.minFigureContext && sharesCount(vectors[p.a]!.claim, vectors[p.b]!.claim, opts.figures, personIds, p.score >= opts.minConflictSimilarity)) links.push({ a: p.a, b: p.b, score: p.score, kind: 'figure' });
  }
  // Sentences a rewrite carries over, then figures for one count, then the rest: a figure pins down
  // what a sentence is about better than its wording does.
  const rank: Record<LinkKind, number> = { carried: 0, figure: 1, same: 2 };
  links.sort((x, y) => rank[x.kind] - rank[y.kind] || y.score - x.score || x.a - y.a || x.b - y.b);

  const groupOf = vectors.map((_, i) => i);
  const members = new Map<number, number[]>(vectors.map((_, i) => [i, [i]]));
  const docsOf = new Map<number, Set<string>>(vectors.map((v, i) => [i, new Set([v.claim.documentId])]));
  for (const link of links) {
    if (!isFact(link.a) || !isFact(link.b)) continue;
    const ga = groupOf[link.a]!;
    const gb = groupOf[link.b]!;
    if (ga === gb) continue;
    const da = docsOf.get(ga)!;
    const db = docsOf.get(gb)!;
    // One claim per article in a group, except a figure the article states twice.
    if (link.kind !== 'figure' && [...db].some((d) => da.has(d))) continue;
    const minLink = link.kind === 'same' ? opts.minGroupLink : 0;
    if (minLink > 0 && averageLink(members.get(ga)!, members.get(gb)!, scores, key) < minLink) continue;
    const [keep, drop] = ga < gb ? [ga, gb] : [gb, ga];
    for (const i of members.get(drop)!) groupOf[i] = keep;
    members.get(keep)!.push(...members.get(drop)!);
    for (const d of docsOf.get(drop)!) docsOf.get(keep)!.add(d);
    members.delete(drop);
    docsOf.delete(drop);
  }

  const groups: ClaimGroup[] = [];
  for (const indices of members.values()) {
    const facts = indices.filter(isFact);
    if (facts.length) groups.push(toGroup(facts.map((i) => vectors[i]!), lineageOf, opts, personIds));
  }
  groups.sort((a, b) => statusRank(a) - statusRank(b) || b.independentSources - a.independentSources || b.documentIds.length - a.documentIds.length || a.id.localeCompare(b.id));
  return groups;
}

/** Largest number of cross pairs averaged exactly; beyond it, the first members of each group stand in. */
const LINK_SAMPLE = 60;

function averageLink(a: number[], b: number[], scores: Map<string, number>, key: (x: number, y: number) => string): number {
  const xs = a.slice(0, LINK_SAMPLE);
  const ys = b.slice(0, LINK_SAMPLE);
  let sum = 0;
  for (const x of xs) for (const y of ys) sum += scores.get(key(x, y)) ?? 0;
  return sum / (xs.length * ys.length);
}

/**
 * Do two claims give figures for the same count? Either the same figure, not an attribute ("the
 * 40-year-old actor" and "the 40-year-old Jackman" say nothing alike), or figures that would face
 * each other in a conflict (`figuresFaceEachOther`). Figures that do neither are of different things:
 * "Garrard finished with 28 completions" and "McNabb holds the record with 24 straight completions"
 * neither corroborate nor contradict each other, and "up to $438 off" does not make every smaller
 * price the same claim.
 */
function sharesCount(a: Claim, b: Claim, figures: FigureOptions, personIds: ReadonlySet<string>, aboutOneThing: boolean): boolean {
  return a.quantities.some((qa) =>
    b.quantities.some((qb) => {
      const cls = countClass(qa);
      if (!cls || !sameCount(qa, qb, figures)) return false;
      if (sameFigure(qa, qb, figures) && !isAttribute(qa) && !isAttribute(qb)) return true;
      return aboutOneThing && figuresFaceEachOther({ claim: a, q: qa }, { claim: b, q: qb }, cls, personIds);
    }),
  );
}

function statusRank(g: ClaimGroup): number {
  return g.status === 'conflicting' ? 0 : g.status === 'corroborated' ? 1 : 2;
}

function toGroup(members: ClaimVector[], lineageOf: Map<string, string>, opts: GroupOptions, personIds: ReadonlySet<string>): ClaimGroup {
  const claims = members.map((m) => m.claim).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.sentenceIndex - b.sentenceIndex);
  const documentIds = [...new Set(claims.map((c) => c.documentId))].sort();
  const lineages = new Set(documentIds.map((d) => lineageOf.get(d) ?? d));
  const vectorOf = new Map(members.map((m) => [m.claim.id, m]));
  const aboutOneThing = (a: Claim, b: Claim): boolean => claimSimilarity(vectorOf.get(a.id)!, vectorOf.get(b.id)!) >= opts.minConflictSimilarity;
  const conflict = figureConflict(claims, opts.figures, personIds, aboutOneThing) ?? slotConflict(claims);
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

/**
 * "did" vs "did not", two dates or two places for one action that happened. Only claims of the same
 * action whose words mostly agree are compared (measured on ECB+: looser pairs gave mostly false
 * alarms); only dates written out in full (a relative "on Monday" in a late copy is staleness, not
 * disagreement); only places the gazetteer knows, neither inside the other's name.
 */
function slotConflict(claims: Claim[]): Conflict | undefined {
  const byAction = new Map<string, Claim[]>();
  for (const c of claims) if (c.action && c.modality === 'happened') byAction.set(c.action, [...(byAction.get(c.action) ?? []), c]);
  for (const [action, same] of byAction) {
    if (new Set(same.map((c) => c.documentId)).size < 2) continue;
    const polarity = UNCOMPARED_POLARITY.has(action) ? undefined : opposingSides(same, (c) => (c.negated ? `not ${action}` : action), (a, b) => wordOverlap(a, b) >= SLOT_MIN_OVERLAP.polarity && hasNegation(a) !== hasNegation(b));
    if (polarity) return { slot: 'polarity', values: polarity };
    const dates = opposingSides(same, explicitDate, (a, b) => wordOverlap(a, b) >= SLOT_MIN_OVERLAP.date && !a.dates.includes(explicitDate(b)!) && !b.dates.includes(explicitDate(a)!));
    if (dates) return { slot: 'date', values: dates };
    const places = opposingSides(
      same,
      (c) => (c.place && canonicalPlace(c.place) ? c.place : undefined),
      (a, b) => wordOverlap(a, b) >= SLOT_MIN_OVERLAP.place && !a.place!.includes(b.place!) && !b.place!.includes(a.place!) && !a.text.includes(b.place!) && !b.text.includes(a.place!),
    );
    if (places) return { slot: 'place', values: places };
  }
  return undefined;
}

/** How much two claims' words must agree before a differing slot is a disagreement (share of lemmas). */
const SLOT_MIN_OVERLAP = { polarity: 0.75, date: 0.5, place: 0.7 };

/** Two values of a slot, each from articles that do not give the other, with a close pair across. */
function opposingSides(claims: Claim[], label: (c: Claim) => string | undefined, comparable: (a: Claim, b: Claim) => boolean): ConflictValue[] | undefined {
  const values = new Map<string, Claim[]>();
  for (const c of claims) {
    const v = label(c);
    if (v !== undefined) values.set(v, [...(values.get(v) ?? []), c]);
  }
  if (values.size !== 2) return undefined;
  const [[va, ca], [vb, cb]] = [...values.entries()] as [[string, Claim[]], [string, Claim[]]];
  const docsA = new Set(ca.map((c) => c.documentId));
  if (cb.some((c) => docsA.has(c.documentId))) return undefined;
  if (!ca.some((a) => cb.some((b) => comparable(a, b)))) return undefined;
  const side = (value: string, cs: Claim[]): ConflictValue => ({ value, documentIds: [...new Set(cs.map((c) => c.documentId))].sort(), evidence: sortEvidence(cs.map((c) => c.evidence)) });
  return [side(va, ca), side(vb, cb)].sort((x, y) => x.value.localeCompare(y.value));
}

function explicitDate(c: Claim): string | undefined {
  const full = [...new Set(c.timeRefs.filter((t) => !t.relative && !t.yearInferred && (t.precision ?? 'day') === 'day').map((t) => t.date))];
  return full.length === 1 ? full[0] : undefined;
}

/** Share of the smaller claim's content lemmas the other has. */
function wordOverlap(a: Claim, b: Claim): number {
  const small = a.lemmas.length <= b.lemmas.length ? a.lemmas : b.lemmas;
  const large = new Set(a.lemmas.length <= b.lemmas.length ? b.lemmas : a.lemmas);
  return small.length ? small.filter((l) => large.has(l)).length / small.length : 0;
}

/** Any negation in the sentence: when both sentences have one, the negation moved, not the fact. */
function hasNegation(c: Claim): boolean {
  return /\b(not|never|no)\b|n[’']t\b|\b(?:can|don|didn|doesn|isn|wasn|weren|aren|couldn|wouldn|shouldn|hasn|haven|hadn|won)t\b/i.test(c.text);
}

/**
 * Speaking is not the fact spoken of: "would not say what he was treated for" and "said he went to a
 * clinic" do not disagree. Verbs of knowing and confirming ("confirm", "deny") are still compared.
 */
const UNCOMPARED_POLARITY = new Set(['say', 'tell', 'speak', 'comment', 'talk', 'add', 'write', 'discuss', 'elaborate']);

/**
 * The first count on which two articles disagree: each gives a figure the other's claims in the group
 * do not give for the same thing. An article giving both numbers ("six to eight months", "two
 * escaped, the other three were caught") disagrees with nobody on them; one giving the other's number
 * for something else (a valuation beside a lifeline) still disagrees.
 *
 * Two figures face each other only when the words around them share one beyond what they count
 * (`sharesContext`), so counts of different things in one unit ("seven months after the conviction",
 * "five months after he left the FBI") do not conflict. A figure stated of one person ("Miller is
 * averaging 15.5 points") is not compared with one stated of another ("Iguodala 14.9 points"). Ages
 * and other "N-year" attributes are compared only between claims that name a person in common
 * (`personIds`): "15-year-old Alexandros" and "a 16-year-old student" do not conflict, "60-year-old
 * Sharron Smith" and "61-year-old Sharron Smith" do.
 *
 * The two sentences must also be about one thing (`aboutOneThing`, `minConflictSimilarity`): a stat
 * line that joined the group on "points" ("McDermott had 10 points in the first 7 ½ minutes", "Creighton
 * led by 14 points") or two deals' prices do not disagree because their units match.
 *
 * The conflict lists the opposed values and the group's figures that agree with one of them about the
 * same thing; a value no article opposes is left out (a figure for something else that joined the
 * group on a shared noun).
 */
function figureConflict(claims: Claim[], figures: FigureOptions, personIds: ReadonlySet<string>, aboutOneThing: (a: Claim, b: Claim) => boolean): Conflict | undefined {
  const entries = claims.flatMap((c) => c.quantities.map((q) => ({ claim: c, q, cls: countClass(q) })));
  for (const { q: qa, cls } of entries) {
    if (!cls) continue;
    const related = entries.filter((e) => e.cls === cls && sameCount(qa, e.q, figures));
    const byDoc = new Map<string, typeof related>();
    for (const e of related) byDoc.set(e.claim.documentId, [...(byDoc.get(e.claim.documentId) ?? []), e]);
    // Does the article give this same number for the same thing itself (a range "six to eight", or "two
    // escaped, three caught")? The same number for something else (a valuation beside a lifeline) does not count.
    const givesToo = (doc: string, q: Quantity): boolean => byDoc.get(doc)!.some((e) => sameFigure(e.q, q, figures) && sharesContext(e.q, q, cls));
    const opposed = new Set<(typeof related)[number]>();
    for (const x of related)
      for (const y of related) {
        if (x.claim.documentId >= y.claim.documentId || !figuresDisagree(x.q, y.q, figures)) continue;
        if (givesToo(x.claim.documentId, y.q) || givesToo(y.claim.documentId, x.q)) continue;
        if (!figuresFaceEachOther(x, y, cls, personIds) || !aboutOneThing(x.claim, y.claim)) continue;
        opposed.add(x).add(y);
      }
    if (opposed.size === 0) continue;
    const shown = related.filter((e) => opposed.has(e) || [...opposed].some((o) => !figuresDisagree(o.q, e.q, figures) && sharesContext(o.q, e.q, cls)));
    const values = valuesOf(shown, figures);
    if (values.length >= 2) return { slot: slotLabel(cls, shown.map((e) => e.q)), values };
  }
  return undefined;
}

/**
 * Do two claims give different figures of one count for different people? "Peyton Manning had 24
 * completions in the Colts' win" and "David Garrard finished with 28 completions in the Jaguars' loss"
 * are worded alike and state two facts.
 */
function figuresOfOthers(a: Claim, b: Claim, figures: FigureOptions): boolean {
  return a.quantities.some((qa) =>
    b.quantities.some((qb) => sameCount(qa, qb, figures) && figuresDisagree(qa, qb, figures) && heldApart({ claim: a, q: qa }, { claim: b, q: qb })),
  );
}

/** Is each figure stated of a different person, or one of a person the other's sentence does not name? */
function heldApart(x: { claim: Claim; q: Quantity }, y: { claim: Claim; q: Quantity }): boolean {
  return (!!x.q.holder && !!y.q.holder && x.q.holder !== y.q.holder) || ofSomeoneElse(x, y) || ofSomeoneElse(y, x);
}

/**
 * Are two figures of one count about the same thing, by what the figures themselves show: the same
 * holder if any, words around them in common, and a person in common for attributes such as ages. A
 * whole that a part is counted out of ("10 of the team's first 17 points") meets only other wholes.
 */
function figuresFaceEachOther(x: { claim: Claim; q: Quantity }, y: { claim: Claim; q: Quantity }, cls: string, personIds: ReadonlySet<string>): boolean {
  if (!!x.q.whole !== !!y.q.whole || heldApart(x, y) || !sharesContext(x.q, y.q, cls)) return false;
  return !((isAttribute(x.q) || isAttribute(y.q)) && !x.claim.entityIds.some((id) => personIds.has(id) && y.claim.entityIds.includes(id)));
}

/**
 * Do two figures of one count have a word of their surroundings in common, beyond what they count?
 * "served four months in federal prison" and "served five months in federal prison" do; "seven
 * months after the conviction" and "five months after Felt left the FBI" do not.
 */
function sharesContext(a: Quantity, b: Quantity, cls: string): boolean {
  const counted = (w: string): boolean => w === a.counted || w === b.counted || cls === w || cls === `unit:${w}`;
  return (a.context ?? []).some((w) => !counted(w) && (b.context ?? []).includes(w));
}

/**
 * Is `a` a figure stated of a named person that `b`'s sentence does not tie to that person? "Hansbrough
 * finished with 20 points" and "the closest margin of victory being by 15 points" count different
 * things; "Gray had previously been arrested four times" and "Gray ..., having been arrested three
 * times" (the name too far from the figure to hold it) do not, nor "Orozco is 5-foot-8, 135 pounds"
 * and "He is 5-feet-8 inches tall, weighing 130 pounds" (a figure stated of "he" may be anyone's).
 */
function ofSomeoneElse(a: { claim: Claim; q: Quantity }, b: { claim: Claim; q: Quantity }): boolean {
  return !!a.q.holder && !b.q.holder && !b.q.ofPronoun && !b.claim.entityIds.includes(a.q.holder);
}

/** "10-year-old", "a 28-year veteran": a figure that describes one person or thing. */
function isAttribute(q: Quantity): boolean {
  return q.unit === 'years' && /^\S+\s*-\s*years?\b/i.test(q.text);
}

/**
 * The conflict's values, one per figure as the articles give it: figures that are the same ("a dozen"
 * and "12") share a value; a bound that agrees with one value is listed on its own, so that "up to $8
 * billion" is not shown as "$6.5 billion" when it is the figure that disagrees with "$9.5 billion".
 */
function valuesOf(related: { claim: Claim; q: Quantity }[], figures: FigureOptions): ConflictValue[] {
  const values: { q: Quantity; docs: Set<string>; evidence: Evidence[] }[] = [];
  for (const { claim, q } of related) {
    const same = values.find((v) => v.q.qualifier === q.qualifier && v.q.value === q.value) ?? values.find((v) => sameFigure(v.q, q, figures));
    if (same) {
      same.docs.add(claim.documentId);
      same.evidence.push(claim.evidence);
    } else values.push({ q, docs: new Set([claim.documentId]), evidence: [claim.evidence] });
  }
  return values
    .map((v) => ({ value: figureText(v.q), documentIds: [...v.docs].sort(), evidence: sortEvidence(v.evidence) }))
    .sort((a, b) => a.documentIds[0]!.localeCompare(b.documentIds[0]!) || a.value.localeCompare(b.value));
}
