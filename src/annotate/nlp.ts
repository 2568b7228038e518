// The one shared wink-nlp instance, and sentence/token splitting with character offsets (wink's
// sentences, mended where it splits a quotation from its attribution).
// It does not find entities, numbers or dates (see entities.ts, numbers.ts, times.ts).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Span, Token } from '../types.ts';
import { isSpeechVerb } from './quotes.ts';

export const nlp = winkNLP(model);
const its = nlp.its;

/**
 * Split `text` into sentences and tokens with character offsets into `text`.
 * Sentences never cross a line break (paragraphs and date lines stay separate).
 * @example splitSentences('Putin spoke. Abbas listened.')[1].text === 'Abbas listened.'
 */
export function splitSentences(text: string, paragraphs?: Span[]): Sentence[] {
  const sentences: Sentence[] = [];
  const lines = paragraphs && paragraphs.length > 0 ? paragraphs : lineSpans(text);
  lines.forEach((line, paragraph) => {
    for (const piece of lineSpans(text.slice(line.start, line.end))) {
      const start = line.start + piece.start;
      const chunk = text.slice(start, line.start + piece.end);
      if (chunk.trim() === '') continue;
      for (const s of splitChunk(chunk, start)) {
        sentences.push({ ...s, index: sentences.length, paragraph });
      }
    }
  });
  return sentences;
}

/** Tokens of one string with offsets relative to `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const doc = nlp.readDoc(text);
  return tokensOf(doc.tokens(), text, base);
}

function splitChunk(chunk: string, base: number): Omit<Sentence, 'index' | 'paragraph'>[] {
  const doc = nlp.readDoc(chunk);
  const out: Omit<Sentence, 'index' | 'paragraph'>[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: { tokens(): WinkTokens }) => {
    const tokens = tokensOf(sentence.tokens(), chunk, base, cursor);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return;
    cursor = last.end - base;
    out.push({ start: first.start, end: last.end, text: chunk.slice(first.start - base, last.end - base), tokens });
  });
  return mendQuotationSplits(out, chunk, base);
}

type Piece = Omit<Sentence, 'index' | 'paragraph'>;

/**
 * wink ends a sentence at a "?" or "!" inside a quotation, and may start the next sentence with the
 * closing mark. A quotation and its attribution are one sentence: '"Why not us?" Colts coach Bruce
 * Arians asked.' and '"Get out!" the officer shouted.' Otherwise the attribution stands alone as a
 * claim with nothing in it. Joined: a piece that starts in lower case, or a short one with a verb of
 * saying, after a piece that ends in "?" or "!" and a closing mark; a closing mark that begins a piece
 * goes back to the piece it closes.
 */
function mendQuotationSplits(pieces: Piece[], chunk: string, base: number): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    let current: Piece | undefined = piece;
    const marks = prev ? closingMarks(current, prev.text, chunk, base) : 0;
    if (prev && marks > 0) {
      out[out.length - 1] = join(prev, { ...current, tokens: current.tokens.slice(0, marks), end: current.tokens[marks - 1]!.end }, chunk, base);
      current = current.tokens.length > marks ? rest(current, marks, chunk, base) : undefined;
    }
    const last = out[out.length - 1];
    if (current && last && isAttributionTail(current, last.text)) out[out.length - 1] = join(last, current, chunk, base);
    else if (current) out.push(current);
  }
  return out;
}

/**
 * How many tokens at the start of `piece` close a quotation that `before` opened: a curly mark, a
 * straight one when `before` holds an odd number of them, or the typewriter pair '' followed by a
 * space (''Would … him? '' Colts coach Bruce Arians asked; '' before a word opens a quotation).
 */
function closingMarks(piece: Piece, before: string, chunk: string, base: number): number {
  const [first, second] = piece.tokens;
  if (!first || !/[.?!,]['’]?$/.test(before)) return 0;
  if (first.text === '”') return 1;
  if (first.text === '"') return (before.match(/"/g) ?? []).length % 2 === 1 ? 1 : 0;
  const pair = first.text === "'" && second?.text === "'" && second.start === first.end;
  return pair && /\s/.test(chunk.charAt(second.end - base)) ? 2 : 0;
}

/** Does `piece` attribute the quotation that `before` ends with a "?" or "!"? */
function isAttributionTail(piece: Piece, before: string): boolean {
  if (!/[?!]\s*(?:''|[”"’'])\s*$/.test(before)) return false;
  if (/^\p{Ll}/u.test(piece.text)) return true;
  return piece.tokens.length <= 10 && piece.tokens.some((t) => t.pos === 'VERB' && isSpeechVerb(t.lemma));
}

function join(a: Piece, b: Piece, chunk: string, base: number): Piece {
  return { start: a.start, end: b.end, text: chunk.slice(a.start - base, b.end - base), tokens: [...a.tokens, ...b.tokens] };
}

function rest(piece: Piece, from: number, chunk: string, base: number): Piece {
  const tokens = piece.tokens.slice(from);
  return { start: tokens[0]!.start, end: piece.end, text: chunk.slice(tokens[0]!.start - base, piece.end - base), tokens };
}

type WinkTokens = ReturnType<ReturnType<typeof nlp.readDoc>['tokens']>;

function tokensOf(items: WinkTokens, text: string, base: number, from = 0): Token[] {
  const values = items.out(its.value) as string[];
  const lemmas = items.out(its.lemma as never) as string[];
  const pos = items.out(its.pos) as string[];
  const stops = items.out(its.stopWordFlag as never) as unknown as boolean[];
  const tokens: Token[] = [];
  let cursor = from;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    let at = text.indexOf(value, cursor);
    if (at < 0) at = cursor; // wink normalised the token; keep order, approximate the span
    const end = Math.min(text.length, at + value.length);
    tokens.push({
      text: value,
      start: base + at,
      end: base + end,
      lemma: (lemmas[i] ?? value).toLowerCase(),
      pos: pos[i] ?? 'X',
      isStop: Boolean(stops[i]),
    });
    cursor = end;
  }
  return tokens;
}

/** Non-empty lines of `text` as spans. */
export function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s] ?? '')) s++;
      while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
      if (e > s) spans.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return spans;
}
