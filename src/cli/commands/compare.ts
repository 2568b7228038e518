// `crosscheck compare A B`: two articles side by side as aligned claims; `crosscheck compare --pairs
// FILE`: judges tab-separated sentence pairs, one JSON line each ({"same","conflict","score"}).
// Argument parsing and printing only; the comparison lives in the library.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { tokenize } from '../../annotate/nlp.ts';
import { compareSentences, type SentenceComparison } from '../../analyze/similarity.ts';
import { createError, toInputError } from '../../errors.ts';
import type { SetExit } from './index.ts';
import { annotateDocument } from '../../annotate/index.ts';
import { compareArticles, type ArticleComparison } from '../../analyze/compare-articles.ts';
import { collectAll } from '../../ingest/collect.ts';

/** Read two articles, compare them, print the aligned claims. Exit 1 when either cannot be read. */
export async function runArticles(pathA: string, pathB: string, format: 'text' | 'json', io: Pick<CompareIO, 'out' | 'err'>): Promise<number> {
  const { documents, errors } = await collectAll([pathA, pathB]);
  for (const e of errors) io.err(`crosscheck: ${e.message} [${e.code}]`);
  if (documents.length !== 2) {
    io.err(`crosscheck compare: need exactly one article in each input, found ${documents.length} in all`);
    return 1;
  }
  const [a, b] = documents.map((d, i) => (i === 1 && d.id === documents[0]!.id ? { ...d, id: `${d.id}-2` } : d));
  const result = compareArticles(annotateDocument(a!), annotateDocument(b!));
  io.out(format === 'json' ? JSON.stringify(result, null, 2) : renderComparison(result));
  return errors.length ? 1 : 0;
}

const LABEL: Record<string, string> = { same: '=  same', conflict: '✗  conflict', 'only-a': '<  only in A', 'only-b': '>  only in B' };

/** The comparison for a terminal: one block per aligned claim, A's sentence above B's. */
export function renderComparison(c: ArticleComparison): string {
  const lines = [`A: ${c.a}`, `B: ${c.b}`, `relation: ${c.relation} · ${c.counts.same} same, ${c.counts.conflict} conflicting, ${c.counts['only-a']} only in A, ${c.counts['only-b']} only in B`, ''];
  for (const row of c.rows) {
    lines.push(LABEL[row.kind]! + (row.conflict ? ` (${row.conflict.slot}: ${row.conflict.values.map((v) => v.value).join(' vs ')})` : '') + (row.development ? ' (planned in one, done in the other)' : ''));
    if (row.a) lines.push(`   A  ${row.a.sentence}`);
    if (row.b) lines.push(`   B  ${row.b.sentence}`);
    lines.push('');
  }
  return lines.join('\n');
}

interface CompareCommandOptions {
  pairs?: string;
  explain: boolean;
  format: string;
}

export function registerCompare(program: Command, setExit: SetExit): void {
  program
    .command('compare')
    .description('two articles side by side as aligned claims (same / conflict / only in A / only in B), or sentence pairs with --pairs')
    .argument('[articles...]', 'two articles to compare claim by claim')
    .option('-f, --format <format>', 'for two articles: text or json', 'text')
    .option('--pairs <file>', 'tab-separated "sentence1<TAB>sentence2" lines (- for standard input); prints one JSON line per pair')
    .option('--explain', 'add the matched words and conflicting values to each line', false)
    .action(async (articles: string[], options: CompareCommandOptions) => {
      if (options.pairs !== undefined) setExit(await runPairs(options.pairs, options.explain));
      else if (articles.length === 2 && ['text', 'json'].includes(options.format)) setExit(await runArticles(articles[0]!, articles[1]!, options.format as 'text' | 'json', PROCESS_IO));
      else {
        const detail = articles.length === 2 ? `unknown --format "${options.format}"; use text or json` : 'give two articles, or --pairs FILE';
        PROCESS_IO.err(`crosscheck compare: ${createError('USAGE', undefined, detail).message}`);
        setExit(2);
      }
    });
}

/** The JSON object printed for one pair. */
export function presentComparison(c: SentenceComparison, explain: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { same: c.same, conflict: c.conflict, score: c.score };
  if (explain) out.reasons = c.reasons;
  return out;
}

/** One input line as a pair of sentences, or a message saying what is wrong with it. */
export function parsePairLine(line: string): { a: string; b: string } | { error: string } {
  const fields = line.replace(/\r$/, '').split('\t');
  if (fields.length !== 2) return { error: `expected 2 tab-separated sentences, found ${fields.length} field(s)` };
  const [a, b] = fields as [string, string];
  if (a.trim() === '' || b.trim() === '') return { error: 'a sentence is empty' };
  return { a, b };
}

/** Where the command writes: standard output and error by default, buffers in tests. */
export interface CompareIO {
  out: (line: string) => void;
  err: (line: string) => void;
  stdin: Readable;
}

const PROCESS_IO: CompareIO = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  stdin: process.stdin,
};

async function runPairs(path: string, explain: boolean): Promise<number> {
  const origin = path === '-' ? 'stdin' : path;
  let input: Readable;
  try {
    input = path === '-' ? PROCESS_IO.stdin : await openFile(path);
  } catch (error) {
    PROCESS_IO.err(toInputError(origin, error).message);
    return 1;
  }
  return comparePairs(input, origin, explain, PROCESS_IO);
}

/**
 * Judge every `sentence1<TAB>sentence2` line of `input`; one JSON line out per non-blank line
 * (a malformed line gives `{"line","error"}` so output stays aligned). Resolves to the exit status.
 */
export async function comparePairs(input: Readable, origin: string, explain: boolean, io: Pick<CompareIO, 'out' | 'err'>): Promise<number> {
  let lineNumber = 0;
  let rejected = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const pair = parsePairLine(line);
    if ('error' in pair) {
      rejected++;
      io.err(`${origin}:${lineNumber}: ${pair.error}`);
      io.out(JSON.stringify({ line: lineNumber, error: pair.error })); // keeps output lines aligned with input pairs
      continue;
    }
    const result = compareSentences({ tokens: tokenize(pair.a) }, { tokens: tokenize(pair.b) });
    io.out(JSON.stringify(presentComparison(result, explain)));
  }
  return rejected > 0 ? 1 : 0;
}

function openFile(path: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(path, { encoding: 'utf8' });
    stream.once('open', () => resolve(stream));
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? createError('INPUT_NOT_FOUND', path) : error.code === 'EACCES' ? createError('INPUT_UNREADABLE', path) : error),
    );
  });
}
