// Builds benchmark corpora of real article text from the shared data: ECB+ news stories, the
// scrapinghub articles' gold text and the seeds; larger sets recombine their paragraphs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../src/extract/document.ts';
import { extractText } from '../src/extract/text.ts';
import type { Document } from '../src/types.ts';
import { sharedPath } from '../test/shared-data.ts';

/** Real articles from the shared data, in a fixed order. */
export function realArticles(): Document[] {
  const docs: Document[] = [];
  const ecb = readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (const line of ecb) {
    const rec = JSON.parse(line) as { id: string; text: string };
    docs.push(buildDocument({ origin: `ecb:${rec.id}`, name: rec.id, bytes: new Uint8Array() }, rec.text.replace(/\n/g, '\n\n')));
  }
  const gt = JSON.parse(readFileSync(sharedPath('data', 'extraction', 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const [id, rec] of Object.entries(gt)) {
    if (rec.articleBody.trim().length > 200) docs.push(buildDocument({ origin: `sh:${id}`, name: `sh-${id.slice(0, 12)}`, bytes: new Uint8Array() }, rec.articleBody));
  }
  const seeds = sharedPath('seeds');
  for (const f of readdirSync(seeds).sort()) docs.push(extractText({ origin: join(seeds, f), name: f, bytes: new Uint8Array() }, readFileSync(join(seeds, f), 'utf8')));
  return docs;
}

/** `n` articles: the real ones first, then recombinations of their paragraphs (deterministic). */
export function corpusOf(n: number): Document[] {
  const base = realArticles();
  const out = base.slice(0, n);
  let seed = 1;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = out.length; i < n; i++) {
    const a = base[Math.floor(rand() * base.length)]!;
    const b = base[Math.floor(rand() * base.length)]!;
    const paras = [...a.text.split('\n\n').slice(0, 4), ...b.text.split('\n\n').slice(0, 3)];
    out.push(buildDocument({ origin: `mix:${i}`, name: `mix-${i}`, bytes: new Uint8Array() }, paras.join('\n\n')));
  }
  return out;
}
