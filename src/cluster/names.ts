// Names for clustering without the annotation pipeline: capitalised sequences, and which of them are
// people (a full name later re-mentioned by its surname). Not entity resolution; see annotate/ for that.
import type { EntityType } from '../types.ts';
import { MONTHS, STOPWORDS, tokenizeFast, type FastToken } from './text.ts';

export interface Names {
  /** Full names and their last words → count. */
  names: Map<string, number>;
  /** Surnames of people → count of mentions. */
  people: Map<string, number>;
}

const NAME_CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'de', 'del', 'da', 'van', 'von', 'der', 'la', 'le', 'of']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Last words that make a name an organisation, a law or a place rather than a person. */
const NOT_PERSON_LAST = new Set(
  ('act agency airlines association authority bank board center centre church city club college commission committee ' +
    'company corp corporation council county court department district foundation fund group hospital house inc ' +
    'institute island league ltd ministry news office party police post press program project province republic ' +
    'school service society state states street times tower union university valley wildlife').split(' '),
);

/**
 * Capitalised sequences not explained by a sentence start ("Tara Reid", "Promises Treatment Center").
 * A person: 2–3 words, no acronym, re-mentioned by the last word alone ("Reid said"), and a first word
 * that does not open other names too ("San Diego", "San Diego Chargers" are not people).
 */
export function namesFromCapitals(tokens: FastToken[]): Names {
  const names = new Map<string, number>();
  const runs: FastToken[][] = [];
  let run: FastToken[] = [];
  const flush = (): void => {
    while (run.length > 0 && NAME_CONNECTORS.has(run[run.length - 1]!.lower)) run.pop();
    // "Jackson was arrested": not a name by itself, but it re-mentions "Vincent Jackson".
    if (run.length === 1 && run[0]!.sentenceStart && !STOPWORDS.has(run[0]!.lower)) runs.push(run);
    if (run[0]?.sentenceStart && (run.length === 1 || STOPWORDS.has(run[0].lower))) run = run.slice(1);
    while (run.length > 0 && STOPWORDS.has(run[0]!.lower)) run = run.slice(1);
    run = run.filter((t) => !WEEKDAYS.has(t.lower) && !MONTHS.has(t.lower));
    if (run.length > 0) {
      addName(names, run.map((t) => t.lower));
      runs.push(run);
    }
    run = [];
  };
  for (const t of tokens) {
    const capital = isCapitalised(t.raw);
    if (capital && (run.length === 0 || !t.sentenceStart)) run.push(t);
    else if (run.length > 0 && NAME_CONNECTORS.has(t.lower) && !t.sentenceStart) run.push(t);
    else {
      flush();
      if (capital) run.push(t);
    }
  }
  flush();
  return { names, people: peopleOf(runs) };
}

function peopleOf(runs: FastToken[][]): Map<string, number> {
  const singles = new Map<string, number>();
  const lastsByFirst = new Map<string, Set<string>>();
  for (const r of runs) {
    const last = r[r.length - 1]!.lower;
    if (r.length === 1) singles.set(last, (singles.get(last) ?? 0) + 1);
    else {
      const set = lastsByFirst.get(r[0]!.lower) ?? new Set<string>();
      set.add(last);
      lastsByFirst.set(r[0]!.lower, set);
    }
  }
  const people = new Map<string, number>();
  for (const r of runs) {
    if (r.length < 2 || r.length > 3 || r.some((t) => isAcronym(t.raw))) continue;
    const last = r[r.length - 1]!.lower;
    const alone = singles.get(last);
    if (!alone || last.length < 3 || STOPWORDS.has(last) || NOT_PERSON_LAST.has(last)) continue;
    if ((lastsByFirst.get(r[0]!.lower)?.size ?? 0) > 1) continue;
    people.set(last, (people.get(last) ?? alone) + 1);
  }
  return people;
}

/** Names from annotation; people are the mentions typed `person`, by surname. */
export function namesFromEntities(entities: { name: string; type?: EntityType }[]): Names {
  const names = new Map<string, number>();
  const people = new Map<string, number>();
  for (const e of entities) {
    const words = tokenizeFast(e.name).map((t) => t.lower);
    if (words.length > 0) addName(names, words);
    const last = words[words.length - 1];
    if (e.type === 'person' && last && last.length > 2) people.set(last, (people.get(last) ?? 0) + 1);
  }
  return { names, people };
}

/** A name counts in full and by its last word, so "Reid" meets "Tara Reid". */
function addName(names: Map<string, number>, words: string[]): void {
  const full = words.join(' ');
  if (full.length < 2 || /^\d/.test(full)) return;
  names.set(full, (names.get(full) ?? 0) + 1);
  const last = words[words.length - 1]!;
  if (words.length > 1 && last.length > 2 && !STOPWORDS.has(last)) names.set(last, (names.get(last) ?? 0) + 1);
}

function isCapitalised(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const first = raw[0]!;
  return first !== first.toLowerCase();
}

function isAcronym(raw: string): boolean {
  return raw.length > 1 && raw === raw.toUpperCase();
}
