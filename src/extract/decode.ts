// Bytes → string without mojibake: a BOM first, then valid UTF-8, then the declared charset (HTTP
// Content-Type, <meta charset>, XML declaration), then chardet's detection; else INPUT_NOT_DECODABLE.
// It does not parse HTML or JSON beyond sniffing a charset declaration in the first bytes.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { createError } from '../errors.ts';

export interface DecodeOptions {
  /** Bytes scanned for a <meta charset> or XML encoding declaration. */
  sniffBytes: number;
  /** Lowest chardet confidence (0–100) accepted for an undeclared legacy encoding. */
  minConfidence: number;
  /** Share of U+FFFD replacement characters above which a decoding counts as failed. */
  maxReplacementShare: number;
}

export const DECODE_DEFAULTS: DecodeOptions = { sniffBytes: 4096, minConfidence: 10, maxReplacementShare: 0.001 };

/** Labels browsers treat as windows-1252 (the WHATWG Encoding Standard), which iconv would decode as Latin-1. */
const WINDOWS_1252_ALIASES = /^(?:iso[-_]?8859[-_]?1|latin-?1|l1|us-ascii|ascii|ansi_x3\.4-1968|cp819|ibm819|iso-ir-100)$/i;

/** The charset named in a Content-Type value (`text/html; charset=Shift_JIS`). */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}

/** The charset an HTML or XML document declares in its first bytes (<meta charset>, http-equiv, <?xml encoding?>). */
export function sniffDeclaredCharset(bytes: Uint8Array, sniffBytes = DECODE_DEFAULTS.sniffBytes): string | undefined {
  const head = Buffer.from(bytes.subarray(0, sniffBytes)).toString('latin1');
  return (
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1] ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i)?.[1]
  );
}

function normaliseLabel(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.test(name)) return 'windows-1252';
  if (name === 'gb2312' || name === 'gbk' || name === 'x-gbk') return 'gb18030';
  if (name === 'x-sjis' || name === 'sjis' || name === 'ms_kanji') return 'shift_jis';
  return iconv.encodingExists(name) ? name : undefined;
}

function bomDecode(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function replacementShare(text: string): number {
  let bad = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) bad++;
  return text.length ? bad / text.length : 0;
}

function decodeAs(bytes: Uint8Array, label: string, opts: DecodeOptions): string | undefined {
  const name = normaliseLabel(label);
  if (!name || /^utf-?8$/.test(name)) return undefined;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  return replacementShare(text) <= opts.maxReplacementShare ? text : undefined;
}

/**
 * Decode `bytes` to text without mojibake, or throw INPUT_NOT_DECODABLE.
 * Valid UTF-8 wins over a declaration (pages often declare Latin-1 and send UTF-8); otherwise the
 * declared charset, then a detected one, is used.
 * @example decodeBytes(new TextEncoder().encode('café'), 'a.txt') === 'café'
 */
export function decodeBytes(bytes: Uint8Array, origin: string, contentType?: string, options: Partial<DecodeOptions> = {}): string {
  const opts = { ...DECODE_DEFAULTS, ...options };
  const fromBom = bomDecode(bytes);
  if (fromBom !== undefined) return fromBom;
  const declared = charsetFromContentType(contentType) ?? sniffDeclaredCharset(bytes, opts.sniffBytes);
  if (declared && /^utf-?16/i.test(declared)) {
    const text = decodeAs(bytes, declared, opts);
    if (text !== undefined) return text;
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return utf8;
  if (declared) {
    const text = decodeAs(bytes, declared, opts);
    if (text !== undefined) return text;
  }
  for (const candidate of chardet.analyse(bytes)) {
    if (candidate.confidence < opts.minConfidence) break;
    const text = decodeAs(bytes, candidate.name, opts);
    if (text !== undefined) return text;
  }
  throw createError('INPUT_NOT_DECODABLE', origin);
}
