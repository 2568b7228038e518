// Finds named-entity mentions in one document: runs of proper nouns, split into title and name
// ("Russian President" + "Vladimir Putin"), typed person / organisation / place / group by cues.
// It does not merge mentions across documents or resolve surnames (see analyze/entities.ts).
import type { EntityMention, EntityType, Sentence, Token } from '../types.ts';
import {
  GROUP_CUES,
  NOT_NAMES,
  ORGANIZATION_CUES,
  ORGANIZATION_FOLLOWERS,
  PLACE_CUES,
  THING_CUES,
  gazetteer,
  isDemonym,
  isFirstName,
  isPlaceName,
  isRole,
  isRoleModifier,
  normaliseName,
} from './lexicon.ts';
import { isEnglishWord, isPluralOfNoun } from './synonyms.ts';

/** Lower-case particles inside names ("Bashar al-Assad", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'bint', 'ben', 'de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'la', 'del', 'dos', 'das']);
/** Words that join the parts of an organisation's name ("Bank of England"). */
const ORG_JOINERS = new Set(['of', 'for', 'on', '&', 'and']);
const SPEECH_VERBS = new Set(['say', 'tell', 'state', 'add', 'announce', 'warn', 'claim', 'insist', 'note', 'explain', 'write', 'tweet', 'argue', 'deny', 'confirm', 'ask', 'urge', 'reply', 'respond', 'declare']);
const MAX_TITLE_LOOKBACK = 5;
/** Prefixes of ships' names ("MV", "INS", "HMS", "USS"). */
export const VESSEL_PREFIXES = new Set(['MV', 'M/V', 'MS', 'MT', 'INS', 'HMS', 'USS', 'USNS', 'SS', 'RMS', 'HMAS', 'HMCS', 'HMNZS', 'FV', 'RV', 'CCGS', 'USCGC']);
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout']);
const PLACE_FOLLOWERS = new Set(['district', 'town', 'city', 'village', 'area', 'region', 'province', 'county', 'neighbourhood', 'neighborhood', 'suburb', 'state']);

/** Find the entity mentions of a document's sentences. */
export function findEntityMentions(sentences: Sentence[], text: string): EntityMention[] {
  gazetteer();
  const mentions: EntityMention[] = [];
  // In a line written in capitals ("CHARGED WITH MURDER: ...") capitals say nothing, unless the whole text is.
  const shouting = sentences.filter(isShouted);
  const skipShouted = shouting.length <= sentences.length / 2;
  for (const sentence of sentences) {
    if (skipShouted && isShouted(sentence)) continue;
    for (const run of properNounRuns(sentence.tokens, text)) {
      const mention = classifyRun(run, sentence, text);
      if (mention) mentions.push(...mention);
    }
  }
  return mentions;
}

/** A sentence of three words or more written in capitals. */
function isShouted(sentence: Sentence): boolean {
  const words = sentence.tokens.filter((t) => /\p{L}{2,}/u.test(t.text));
  return words.length >= 3 && words.every((t) => t.text === t.text.toUpperCase());
}

interface Run {
  tokens: Token[];
  /** Index of the first token in the sentence. */
  from: number;
  /** Index after the last token. */
  to: number;
}

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) && /\p{L}/u.test(token.text);
}

function canStartName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !isCapitalised(t) || NOT_NAMES.has(t.text.toLowerCase())) return false;
  if (t.pos === 'PROPN') return true;
  const word = t.text.toLowerCase();
  if (isRole(word) || isRoleModifier(word) || ORGANIZATION_CUES.has(word) || isDemonym(t.text)) return true;
  // Mid-sentence capitals are names even when the tagger calls them nouns or adjectives.
  return i > 0 && ['NOUN', 'ADJ', 'X', 'NUM', 'VERB'].includes(t.pos) && !/^(I|A)$/.test(t.text);
}

function properNounRuns(tokens: Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const particleStart = NAME_PARTICLES.has(tokens[i]!.text.toLowerCase()) && isJoinedName(tokens, i);
    if (!canStartName(tokens, i) && !particleStart) {
      i++;
      continue;
    }
    let j = particleStart ? i + 3 : i + 1;
    for (;;) {
      const t = tokens[j];
      if (!t) break;
      if (canStartName(tokens, j) && text.slice(tokens[j - 1]!.end, t.start) !== '\n') {
        j++;
        continue;
      }
      // "al-Assad": particle + hyphen + capitalised, written without spaces.
      if (NAME_PARTICLES.has(t.text.toLowerCase()) && isJoinedName(tokens, j)) {
        j += 3;
        continue;
      }
      // "Jones-Drew", "Ben-Veniste", "Ocasio-Cortez": a double-barrelled name written without spaces.
      // Not two places or peoples joined ("Israel-Hamas", "US-China", "Arab-Israeli").
      if (isDoubleBarrelled(tokens, j)) {
        j += 2;
        continue;
      }
      // "Bank of England", "Fire and Rescue Service": joiners inside an organisation's name.
      if (ORG_JOINERS.has(t.text.toLowerCase()) && tokens[j + 1] && canStartName(tokens, j + 1) && (hasOrganizationCue(tokens.slice(i, j)) || hasOrganizationCue(capitalisedRun(tokens, j + 1)))) {
        j++;
        continue;
      }
      // "St Anne's Hospital": a possessive inside a name when a capitalised word follows.
      if (/^['’]s$/.test(t.text) && tokens[j + 1] && canStartName(tokens, j + 1) && hasOrganizationCue(capitalisedRun(tokens, j + 1))) {
        j++;
        continue;
      }
      break;
    }
    runs.push({ tokens: tokens.slice(i, j), from: i, to: j });
    i = j;
  }
  return runs;
}

/** Is the token at `j` the hyphen of a name like "Jones-Drew", between two capitalised words of a name? */
function isDoubleBarrelled(tokens: Token[], j: number): boolean {
  const before = tokens[j - 1];
  const dash = tokens[j];
  const after = tokens[j + 1];
  if (!before || !dash || !after || dash.text !== '-' || dash.start !== before.end || after.start !== dash.end) return false;
  // Both halves are words of three letters or more: "Wi-Fi" and "X-Men" are not names of people.
  if (!isCapitalised(before) || !isCapitalised(after) || before.text.length < 3 || after.text.length < 3 || NOT_NAMES.has(after.text.toLowerCase())) return false;
  return ![before, after].some((t) => isPlaceName(t.text) || isDemonym(t.text) || /^\p{Lu}+$/u.test(t.text));
}

function isJoinedName(tokens: Token[], j: number): boolean {
  const particle = tokens[j];
  const dash = tokens[j + 1];
  const next = tokens[j + 2];
  return Boolean(particle && dash && next && dash.text === '-' && dash.start === particle.end && next.start === dash.end && isCapitalised(next));
}

/** The capitalised tokens from `from` on, up to the first other token. */
function capitalisedRun(tokens: Token[], from: number): Token[] {
  let end = from;
  while (end < tokens.length && canStartName(tokens, end)) end++;
  return tokens.slice(from, end);
}

function hasOrganizationCue(tokens: Token[]): boolean {
  return tokens.some((t) => ORGANIZATION_CUES.has(t.text.toLowerCase()));
}

/** Join tokens as written in the text (keeps "al-Assad" together, single spaces elsewhere). */
function spanText(tokens: Token[], text: string): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? text.slice(first.start, last.end).replace(/\s+/g, ' ') : '';
}

/** Split leading "al-"/particles into words that belong together: ["Bashar", "al-Assad"]. */
function nameWords(tokens: Token[]): Token[][] {
  const words: Token[][] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = words[words.length - 1];
    const last = prev?.[prev.length - 1];
    if (prev && last && (t.start === last.end) && (t.text === '-' || last.text === '-')) prev.push(t);
    else words.push([t]);
  }
  return words;
}

function classifyRun(run: Run, sentence: Sentence, text: string): EntityMention[] | undefined {
  const words = nameWords(run.tokens);
  const lower = words.map((w) => w.map((t) => t.text).join('').toLowerCase());
  const mentions: EntityMention[] = [];
  const make = (tokens: Token[], type: EntityType, confident: boolean, title?: string, titleOnly = false): EntityMention => ({
    text: spanText(run.tokens, text),
    name: spanText(tokens, text),
    start: tokens[0]!.start,
    end: tokens[tokens.length - 1]!.end,
    type,
    sentence: sentence.index,
    ...(title ? { title } : {}),
    ...(titleOnly ? { titleOnly } : {}),
    confident,
  });

  // The last role word splits "Palestinian Authority President" | "Mahmoud Abbas".
  let split = -1;
  lower.forEach((w, k) => {
    if (isRole(w) && k < words.length - 1) split = k;
  });
  const lookbackTitle = roleBefore(sentence.tokens, run.from);
  if (split >= 0) {
    const titleTokens = words.slice(0, split + 1).flat();
    const nameTokens = words.slice(split + 1).flat();
    const title = [lookbackTitle, spanText(titleTokens, text)].filter(Boolean).join(' ');
    // An organisation named inside the title ("Palestinian Authority") is a mention of its own.
    const orgPart = words.slice(0, split).flat();
    if (orgPart.length && hasOrganizationCue(orgPart)) mentions.push(make(orgPart, 'organization', true));
    // "Surgeon General", "Attorney General": what follows the last title word is a title word too, not a name.
    const nameIsTitle = nameTokens.every((t) => isRole(t.text.toLowerCase()));
    if (nameTokens.length && !nameIsTitle && !hasOrganizationCue(nameTokens) && !isPlaceName(spanText(nameTokens, text))) {
      mentions.push(make(nameTokens, 'person', true, title));
      return mentions;
    }
  }
  const all = run.tokens;
  const allTitle = lower.every((w) => isRole(w) || isRoleModifier(w) || isDemonym(w));
  if (allTitle) {
    // "the Israeli Prime Minister": a title standing for a person, resolved across the story.
    if (lower.some((w) => isRole(w)) && (lower.length > 1 || sentence.tokens[run.from - 1]?.text.toLowerCase() === 'the')) {
      return [make(all, 'person', false, spanText(all, text), true)];
    }
    return undefined;
  }
  // An organisation keeps its whole name ("Regional Environment Agency", "Russian Foreign Ministry").
  if (hasOrganizationCue(all) && !lower.every((w) => isDemonym(w) || isRoleModifier(w) || ORGANIZATION_CUES.has(w) && w === lower[lower.length - 1] && lower.length === 1)) {
    return [make(all, 'organization', true)];
  }
  // Leading demonyms and modifiers are not part of the name ("Iranian Ebrahim Raisi" is rare; "Israeli forces" is not a name).
  let k = 0;
  while (k < words.length - 1 && (isDemonym(lower[k]!) || isRoleModifier(lower[k]!))) k++;
  const core = words.slice(k).flat();
  const coreName = spanText(core, text);
  const coreLower = lower.slice(k);
  const last = coreLower[coreLower.length - 1] ?? '';
  const before = sentence.tokens[run.from - 1];
  const after = sentence.tokens[run.to];
  const afterNext = sentence.tokens[run.to + 1];

  if (isDemonym(coreName) || isDemonym(spanText(all, text))) return undefined;
  // "MV Gibe", "INS Mysore", "USS Carney": a ship, which acts like an organisation, never a person.
  if (core.length >= 2 && VESSEL_PREFIXES.has(core[0]!.text)) return [make(core, 'organization', true)];
  if (hasOrganizationCue(core)) return [make(core, 'organization', true)];
  if (isPlaceName(coreName) || PLACE_CUES.has(last)) return [make(core, 'place', true)];
  if (isTeamName(core, before)) return [make(core, 'organization', true)];
  if (core.length === 1 && isBrandSpelling(coreName)) return [make(core, 'organization', true)];
  if (before && GROUP_CUES.has(before.text.toLowerCase())) return [make(core, 'group', true)];
  if ((after && ORGANIZATION_FOLLOWERS.has(after.text.toLowerCase())) || (after?.text.toLowerCase() === 'news' && afterNext && ORGANIZATION_FOLLOWERS.has(afterNext.text.toLowerCase()))) {
    return [make(core, 'organization', true)];
  }
  if (lookbackTitle) return [make(core, 'person', true, lookbackTitle)];
  // "Davis Cup", "Penn State", "Nintendo Switch": a thing with a name, not a person; kept as an
  // unconfident organisation (the nearest type) that other articles may type better.
  if (core.length >= 2 && THING_CUES.has(last)) return [make(core, 'organization', false)];
  // "in Brennock", "near Kestrel Park", "the Millbank district": places the gazetteer does not know.
  const placeBefore = before && PLACE_PREPOSITIONS.has(before.text.toLowerCase());
  const placeAfter = after && !isCapitalised(after) && PLACE_FOLLOWERS.has(after.text.toLowerCase());
  if ((placeBefore || placeAfter) && !isFirstName(core[0]!.text)) return [make(core, 'place', true)];
  // "A HUNTER who killed and ate a wild rabbit … the hunter": a long word in capitals opening a
  // sentence, which the text also writes in lower case, is emphasis, not an acronym ("UNICEF" is never
  // "unicef"; short ones stay: "WHO" beside "who"; so does a name in capitals mid-sentence: "on WIRED").
  if (/^[A-Z]{5,}$/.test(coreName) && run.from <= 2 && new RegExp(`(?<![\\p{L}])${coreName.toLowerCase()}(?![\\p{L}])`, 'u').test(text)) return undefined;
  if (/^[A-Z]{2,6}$/.test(coreName) && !isPlaceName(coreName)) return [make(core, 'organization', true)];
  if (sentence.tokens[run.from - 1]?.text.toLowerCase() === 'the' && core.length === 1 && !isFirstName(coreName)) {
    // "the Kremlin", "the Pentagon"; used as a modifier ("the Kremlin aide") it stays unconfirmed.
    const modifier = after !== undefined && after.pos === 'NOUN' && !isCapitalised(after);
    return [make(core, 'organization', !modifier)];
  }
  if (after && isRole(after.text) && core.length === 1) return [make(core, 'organization', false)];
  const coreWords = nameWords(core);
  const prefixed = personAfterPrefix(coreWords);
  if (prefixed) {
    const [prefix, person] = prefixed;
    const prefixName = spanText(prefix, text);
    return [...(isPlaceName(prefixName) ? [make(prefix, 'place', true)] : []), make(person, 'person', true)];
  }
  if (coreWords.length >= 2 && coreWords.length <= 4 && isFirstName(coreWords[0]!.map((t) => t.text).join(''))) {
    return [make(core, 'person', true)];
  }
  if (coreWords.length >= 2 && coreWords.length <= 4 && after && SPEECH_VERBS.has(after.lemma) && core.every((t) => t.pos === 'PROPN')) {
    return [make(core, 'person', true)];
  }
  // No cue: kept as an unconfident mention that the story may type from other articles.
  return [make(core, coreWords.length >= 2 ? 'person' : 'organization', false)];
}

/**
 * "for Ukraine Kurt Volker", "Browns DL Myles Garrett": a place, a position in capitals or a
 * team run together with a person's given name and surname. Returns the prefix and the person, the
 * person being two or three words from a given name on; undefined when the words are one name.
 */
function personAfterPrefix(words: Token[][]): [Token[], Token[]] | undefined {
  const text = (w: Token[]): string => w.map((t) => t.text).join('');
  for (let j = 1; j < words.length - 1 && j <= 2; j++) {
    const rest = words.length - j;
    // A given name that is not also a word ("Car Charger", "Case Reports", "Royal Infirmary").
    if (rest < 2 || rest > 3 || !isFirstName(text(words[j]!)) || isEnglishWord(text(words[j]!))) continue;
    const prefix = words.slice(0, j);
    const prefixText = prefix.map(text).join(' ');
    // Not "Washington Irving Smith" (a place that is also a given name opens a name), nor "San
    // Francisco Bay Area" (the place goes on into the given name).
    const placePrefix = isPlaceName(prefixText) && !isFirstName(text(prefix[0]!)) && !isPlaceName(`${prefixText} ${text(words[j]!)}`);
    const prefixFits = placePrefix || prefix.every((w) => /^[A-Z]{1,3}$/.test(text(w)) || isPluralOfNoun(text(w)));
    const person = words.slice(j).flat();
    const last = person[person.length - 1]!.text.toLowerCase();
    if (prefixFits && !hasOrganizationCue(person) && !PLACE_CUES.has(last) && !PLACE_FOLLOWERS.has(last)) return [prefix.flat(), person];
  }
  return undefined;
}

/**
 * "the Creighton Bluejays", "the Charlotte Bobcats", "the Tar Heels": a name after "the" whose last
 * word is the plural of a common noun is a team, a band or a family of companies, not a person (a
 * person's name takes no article, and a surname like "Gates" after "the" is a family only when it
 * stands alone, which analyze/entities.ts types).
 */
function isTeamName(core: Token[], before: Token | undefined): boolean {
  if (core.length < 2 || before?.text.toLowerCase() !== 'the') return false;
  const last = core[core.length - 1]!.text;
  return /^\p{Lu}\p{Ll}+$/u.test(last) && isPluralOfNoun(last);
}

/**
 * "WeWork", "SoftBank", "PayPal", "YouTube": a capital inside a word spells a company or a brand.
 * Not the capital after a surname's prefix ("McDonald", "MacArthur", "DeSantis", "LeBron", "O'Brien").
 */
function isBrandSpelling(word: string): boolean {
  return /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(word) && !/^(Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|St)\p{Lu}/u.test(word);
}

/** A lower-case role phrase just before a name: "Kremlin foreign policy aide" → "Kremlin foreign policy aide". */
function roleBefore(tokens: Token[], from: number): string | undefined {
  let k = from - 1;
  let hasRole = false;
  const parts: string[] = [];
  while (k >= 0 && from - k <= MAX_TITLE_LOOKBACK) {
    const t = tokens[k]!;
    const w = t.text.toLowerCase();
    if (isRole(w) && (!hasRole || parts.length > 0)) {
      if (parts.length === 0 || !hasRole) {
        hasRole = true;
        parts.unshift(t.text);
        k--;
        continue;
      }
    }
    if (hasRole && (isRoleModifier(w) || isDemonym(w) || (isCapitalised(t) && t.pos === 'PROPN' && !NOT_NAMES.has(w)))) {
      parts.unshift(t.text);
      k--;
      continue;
    }
    break;
  }
  // Only a role directly before the name counts ("aide Yuri Ushakov", not "aide to Yuri Ushakov").
  if (!hasRole || !isRole(tokens[from - 1]?.text ?? '')) return undefined;
  return parts.join(' ');
}

export { normaliseName };
