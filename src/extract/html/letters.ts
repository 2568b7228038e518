// Letters of every element's text, counted in one walk of the tree, so rules that compare an
// element's text with a part of it (the share of a block that is tag links) cost linear time instead
// of reading textContent again for each element and each of its ancestors, which is quadratic on a
// page with thousands of links. Letters only: counts, digits and punctuation between links
// ("politics (12), sport (3)") are not words. It does not judge what is content.

export interface LetterCounts {
  /** Letters of the element's text (its textContent). */
  letters: number;
  /** Those of them inside a marked element (the element itself included). */
  marked: number;
}

interface Walkable {
  nodeType: number;
  nodeValue?: string | null;
  childNodes: ArrayLike<Walkable>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

const letterCount = (text: string): number => text.replace(/\P{L}+/gu, '').length;

/**
 * Letter counts of `root` and every element under it, keyed by element; `isMarked` says which
 * elements' text counts as marked (all of their descendants' text is then marked too).
 * @example letterCounts(document, (el) => el.tagName === 'A').get(document.body) → { letters: 120, marked: 30 }
 */
export function letterCounts<E extends object>(root: unknown, isMarked: (element: E) => boolean): Map<E, LetterCounts> {
  const counts = new Map<E, LetterCounts>();
  const visit = (node: Walkable, inMarked: boolean): LetterCounts => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const letters = letterCount(node.nodeValue ?? '');
      return { letters, marked: inMarked ? letters : 0 };
    }
    const marked = inMarked || (node.nodeType === ELEMENT_NODE && isMarked(node as unknown as E));
    const total = { letters: 0, marked: 0 };
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = visit(children[i]!, marked);
      total.letters += child.letters;
      total.marked += child.marked;
    }
    if (node.nodeType === ELEMENT_NODE) counts.set(node as unknown as E, total);
    return total;
  };
  visit(root as Walkable, false);
  return counts;
}
