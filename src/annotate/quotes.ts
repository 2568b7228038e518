// Finds direct quotations (double, curly or single marks, also across sentences of a paragraph) and the name or title they
// are attributed to; no pronoun resolution or cross-article merging. Own code: a few patterns over wink tokens suffice.
import type { Quote, Sentence, Token } from '../types.ts';
import { ORGANIZATION_CUES, isRole, isRoleModifier } from './lexicon.ts';

export interface QuoteOptions {
  /** Quotes of at most this many words are scare quotes ("resistance", "Great Satan"): kept, marked `scare`. */
  scareMaxWords: number;
  /** Longest speaker phrase, in tokens. */
  maxSpeakerTokens: number;
  /** Fewest words inside single quotation marks for a quote, unless it ends with a stop or comma (apostrophes look alike). */
  singleQuoteMinWords: number;
}

export const DEFAULT_QUOTE_OPTIONS: QuoteOptions = { scareMaxWords: 3, maxSpeakerTokens: 8, singleQuoteMinWords: 3 };

const OPENING = new Set(['“', '„', '«']);
const CLOSING = new Set(['”', '»']);
/** Lemmas of verbs that attribute words to a speaker. */
const SPEECH_VERBS = new Set(
  `say tell state add announce warn claim insist note explain write tweet post argue deny confirm ask urge reply
  respond declare convey express describe stress emphasize emphasise quote reveal affirm vow pledge caution demand
  promise remark comment acknowledge admit suggest predict threaten call charge allege recall assert contend testify
  concede maintain observe recount shout cry answer`.split(/\s+/),
);
/** Is `lemma` a verb that attributes words to a speaker ("say", "ask", "shout")? */
export function isSpeechVerb(lemma: string): boolean {
  return SPEECH_VERBS.has(lemma);
}

/** Nouns that stand for a speaker in a possessive phrase ("Netanyahu's office", "the ministry's spokesman"). */
const SPEAKER_NOUNS = new Set(['office', 'spokesman', 'spokeswoman', 'spokesperson', 'ministry', 'government', 'aide', 'aides', 'lawyer', 'lawyers', 'campaign', 'team', 'press', 'secretary', 'statement']);
const STATEMENT_NOUNS = new Set(['statement', 'communique', 'communiqué', 'release', 'post', 'tweet', 'message', 'readout', 'summary']);
/** Words that join a role to its organisation inside a speaker phrase. */
const ROLE_LINKS = new Set(['of', 'for', 'at']);
/** Verbs whose object is the one spoken to ("told reporters", "urged Israel"). */
const LISTENER_VERBS = new Set(['tell', 'ask', 'urge', 'warn', 'call', 'remind', 'assure', 'inform', 'brief', 'accuse', 'charge', 'caution']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

interface Pair {
  open: number;
  close: number;
}

/** Pair quotation marks inside one stretch of text; `base` is the stretch's offset in the document. */
function pairMarks(text: string, base: number): Pair[] {
  const pairs: Pair[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const straight = ch === '"';
    if (!straight && !OPENING.has(ch) && !CLOSING.has(ch)) continue;
    if (straight && /\d/.test(text[i - 1] ?? '')) continue; // inch marks: 5'10"
    const looksOpening = OPENING.has(ch) || (straight && (i === 0 || /[\s([{—–-]/.test(text[i - 1] ?? '')));
    if (open < 0) {
      if (looksOpening || (straight && open < 0 && !/\s/.test(text[i + 1] ?? ' '))) open = i;
    } else if (!OPENING.has(ch)) {
      pairs.push({ open: base + open, close: base + i });
      open = -1;
    } else open = i; // a new opening mark before any closing one: the earlier was stray
  }
  return pairs;
}

/**
 * Pair single quotation marks (British style: 'We will win,' he said). Apostrophes look the same, so a pair
 * counts only when it opens at a word start, closes after a word or stop, and holds at least `minWords` words.
 */
function pairSingleMarks(text: string, base: number, minWords: number): Pair[] {
  const pairs: Pair[] = [];
  const re = /(?<=^|[\s(—–-])['‘](?=\p{L}|\d)([^'‘’"“”\n]*?[\p{L}\d.,!?])['’](?=$|[\s.,;:!?)—–-])/gu;
  for (const m of text.matchAll(re)) {
    const inner = m[1] ?? '';
    if (inner.split(/\s+/).length < minWords && !/[.,!?]$/.test(inner)) continue;
    const open = base + (m.index ?? 0);
    pairs.push({ open, close: open + m[0].length - 1 });
  }
  return pairs;
}

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** A hyphen glued to the words on both sides ("Secretary-General"). */
function isJoiningHyphen(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return t?.text === '-' && prev?.end === t.start && next?.start === t.end;
}

function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && /^['’]s$/.test(t.text);
}

/** Whether a token can be part of a speaker's name or title phrase. */
function isSpeakerToken(t: Token, first: boolean): boolean {
  const w = t.text.toLowerCase();
  if (t.text === '-') return false;
  if (isRole(w) || isRoleModifier(w) || ORGANIZATION_CUES.has(w)) return true; // "the spokesman", "the ministry"
  if (t.pos === 'PROPN') return true;
  return isCapitalised(t) && !first && ['NOUN', 'ADJ', 'X'].includes(t.pos);
}

/** The name/title phrase ending just before token `k` (exclusive), written leftwards. */
function phraseBefore(tokens: Token[], k: number, max: number): [number, number] | undefined {
  let i = k - 1;
  let from = k;
  let sawName = false;
  while (i >= 0 && k - i <= max) {
    const t = tokens[i]!;
    const w = t.text.toLowerCase();
    if (SPEAKER_NOUNS.has(w) && isPossessive(tokens[i - 1]) && from === k) {
      from = i - 1; // "Netanyahu's office"
      i -= 2;
      continue;
    }
    if (isSpeakerToken(t, i === 0)) {
      from = i;
      sawName = true;
    } else if (isJoiningHyphen(tokens, i) && sawName) {
      from = i; // "Secretary-General"
    } else if (ROLE_LINKS.has(w) && sawName && tokens[i - 1] && isSpeakerToken(tokens[i - 1]!, i - 1 === 0)) {
      from = i; // "Bank of England", "the president of Iran", "a spokesman for Waitrose"
    } else if ((w === 'the' || w === 'a' || w === 'an') && sawName && from === i + 1) {
      from = i;
      break;
    } else break;
    i--;
  }
  if (!sawName) return undefined;
  while (from < k && ROLE_LINKS.has(tokens[from]!.text.toLowerCase())) from++;
  return [from, k];
}

/** The name/title phrase starting at token `k`, written rightwards ("said Foreign Minister Sergei Lavrov"). */
function phraseAfter(tokens: Token[], k: number, max: number): [number, number] | undefined {
  let i = k;
  if (['the', 'a', 'an'].includes(tokens[i]?.text.toLowerCase() ?? '')) i++;
  let end = -1;
  while (i < tokens.length && i - k < max) {
    const t = tokens[i]!;
    if (isSpeakerToken(t, false)) end = i + 1;
    else if (isJoiningHyphen(tokens, i) && end === i) {
      /* "Secretary-General" */
    } else if (t.text.toLowerCase() === 'of' && end === i && tokens[i + 1] && isSpeakerToken(tokens[i + 1]!, false)) {
      /* keep going */
    } else if (isPossessive(t) && SPEAKER_NOUNS.has(tokens[i + 1]?.text.toLowerCase() ?? '')) {
      end = i + 2;
      i++;
    } else break;
    i++;
  }
  return end < 0 ? undefined : [k, end];
}

function speakerIn(sentence: Sentence, text: string, quote: Pair, options: QuoteOptions, quoted: Pair[]): string | undefined {
  const tokens = sentence.tokens;
  const inQuote = (t: Token) => quoted.some((q) => t.start > q.open && t.end <= q.close + 1);
  const slice = (r: [number, number]) => text.slice(tokens[r[0]]!.start, tokens[r[1] - 1]!.end);

  // "X was quoted by Y, stating": X is the speaker, Y the outlet.
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (inQuote(tokens[i]!)) continue;
    if (tokens[i]!.lemma === 'quote' && ['be', 'get'].includes(tokens[i - 1]!.lemma)) {
      const r = phraseBefore(tokens, i - 1, options.maxSpeakerTokens);
      if (r) return slice(r);
    }
  }
  // Candidate cues outside quotes, nearest to the quote first.
  const cues: { i: number; kind: 'verb' | 'according' | 'statement' }[] = [];
  tokens.forEach((t, i) => {
    if (inQuote(t)) return;
    const w = t.text.toLowerCase();
    if (w === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') cues.push({ i, kind: 'according' });
    else if ((t.pos === 'VERB' || t.pos === 'NOUN') && SPEECH_VERBS.has(t.lemma) && !(t.pos === 'NOUN' && t.lemma !== 'statement')) cues.push({ i, kind: 'verb' });
    else if (STATEMENT_NOUNS.has(w) && t.pos === 'NOUN') cues.push({ i, kind: 'statement' });
  });
  const distance = (i: number) => {
    const t = tokens[i]!;
    return t.start > quote.close ? t.start - quote.close : quote.open - t.end;
  };
  cues.sort((a, b) => distance(a.i) - distance(b.i));
  for (const cue of cues) {
    if (cue.kind === 'according') {
      const r = phraseAfter(tokens, cue.i + 2, options.maxSpeakerTokens);
      if (r) return slice(r);
      continue;
    }
    const verb = tokens[cue.i]!;
    // Inversion after the quote: '"...," said Foreign Minister Sergei Lavrov'.
    if (verb.start > quote.close && cue.kind === 'verb' && !LISTENER_VERBS.has(verb.lemma)) {
      const after = phraseAfter(tokens, cue.i + 1, options.maxSpeakerTokens);
      const before = tokens[cue.i - 1];
      if (after && (before === undefined || before.text === ',' || /["”]/.test(before.text))) return slice(after);
    }
    // Subject before the cue, past auxiliaries, adverbs, commas and the verb of a statement ("issued a").
    let k = cue.i;
    while (k > 0 && ['AUX', 'ADV', 'PART', 'DET'].includes(tokens[k - 1]!.pos) && !isPossessive(tokens[k - 1])) k--;
    if (cue.kind === 'statement' && k > 0 && tokens[k - 1]!.pos === 'VERB') k--;
    const afterComma = k > 0 && tokens[k - 1]!.text === ',';
    while (k > 0 && tokens[k - 1]!.text === ',') k--;
    if (k > 0 && PRONOUNS.has(tokens[k - 1]!.text.toLowerCase())) return undefined; // "she said": attributed, but not to a name
    const r = phraseBefore(tokens, k, options.maxSpeakerTokens);
    // A name governed by a preposition ("casualties in Gaza, cautioning") is not the subject.
    const governed = r !== undefined && tokens[r[0] - 1]?.pos === 'ADP';
    if (r && !governed) return slice(r);
    if (afterComma && !r) {
      // An apposition between subject and verb: '"...," Gérard Bénézat, the store's insurer, told France Info'.
      let c = k - 1;
      while (c > 0 && k - c <= options.maxSpeakerTokens && tokens[c]!.text !== ',' && !inQuote(tokens[c]!)) c--;
      const appositive = tokens[c]?.text === ',' ? phraseBefore(tokens, c, options.maxSpeakerTokens) : undefined;
      if (appositive && tokens[appositive[0] - 1]?.pos !== 'ADP') return slice(appositive);
    }
    if (afterComma && /ing$/.test(verb.text)) {
      // "Mr. Cerar concurred, saying, ...": the participle's subject is the sentence's first name.
      for (let i = 0; i < cue.i; i++) {
        if (inQuote(tokens[i]!) || !isSpeakerToken(tokens[i]!, i === 0)) continue;
        let e = i;
        while (e < cue.i && isSpeakerToken(tokens[e]!, e === 0)) e++;
        const first = phraseBefore(tokens, e, options.maxSpeakerTokens);
        if (first && tokens[first[0] - 1]?.pos !== 'ADP') return slice(first);
        i = e;
      }
    }
    // '"...," one man told Schuck': after "told" stands the listener, not the speaker.
    if (cue.kind === 'verb' && verb.start > quote.close && !LISTENER_VERBS.has(verb.lemma)) {
      const after = phraseAfter(tokens, cue.i + 1, options.maxSpeakerTokens);
      if (after) return slice(after);
    }
  }
  return undefined;
}

/** A sentence that starts with its attribution: "Brown said.", "said Brown, ...", "the minister added." */
function opensWithAttribution(sentence: Sentence): boolean {
  const head = sentence.tokens.slice(0, 8);
  if (head.some((t) => /^["“”]$/.test(t.text) && t !== head[0])) return false;
  return head.some((t) => t.pos === 'VERB' && SPEECH_VERBS.has(t.lemma));
}

/**
 * Find the direct quotations of a document and who the sentence attributes them to.
 * Offsets cover the quoted words, without the marks: `text.slice(q.start, q.end) === q.text`.
 * @example findQuotes(splitSentences(t), t) // t = 'Putin said "we will help".' → [{ text: 'we will help', speaker: 'Putin', ... }]
 */
export function findQuotes(sentences: Sentence[], text: string, options: Partial<QuoteOptions> = {}): Quote[] {
  const opts: QuoteOptions = { ...DEFAULT_QUOTE_OPTIONS, ...options };
  const byParagraph = new Map<number, Sentence[]>();
  for (const s of sentences) {
    const list = byParagraph.get(s.paragraph) ?? [];
    list.push(s);
    byParagraph.set(s.paragraph, list);
  }
  const quotes: Quote[] = [];
  let lastSpeaker: { paragraph: number; speaker: string } | undefined;
  for (const group of byParagraph.values()) {
    const start = Math.min(...group.map((s) => s.start));
    const end = Math.max(...group.map((s) => s.end));
    const stretch = text.slice(start, end);
    const pairs = /["“”„«»]/.test(stretch) ? pairMarks(stretch, start) : [];
    if (/['‘]/.test(stretch)) {
      const inside = (p: Pair) => pairs.some((d) => p.open < d.close && d.open < p.close);
      pairs.push(...pairSingleMarks(stretch, start, opts.singleQuoteMinWords).filter((p) => !inside(p)));
      pairs.sort((a, b) => a.open - b.open);
    }
    let paragraphSpeaker: string | undefined;
    for (const pair of pairs) {
      let from = pair.open + 1;
      let to = pair.close;
      while (from < to && /\s/.test(text[from]!)) from++;
      while (to > from && /[\s,;:]/.test(text[to - 1]!)) to--;
      // A quote set inside a sentence ('from "cruel murderers."') lends its full stop to the sentence.
      const before = text.slice(start, pair.open).trimEnd();
      const embedded = before !== '' && !/[:,.!?]$/.test(before) && /^\p{Ll}|^\p{Lu}\p{Ll}*\s+\p{Lu}/u.test(text.slice(from, to));
      if (embedded || /^\p{Ll}/u.test(text[from] ?? '')) while (to > from && /[.,]/.test(text[to - 1]!)) to--;
      if (to <= from) continue;
      const words = text.slice(from, to).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length === 0) continue;
      const sentence = group.find((s) => pair.open >= s.start && pair.open < s.end) ?? group.find((s) => from < s.end) ?? group[0]!;
      const last = group.find((s) => pair.close >= s.start && pair.close < s.end);
      const quote: Quote = { start: from, end: to, text: text.slice(from, to), sentence: sentence.index };
      // The attribution may follow in the next sentence when the quote closes its own ('"... road." Brown said.').
      const following = last && sentences.find((s) => s.index === last.index + 1);
      const closesSentence = last !== undefined && /^[\s"”.!?]*$/.test(text.slice(pair.close, last.end));
      const nextOne = following && following.paragraph === last?.paragraph && closesSentence ? following : undefined;
      const speaker =
        speakerIn(sentence, text, pair, opts, pairs) ??
        (last && last !== sentence ? speakerIn(last, text, pair, opts, pairs) : undefined) ??
        (nextOne && opensWithAttribution(nextOne) ? speakerIn(nextOne, text, pair, opts, pairs) : undefined);
      if (speaker) quote.speaker = speaker;
      // A paragraph that is nothing but a quote continues the previous paragraph's speaker.
      else if (/^[\s"“”'‘’]*$/.test(text.slice(start, pair.open) + text.slice(pair.close + 1, end)) && lastSpeaker?.paragraph === sentence.paragraph - 1) {
        quote.speaker = lastSpeaker.speaker;
      }
      if (quote.speaker) paragraphSpeaker = quote.speaker;
      const sentenceStart = sentence.start >= pair.open || /[:,]$/.test(text.slice(sentence.start, pair.open).trimEnd()) || text.slice(sentence.start, pair.open).trim() === '';
      // A short quoted name or phrase ("resistance", "Great Satan") is a scare quote; a short quoted clause ("acted alone") is speech.
      const clause = sentence.tokens.some((t) => t.start >= from && t.end <= to && (t.pos === 'VERB' || t.pos === 'AUX'));
      if (words.length <= opts.scareMaxWords && !sentenceStart && !clause && !/[.!?]$/.test(quote.text)) quote.scare = true;
      quotes.push(quote);
    }
    lastSpeaker = paragraphSpeaker ? { paragraph: group[0]!.paragraph, speaker: paragraphSpeaker } : undefined;
  }
  return quotes;
}
