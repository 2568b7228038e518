// Fetches article URLs safely: http(s) only, a timeout, a size cap, at most 5 redirects, a clear
// user agent, per-host concurrency and a politeness delay, retries with backoff on 429/503, and no
// private, loopback or link-local addresses unless allowed — checked on the address actually
// connected to (DNS answers are validated inside the socket's lookup), again after each redirect.
// Own code because fetch() exposes neither the resolved address nor a per-connection lookup hook.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { createError, isCrosscheckError } from '../errors.ts';
import type { RawInput } from '../types.ts';

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface FetchOptions {
  /** Fetch private, loopback and link-local addresses too (`--allow-private`). */
  allowPrivate: boolean;
  /** Time allowed for one attempt, headers and body, in milliseconds. */
  timeoutMs: number;
  /** Largest body accepted, in bytes (after decompression). */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Requests in flight to one host at a time. */
  perHostConcurrency: number;
  /** Pause between the starts of two requests to the same host, in milliseconds. */
  politenessDelayMs: number;
  /** Further attempts after a 429 or 503 answer (or a network error). */
  retries: number;
  /** First backoff, doubled at each retry; a Retry-After header is honoured up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** DNS resolution (injectable for tests). */
  resolve: Resolver;
  /** Whether an address may be connected to when private ones are refused (injectable for tests). */
  isPublicAddress: (address: string) => boolean;
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/** True for an address on the public internet (not private, loopback, link-local, multicast or reserved). */
export function isPublicAddress(address: string): boolean {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export const FETCH_DEFAULTS: FetchOptions = {
  allowPrivate: false,
  timeoutMs: 20_000,
  maxBytes: 32 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'crosscheck/0.1 (news cross-checking; reads one article per URL)',
  perHostConcurrency: 2,
  politenessDelayMs: 1_000,
  retries: 2,
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  resolve: (hostname) => new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)))),
  isPublicAddress,
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Parse and check a URL the user gave: http(s) only. */
export function parseHttpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw createError('URL_INVALID', value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw createError('URL_INVALID', value, `${url.protocol} is not fetched`);
  return url;
}

/** True when an argument names a URL rather than a file. */
export function isUrlArgument(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

interface HostSlot {
  active: number;
  nextStart: number;
  waiting: (() => void)[];
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Uint8Array;
}

/** A fetcher with per-host scheduling; one per run so politeness holds across all of its URLs. */
export interface Fetcher {
  fetch(url: string): Promise<RawInput>;
}

/**
 * Build a fetcher. Each `fetch` resolves to a RawInput (bytes, Content-Type, final URL, capture time)
 * or rejects with URL_INVALID, URL_PRIVATE_ADDRESS, URL_TOO_MANY_REDIRECTS, INPUT_TOO_LARGE or URL_FETCH_FAILED.
 * @example const page = await createFetcher().fetch('https://example.org/news/1')
 */
export function createFetcher(options: Partial<FetchOptions> = {}): Fetcher {
  const opts = { ...FETCH_DEFAULTS, ...options };
  const hosts = new Map<string, HostSlot>();

  async function acquire(host: string): Promise<() => void> {
    const slot = hosts.get(host) ?? { active: 0, nextStart: 0, waiting: [] };
    hosts.set(host, slot);
    while (slot.active >= opts.perHostConcurrency) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.active++;
    const wait = slot.nextStart - Date.now();
    slot.nextStart = Math.max(Date.now(), slot.nextStart) + opts.politenessDelayMs;
    if (wait > 0) await sleep(wait);
    return () => {
      slot.active--;
      slot.waiting.shift()?.();
      if (slot.active === 0 && slot.waiting.length === 0 && Date.now() >= slot.nextStart) hosts.delete(host);
    };
  }

  async function once(url: URL, origin: string): Promise<Answer> {
    if (!opts.allowPrivate && isIP(url.hostname.replace(/^\[|\]$/g, '')) && !opts.isPublicAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
      throw createError('URL_PRIVATE_ADDRESS', origin, url.hostname);
    }
    const release = await acquire(url.host);
    try {
      return await request(url, origin, opts);
    } finally {
      release();
    }
  }

  async function withRetries(url: URL, origin: string): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      let answer: Answer | undefined;
      let failure: unknown;
      try {
        answer = await once(url, origin);
      } catch (error) {
        if (isCrosscheckError(error) && error.code !== 'URL_FETCH_FAILED') throw error;
        failure = error;
      }
      const retryable = failure !== undefined || answer?.status === 429 || answer?.status === 503;
      if (!retryable || attempt >= opts.retries) {
        if (failure) throw failure;
        return answer!;
      }
      const retryAfter = Number(answer?.headers['retry-after']);
      const delay = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : opts.backoffMs * 2 ** attempt;
      await sleep(Math.min(delay, opts.maxBackoffMs));
    }
  }

  return {
    async fetch(origin: string): Promise<RawInput> {
      let url = parseHttpUrl(origin);
      for (let hop = 0; ; hop++) {
        const answer = await withRetries(url, origin);
        const location = answer.headers.location;
        if (answer.status >= 300 && answer.status < 400 && location) {
          if (hop >= opts.maxRedirects) throw createError('URL_TOO_MANY_REDIRECTS', origin, `more than ${opts.maxRedirects}`);
          url = parseHttpUrl(new URL(location, url).href);
          continue;
        }
        if (answer.status < 200 || answer.status >= 300) throw createError('URL_FETCH_FAILED', origin, `HTTP ${answer.status}`);
        const contentType = answer.headers['content-type'];
        const name = url.pathname.split('/').filter(Boolean).pop() ?? url.hostname;
        return { origin, name: decodeURIComponent(name).slice(0, 200), bytes: answer.body, url: url.href, capturedAt: new Date().toISOString(), ...(contentType ? { contentType } : {}) };
      }
    },
  };
}

/** One HTTP exchange; the socket connects only to an address that passed the check. */
function request(url: URL, origin: string, opts: FetchOptions): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const lookup = (hostname: string, _options: unknown, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void): void => {
      opts.resolve(hostname).then(
        (addresses) => {
          const allowed = opts.allowPrivate ? addresses : addresses.filter((a) => opts.isPublicAddress(a.address));
          const first = allowed[0];
          if (!first) {
            callback(createError('URL_PRIVATE_ADDRESS', origin, `${hostname} → ${addresses.map((a) => a.address).join(', ') || 'no address'}`), '', 4);
            return;
          }
          if ((_options as { all?: boolean } | undefined)?.all) callback(null, [first]);
          else callback(null, first.address, first.family);
        },
        (error: Error) => callback(error, '', 4),
      );
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      lookup: lookup as never,
      headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
    });
    const timer = setTimeout(() => req.destroy(createError('URL_FETCH_FAILED', origin, `timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
    const fail = (error: unknown): void => {
      clearTimeout(timer);
      reject(isCrosscheckError(error) ? error : createError('URL_FETCH_FAILED', origin, (error as Error).message));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
      const stream = encoding === 'gzip' ? res.pipe(createGunzip()) : encoding === 'br' ? res.pipe(createBrotliDecompress()) : encoding === 'deflate' ? res.pipe(createInflate()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          req.destroy(createError('INPUT_TOO_LARGE', origin, `more than ${opts.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', fail);
      res.on('error', fail);
      stream.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) });
      });
    });
    req.end();
  });
}
