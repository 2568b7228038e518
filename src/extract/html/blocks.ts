// Turns a DOM subtree into paragraphs: block elements (p, headings, list items, quotes, table rows)
// end a paragraph, inline text is joined with white space folded, and the cells of a table row are
// one line, as the row reads. It does not judge what is content.

/** Elements after which a new paragraph starts. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);

/** Table cells: apart from each other, but a row's cells ("3", "Kevin Harvick", "5033") read as one line. */
const CELL = new Set(['TD', 'TH']);

/** Elements whose text is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'FIGCAPTION', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO']);

export interface Block {
  text: string;
  /** The tag that opened the block (P, H2, LI, ...), upper case. */
  tag: string;
  /** Share (0..1) of the block's characters inside links. */
  linkShare: number;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Paragraph blocks of `root`, in document order, white space folded, empty blocks dropped.
 * @example blocksOf(parseHTML('<div><h2>A</h2><p>b <i>c</i></p></div>').document.body) → [{text:'A',tag:'H2'},{text:'b c',tag:'P'}]
 */
export function blocksOf(root: unknown): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let tag = 'P';
  let linked = 0;
  let total = 0;
  const flush = (): void => {
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, tag, linkShare: total > 0 ? linked / total : 0 });
    parts = [];
    linked = 0;
    total = 0;
  };
  const visit = (node: DomNode, blockTag: string, inLink = false): void => {
    if (node.nodeType === TEXT_NODE) {
      if (parts.length === 0) tag = blockTag;
      const value = node.nodeValue ?? '';
      parts.push(value);
      const length = value.trim().length;
      total += length;
      if (inLink) linked += length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const isBlock = BLOCK.has(name);
    if (isBlock) flush();
    else if (CELL.has(name)) parts.push(' ');
    const childTag = isBlock && name !== 'DIV' && name !== 'BR' ? name : blockTag;
    const children = node.childNodes;
    const link = inLink || name === 'A';
    for (let i = 0; i < children.length; i++) visit(children[i] as DomNode, childTag, link);
    if (isBlock) flush();
  };
  visit(root as DomNode, 'P');
  flush();
  return blocks;
}
