// Reads and extracts every input the user named into Documents, collecting the rejected inputs as
// named errors so the others are still processed. The one loop every command (analyze, extract,
// ingest, cluster) uses; it does not annotate or analyse.
import { extractDocuments } from '../extract/index.ts';
import { toInputError } from '../errors.ts';
import type { Document, InputError } from '../types.ts';
import { type ReadOptions, readInputs } from './read-inputs.ts';

export type CollectEvent = { kind: 'document'; document: Document } | { kind: 'error'; error: InputError };

/**
 * Yield documents and errors in input order.
 * @example for await (const e of collectDocuments(['articles/'])) if (e.kind === 'document') use(e.document)
 */
export async function* collectDocuments(args: string[], options: Partial<ReadOptions> = {}): AsyncGenerator<CollectEvent> {
  for await (const result of readInputs(args, options)) {
    if (!result.ok) {
      yield { kind: 'error', error: result.error };
      continue;
    }
    try {
      const extracted = extractDocuments(result.input);
      for (const document of extracted.documents) yield { kind: 'document', document };
      for (const error of extracted.errors) yield { kind: 'error', error };
    } catch (error) {
      yield { kind: 'error', error: toInputError(result.input.origin, error) };
    }
  }
}

/** All documents and errors of the inputs, in input order. */
export async function collectAll(args: string[], options: Partial<ReadOptions> = {}): Promise<{ documents: Document[]; errors: InputError[] }> {
  const documents: Document[] = [];
  const errors: InputError[] = [];
  for await (const event of collectDocuments(args, options)) {
    if (event.kind === 'document') documents.push(event.document);
    else errors.push(event.error);
  }
  return { documents, errors };
}
