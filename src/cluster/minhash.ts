// MinHash signatures over word shingles and an LSH band index that finds near-duplicate candidates
// without comparing all pairs. Own code: ~60 lines, and the npm packages for it are unmaintained.

/** 32-bit FNV-1a of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed 32-bit permutation. */
function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes of the distinct word k-shingles of `words` (fewer than k words: one shingle of them all), sorted. */
export function shingleHashes(words: string[], k: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashString(words[i]!);
  const count = Math.max(1, words.length - k + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < Math.min(i + k, words.length); j++) h = fmix32((h ^ wordHashes[j]!) + j - i);
    out[i] = h;
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
}

const MULTIPLIERS: number[] = [];
const OFFSETS: number[] = [];
function ensurePermutations(n: number): void {
  for (let i = MULTIPLIERS.length; i < n; i++) {
    MULTIPLIERS.push((fmix32(0x2545f491 + i * 0x9e3779b9) | 1) >>> 0); // odd: a bijection mod 2^32
    OFFSETS.push(fmix32(0x7f4a7c15 + i * 0x85ebca6b));
  }
}

/**
 * MinHash signature: for each of `n` hash functions h_p(x) = a_p·x + b_p mod 2^32 (x already well
 * mixed), the minimum over the shingles. The share of equal positions in two signatures estimates
 * the Jaccard similarity of the shingle sets.
 */
export function minhashSignature(shingles: Uint32Array, n: number): Uint32Array {
  ensurePermutations(n);
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (let i = 0; i < shingles.length; i++) {
    const x = shingles[i]!;
    for (let p = 0; p < n; p++) {
      const v = (Math.imul(x, MULTIPLIERS[p]!) + OFFSETS[p]!) >>> 0;
      if (v < sig[p]!) sig[p] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures of equal length (0 when either is empty). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length || a[0] === 0xffffffff || b[0] === 0xffffffff) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Band keys of a signature: `bands` hashes of `rows` consecutive positions each, tagged with the band. */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): number[] {
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = fmix32(b + 1);
    for (let r = 0; r < rows; r++) h = fmix32(h ^ (sig[b * rows + r] ?? 0));
    keys.push(h);
  }
  return keys;
}

/**
 * Locality-sensitive hashing over MinHash bands: two items become candidates when any band matches.
 * With b bands of r rows, a pair of Jaccard J is found with probability 1 − (1 − J^r)^b.
 * Buckets are capped (oldest out first) so boilerplate shared by thousands of articles stays cheap.
 */
export class LshIndex<T> {
  private readonly buckets = new Map<number, T[]>();

  constructor(
    readonly bands: number,
    readonly rows: number,
    private readonly maxBucket = 64,
  ) {}

  /** Band keys of `sig`; keep them to remove the item later. */
  keys(sig: Uint32Array): number[] {
    return bandKeys(sig, this.bands, this.rows);
  }

  insert(keys: number[], item: T): void {
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (!bucket) this.buckets.set(k, [item]);
      else {
        bucket.push(item);
        if (bucket.length > this.maxBucket) bucket.shift();
      }
    }
  }

  remove(keys: number[], item: T): void {
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (!bucket) continue;
      const i = bucket.indexOf(item);
      if (i >= 0) bucket.splice(i, 1);
      if (bucket.length === 0) this.buckets.delete(k);
    }
  }

  /** Items sharing at least one band with `keys`, each once, in insertion order of first match. */
  candidates(keys: number[]): T[] {
    const seen = new Set<T>();
    for (const k of keys) for (const item of this.buckets.get(k) ?? []) seen.add(item);
    return [...seen];
  }

  get size(): number {
    return this.buckets.size;
  }
}
