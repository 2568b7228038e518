// `crosscheck cluster <inputs>...`: reads articles and prints story assignments only (id, story,
// score, duplicate, and with --explain the deciding features). No clustering logic of its own; as a
// stream (jsonl) it also bounds V8's heap growth for the run (see STREAM_HEAP_GROWING_PERCENT).
import { setFlagsFromString } from 'node:v8';
import { InvalidArgumentError, type Command } from 'commander';
import { clusterStories, createStoryClusterer, MAX_ORDERS, toClusterInput, type ClusterInput, type StoryChange, type StoryClusterer } from '../../cluster/index.ts';
import { toInputError } from '../../errors.ts';
import { extractDocuments } from '../../extract/index.ts';
import { READ_DEFAULTS, readInputs } from '../../ingest/read-inputs.ts';
import { parseByteSize, progressBar } from '../output.ts';
import type { Document, InputError, StoryAssignment } from '../../types.ts';
import type { SetExit } from './index.ts';

type Format = 'json' | 'jsonl';

interface ClusterCommandOptions {
  format: Format;
  explain: boolean;
  idleDays?: number;
  orders?: number;
  maxBytes: number;
}

export function registerCluster(program: Command, setExit: SetExit): void {
  program
    .command('cluster')
    .description('group articles into stories and print each article\'s story (fast; no claim analysis)')
    .argument('<inputs...>', 'files, folders or - for standard input')
    .option('--format <format>', 'json: one object, articles taken in date order; jsonl: streaming, one line per assignment or story change as articles arrive', parseFormat, 'json')
    .option('--explain', 'include the features that decided each assignment', false)
    .option('--orders <n>', 'json: orders of same-day articles to cluster in, keeping the stories the others agree with most (default 1: one canonical order; each order costs a full run)', parseOrders)
    .option('--idle-days <days>', 'days without a new article after which a story is closed', parsePositive)
    .option('--max-bytes <size>', 'largest input accepted, and longest line of JSON Lines (e.g. 32MB); JSON Lines files are read line by line whatever their size', parseSize, READ_DEFAULTS.maxBytes)
    .action(async (inputs: string[], options: ClusterCommandOptions) => {
      setExit(await runCluster(inputs, options));
    });
}

/**
 * How far V8 may let the heap grow past its live data before its next full collection, in a stream
 * (`--format jsonl`). Left to itself V8 picks a factor of up to 4 from how fast the program allocates
 * and collects; a stream's live data is bounded by its window, but the peak RSS of the same 1M generated
 * articles moved from 1.50 to 1.96 GB between two runs (target: 2 GB). At 50 % it was 1.31–1.40 GB,
 * for 16–23 % more CPU per article at 1M; on 50k articles, later, the CPU cost was within this
 * machine's run-to-run spread (docs/clustering.md, Scale). Set at run time, the flag works the
 * same on Node 20, 22 and 24 (measured). A user's own --heap-growing-percent (node's flags or
 * NODE_OPTIONS) is left as it is.
 */
const STREAM_HEAP_GROWING_PERCENT = 50;

function boundHeapGrowth(): void {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (flags.some((flag) => /^--heap[-_]growing[-_]percent/.test(flag))) return;
  setFlagsFromString(`--heap-growing-percent=${STREAM_HEAP_GROWING_PERCENT}`);
}

async function runCluster(inputs: string[], options: ClusterCommandOptions): Promise<number> {
  if (options.orders !== undefined && options.format === 'jsonl') {
    process.stderr.write('error: --orders applies to --format json; a stream (jsonl) takes the articles in the order they arrive\n');
    return 2;
  }
  const errors: InputError[] = [];
  const inputsRead: ClusterInput[] = [];
  const write = (line: string): void => void process.stdout.write(`${line}\n`);
  const writeChange = (change: StoryChange): void => write(JSON.stringify({ change: change.kind, from: change.from, into: change.into, documentIds: change.documentIds, reason: change.reason }));
  const tuning = { explain: options.explain, ...(options.idleDays ? { idleDays: options.idleDays } : {}) };
  // jsonl streams: each article is placed as it arrives (memory stays bounded); json sorts by date first.
  // Every assignment is printed as it is made, so a story that closes is not needed again: handing it
  // to an onClose that drops it keeps the clusterer from holding every closed story's article ids.
  const stream = options.format === 'jsonl' ? createStoryClusterer({ ...tuning, onChange: writeChange, onClose: dropClosedStory }) : undefined;
  if (stream) boundHeapGrowth();
  // On a terminal only: a count of the articles read (and placed, when streaming).
  const counter = progressBar(stream ? 'clustering' : 'reading', false);
  let count = 0;
  for await (const result of readInputs(inputs, { maxBytes: options.maxBytes })) {
    if (!result.ok) {
      report(result.error);
      continue;
    }
    try {
      // Clustering does not read the language; detecting it would cost a fifth of the time here.
      const extracted = extractDocuments(result.input, { detectLanguage: false });
      extracted.errors.forEach(report);
      for (const doc of extracted.documents) {
        if (stream) place(stream, doc);
        else inputsRead.push(toClusterInput(doc));
        if (++count % 200 === 0) counter.update(count);
      }
    } catch (error) {
      report(toInputError(result.input.origin, error));
    }
  }
  counter.stop();
  if (stream) stream.consolidate();
  else {
    const bar = progressBar('clustering');
    const onProgress = (done: number, total: number): void => bar.update(done, total);
    const { stories, assignments, ordering } = clusterStories(inputsRead, { ...tuning, onProgress, ...(options.orders ? { orders: options.orders } : {}) });
    bar.stop();
    const output = {
      version: 1,
      ordering,
      stories,
      assignments: assignments.map((a) => present(a, options.explain)),
      errors: errors.map(({ origin, message }) => ({ origin, message })),
    };
    write(JSON.stringify(output, null, 2));
  }
  return errors.length > 0 ? 1 : 0;

  function place(clusterer: StoryClusterer, doc: Document): void {
    const placed = placeArticle(clusterer, doc, options.explain);
    if ('line' in placed) write(placed.line);
    else report(placed.error);
  }

  function report(error: InputError): void {
    errors.push(error);
    process.stderr.write(`${error.message}\n`);
  }
}

/**
 * One article into a stream: the line to print for its assignment, or, when the clusterer fails on
 * it, an error naming its origin and id that says it was left out. The stream goes on with the
 * articles after it (read with it in the same batch of lines or not).
 */
export function placeArticle(clusterer: Pick<StoryClusterer, 'add'>, doc: Document, explain: boolean): { line: string } | { error: InputError } {
  let placed: StoryAssignment;
  try {
    placed = clusterer.add(toClusterInput(doc));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: toInputError(doc.origin, new Error(`article ${doc.id} left out: clustering failed on it (${reason}); the other articles were placed. This is a fault in crosscheck: please report it with this article`)) };
  }
  return { line: JSON.stringify(present(placed, explain)) };
}

/** A closed story whose assignments were printed already: nothing to keep. */
function dropClosedStory(): void {}

function present(a: StoryAssignment, explain: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: a.documentId, story: a.storyId, score: a.score };
  if (a.duplicateOf) out.duplicateOf = a.duplicateOf;
  if (explain) out.reasons = a.reasons;
  return out;
}

function parseFormat(value: string): Format {
  if (value === 'json' || value === 'jsonl') return value;
  throw new InvalidArgumentError('expected json or jsonl');
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function parseOrders(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ORDERS) throw new InvalidArgumentError(`expected a whole number, 1 or more and at most ${MAX_ORDERS}`);
  return n;
}

function parseSize(value: string): number {
  const n = parseByteSize(value);
  if (n === undefined) throw new InvalidArgumentError('expected a size such as 32MB');
  return n;
}
