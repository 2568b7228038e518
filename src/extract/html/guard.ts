// Cheap checks on raw HTML before it is parsed: element count and container nesting depth, so a
// hostile or broken page (a million <div>s, 100,000 levels deep) is refused in milliseconds instead
// of exhausting memory or the stack. It does not parse or validate HTML.
import { createError } from '../../errors.ts';
import type { HtmlOptions } from './options.ts';

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
/** Elements that close themselves or are closed implicitly, so they do not deepen the tree for long. */
const NOT_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'thead', 'tbody', 'tfoot', 'colgroup', 'rp', 'rt', 'optgroup']);

/** Throw HTML_TOO_COMPLEX when `html` has more elements or deeper nesting than the options allow. */
export function assertParseable(html: string, origin: string, options: Pick<HtmlOptions, 'maxElements' | 'maxDepth'>): void {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      if (!NOT_NESTING.has(name) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (elements > options.maxElements) throw createError('HTML_TOO_COMPLEX', origin, `more than ${options.maxElements} elements`);
    if (m[3] || NOT_NESTING.has(name)) continue;
    depth++;
    if (depth > deepest) deepest = depth;
    if (deepest > options.maxDepth) throw createError('HTML_TOO_COMPLEX', origin, `elements nested more than ${options.maxDepth} deep`);
  }
}
