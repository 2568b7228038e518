// Parses one date as pages write it — ISO 8601, numeric day/month/year, month names in English,
// German, French, Spanish, Italian, Dutch, Portuguese, Russian, Ukrainian and Polish, Unix timestamps — into an ISO date.
// Own code: chrono-node reads prose ("next Monday"), not the compact forms pages use in markup.

export interface ParsedDate {
  /** YYYY-MM-DD as written (no time-zone shift). */
  date: string;
  /** Full ISO date-time when the source gave a time. */
  dateTime?: string;
}

export interface DateParseOptions {
  /** Order of an ambiguous nn/nn/yyyy: month first (US) or day first. */
  slashOrder: 'mdy' | 'dmy';
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro', 'января', 'январь', 'січня', 'stycznia']],
  [2, ['february', 'feb', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fev', 'февраля', 'февраль', 'лютого', 'lutego']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'maart', 'março', 'marco', 'mrz', 'марта', 'март', 'березня', 'marca']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'апреля', 'апрель', 'квітня', 'kwietnia']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio', 'мая', 'май', 'травня', 'maja']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'июня', 'июнь', 'червня', 'czerwca']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'июля', 'июль', 'липня', 'lipca']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'августа', 'август', 'серпня', 'sierpnia']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro', 'сентября', 'сентябрь', 'вересня', 'września']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'октября', 'октябрь', 'жовтня', 'października']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'ноября', 'ноябрь', 'листопада', 'listopada']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'декабря', 'декабрь', 'грудня', 'grudnia']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const ISO = /(?<![\d])(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/;
const YMD = /(?<![\d.\/])(\d{4})[\/.](\d{1,2})[\/.](\d{1,2})(?![\d\/])/;
const DMY_DOT = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])/;
const NUM_SLASH = /(?<![\d\/])(\d{1,2})[\/-](\d{1,2})[\/-](\d{4})(?![\d\/])/;
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°)?(?:\\s+de)?\\s*(${MONTH_ALT})\\.?,?(?:\\s+de)?\\s+(\\d{4})(?!\\d)`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const TIMESTAMP = /^\d{10}(?:\d{3})?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?Z?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** A valid calendar date as YYYY-MM-DD, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n + (n < 70 ? 2000 : 1900);
}

/**
 * The first date written in `text`, or undefined.
 * @example parseDate('Published 17 October 2023, 14:02')?.date === '2023-10-17'
 */
export function parseDate(text: string, options: Partial<DateParseOptions> = {}): ParsedDate | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (TIMESTAMP.test(value)) {
    const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
    const d = new Date(ms);
    return { date: d.toISOString().slice(0, 10), dateTime: d.toISOString() };
  }
  const compact = COMPACT.exec(value);
  if (compact) {
    const date = isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    if (date) return { date };
  }
  const iso = ISO.exec(value);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) {
      if (iso[4] === undefined) return { date };
      const time = `${pad(Number(iso[4]))}:${iso[5]}:${iso[6] ?? '00'}`;
      const zone = iso[7] ? (iso[7] === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
      return { date, dateTime: `${date}T${time}${zone}` };
    }
  }
  return parseLooseDate(value, options);
}

/** Dates written with words or numbers in running text (no ISO form). */
function parseLooseDate(value: string, options: Partial<DateParseOptions>): ParsedDate | undefined {
  const candidates: { index: number; date: string }[] = [];
  const push = (m: RegExpExecArray | null, date: string | undefined): void => {
    if (m && date) candidates.push({ index: m.index, date });
  };
  const ymd = YMD.exec(value);
  push(ymd, ymd ? isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])) : undefined);
  const dmy = DAY_MONTH_YEAR.exec(value);
  push(dmy, dmy ? isoDate(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()] ?? 0, Number(dmy[1])) : undefined);
  const mdy = MONTH_DAY_YEAR.exec(value);
  push(mdy, mdy ? isoDate(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()] ?? 0, Number(mdy[2])) : undefined);
  const dot = DMY_DOT.exec(value);
  push(dot, dot ? isoDate(fullYear(dot[3]!), Number(dot[2]), Number(dot[1])) : undefined);
  const slash = NUM_SLASH.exec(value);
  if (slash) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    const y = Number(slash[3]);
    const dayFirst = a > 12 || (b <= 12 && options.slashOrder === 'dmy');
    push(slash, dayFirst ? isoDate(y, b, a) : isoDate(y, a, b));
  }
  candidates.sort((x, y) => x.index - y.index);
  const first = candidates[0];
  return first ? { date: first.date } : undefined;
}

/** True for a month name or abbreviation in any of the languages read here ("march", "mär", "sept"). */
export function isMonthName(word: string): boolean {
  return MONTHS[word.toLowerCase()] !== undefined;
}

export interface FoundDate {
  index: number;
  date: string;
  /** The other reading of a numeric date whose day and month could be swapped (05/04/2023). */
  otherReading?: string;
}

/** Every date written in `text`, in order, for scanning visible text. */
export function findDates(text: string, options: Partial<DateParseOptions> = {}): FoundDate[] {
  const out: FoundDate[] = [];
  const patterns = [ISO, YMD, DAY_MONTH_YEAR, MONTH_DAY_YEAR, DMY_DOT, NUM_SLASH];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (let m = global.exec(text); m; m = global.exec(text)) {
      const parsed = parseDate(m[0], options);
      if (!parsed) continue;
      const otherReading = pattern === NUM_SLASH ? swappedReading(m, parsed.date) : undefined;
      out.push(otherReading ? { index: m.index, date: parsed.date, otherReading } : { index: m.index, date: parsed.date });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** For nn/nn/yyyy with both numbers up to 12, the date read the other way round. */
function swappedReading(m: RegExpExecArray, date: string): string | undefined {
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (a > 12 || b > 12 || a === b) return undefined;
  const [first, second] = [isoDate(year, a, b), isoDate(year, b, a)];
  return first === date ? second : first;
}
