// Cheap checks that refuse a hostile or broken page (a million <div>s, 100,000 levels deep, 140,000
// siblings) quickly with HTML_TOO_COMPLEX instead of exhausting time, memory or the stack: element
// count and nesting on the raw HTML before parsing (linkedom's parser slows down with the square of
// the nesting), then the parsed tree's depth, total depth and children per element, which bound
// Readability's time (its cleaning costs the sum of the elements' depths times the depth) and keep it
// working (it restores a page by passing all children of an element as arguments, which fails past
// ~120,000). It does not parse or validate HTML.
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

interface TreeNode {
  nodeType: number;
  childNodes: ArrayLike<TreeNode>;
}

const ELEMENT_NODE = 1;

/**
 * Throw HTML_TOO_COMPLEX when the parsed tree is deeper, its elements' depths add up to more, or an
 * element has more child nodes, than the options allow.
 */
export function assertTreeBounds(root: unknown, origin: string, options: Pick<HtmlOptions, 'maxTreeDepth' | 'maxTotalDepth' | 'maxChildNodes'>): void {
  let totalDepth = 0;
  const visit = (node: TreeNode, depth: number): void => {
    if (depth > options.maxTreeDepth) throw createError('HTML_TOO_COMPLEX', origin, `elements nested more than ${options.maxTreeDepth} deep`);
    totalDepth += depth;
    if (totalDepth > options.maxTotalDepth) throw createError('HTML_TOO_COMPLEX', origin, `elements whose depths add up to more than ${options.maxTotalDepth}`);
    const children = node.childNodes;
    if (children.length > options.maxChildNodes) throw createError('HTML_TOO_COMPLEX', origin, `an element with more than ${options.maxChildNodes} child nodes`);
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === ELEMENT_NODE) visit(children[i]!, depth + 1);
  };
  visit(root as TreeNode, 0);
}
