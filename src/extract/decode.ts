// Bytes → string: honours a BOM and a declared charset, else strict UTF-8, else a detected
// legacy encoding. It does not parse HTML or JSON; callers pass what they know of the charset.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { createError } from '../errors.ts';

/**
 * Decode `bytes` to text without mojibake, or throw INPUT_NOT_DECODABLE.
 * @example decodeBytes(new TextEncoder().encode('café'), 'a.txt') === 'café'
 */
export function decodeBytes(bytes: Uint8Array, origin: string, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = contentType?.match(/charset=["']?([\w-]+)/i)?.[1];
  if (declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared)) return iconv.decode(Buffer.from(bytes), declared);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const detected = chardet.detect(bytes);
    if (detected && iconv.encodingExists(detected) && !/^utf-?8$/i.test(detected)) return iconv.decode(Buffer.from(bytes), detected);
    throw createError('INPUT_NOT_DECODABLE', origin);
  }
}
