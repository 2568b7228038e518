// Reduces each informative sentence of a document to a Claim: who, did what, to whom, how many,
// when, where, according to whom, with modality and negation, and the sentence as evidence.
// It does not compare claims across documents (see match.ts and groups.ts).
import type { AnnotatedDocument, Claim, Entity, EntityMention, Modality, Quantity, Sentence, Token } from '../types.ts';
import { isDateLine } from '../cluster/text.ts';
import { isRole, pronounOfGivenName } from '../annotate/lexicon.ts';
import { evidenceFor } from './evidence.ts';

export interface ClaimOptions {
  /** Fewest content words a sentence needs to state something checkable. */
  minContentWords: number;
}

export const CLAIM_DEFAULTS: ClaimOptions = { minContentWords: 4 };

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);
const PLANNED = /\b(will|shall|is set to|are set to|set to take place|poised to|plans? to|planned|planning to|expected to|scheduled|upcoming|intends? to|intention to|intentions to|gears? up|prepar(?:es|ing) to|there are plans)\b/i;
const POSSIBLE = /\b(may|might|could|potential(?:ly)?|possib(?:le|ility|ly)|risk of|threat of|likely)\b/i;
const DENIED = /\b(denie[sd]|deny|denying|rejected (?:claims|reports)|dismissed (?:claims|reports))\b/i;
const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const SPEECH = new Set(['say', 'tell', 'state', 'report', 'announce', 'add', 'claim', 'write', 'confirm', 'deny', 'warn', 'note', 'quote', 'reveal', 'stress', 'emphasize', 'emphasise', 'express', 'convey', 'inform', 'outline', 'indicate', 'insist', 'declare']);
/** Nouns a light verb carries that are not the action ("conducted ten days of bombing"). */
const NOT_ACTIONS = new Set(['day', 'week', 'month', 'year', 'hour', 'series', 'number', 'lot', 'kind', 'type', 'part', 'role', 'way', 'time']);
const LIGHT_VERBS = new Set(['engage', 'hold', 'have', 'make', 'express', 'convey', 'issue', 'offer', 'give', 'take', 'conduct', 'launch', 'carry', 'seek', 'share']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it']);
/**
 * Those who speak or act for the body named before them ("CNN management", "an FBI agent"), beyond
 * the titles `isRole` knows ("a Foreign Office spokeswoman", "NYPD officers").
 */
const ACTS_FOR = new Set(['official', 'management', 'source', 'agent', 'investigator', 'administration', 'government']);
const OBJECT_PREPOSITIONS = new Set(['with', 'to', 'of', 'from', 'by', 'for', 'about', 'against', 'on', 'at', 'in', 'near', 'into', 'through', 'across', 'outside', 'inside', 'over', 'under', 'after', 'before', 'during', 'since', 'than', 'like', 'among', 'between', 'toward', 'towards', 'behind', 'beyond', 'via']);

/** Hyphens and case folded so "cease-fire" and "ceasefire" meet. */
export function foldLemma(lemma: string): string {
  return lemma.toLowerCase().replace(/[-‐–]/g, '');
}

export function contentTokens(sentence: Sentence): Token[] {
  return sentence.tokens.filter((t) => CONTENT_POS.has(t.pos) && !t.isStop && /\p{L}/u.test(t.text) && t.text.length > 1);
}

export interface ClaimContext {
  doc: AnnotatedDocument;
  /** `${documentId}#${mentionIndex}` → entity id (from resolveEntities). */
  mentionEntity: Map<string, string>;
  entities: Map<string, Entity>;
  /** Sentences that judge rather than report; their claims are marked `opinion`. */
  opinionSentences: Set<number>;
}

/** The claims of one document, in sentence order. */
export function extractClaims(ctx: ClaimContext, options: Partial<ClaimOptions> = {}): Claim[] {
  const opts = { ...CLAIM_DEFAULTS, ...options };
  const { doc } = ctx;
  const mentionsBySentence = new Map<number, { mention: EntityMention; entityId?: string }[]>();
  doc.mentions.forEach((mention, i) => {
    const list = mentionsBySentence.get(mention.sentence) ?? [];
    list.push({ mention, entityId: ctx.mentionEntity.get(`${doc.doc.id}#${i}`) });
    mentionsBySentence.set(mention.sentence, list);
  });
  const claims: Claim[] = [];
  let previousActor: string | undefined;
  for (const sentence of doc.sentences) {
    const content = contentTokens(sentence);
    const mentions = (mentionsBySentence.get(sentence.index) ?? []).filter((m) => m.entityId);
    const hasVerb = sentence.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
    if (content.length < opts.minContentWords || !hasVerb || /\?\s*$/.test(sentence.text) || isDateLine(sentence.text)) continue;
    const evidence = evidenceFor(doc, sentence.index);
    if (!evidence) continue;
    const verbIndex = mainVerbIndex(sentence, mentions.map((m) => m.mention));
    const verb = sentence.tokens[verbIndex];
    const name = (id: string | undefined): string | undefined => (id ? ctx.entities.get(id)?.name : undefined);
    // A verb inside a quotation is done by someone the quotation names, not by its speaker outside it.
    const quotes = doc.quotes.filter((q) => q.sentence === sentence.index && !q.scare);
    const within = (m: { mention: EntityMention }, q: { start: number; end: number }): boolean => m.mention.start >= q.start && m.mention.end <= q.end;
    const quote = verb ? quotes.find((q) => q.start <= verb.start && verb.end <= q.end) : undefined;
    // Inside a quotation, only the names it holds; outside, none of the names quoted words hold.
    const candidates = quote ? mentions.filter((m) => within(m, quote)) : mentions.filter((m) => !quotes.some((q) => within(m, q)));
    let actorId = actorBefore(sentence, candidates, verb, ctx.entities);
    // '"…," says prosecutor Gail Fairman': the speaker follows the verb of saying.
    if (!actorId && verb && !quote && SPEECH.has(verb.lemma) && /["”'’`]\s*,?\s*$/.test(doc.doc.text.slice(sentence.start, verb.start))) {
      actorId = candidates.find((m) => m.mention.start > verb.end && ctx.entities.get(m.entityId!)?.type === 'person')?.entityId;
    }
    if (!actorId && verb) {
      const pronoun = subjectPronoun(sentence, verbIndex);
      // Outside the quotation, the speaker; a pronoun inside it is someone else ("'… she only shot the
      // ones she held responsible,' says Fairman").
      const speakerHere = quote && mentions.some((m) => m.entityId === previousActor && !within(m, quote));
      if (pronoun && !speakerHere && pronounFits(pronoun, previousActor, ctx.entities)) actorId = previousActor;
    }
    let targetId = mentions.find((m) => verb && m.mention.start > verb.start && m.entityId !== actorId && ctx.entities.get(m.entityId!)?.type !== 'place')?.entityId;
    const subjectId = actorId;
    if (verb && isPassive(sentence, verbIndex)) {
      // "Hiller is charged with murder", "Wilson was shot by Hiller": the subject undergoes the action.
      actorId = agentAfter(sentence, verbIndex, mentions);
      targetId = subjectId;
    }
    const placeId = mentions.find((m) => ctx.entities.get(m.entityId!)?.type === 'place' && /\b(in|at|near|from)\s+(the\s+)?$/i.test(doc.doc.text.slice(Math.max(sentence.start, m.mention.start - 12), m.mention.start)))?.entityId;
    const quantities: Quantity[] = doc.numbers
      .filter((n) => n.sentence === sentence.index)
      .map((n) => {
        const holder = holderOf(sentence, n.start, mentions, ctx.entities);
        const context = figureContext(sentence, n.start, n.end);
        return { value: n.value, qualifier: n.qualifier, unit: n.unit, counted: n.counted, text: doc.doc.text.slice(n.start, n.end) + (n.countedText ? ` ${n.countedText}` : ''), ...(n.range ? { range: n.range } : {}), ...(n.whole ? { whole: true as const } : {}), ...(typeof holder === 'string' ? { holder } : holder ? { ofPronoun: true as const } : {}), context };
      });
    const timeRefs = doc.times
      .filter((t) => t.sentence === sentence.index && t.date)
      .map((t) => ({ date: t.date!.slice(0, 10), relative: t.relative, ...(t.precision ? { precision: t.precision } : {}), ...(t.yearInferred ? { yearInferred: true } : {}) }));
    const dates = [...new Set(timeRefs.map((t) => t.date))].sort();
    const lower = sentence.text.toLowerCase();
    const claim: Claim = {
      id: `${doc.doc.id}:${sentence.index}`,
      documentId: doc.doc.id,
      sentenceIndex: sentence.index,
      text: sentence.text,
      evidence,
      actor: name(actorId),
      action: verb ? actionOf(sentence, verbIndex) : undefined,
      target: name(targetId),
      quantities,
      dates,
      timeRefs,
      place: name(placeId),
      attribution: attributionOf(sentence, verb, name(actorId), doc, mentions, ctx),
      modality: modalityOf(lower),
      negated: isNegated(sentence, verbIndex),
      opinion: ctx.opinionSentences.has(sentence.index),
      entityIds: [...new Set(mentions.map((m) => m.entityId!))].sort(),
      lemmas: [...new Set(content.map((t) => foldLemma(t.lemma)))],
    };
    claims.push(claim);
    // A pronoun in the next sentence refers to this one's subject, passive or not ("Ushakov was quoted by
    // Interfax ... He revealed ...").
    if (subjectId && ctx.entities.get(subjectId)?.type === 'person') previousActor = subjectId;
  }
  return claims;
}

function mainVerbIndex(sentence: Sentence, mentions: EntityMention[]): number {
  const firstMentionEnd = mentions.length ? Math.min(...mentions.map((m) => m.end)) : sentence.start;
  let fallback = -1;
  for (let i = 0; i < sentence.tokens.length; i++) {
    const t = sentence.tokens[i]!;
    if (t.pos !== 'VERB') continue;
    if (fallback < 0) fallback = i;
    // Skip participles of a leading clause ("Amid growing concerns, ...") when a later verb follows a subject.
    if (t.start >= firstMentionEnd) return i;
  }
  return fallback;
}

function actorBefore(sentence: Sentence, mentions: { mention: EntityMention; entityId?: string }[], verb: Token | undefined, entities: Map<string, Entity>): string | undefined {
  if (!verb) return mentions[0]?.entityId;
  const before = mentions.filter((m) => m.mention.end <= verb.start);
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    const preceding = sentence.tokens.filter((t) => t.end <= m.mention.start);
    let prev = preceding.pop();
    if (prev?.pos === 'DET') prev = preceding.pop(); // "at a Kraft factory", "from the University of Alabama"
    if (prev && OBJECT_PREPOSITIONS.has(prev.text.toLowerCase())) continue;
    // "a Manchester, Conn., beer distributorship": a place set beside another place is where, not who.
    const beside = before[i - 1];
    if (prev?.text === ',' && beside && entities.get(m.entityId!)?.type === 'place' && entities.get(beside.entityId!)?.type === 'place' && beside.mention.end <= prev.start) continue;
    // "the suspended Kraft foods employee accused of …": a name before a noun describes the noun. Not
    // before someone who speaks or acts for it ("a Surrey Police spokeswoman said", "NYPD officers
    // shot"), and not "Hiller shot and killed", "Hiller shot two co-workers", where the tagger read a
    // verb as a noun: an object or a conjunction follows it.
    const next = sentence.tokens.findIndex((t) => t.start >= m.mention.end);
    const noun = sentence.tokens[next];
    const after = sentence.tokens[next + 1];
    if (noun && noun.pos === 'NOUN' && /^\p{Ll}/u.test(noun.text) && !ACTS_FOR.has(noun.lemma) && !isRole(noun.lemma) && !(after && ['CCONJ', 'DET', 'NUM', 'PRON'].includes(after.pos))) continue;
    return m.entityId;
  }
  return undefined;
}

/**
 * Is the main verb a passive participle ("was shot", "is charged", "has been arrested", "got hit")?
 * Only adverbs and "not" may stand between it and the form of "be" or "get". A participle right
 * after a comma and before "of", "with", "in", "for", "by" or "over" is one too.
 */
function isPassive(sentence: Sentence, verbIndex: number): boolean {
  const verb = sentence.tokens[verbIndex]!;
  if (/ing$/i.test(verb.text) || verb.text.toLowerCase() === verb.lemma) return false;
  // An apposition: "Yvonne Hiller, accused in the Kraft shooting, ..." (after a name alone it is
  // often the active past: "Putin engaged in talks").
  const before = sentence.tokens[verbIndex - 1];
  const after = sentence.tokens[verbIndex + 1];
  if (/ed$/i.test(verb.text) && before?.text === ',' && after && ['of', 'with', 'in', 'for', 'by', 'over'].includes(after.text.toLowerCase())) return true;
  for (let i = verbIndex - 1; i >= 0 && i >= verbIndex - 4; i--) {
    const t = sentence.tokens[i]!;
    // "was", "is", "been", "gets" — or a bare "be" / "get" after "to" or a modal ("will be charged").
    if (t.lemma === 'be' || t.lemma === 'get') return !/^(?:be|get)$/i.test(t.text) || MODALS.has(sentence.tokens[i - 1]?.lemma ?? '');
    if (t.pos !== 'ADV' && t.pos !== 'PART') return false;
  }
  return false;
}

const MODALS = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should']);

/** The agent of a passive verb: the person or organisation named right after "by" ("shot by Hiller"). */
function agentAfter(sentence: Sentence, verbIndex: number, mentions: { mention: EntityMention; entityId?: string }[]): string | undefined {
  const by = sentence.tokens.slice(verbIndex + 1, verbIndex + 6).find((t) => t.text.toLowerCase() === 'by');
  if (!by) return undefined;
  return mentions.find((m) => m.mention.start > by.start && m.mention.start - by.end <= 5)?.entityId;
}

/** The subject pronoun before the main verb ("he", "she", "they", "it"), lower-cased. */
function subjectPronoun(sentence: Sentence, verbIndex: number): string | undefined {
  return sentence.tokens
    .slice(0, Math.max(0, verbIndex))
    .find((t) => SUBJECT_PRONOUNS.has(t.text.toLowerCase()) && t.pos === 'PRON')
    ?.text.toLowerCase();
}

/**
 * Can `pronoun` stand for the person `entityId`? Only "he" and "she" stand for one person, and not
 * for someone whose given name the name lists hold for the other sex only ("she" is not Kenneth
 * Dorsey); "they" and "it" never stand for a person.
 */
function pronounFits(pronoun: string, entityId: string | undefined, entities: Map<string, Entity>): boolean {
  const person = entityId ? entities.get(entityId) : undefined;
  if (!person || person.type !== 'person' || (pronoun !== 'he' && pronoun !== 'she')) return false;
  const given = person.name.split(/\s+/);
  const sex = given.length > 1 ? pronounOfGivenName(given[0]!) : undefined;
  return !sex || sex === pronoun;
}

/** The verb's lemma, or for a light verb the noun it carries ("engaged in discussions" → "discussion"). */
function actionOf(sentence: Sentence, verbIndex: number): string {
  const verb = sentence.tokens[verbIndex]!;
  if (LIGHT_VERBS.has(verb.lemma)) {
    const noun = sentence.tokens.slice(verbIndex + 1, verbIndex + 7).find((t) => t.pos === 'NOUN' && !NOT_ACTIONS.has(t.lemma));
    if (noun) return noun.lemma;
  }
  return verb.lemma;
}

/** "will not guess", "won't say": a refusal, not a plan that a later report could find carried out. */
const REFUSED = /\b(?:will|shall)\s+not\b|\b(?:won|shan)['’]?t\b/g;

function modalityOf(lower: string): Modality {
  if (DENIED.test(lower)) return 'denied';
  if (PLANNED.test(lower.replace(REFUSED, ''))) return 'planned';
  if (POSSIBLE.test(lower)) return 'possible';
  return 'happened';
}

/** Most words between a person's name and a figure stated of them ("Garrard completed 28 of 41 passes"). */
const HOLDER_REACH = 4;
/** Most words between the subject of a clause and a figure in it ("Hansbrough finished the game with 20 points"). */
const SUBJECT_REACH = 12;
/** Words that open another clause, with a subject of its own, between a subject and a figure. */
const CLAUSE_OPENERS = new Set(['while', 'whereas', 'but', 'and', 'although', 'though', 'because', 'when', 'after', 'before', 'than', 'as', 'if', 'unless', 'since', 'until', 'that', 'which', 'where']);

/**
 * The person a figure is stated of (an entity id); `true` when it is stated of a "he" or "she" the
 * sentence does not name; undefined when the sentence does not say:
 * - one named at most `HOLDER_REACH` words before it, with no verb of saying and no noun between
 *   ("Andre Miller is averaging 15.5 points, Andre Iguodala 14.9"; not "Gaskin said 50 were hurt",
 *   where the figure is the speaker's, nor "condolences to Netanyahu regarding the loss of over 1,300
 *   lives", where it is the loss's);
 * - the subject of the figure's clause, a name right before its verb ("Hansbrough finished the game
 *   with 20 points", "Orozco is 5-foot-8, 135 pounds"), with no verb of saying and no other clause
 *   opening between;
 * - a subject "he" or "she" ("He is 5-feet-8 inches tall, weighing 130 pounds"): someone, maybe the
 *   person another article names. Pronouns are not resolved: the names they would resolve to are
 *   too often a surname two people share, or the last person quoted.
 */
function holderOf(sentence: Sentence, start: number, mentions: { mention: EntityMention; entityId?: string }[], entities: Map<string, Entity>): string | true | undefined {
  let last: { mention: EntityMention; entityId?: string } | undefined;
  for (const m of mentions) if (m.mention.end <= start && entities.get(m.entityId!)?.type === 'person' && (!last || m.mention.end > last.mention.end)) last = m;
  if (last) {
    const between = sentence.tokens.filter((t) => t.start >= last.mention.end && t.end <= start);
    if (between.length <= HOLDER_REACH && !between.some((t) => SPEECH.has(t.lemma) || t.text === ';' || t.pos === 'NOUN')) return last.entityId;
    if (isSubject(sentence, last.mention, between) && opensNoClause(between)) return last.entityId;
    return undefined;
  }
  const before = sentence.tokens.filter((t) => t.end <= start);
  const pronoun = before.findIndex((t) => /^(?:he|she)$/i.test(t.text) && t.pos === 'PRON');
  return pronoun >= 0 && startsWithVerb(before.slice(pronoun + 1)) && opensNoClause(before.slice(pronoun + 1)) ? true : undefined;
}

/** Do the words between a subject and its figure stay in one clause: no verb of saying, no other clause opening, at most `SUBJECT_REACH`? */
function opensNoClause(between: Token[]): boolean {
  return between.length <= SUBJECT_REACH && !between.some((t, i) => SPEECH.has(t.lemma) || /^[;:"“”]$/.test(t.text) || opensClause(t, between[i + 1]));
}

/** "and" or "but" before a verb joins a second verb to the same subject ("Bush has returned and played in the past six games"). */
function opensClause(t: Token, next: Token | undefined): boolean {
  return CLAUSE_OPENERS.has(t.text.toLowerCase()) && !(/^(?:and|but)$/i.test(t.text) && (next?.pos === 'VERB' || next?.pos === 'AUX'));
}

/** Do these words open with a finite verb, adverbs aside ("actually had", "is", "finished"; not "regarding")? */
function startsWithVerb(tokens: Token[]): boolean {
  const verb = tokens.find((t) => t.pos !== 'ADV');
  return !!verb && (verb.pos === 'AUX' || (verb.pos === 'VERB' && !/ing$/i.test(verb.text)));
}

/** Is the name the subject of the verb that follows it ("Hansbrough finished …"; not "condolences to Netanyahu regarding …")? */
function isSubject(sentence: Sentence, mention: EntityMention, after: Token[]): boolean {
  const preceding = sentence.tokens.filter((t) => t.end <= mention.start);
  let prev = preceding.pop();
  if (prev?.pos === 'DET') prev = preceding.pop();
  return !(prev && OBJECT_PREPOSITIONS.has(prev.text.toLowerCase())) && startsWithVerb(after);
}

/** Content words on each side of a figure that describe it: what happened, to what, where. */
const CONTEXT_REACH = 4;

/**
 * Up to `CONTEXT_REACH` content words (lemmas) on each side of the figure at [start, end), within its
 * clause (a stop or semicolon ends it); the figure's own tokens and other figures are left out.
 */
function figureContext(sentence: Sentence, start: number, end: number): string[] {
  const tokens = sentence.tokens;
  const first = tokens.findIndex((t) => t.end > start);
  if (first < 0) return [];
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
  const words: string[] = [];
  const walk = (from: number, step: 1 | -1): void => {
    let taken = 0;
    for (let i = from; i >= 0 && i < tokens.length && taken < CONTEXT_REACH; i += step) {
      const t = tokens[i]!;
      if (/^[.;:!?]$/.test(t.text)) break;
      if (CONTENT_POS.has(t.pos) && t.pos !== 'NUM' && !t.isStop && /\p{L}/u.test(t.text) && t.text.length > 1) {
        words.push(foldLemma(t.lemma));
        taken++;
      }
    }
  };
  walk(first - 1, -1);
  walk(last + 1, 1);
  return words;
}

function isNegated(sentence: Sentence, verbIndex: number): boolean {
  if (verbIndex < 0) return false;
  const window = sentence.tokens.slice(Math.max(0, verbIndex - 3), verbIndex + 2);
  // "not only ... but also" affirms.
  // The lemma reads contractions written without an apostrophe too ("cant" is "ca" + "nt", lemma "not").
  return window.some((t, i) => (NEGATION.has(t.text.toLowerCase()) || t.lemma === 'not') && window[i + 1]?.text.toLowerCase() !== 'only');
}

function attributionOf(
  sentence: Sentence,
  verb: Token | undefined,
  actor: string | undefined,
  doc: AnnotatedDocument,
  mentions: { mention: EntityMention; entityId?: string }[],
  ctx: ClaimContext,
): string | undefined {
  const lower = sentence.text.toLowerCase();
  const according = lower.indexOf('according to');
  if (according >= 0) {
    const after = mentions.find((m) => m.mention.start >= sentence.start + according);
    if (after?.entityId) return ctx.entities.get(after.entityId)?.name;
  }
  const quotedBy = /quoted by (the )?([A-Z][\w-]+)/.exec(sentence.text);
  if (quotedBy?.[2]) return quotedBy[2];
  if (verb && SPEECH.has(verb.lemma) && actor) return actor;
  const quote = doc.quotes.find((q) => q.sentence === sentence.index && q.speaker);
  return quote?.speaker;
}
