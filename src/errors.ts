// The catalog of crosscheck's error codes and the one error class every stage throws.
// Messages say what is wrong, where, and what to do; the server maps codes to HTTP statuses.

export const ERROR_CODES = {
  INPUT_NOT_FOUND: 'no such file or folder; check the path',
  INPUT_UNREADABLE: 'cannot be read; check its permissions',
  INPUT_EMPTY: 'is empty; nothing to analyse',
  INPUT_BINARY: 'looks like a binary file, not text, HTML or JSON; convert it to text first',
  INPUT_TOO_LARGE: 'is larger than the size limit; split it or raise --max-bytes',
  INPUT_NOT_DECODABLE: 'is not valid UTF-8 and its encoding could not be detected; re-save it as UTF-8',
  INPUT_JSON_INVALID: 'is not valid JSON',
  INPUT_JSON_NO_TEXT: 'has a JSON record without a "text" or "body" field',
  INPUT_NO_ARTICLES: 'holds no articles crosscheck can read (.txt, .md, .html, .json, .jsonl, feeds, WARC)',
  INPUT_NO_TEXT: 'has no article text after extraction',
  INPUT_UNSUPPORTED: 'is of a kind crosscheck does not read',
  INPUT_DUPLICATE_ID: 'has an id already used by another input; ids must be unique',
  HTML_NOT_ARTICLE: 'is an HTML page with no article text',
  HTML_TOO_COMPLEX: 'has too many or too deeply nested HTML elements to be an article page',
  URL_INVALID: 'is not an http(s) URL',
  URL_PRIVATE_ADDRESS: 'resolves to a private, loopback or link-local address; pass --allow-private to fetch it',
  URL_FETCH_FAILED: 'could not be fetched',
  URL_TOO_MANY_REDIRECTS: 'redirected too many times',
  FEED_INVALID: 'is not a readable RSS or Atom feed',
  WARC_INVALID: 'is not a readable WARC file',
  USAGE: 'wrong usage; see --help',
  STORE_SCHEMA_TOO_NEW: 'was written by a newer crosscheck; upgrade crosscheck to read it',
  STORE_FAILED: 'the store failed',
  NOT_FOUND: 'not found',
  UNAUTHORIZED: 'a valid token is required',
  BODY_TOO_LARGE: 'request body is larger than the limit',
  INTERNAL: 'internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The error every stage throws: a stable `code`, the `origin` it concerns and a readable message. */
export class CrosscheckError extends Error {
  readonly code: ErrorCode;
  readonly origin: string | undefined;
  /** What the message adds to the code's text, when anything. */
  readonly detail: string | undefined;

  constructor(code: ErrorCode, origin?: string, detail?: string) {
    const base = ERROR_CODES[code];
    const where = origin ? `${origin}: ` : '';
    super(`${where}${base}${detail ? ` (${detail})` : ''}`);
    this.name = 'CrosscheckError';
    this.code = code;
    this.origin = origin;
    this.detail = detail;
  }
}

/**
 * Build a CrosscheckError.
 * @example throw createError('INPUT_EMPTY', 'articles/a.txt')
 */
export function createError(code: ErrorCode, origin?: string, detail?: string): CrosscheckError {
  return new CrosscheckError(code, origin, detail);
}

export function isCrosscheckError(value: unknown): value is CrosscheckError {
  return value instanceof CrosscheckError;
}

/** Any thrown value as an InputError-shaped record, without stack traces. */
export function toInputError(origin: string, error: unknown): { origin: string; code: string; message: string } {
  if (isCrosscheckError(error)) return { origin, code: error.code, message: error.message };
  const text = error instanceof Error ? error.message : String(error);
  return { origin, code: 'INTERNAL', message: `${origin}: ${text}` };
}
