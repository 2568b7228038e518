// Events in the GDELT/ACLED tradition: who did what to whom, when and where, according to whom, from
// each claim, with a small CAMEO-like set of actions; the same event told by several articles
// becomes one event.
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

/**
 * Verbs that report what someone else did or will do: in "Ushakov revealed that there are plans for
 * Putin to converse with Netanyahu" the conversation is Putin's, according to Ushakov.
 */
const REPORTING = new Set(['say', 'state', 'tell', 'reveal', 'announce', 'report', 'claim', 'add', 'note', 'confirm', 'indicate', 'inform', 'write', 'explain', 'insist', 'disclose']);
/** Reporting verbs whose object is who is spoken to ("told Interfax", "informed the council"), not who acts. */
const ADDRESSING = new Set(['tell', 'inform', 'brief', 'assure', 'remind']);
/** Actions done by speaking: a place or a person named after the action word is what is said, not where or to whom. */
const SPOKEN = new Set(['statement', 'condolence', 'warning', 'appeal', 'accusation', 'proposal', 'declaration']);

/** Actions whose two sides are interchangeable: "A called B" and "B spoke with A" are one call. */
const SYMMETRIC = new Set(['consult']);
/** Actions a sentence states even outside its main verb ("In a call with X, Putin expressed ..."). */
const NOMINAL = ['consult', 'condolence'];

export interface EventInput {
  claim: Claim;
  /** Entity names mentioned in the claim's sentence, in order, with their types and positions (the place of `claim.place` among them). */
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
  according: Set<string>;
  documentIds: Set<string>;
  evidence: Evidence[];
}

/** Events of a story's claims, merged across articles. */
export function extractEvents(inputs: EventInput[]): StoryEvent[] {
  const drafts = withDoers(inputs.flatMap(eventsOfClaim));
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
    for (const source of d.according) existing.according.add(source);
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
      ...(d.according.size ? { according: [...d.according].sort() } : {}),
      documentIds: [...d.documentIds].sort(),
      evidence: d.evidence,
      ...(d.dateEvidence ? { dateEvidence: d.dateEvidence } : {}),
    }))
    // Dated first, then what was done before what was said about it, then the most widely reported.
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || Number(a.action === 'statement') - Number(b.action === 'statement') || b.documentIds.length - a.documentIds.length || a.actor.localeCompare(b.actor) || (a.target ?? '').localeCompare(b.target ?? ''));
}

/** The actor of a reported meeting or call whose doer the sentence does not name. */
const UNNAMED = '';

/**
 * Gives a reported meeting or call without a named doer ("he revealed that more conversations are set
 * to take place on Monday, involving Abbas and Netanyahu") the doer the story's other events give the
 * same action with the same party ("Putin spoke with Netanyahu"), when they give exactly one; else it is
 * dropped.
 */
function withDoers(drafts: Draft[]): Draft[] {
  const named = drafts.filter((d) => d.actor !== UNNAMED);
  return drafts.flatMap((d) => {
    if (d.actor !== UNNAMED) return [d];
    const doers = new Set(named.filter((n) => n.action === d.action && (n.target === d.target || n.actor === d.target)).map((n) => (n.target === d.target ? n.actor : n.target!)));
    const [doer] = doers;
    return doers.size === 1 && doer !== undefined ? [{ ...d, actor: doer }] : [];
  });
}

function eventsOfClaim(input: EventInput): Draft[] {
  const { claim } = input;
  if (!claim.actor || claim.opinion || claim.negated) return [];
  // An action word inside a quotation is not done by someone named outside it ('"… she only shot the
  // ones she held responsible," says prosecutor Gail Fairman').
  const speakerAt = input.mentions.find((m) => m.name === claim.actor)?.start;
  const quoteOf = (at: number | undefined) => (at === undefined ? undefined : (input.quotes ?? []).find((q) => q.start <= at && at < q.end));
  const allCues = input.tokens.map((t) => ({ action: ACTIONS[t.lemma], start: t.start })).filter((c): c is { action: string; start: number } => Boolean(c.action));
  const cues = allCues.filter((c) => quoteOf(c.start) === quoteOf(speakerAt));
  const nominal = NOMINAL.find((a) => cues.some((c) => c.action === a));
  const action = nominal ?? (claim.action ? ACTIONS[claim.action] : undefined);
  if (!action) return [];
  const quotedOnly = !cues.some((c) => c.action === action) && allCues.some((c) => c.action === action);
  const cue = quotedOnly ? undefined : (cues.find((c) => c.action === action) ?? cues[0]);
  if (!cue) return [];
  // An actor not named in the sentence was its subject pronoun ("Furthermore, he revealed that …").
  const reported = reportedActor(input, cue, speakerAt ?? input.tokens[0]?.start);
  // A reported action whose doer is not named: only a meeting or call, whose parties are named, is
  // kept, its doer to be found among the story's other events (`withDoers`).
  if (reported === null && !SYMMETRIC.has(action)) return [];
  const actor = reported === null ? UNNAMED : (reported?.name ?? claim.actor);
  const actorAt = reported?.start ?? speakerAt;
  const actorType = input.mentions.find((m) => m.name === actor)?.type;
  if (actorType === 'place' && action !== 'attack') return [];
  // A source is someone other than the actor ("Greek President Carolos Papoulias" is Carolos Papoulias).
  const source = reported ? claim.actor : claim.attribution;
  const according = new Set(source && (reported === null || (!source.includes(actor) && !actor.includes(source))) ? [source] : []);
  const date = dateOfCue(cue.start, cues, input.times);
  // What a speaker says of a place is not where the speaking was ("condolences for the lives lost in attacks from Gaza").
  const placeAt = claim.place ? input.mentions.find((m) => m.name === claim.place)?.start : undefined;
  const place = claim.place && !(SPOKEN.has(action) && placeAt !== undefined && placeAt > cue.start) ? claim.place : undefined;
  const base = {
    actor,
    action,
    date,
    dateReference: input.referenceDate,
    dateEvidence: date ? claim.evidence : undefined,
    place,
    modality: claim.modality,
    according,
    documentIds: new Set([claim.documentId]),
    evidence: [claim.evidence],
  };
  if (SYMMETRIC.has(action)) {
    // Everyone named after the cue or after the actor ("calls with A, B and C"; "reached out to A in a call"), not the one who reports it.
    const from = Math.min(cue.start, actorAt ?? cue.start);
    const parties = [...new Set(input.mentions.filter((m) => m.start > from && m.name !== actor && !according.has(m.name) && (m.type === 'person' || m.type === 'organization')).map((m) => m.name))];
    return parties.map((target) => ({ ...base, target, evidence: [claim.evidence] }));
  }
  // A statement's target is who is spoken to ("told Interfax"), not someone the statement is about.
  // Nor is the source the target ("… was shot and killed, according to the N. Y. Daily News").
  const target = action === 'statement' ? addressee(input, claim) : claim.target;
  return [{ ...base, ...(target && !according.has(target) ? { target } : {}) }];
}

/**
 * The one who does an action a speaker reports: the person or organisation named between a reporting
 * verb and the action word ("Ushakov revealed that there are plans for Putin to converse with
 * Netanyahu": Putin), leaving out whom the speaker addresses ("told Netanyahu"). `undefined` when the
 * action is not reported, so the claim's actor does it; `null` when it is reported ("that …") and the
 * doer is not named ("he revealed that more conversations are set to take place"): never the speaker
 * then; the caller keeps only a meeting or call, whose doer the story's other events may give.
 */
function reportedActor(input: EventInput, cue: { action: string; start: number }, speakerAt: number | undefined): { name: string; start: number } | null | undefined {
  if (cue.action === 'statement' || speakerAt === undefined || speakerAt > cue.start) return undefined;
  const verb = input.tokens.find((t) => REPORTING.has(t.lemma) && t.start > speakerAt && t.start < cue.start);
  if (!verb) return undefined;
  const spokenTo = ADDRESSING.has(verb.lemma) ? firstMentionAfter(input, verb.start) : undefined;
  const doer = input.mentions.find((m) => m.start > verb.start && m.start < cue.start && m !== spokenTo && (m.type === 'person' || m.type === 'organization'));
  if (doer) return { name: doer.name, start: doer.start };
  const clause = input.tokens.filter((t) => t.start > verb.start && t.start < cue.start);
  // "Woodward wrote that he met Felt": a speaker who is a person reports their own doing. A speaker
  // the sentence does not name was its "he" or "she".
  const speakerIsPerson = !input.mentions.some((m) => m.start === speakerAt) || input.mentions.some((m) => m.start === speakerAt && m.type === 'person');
  if (speakerIsPerson && clause.some((t) => t.lemma === 'he' || t.lemma === 'she')) return undefined;
  return clause.some((t) => t.lemma === 'that') ? null : undefined;
}

/** Whom a statement is made to: the person or organisation right after "told", "informed" and the like. */
function addressee(input: EventInput, claim: Claim): string | undefined {
  const verb = input.tokens.find((t) => ADDRESSING.has(t.lemma));
  const spokenTo = verb ? firstMentionAfter(input, verb.start) : undefined;
  return spokenTo && spokenTo.name === claim.target ? spokenTo.name : undefined;
}

/** The person or organisation named within three tokens after `start`. */
function firstMentionAfter(input: EventInput, start: number): { name: string; type: string; start: number } | undefined {
  const next = input.tokens.filter((t) => t.start > start).slice(0, 3);
  const limit = next.at(-1)?.start ?? start;
  return input.mentions.find((m) => m.start > start && m.start <= limit && (m.type === 'person' || m.type === 'organization'));
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
