// The one place where error codes become HTTP statuses, and every error becomes a JSON body
// `{ "error": { "code", "message" } }`. No stack trace ever reaches a client.
import { ERROR_CODES, isCrosscheckError, type ErrorCode } from '../errors.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  USAGE: 400,
  INPUT_JSON_INVALID: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  INPUT_UNSUPPORTED: 415,
  STORE_FAILED: 503,
  STORE_SCHEMA_TOO_NEW: 500,
  INTERNAL: 500,
};

/** HTTP status for an error code: input problems are 422 unless listed above. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? (code.startsWith('INPUT_') || code.startsWith('URL_') || code.startsWith('HTML_') || code.startsWith('FEED_') || code.startsWith('WARC_') ? 422 : 500);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Status and body for anything thrown; unknown errors become INTERNAL with a generic message. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody } {
  if (isCrosscheckError(error)) return { status: statusOf(error.code), body: { error: { code: error.code, message: error.message } } };
  return { status: 500, body: { error: { code: 'INTERNAL', message: `${ERROR_CODES.INTERNAL}; the server log has the details` } } };
}
