// For tests: one story built from a few invented articles, through annotation and story analysis,
// as `analyze` would build it once the articles are grouped. Not a test itself.
import { annotateDocument } from '../annotate/index.ts';
import { buildDocument } from '../extract/document.ts';
import type { StoryAnalysis } from '../types.ts';
import { analyzeStory } from './index.ts';

/** The story of `texts` (document id → text), each dated by `publishedAt` (id → ISO date) when given. */
export function storyOf(texts: Record<string, string>, publishedAt: Record<string, string> = {}): StoryAnalysis {
  const annotated = Object.entries(texts).map(([id, text]) => {
    const doc = { ...buildDocument({ origin: id, name: id, bytes: new Uint8Array() }, text), id };
    return annotateDocument(publishedAt[id] ? { ...doc, publishedAt: publishedAt[id] } : doc);
  });
  return analyzeStory({ id: 's', title: 't', documentIds: annotated.map((a) => a.doc.id) }, annotated);
}
