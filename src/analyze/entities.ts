// Merges the entity mentions of a story's articles into entities: spelling variants ("Mahmud" /
// "Mahmoud Abbas"), surname-only mentions, titles standing for a unique person. It never merges two
// people whose surnames differ ("Vladimir Putin" / "Vladimir Zelensky"); it does not find mentions.
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { VESSEL_PREFIXES } from '../annotate/entities.ts';
import { canonicalPlace, normaliseName } from '../annotate/lexicon.ts';
import { isEnglishWord, isPluralOfNoun } from '../annotate/synonyms.ts';
import type { AnnotatedDocument, Entity, EntityMention, EntityType, Evidence } from '../types.ts';
import { evidenceFor } from './evidence.ts';

export interface ResolvedEntities {
  entities: Entity[];
  /** `${documentId}#${mentionIndex}` → entity id. */
  mentionEntity: Map<string, string>;
}

interface Cluster {
  type: EntityType;
  /** Name words of the fullest form, folded. */
  words: string[];
  mentions: { doc: AnnotatedDocument; index: number; mention: EntityMention }[];
}

/** Fold one name word: ASCII, lower case, no "al-" / "el-" particle. */
function foldWord(word: string): string {
  return normaliseName(word).replace(/^(al|el|ibn|bin|abu|ben)-/, '');
}

function nameWords(name: string): string[] {
  return name.split(/\s+/).filter(Boolean).map(foldWord).filter((w) => !['al', 'el', 'bin', 'ibn', 'de', 'van', 'von', 'der'].includes(w));
}

/** Two spellings of one name word: equal, or same sound and within a small edit distance. */
export function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  const limit = Math.max(a.length, b.length) >= 7 ? 2 : 1;
  if (distance(a, b) > limit) return false;
  const [pa, sa] = doubleMetaphone(a);
  const [pb, sb] = doubleMetaphone(b);
  return pa === pb || pa === sb || sa === pb;
}

/** Short forms of English given names ("Tim Morrison" and "Timothy Morrison" are one person). */
const SHORT_FORMS: Record<string, string[]> = {
  timothy: ['tim'], thomas: ['tom', 'tommy'], william: ['bill', 'will', 'billy'], robert: ['bob', 'rob', 'bobby'],
  michael: ['mike'], james: ['jim', 'jimmy'], joseph: ['joe'], daniel: ['dan', 'danny'], david: ['dave'],
  christopher: ['chris'], stephen: ['steve'], steven: ['steve'], nicholas: ['nick'], anthony: ['tony'],
  andrew: ['andy'], alexander: ['alex'], benjamin: ['ben'], samuel: ['sam'], matthew: ['matt'], patrick: ['pat'],
  edward: ['ed', 'ted'], gregory: ['greg'], jeffrey: ['jeff'], kenneth: ['ken'], elizabeth: ['liz', 'beth'],
  katherine: ['kate', 'kathy'], catherine: ['kate', 'cathy'], jennifer: ['jen', 'jenny'], susan: ['sue'],
  richard: ['rick', 'dick'], lawrence: ['larry'], gerald: ['jerry'], frederick: ['fred'], charles: ['charlie', 'chuck'],
  henry: ['hank', 'harry'], rudolph: ['rudy'], margaret: ['maggie', 'peggy'], rebecca: ['becky'], deborah: ['debbie'],
};
const FULL_FORMS = new Map<string, Set<string>>();
for (const [full, shorts] of Object.entries(SHORT_FORMS)) for (const short of shorts) FULL_FORMS.set(short, (FULL_FORMS.get(short) ?? new Set()).add(full));

/** Two given names of one person: spellings of one name, or a name and its short form. */
function sameGivenName(a: string, b: string): boolean {
  return sameNameWord(a, b) || (FULL_FORMS.get(a)?.has(b) ?? false) || (FULL_FORMS.get(b)?.has(a) ?? false);
}

/** Two full names of one person: same surname, and given names that agree where both have them. */
export function sameFullName(a: string[], b: string[]): boolean {
  const la = a[a.length - 1];
  const lb = b[b.length - 1];
  if (!la || !lb || !sameNameWord(la, lb)) return false;
  if (a.length === 1 || b.length === 1) return true;
  if (!sameGivenName(a[0]!, b[0]!)) return false;
  if (a.length === b.length) return a.every((w, i) => (i === 0 ? sameGivenName(w, b[i]!) : sameNameWord(w, b[i]!)));
  return true; // a middle name present in one form only
}

/**
 * One-word names whose capital the sentence start explains: every mention opens its sentence, the
 * word is written in lower case elsewhere in the story ("Armed robbers stole …" beside "armed with
 * guns"), and it is no place the gazetteer knows nor the last word of a longer name ("May" after
 * "Theresa May"). They are not names.
 */
function sentenceStartWords(docs: AnnotatedDocument[], lowerWords: ReadonlySet<string>): Set<string> {
  const atStart = new Set<string>();
  const elsewhere = new Set<string>();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      const sentence = doc.sentences[m.sentence];
      const opens = sentence !== undefined && /^[\s"“'‘(\[-]*$/.test(doc.doc.text.slice(sentence.start, m.start));
      (opens && !/\s/.test(m.name) ? atStart : elsewhere).add(m.name);
    }
  }
  // A surname of someone named in full stays a name wherever it stands ("May said …" after "Theresa May").
  const lastWords = new Set(docs.flatMap((d) => d.mentions.map((m) => m.name.split(/\s+/)).filter((w) => w.length > 1).map((w) => w[w.length - 1]!)));
  return new Set([...atStart].filter((name) => !elsewhere.has(name) && !lastWords.has(name) && lowerWords.has(name.toLowerCase()) && !canonicalPlace(name)));
}

/**
 * Surnames the story also uses alone: "Wladimir Klitschko … Klitschko landed 28 punches". A two- or
 * three-word name with no cue (a given name the name lists do not hold, no title, no verb of saying)
 * is a person when its last word stands alone elsewhere, as a person's surname does on second
 * mention. Not when that word is also written in lower case ("Apple Watch Series … the series"), is
 * the plural of a common noun ("Tar Heels … the Heels", a team), or when the first word stands alone
 * too ("Amazon Alexa … Amazon … Alexa", a brand and its product), is written in capitals ("AMD") or
 * is an English word ("White House … the House", "Northern Ireland") or a place ("Los Angeles Lakers").
 */
function surnamesStandingAlone(mentions: EntityMention[], lowerWords: ReadonlySet<string>): Set<string> {
  const alone = new Set(mentions.filter((m) => !/\s/.test(m.name.trim())).map((m) => m.name.trim()));
  const out = new Set<string>();
  for (const m of mentions) {
    const written = m.name.trim().split(/\s+/);
    const first = written[0]!;
    const last = written[written.length - 1]!;
    if (m.type !== 'person' || written.length < 2 || written.length > 3 || !alone.has(last) || alone.has(first)) continue;
    if (!written.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) || last.length < 3 || lowerWords.has(last.toLowerCase()) || isPluralOfNoun(last) || isEnglishWord(first)) continue;
    if (canonicalPlace(first) || canonicalPlace(written.slice(0, 2).join(' '))) continue;
    out.add(foldWord(last));
  }
  return out;
}

/** Merge the mentions of a story's documents into entities. */
export function resolveEntities(docs: AnnotatedDocument[]): ResolvedEntities {
  const persons: Cluster[] = [];
  const pending: { doc: AnnotatedDocument; index: number; mention: EntityMention }[] = [];
  const titleOnly: typeof pending = [];
  const lowerWords = new Set<string>();
  for (const doc of docs) for (const m of doc.doc.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*/gu)) lowerWords.add(m[0]);
  const capitalOnlyAtStart = sentenceStartWords(docs, lowerWords);
  const all = docs.flatMap((doc) => doc.mentions.map((mention, index) => ({ doc, index, mention }))).filter(({ mention }) => !capitalOnlyAtStart.has(mention.name));

  // Clusters indexed by the sound of their surname, so a mention is compared with a few, not all.
  const bySound = new Map<string, Cluster[]>();
  const soundsOf = (words: string[]): string[] => {
    const last = words[words.length - 1];
    if (!last) return [];
    const [primary, secondary] = doubleMetaphone(last);
    return [...new Set([primary, secondary, last].filter(Boolean))];
  };
  const candidates = (words: string[]): Cluster[] => [...new Set(soundsOf(words).flatMap((k) => bySound.get(k) ?? []))].sort((a, b) => persons.indexOf(a) - persons.indexOf(b));
  const addPerson = (cluster: Cluster): void => {
    persons.push(cluster);
    for (const k of soundsOf(cluster.words)) bySound.set(k, [...(bySound.get(k) ?? []), cluster]);
  };

  // 1. People named in full with a confident cue; 2. then confident surname-only people.
  const byLength = [...all].sort((x, y) => nameWords(y.mention.name).length - nameWords(x.mention.name).length);
  const reMentioned = surnamesStandingAlone(all.map((item) => item.mention), lowerWords);
  for (const item of byLength) {
    const { mention } = item;
    if (mention.titleOnly) {
      titleOnly.push(item);
      continue;
    }
    const words = nameWords(mention.name);
    const confident = mention.confident || (mention.type === 'person' && reMentioned.has(words[words.length - 1] ?? ''));
    if (mention.type !== 'person' || !confident || words.length === 0) {
      pending.push(item);
      continue;
    }
    const matches = candidates(words).filter((c) => sameFullName(c.words, words));
    const principal = matches.length > 1 && words.length === 1 ? principalOf(matches) : undefined;
    if (matches.length === 1 || (matches.length > 1 && words.length > 1)) matches[0]!.mentions.push(item);
    else if (principal) principal.mentions.push(item);
    else if (matches.length === 0) addPerson({ type: 'person', words, mentions: [item] });
    // otherwise a surname shared by several people stays unresolved
  }

  // 3. Unconfirmed mentions that name a known person; the rest are organisations, places, groups.
  const others = new Map<string, Cluster>();
  for (const item of pending) {
    const words = nameWords(item.mention.name);
    const found = words.length ? candidates(words).filter((c) => sameFullName(c.words, words)) : [];
    const principal = found.length > 1 && words.length === 1 ? principalOf(found) : undefined;
    const matches = principal ? [principal] : found;
    if (matches.length === 1) {
      // "the Charlotte Bobcats" is a team, though "Charlotte" is also a given name.
      if (item.mention.confident && item.mention.type === 'organization' && words.length > 1 && words.join(' ') === matches[0]!.words.join(' ')) matches[0]!.type = 'organization';
      matches[0]!.mentions.push(item);
      continue;
    }
    const place = item.mention.type === 'place' ? canonicalPlace(item.mention.name) : undefined;
    const key = place ? `place:${normaliseName(place)}` : words.join(' ');
    if (!key) continue;
    const cluster = others.get(key) ?? { type: item.mention.type, words, mentions: [] };
    cluster.mentions.push(item);
    others.set(key, cluster);
  }

  // "Gibe" after "MV Gibe": the ship's name without its prefix is the same ship.
  for (const [key, cluster] of others) {
    if (cluster.words.length < 2 || !VESSEL_PREFIXES.has(cluster.words[0]!.toUpperCase())) continue;
    const bare = others.get(cluster.words.slice(1).join(' '));
    if (!bare || bare === cluster) continue;
    cluster.mentions.push(...bare.mentions);
    others.delete(cluster.words.slice(1).join(' '));
    others.set(key, cluster);
  }

  // 4. "the Israeli Prime Minister" → the one person holding that title in the story.
  for (const item of titleOnly) {
    const title = foldTitle(item.mention.name);
    const holders = persons.filter((c) => c.mentions.some((m) => m.mention.title && foldTitle(m.mention.title) === title));
    if (holders.length === 1) holders[0]!.mentions.push(item);
  }

  const clusters: Cluster[] = [...persons];
  // "the Bidens", "the Clintons": a family named by the plural of a surname in the story.
  const families = new Set(persons.filter((p) => p.words.length > 1).map((p) => `${p.words[p.words.length - 1]}s`));
  for (const cluster of others.values()) {
    const confident = cluster.mentions.filter((m) => m.mention.confident);
    if (confident.length === 0) continue;
    cluster.type = cluster.words.length === 1 && families.has(cluster.words[0]!) ? 'group' : majorityType(confident.map((m) => m.mention.type));
    clusters.push(cluster);
  }
  return toEntities(clusters);
}

/**
 * Of several people who share a surname, the one a surname standing alone means: the one the story
 * names far more often ("Tyler Hansbrough" in every report, "his father, Gene Hansbrough" once), as
 * news names the principal by surname and relatives by given name. None when no one dominates.
 */
function principalOf(people: Cluster[]): Cluster | undefined {
  const [first, second] = [...people].sort((a, b) => b.mentions.length - a.mentions.length);
  return first && second && first.mentions.length >= PRINCIPAL_MENTIONS && first.mentions.length >= PRINCIPAL_RATIO * second.mentions.length ? first : undefined;
}

/** How much more often, and at least how often, the principal of a shared surname is named. */
const PRINCIPAL_RATIO = 3;
const PRINCIPAL_MENTIONS = 3;

function foldTitle(title: string): string {
  return normaliseName(title).replace(/^the /, '');
}

function majorityType(types: EntityType[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

function toEntities(clusters: Cluster[]): ResolvedEntities {
  const mentionEntity = new Map<string, string>();
  const used = new Set<string>();
  const entities: Entity[] = [];
  for (const cluster of clusters) {
    const names = cluster.mentions.filter((m) => !m.mention.titleOnly).map((m) => m.mention.name);
    const written = canonicalName(names);
    const name = cluster.type === 'place' ? (canonicalPlace(written) ?? written) : written;
    let id = `${cluster.type}:${slug(name)}`;
    for (let n = 2; used.has(id); n++) id = `${cluster.type}:${slug(name)}-${n}`;
    used.add(id);
    const aliases = unique(names.filter((n) => n !== name));
    if (!names.includes(name) && !aliases.includes(written)) aliases.push(written);
    const titles = unique(cluster.mentions.flatMap((m) => (m.mention.title && !m.mention.titleOnly ? [m.mention.title] : [])));
    for (const m of cluster.mentions) if (m.mention.titleOnly) aliases.push(m.mention.name);
    const evidence: Evidence[] = [];
    const seenDocs = new Set<string>();
    for (const m of cluster.mentions) {
      mentionEntity.set(`${m.doc.doc.id}#${m.index}`, id);
      if (seenDocs.has(m.doc.doc.id)) continue;
      seenDocs.add(m.doc.doc.id);
      const ev = evidenceFor(m.doc, m.mention.sentence);
      if (ev) evidence.push(ev);
    }
    entities.push({
      id,
      name,
      type: cluster.type,
      aliases: unique(aliases).sort(),
      titles: titles.sort(),
      documentIds: [...seenDocs].sort(),
      mentionCount: cluster.mentions.length,
      evidence,
    });
  }
  entities.sort((a, b) => b.documentIds.length - a.documentIds.length || b.mentionCount - a.mentionCount || a.id.localeCompare(b.id));
  return { entities, mentionEntity };
}

/** The most frequent of the longest written forms; ties broken alphabetically for determinism. */
function canonicalName(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const longest = Math.max(...names.map((n) => nameWords(n).length));
  return [...counts.entries()]
    .filter(([n]) => nameWords(n).length === longest)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? names[0] ?? '';
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function slug(text: string): string {
  return normaliseName(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}
