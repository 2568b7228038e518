// Exports of a store as JSON Lines or CSV: documents, claims or events, one record a line, read page
// by page so memory stays bounded. Used by `crosscheck export` and the API's export endpoint.
import type { Store } from './store.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export const EXPORT_KINDS = ['documents', 'claims', 'events'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_PAGE = 200;

type Row = Record<string, string | number | null>;

const COLUMNS: Record<ExportKind, string[]> = {
  documents: ['id', 'storyId', 'title', 'outlet', 'url', 'publishedAt', 'origin', 'contentHash', 'ingestedAt', 'staleDays', 'editorializing', 'text'],
  claims: ['storyId', 'claimId', 'status', 'independentSources', 'documentIds', 'text', 'conflictSlot', 'conflictValues'],
  events: ['storyId', 'date', 'actor', 'action', 'target', 'place', 'modality', 'according', 'documentIds'],
};

/** One CSV field: quoted when it holds a comma, quote or line break; formula-leading text is defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets; article text is hostile.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(format: ExportFormat, kind: ExportKind, row: Row): string {
  return format === 'jsonl' ? JSON.stringify(row) : COLUMNS[kind].map((c) => csvField(row[c] ?? null)).join(',');
}

async function* documentRows(store: Store): AsyncGenerator<Row> {
  const signalsOf = new Map<string, Map<string, { staleDays: number | null; editorializing: number }>>();
  for (let after = 0; ; ) {
    const page = await store.listDocuments(after, EXPORT_PAGE);
    if (page.length === 0) return;
    for (const s of page) {
      after = s.seq;
      const d = s.document;
      let signals = s.storyId ? signalsOf.get(s.storyId) : undefined;
      if (s.storyId && !signals) {
        const story = await store.getStory(s.storyId);
        signals = new Map(Object.entries(story?.analysis?.signals ?? {}));
        if (signalsOf.size > 64) signalsOf.clear();
        signalsOf.set(s.storyId, signals);
      }
      const sig = signals?.get(d.id);
      yield {
        id: d.id, storyId: s.storyId ?? null, title: d.title ?? null, outlet: d.outlet ?? null, url: d.url ?? null, publishedAt: d.publishedAt ?? null,
        origin: d.origin, contentHash: d.contentHash, ingestedAt: s.ingestedAt, staleDays: sig?.staleDays ?? null, editorializing: sig?.editorializing ?? null, text: d.text,
      };
    }
  }
}

async function* storyRows(store: Store, kind: 'claims' | 'events'): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await store.listStories({ sort: 'size', limit: EXPORT_PAGE, offset });
    if (page.items.length === 0) return;
    for (const item of page.items) {
      const analysis = (await store.getStory(item.id))?.analysis;
      if (!analysis) continue;
      if (kind === 'claims') {
        for (const g of analysis.claims) {
          yield {
            storyId: item.id, claimId: g.id, status: g.status, independentSources: g.independentSources, documentIds: g.documentIds.join(' '), text: g.text,
            conflictSlot: g.conflict?.slot ?? null, conflictValues: g.conflict ? g.conflict.values.map((v) => `${v.value} (${v.documentIds.join(' ')})`).join('; ') : null,
          };
        }
      } else {
        for (const e of analysis.events) {
          yield { storyId: item.id, date: e.date ?? null, actor: e.actor, action: e.action, target: e.target ?? null, place: e.place ?? null, modality: e.modality, according: e.according?.join('; ') ?? null, documentIds: e.documentIds.join(' ') };
        }
      }
    }
  }
}

/**
 * The export's lines, each ending in a newline; CSV starts with its header.
 * @example for await (const l of exportLines(store, 'csv', 'claims')) process.stdout.write(l)
 */
export async function* exportLines(store: Store, format: ExportFormat, kind: ExportKind): AsyncGenerator<string> {
  if (format === 'csv') yield `${COLUMNS[kind].join(',')}\n`;
  const rows = kind === 'documents' ? documentRows(store) : storyRows(store, kind);
  for await (const row of rows) yield `${line(format, kind, row)}\n`;
}
