// A small in-memory cache of rendered responses (story pages, story JSON), keyed by story id,
// revision and analysis time, so a popular story is rendered once per analysis. Bounded by bytes.
import { gzipSync } from 'node:zlib';

export interface CachedBody {
  /** UTF-8 bytes, encoded once. */
  body: Uint8Array;
  /** The same bytes gzipped, for clients that accept it. */
  gzip?: Uint8Array;
  etag: string;
}

/** Encode (and for bodies worth it, gzip) a rendered response once, for the cache. */
export function cachedBody(text: string, etag: string, gzipFrom = 8 * 1024): CachedBody {
  const body = Buffer.from(text, 'utf8');
  return { body, etag, ...(body.length >= gzipFrom ? { gzip: gzipSync(body, { level: 6 }) } : {}) };
}

function sizeOf(v: CachedBody): number {
  return v.body.length + (v.gzip?.length ?? 0);
}

export const RENDER_CACHE_DEFAULTS = { maxBytes: 64 * 1024 * 1024, maxEntries: 256 };

export class RenderCache {
  readonly #entries = new Map<string, CachedBody>();
  readonly #opts: typeof RENDER_CACHE_DEFAULTS;
  #bytes = 0;

  constructor(options: Partial<typeof RENDER_CACHE_DEFAULTS> = {}) {
    this.#opts = { ...RENDER_CACHE_DEFAULTS, ...options };
  }

  get(key: string): CachedBody | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      // Re-insert: a Map iterates oldest first, so this keeps least-recently-used order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedBody): void {
    if (sizeOf(value) > this.#opts.maxBytes / 4) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= sizeOf(old);
      this.#entries.delete(key);
    }
    this.#entries.set(key, value);
    this.#bytes += sizeOf(value);
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.#opts.maxBytes && this.#entries.size <= this.#opts.maxEntries) break;
      this.#entries.delete(k);
      this.#bytes -= sizeOf(v);
    }
  }

  readonly #pending = new Map<string, Promise<CachedBody>>();

  /** The cached body, else render it once however many requests ask at the same time. */
  async getOrRender(key: string, render: () => Promise<CachedBody>, keep = true): Promise<CachedBody> {
    const hit = this.get(key);
    if (hit) return hit;
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = render().then((value) => {
        if (keep) this.set(key, value);
        return value;
      });
      this.#pending.set(key, pending);
      void pending.finally(() => this.#pending.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A key that changes whenever the story gains an article or a new analysis. */
export function storyCacheKey(kind: string, meta: { id: string; revision: number; analyzedAt?: string }): string {
  return `${kind}\u0000${meta.id}\u0000${meta.revision}\u0000${meta.analyzedAt ?? ''}`;
}

/** An entity tag for a cache key (short, quoted, ASCII). */
export function etagOf(key: string): string {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return `"${(h >>> 0).toString(36)}-${key.length}"`;
}
