// `crosscheck cluster <inputs>...`: reads articles and prints story assignments only (id, story,
// score, duplicate, and with --explain the deciding features). No clustering logic of its own.
import { InvalidArgumentError, type Command } from 'commander';
import { createStoryClusterer, toClusterInput } from '../../cluster/index.ts';
import { toInputError } from '../../errors.ts';
import { extractDocuments } from '../../extract/index.ts';
import { readInputs } from '../../ingest/read-inputs.ts';
import type { InputError, StoryAssignment } from '../../types.ts';
import type { SetExit } from './index.ts';

type Format = 'json' | 'jsonl';

interface ClusterCommandOptions {
  format: Format;
  explain: boolean;
  idleDays?: number;
}

export function registerCluster(program: Command, setExit: SetExit): void {
  program
    .command('cluster')
    .description('group articles into stories and print each article\'s story (fast; no claim analysis)')
    .argument('<inputs...>', 'files, folders or - for standard input')
    .option('--format <format>', 'json (one object) or jsonl (one assignment a line, as articles arrive)', parseFormat, 'json')
    .option('--explain', 'include the features that decided each assignment', false)
    .option('--idle-days <days>', 'days without a new article after which a story is closed', parsePositive)
    .action(async (inputs: string[], options: ClusterCommandOptions) => {
      setExit(await runCluster(inputs, options));
    });
}

async function runCluster(inputs: string[], options: ClusterCommandOptions): Promise<number> {
  const errors: InputError[] = [];
  const assignments: StoryAssignment[] = [];
  const clusterer = createStoryClusterer({ explain: options.explain, ...(options.idleDays ? { idleDays: options.idleDays } : {}) });
  const write = (line: string): void => void process.stdout.write(`${line}\n`);
  for await (const result of readInputs(inputs)) {
    if (!result.ok) {
      report(result.error);
      continue;
    }
    let documents;
    try {
      const extracted = extractDocuments(result.input);
      documents = extracted.documents;
      extracted.errors.forEach(report);
    } catch (error) {
      report(toInputError(result.input.origin, error));
      continue;
    }
    for (const doc of documents) {
      const assignment = clusterer.add(toClusterInput(doc));
      if (options.format === 'jsonl') write(JSON.stringify(present(assignment, options.explain)));
      else assignments.push(assignment);
    }
  }
  if (options.format === 'json') {
    const output = {
      version: 1,
      stories: clusterer.stories(),
      assignments: assignments.map((a) => present(a, options.explain)),
      errors: errors.map(({ origin, message }) => ({ origin, message })),
    };
    write(JSON.stringify(output, null, 2));
  }
  return errors.length > 0 ? 1 : 0;

  function report(error: InputError): void {
    errors.push(error);
    process.stderr.write(`${error.message}\n`);
  }
}

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
