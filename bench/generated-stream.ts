// The generated article stream the clustering benchmarks read: the shared texts (ECB+ events, the
// scrapinghub articles, the seeds) recombined, lightly edited and re-dated, 3,000 articles a day, each
// event in the news 2 days of every 12, a quarter of the articles near-copies of a recent one. Each
// article carries the event occurrence it was generated from (`event@cycle`), for B-cubed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterInput } from '../src/cluster/index.ts';
import { sharedPath } from '../test/shared-data.ts';

/** Articles a simulated day; an event is in the news 2 days out of every 12. */
export const PER_DAY = 3_000;
const CYCLE_DAYS = 12;
const ACTIVE_DAYS = 2;
const DUPLICATE_SHARE = 0.25;

export interface BaseEvent {
  /** Paragraphs of each source article of the event. */
  articles: string[][];
}

export function loadEvents(): BaseEvent[] {
  const gold = JSON.parse(readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.gold.json'), 'utf8')) as Record<string, string>;
  const byEvent = new Map<string, string[][]>();
  for (const line of readFileSync(sharedPath('data', 'stories', 'ecbplus-dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    const paragraphs = text.split('\n').filter((p) => p.trim());
    byEvent.set(gold[id]!, [...(byEvent.get(gold[id]!) ?? []), paragraphs]);
  }
  const events: BaseEvent[] = [...byEvent.keys()].sort().map((k) => ({ articles: byEvent.get(k)! }));
  const gt = JSON.parse(readFileSync(sharedPath('data', 'extraction', 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const id of Object.keys(gt).sort()) {
    const paragraphs = gt[id]!.articleBody.split(/\n+/).filter((p) => p.trim().length > 40);
    if (paragraphs.length >= 3) events.push({ articles: [paragraphs] });
  }
  const seeds = sharedPath('seeds');
  events.push({ articles: readdirSync(seeds).sort().map((f) => readFileSync(join(seeds, f), 'utf8').split(/\n+/).filter((p) => p.trim())) });
  return events;
}

function lcg(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** Light edits: some figures change, a paragraph may drop. */
function edit(paragraphs: string[], rand: () => number): string[] {
  return paragraphs
    .filter(() => rand() > 0.1)
    .map((p) => (rand() < 0.3 ? p.replace(/\b\d+\b/, (n) => String(Number(n) + 1 + Math.floor(rand() * 3))) : p));
}

/** The article stream: `n` articles in publication order, each with the story instance it belongs to. */
export function* generate(n: number, events: BaseEvent[]): Generator<{ input: ClusterInput; label: string }> {
  const rand = lcg(42);
  const recent = new Map<string, string[]>();
  const start = Date.UTC(2024, 0, 1) / 86_400_000;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / PER_DAY);
    const active = events.map((_, e) => e).filter((e) => (day + e) % CYCLE_DAYS < ACTIVE_DAYS);
    const e = active[Math.floor(rand() * active.length)]!;
    const label = `${e}@${Math.floor((day + e) / CYCLE_DAYS)}`;
    const event = events[e]!;
    let paragraphs: string[];
    const previous = recent.get(label);
    if (previous && rand() < DUPLICATE_SHARE) paragraphs = edit(previous, rand);
    else {
      const a = event.articles[Math.floor(rand() * event.articles.length)]!;
      const b = event.articles[Math.floor(rand() * event.articles.length)]!;
      const cut = 1 + Math.floor(rand() * Math.max(1, a.length - 1));
      paragraphs = edit([...a.slice(0, cut), ...b.slice(Math.floor(b.length / 2))], rand);
      if (paragraphs.length === 0) paragraphs = a.slice(0, 2);
    }
    if (recent.size > 2_000) recent.delete(recent.keys().next().value!);
    recent.set(label, paragraphs);
    const publishedAt = new Date((start + day) * 86_400_000).toISOString().slice(0, 10);
    yield { input: { id: `g${i}`, text: paragraphs.join('\n\n'), publishedAt }, label };
  }
}
