// Events in the GDELT/ACLED tradition: who did what to whom, when and where, from each claim, with a
// small CAMEO-like set of actions; the same event told by several articles becomes one event.
// It does not decide whether events are disputed (see groups.ts).
import type { Claim, Evidence, Modality, StoryEvent } from '../types.ts';

/** Lemma → action. Nouns and verbs both, so "phone call with" and "spoke with" meet. */
export const ACTIONS: Record<string, string> = {
  call: 'consult', phone: 'consult', talk: 'consult', discuss: 'consult', discussion: 'consult', conversation: 'consult',
  converse: 'consult', speak: 'consult', meet: 'consult', meeting: 'consult', consult: 'consult', consultation: 'consult',
  outreach: 'consult', negotiate: 'consult', negotiation: 'consult',
  condolence: 'condolence', condole: 'condolence', mourn: 'condolence',
  warn: 'warning', warning: 'warning', caution: 'warning', threaten: 'warning', threat: 'warning',
  urge: 'appeal', appeal: 'appeal', demand: 'appeal', request: 'appeal', plead: 'appeal',
  attack: 'attack', bomb: 'attack', bombing: 'attack', strike: 'attack', kill: 'attack', breach: 'attack', invade: 'attack',
  invasion: 'attack', shell: 'attack', raid: 'attack', offensive: 'attack', shoot: 'attack', shooting: 'attack', stab: 'attack',
  aid: 'aid', help: 'aid', assist: 'aid', assistance: 'aid', evacuate: 'aid', evacuation: 'aid', rescue: 'aid', donate: 'aid',
  propose: 'proposal', proposal: 'proposal', offer: 'proposal', suggest: 'proposal',
  accuse: 'accusation', blame: 'accusation', criticize: 'accusation', criticise: 'accusation', condemn: 'accusation',
  declare: 'declaration', declaration: 'declaration',
  arrest: 'arrest', detain: 'arrest', charge: 'arrest',
  say: 'statement', state: 'statement', tell: 'statement', express: 'statement', emphasize: 'statement', emphasise: 'statement',
  stress: 'statement', inform: 'statement', convey: 'statement', outline: 'statement', reveal: 'statement', announce: 'statement',
  acknowledge: 'statement', affirm: 'statement', note: 'statement',
};

/** Actions whose two sides are interchangeable: "A called B" and "B spoke with A" are one call. */
const SYMMETRIC = new Set(['consult']);
/** Actions a sentence states even outside its main verb ("In a call with X, Putin expressed ..."). */
const NOMINAL = ['consult', 'condolence'];

export interface EventInput {
  claim: Claim;
  /** Entity names mentioned in the claim's sentence, in order, with their types and positions. */
  mentions: { name: string; type: string; start: number }[];
  /** Tokens of the claim's sentence (lemma and position). */
  tokens: { lemma: string; start: number }[];
  /** Resolved time expressions of the sentence, with their positions. */
  times: { date: string; start: number }[];
  /** Quotations of the sentence (not scare quotes), as spans. */
  quotes?: { start: number; end: number }[];
  /** How early the claim's document is (its reference date); earlier wins a date dispute. */
  referenceDate?: string;
}

interface Draft {
  actor: string;
  action: string;
  target?: string;
  date?: string;
  dateReference?: string;
  dateEvidence?: Evidence;
  place?: string;
  modality: Modality;
  documentIds: Set<string>;
  evidence: Evidence[];
}

/** Events of a story's claims, merged across articles. */
export function extractEvents(inputs: EventInput[]): StoryEvent[] {
  const drafts: Draft[] = [];
  for (const input of inputs) drafts.push(...eventsOfClaim(input));
  const actorCounts = new Map<string, number>();
  for (const d of drafts) actorCounts.set(d.actor, (actorCounts.get(d.actor) ?? 0) + 1);
  const merged = new Map<string, Draft>();
  for (const d of drafts) {
    if (SYMMETRIC.has(d.action) && d.target && (actorCounts.get(d.target) ?? 0) > (actorCounts.get(d.actor) ?? 0)) [d.actor, d.target] = [d.target, d.actor];
    const key = `${d.actor}|${d.action}|${d.target ?? ''}|${d.modality === 'happened' ? 'h' : d.modality}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, d);
      continue;
    }
    for (const id of d.documentIds) existing.documentIds.add(id);
    existing.evidence.push(...d.evidence);
    existing.place ??= d.place;
    if (d.date && (!existing.date || (d.dateReference ?? '9999') < (existing.dateReference ?? '9999'))) {
      existing.date = d.date;
      existing.dateReference = d.dateReference;
      existing.dateEvidence = d.dateEvidence;
    }
  }
  return [...merged.values()]
    .map((d) => ({
      actor: d.actor,
      action: d.action,
      ...(d.target ? { target: d.target } : {}),
      ...(d.date ? { date: d.date } : {}),
      ...(d.place ? { place: d.place } : {}),
      modality: d.modality,
      documentIds: [...d.documentIds].sort(),
      evidence: d.evidence,
      ...(d.dateEvidence ? { dateEvidence: d.dateEvidence } : {}),
    }))
    // Dated first, then what was done before what was said about it, then the most widely reported.
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || Number(a.action === 'statement') - Number(b.action === 'statement') || b.documentIds.length - a.documentIds.length || a.actor.localeCompare(b.actor) || (a.target ?? '').localeCompare(b.target ?? ''));
}

function eventsOfClaim(input: EventInput): Draft[] {
  const { claim } = input;
  if (!claim.actor || claim.opinion || claim.negated) return [];
  // An action word inside a quotation is not done by someone named outside it ('"… she only shot the
  // ones she held responsible," says prosecutor Gail Fairman').
  const actorAt = input.mentions.find((m) => m.name === claim.actor)?.start;
  const quoteOf = (at: number | undefined) => (at === undefined ? undefined : (input.quotes ?? []).find((q) => q.start <= at && at < q.end));
  const allCues = input.tokens.map((t) => ({ action: ACTIONS[t.lemma], start: t.start })).filter((c): c is { action: string; start: number } => Boolean(c.action));
  const cues = allCues.filter((c) => quoteOf(c.start) === quoteOf(actorAt));
  const nominal = NOMINAL.find((a) => cues.some((c) => c.action === a));
  const action = nominal ?? (claim.action ? ACTIONS[claim.action] : undefined);
  if (!action) return [];
  const quotedOnly = !cues.some((c) => c.action === action) && allCues.some((c) => c.action === action);
  const cue = quotedOnly ? undefined : (cues.find((c) => c.action === action) ?? cues[0]);
  if (!cue) return [];
  const actorType = input.mentions.find((m) => m.name === claim.actor)?.type;
  if (actorType === 'place' && action !== 'attack') return [];
  const date = dateOfCue(cue.start, cues, input.times);
  const base = {
    actor: claim.actor,
    action,
    date,
    dateReference: input.referenceDate,
    dateEvidence: date ? claim.evidence : undefined,
    place: claim.place,
    modality: claim.modality,
    documentIds: new Set([claim.documentId]),
    evidence: [claim.evidence],
  };
  if (SYMMETRIC.has(action)) {
    // Everyone named after the cue or after the actor ("calls with A, B and C"; "reached out to A in a call").
    const actorAt = input.mentions.find((m) => m.name === claim.actor)?.start ?? cue.start;
    const from = Math.min(cue.start, actorAt);
    const parties = [...new Set(input.mentions.filter((m) => m.start > from && m.name !== claim.actor && (m.type === 'person' || m.type === 'organization')).map((m) => m.name))];
    return parties.map((target) => ({ ...base, target, evidence: [claim.evidence] }));
  }
  return [{ ...base, ...(claim.target ? { target: claim.target } : {}) }];
}

/**
 * The date that belongs to a cue: each time expression goes to the nearest action word before it
 * ("condolences for lives lost in attacks on October 7" dates the attacks, not the condolences).
 */
function dateOfCue(cueStart: number, cues: { start: number }[], times: { date: string; start: number }[]): string | undefined {
  for (const t of times) {
    const owner = cues.filter((c) => c.start < t.start).pop() ?? cues[0];
    if (owner?.start === cueStart) return t.date;
  }
  return undefined;
}
