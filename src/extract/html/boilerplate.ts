// Site-independent boilerplate rules: removes share bars, captions, "read more" and related-link
// blocks, newsletter and cookie boxes (by class and role), tag lists (rel="tag"), pop-up cards
// hidden in sentences and sections a heading labels as not the article ("Related stories",
// "Comments") before Readability scores the page, and filters leftover boilerplate paragraphs
// after. Own code: Readability keeps many of these, and no npm library offers such rules
// separately. It never removes the element holding most of the page's paragraph text or its
// ancestors.
import { letterCounts } from './letters.ts';
import type { HtmlOptions } from './options.ts';

/** Tags never part of an article's text. */
const DROP_TAGS = 'script, style, noscript, template, svg, iframe, button, select, textarea, input, figcaption, nav, dialog, [role="navigation"], [role="dialog"], [role="complementary"], [role="contentinfo"], [aria-hidden="true"], [hidden]';

/** Class or id words that mark page furniture rather than article text. */
const FURNITURE = new RegExp(
  [
    'share', 'sharing', 'social', 'sociallinks', 'shariff', 'addthis', 'sharebar', 'share-?tools',
    'related', 'recommend(?:ed|ations)?', 'more-?stories', 'read-?more', 'readmore', 'also-?read', 'see-?also', 'further-?reading',
    'newsletter', 'subscribe', 'subscription', 'signup', 'sign-?up', 'paywall', 'promo', 'teaser-?list',
    'advert\\w*', 'ads?', 'ad-?slot', 'ad-?container', 'sponsor\\w*', 'outbrain', 'taboola', 'dfp',
    'cookie\\w*', 'consent', 'gdpr', 'popup', 'modal', 'overlay',
    'comments?', 'comment-?list', 'disqus', 'respond',
    'breadcrumbs?', 'pagination', 'pager', 'tags?', 'tag-?list', 'topics', 'keywords',
    'caption', 'credit', 'photo-?credit', 'image-?credit', 'wp-caption-text',
    'author-?bio', 'author-?box', 'about-?the-?author', 'bio-?box',
    'sidebar', 'toolbar', 'print', 'skip-?link', 'visually-?hidden', 'sr-only', 'screen-?reader-?text',
  ].join('|'),
  'i',
);
const FURNITURE_WORD = new RegExp(`^(?:${FURNITURE.source})$`, 'i');
/** Class words that say "this is the content" and protect an element from removal. */
const CONTENT_WORD = /(?:article|content|main|body|text|story|entry|post)/i;
/** Prefix/suffix forms like "article-share" or "share-buttons" count too. */
const FURNITURE_PART = /(?:^|[-_])(?:share|social|related|newsletter|subscribe|advert|ads?|promo|sponsored|comments?|breadcrumbs?|caption|credit|cookie|consent|outbrain|taboola|tags|recommended|readmore|read-more|author-bio|paywall)(?:$|[-_])/i;

/** Descendants that mark the article body; an element holding one is never removed as furniture. */
const ARTICLE_BODY = '[itemprop="articleBody"], [class*="article-body"], [class*="articleBody"], [class*="article-content"], [class*="post-body"], [class*="post-content"], [class*="entry-content"], [class*="story-body"], [class*="story-content"]';

interface El {
  tagName: string;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  parentElement: El | null;
  parentNode: unknown;
  children: ArrayLike<El>;
  isConnected: boolean;
  textContent: string | null;
  getAttribute(name: string): string | null;
  remove(): void;
}

interface Root {
  querySelectorAll(selector: string): ArrayLike<El>;
  body?: { textContent: string | null } | null;
}

/**
 * True when a class or id word names page furniture and no other word says "content". A word naming
 * both ("article-body__newsletter", "story-image-caption") is the furniture of the article, not its text.
 */
export function isFurniture(classAndId: string): boolean {
  const words = classAndId.split(/\s+/).filter(Boolean);
  const furniture = (w: string): boolean => FURNITURE_WORD.test(w) || FURNITURE_PART.test(w);
  if (words.some((w) => CONTENT_WORD.test(w) && !furniture(w))) return false;
  return words.some(furniture);
}

/** Remove furniture elements from the page in place; returns how many were removed. */
export function removeBoilerplate(root: Root, options: Pick<HtmlOptions, 'maxBoilerplateShare'>): number {
  const total = (root.body?.textContent ?? '').length || 1;
  const keep = mainTextAncestors(root);
  let removed = 0;
  const drop = root.querySelectorAll(DROP_TAGS);
  for (let i = 0; i < drop.length; i++) {
    const el = drop[i];
    if (!el) continue;
    if (keep.has(el) || (el.tagName !== 'NAV' && el.tagName !== 'FIGCAPTION' && (el.textContent ?? '').length > total * options.maxBoilerplateShare)) continue;
    el.remove();
    removed++;
  }
  const marked = root.querySelectorAll('[class], [id]');
  for (let i = 0; i < marked.length; i++) {
    const el = marked[i];
    if (!el || keep.has(el) || el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!isFurniture(names)) continue;
    if ((el.textContent ?? '').length > total * options.maxBoilerplateShare || el.querySelector(ARTICLE_BODY)) continue;
    el.remove();
    removed++;
  }
  return removed + removeTagLists(root, keep) + removeLabelledSections(root, keep) + removeHoverCards(root);
}

/** Headings that open a block of teasers, links, sharing or comments rather than article text (several languages). */
const SECTION_LABEL = new RegExp(
  '^(?:' +
    [
      'related(?: (?:articles?|stories|posts|topics|content|coverage|news|links|reading|videos?))?', 'more (?:stories|articles|news|videos)',
      'you (?:may|might) (?:also )?(?:like|enjoy|be interested in)', 'recommended(?: for you| stories| articles)?', '(?:most|the most) (?:popular|read|viewed|shared|commented)(?: (?:stories|articles|posts|videos|news))?',
      'popular(?: (?:posts|stories|articles|now))?', 'trending(?: now| stories)?', 'top stories', 'latest (?:news|stories|posts|articles)', 'recent (?:posts|stories|articles)',
      'comments?', 'leave a (?:reply|comment)(?: cancel reply)?', 'share your thoughts(?: cancel reply)?', 'join the discussion', 'about the author',
      'newsletters?', 'sign up for .{0,40}newsletters?', 'never miss a (?:post|story)', 'follow us', 'stay connected', 'share this(?: (?:story|article|post))?', 'like this',
      'você (?:também )?pode gostar', 'leia (?:também|mais)', 'veja também', '(?:posts|artigos|notícias|matérias) relacionad[oa]s', 'comentários',
      'te puede interesar', 'lee también', '(?:artículos|noticias) relacionad[oa]s', 'comentarios', 'lo más (?:leído|visto)',
      '(?:à )?lire aussi', 'sur le même sujet', 'articles similaires', 'commentaires', 'les plus lus',
      'das könnte sie auch interessieren', 'lesen sie auch', 'mehr zum thema', 'kommentare', 'meistgelesen',
      'leggi anche', 'articoli correlati', 'commenti', 'i più letti',
      'читайте также', 'похожие статьи', 'отзывы', 'комментарии', 'самое популярное',
    ].join('|') +
    ')\\W*$',
  'iu',
);

/**
 * Remove sections that a heading labels as not the article ("Related stories", "You may also like",
 * "Comments"): the largest container that the heading opens, up to the element holding the main text.
 */
function removeLabelledSections(root: Root, keep: Set<El>): number {
  const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
  let removed = 0;
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i];
    if (!heading?.isConnected || keep.has(heading)) continue;
    if (!SECTION_LABEL.test((heading.textContent ?? '').replace(/\s+/g, ' ').trim())) continue;
    let section: El = heading;
    for (let up = heading.parentElement; up && !keep.has(up) && firstWithText(up) === section; up = up.parentElement) section = up;
    if (section === heading || holdsArticle(section, heading)) continue;
    section.remove();
    removed++;
  }
  return removed;
}

/** True when `section` holds a headline (an <h1> other than its label) or a marked article body. */
function holdsArticle(section: El, label: El): boolean {
  if (section.querySelector(ARTICLE_BODY)) return true;
  const headlines = section.querySelectorAll('h1');
  return headlines.length > 1 || (headlines.length === 1 && headlines[0] !== label);
}

/** The first child element of `el` that has any text. */
function firstWithText(el: El): El | undefined {
  const children = el.children;
  for (let i = 0; i < children.length; i++) if ((children[i]?.textContent ?? '').trim()) return children[i];
  return undefined;
}

const visibleLength = (el: El): number => (el.textContent ?? '').replace(/\s+/g, '').length;

/** A pop-up card's text is nearly all links (the person's name, their latest headlines, "MORE"). */
const CARD_LINK_SHARE = 0.7;

/**
 * Remove pop-up cards hidden inside running text: a <span> within a paragraph that holds an image
 * and two or more links and little else. Shown on hover, they are not part of the sentence.
 */
function removeHoverCards(root: Root): number {
  const images = root.querySelectorAll('p span img');
  let removed = 0;
  for (let i = 0; i < images.length; i++) {
    let card = images[i]?.parentElement ?? null;
    while (card && card.tagName !== 'SPAN' && card.tagName !== 'P') card = card.parentElement;
    if (!card || card.tagName !== 'SPAN' || !card.isConnected) continue;
    const links = card.querySelectorAll('a');
    if (links.length < 2) continue;
    let linked = 0;
    for (let j = 0; j < links.length; j++) linked += visibleLength(links[j]!);
    if (linked < visibleLength(card) * CARD_LINK_SHARE) continue;
    card.remove();
    removed++;
  }
  return removed;
}

/** Links marked rel="tag" name the page's tags and categories; they are labels, not article text. */
const TAG_LINK = 'a[rel~="tag"]';
/** An element whose letters are at least this share in tag links is a tag list ("Tags: a, b, c", "politics (12), sport (3)"). */
const TAG_LIST_SHARE = 0.7;

/**
 * Remove each list of tag links: the largest ancestor whose letters are still mostly in tag links;
 * returns how many went. Shares are read from one walk of the page, as it was before any list was removed.
 */
function removeTagLists(root: Root, keep: Set<El>): number {
  const links = root.querySelectorAll(TAG_LINK);
  if (links.length === 0) return 0;
  const tagLinks = new Set(Array.from(links));
  const counts = letterCounts<El>(root, (el) => tagLinks.has(el));
  const mostlyTags = (el: El): boolean => {
    const count = counts.get(el);
    return !!count && !keep.has(el) && count.marked >= count.letters * TAG_LIST_SHARE;
  };
  const lists = new Set<El>();
  const topOf = new Map<El, El>();
  for (let i = 0; i < links.length; i++) {
    const start = links[i]?.parentElement;
    // A tag link inside a sentence ("a hazard of deep space travel") is the sentence's word.
    if (start && mostlyTags(start)) lists.add(highestOfChain(start, mostlyTags, topOf));
  }
  let removed = 0;
  for (const list of lists) {
    if (!list.isConnected) continue;
    list.remove();
    removed++;
  }
  return removed;
}

/**
 * The highest ancestor of `el` (or `el`) reached through elements that all pass `test`. Results are
 * remembered in `topOf` for every element on the way, so links sharing ancestors climb them once.
 */
function highestOfChain(el: El, test: (el: El) => boolean, topOf: Map<El, El>): El {
  const path: El[] = [];
  let node = el;
  let top = topOf.get(node);
  while (!top) {
    path.push(node);
    const up = node.parentElement;
    if (up && test(up)) {
      node = up;
      top = topOf.get(up);
    } else top = node;
  }
  for (const passed of path) topOf.set(passed, top);
  return top;
}

/**
 * The element holding the most paragraph text, and its ancestors: whatever its class names say,
 * removing it would remove the article.
 */
function mainTextAncestors(root: Root): Set<El> {
  const byParent = new Map<El, number>();
  const add = (el: El | null, length: number): void => void (el && byParent.set(el, (byParent.get(el) ?? 0) + length));
  const paragraphs = root.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length; i++) add(paragraphs[i]?.parentElement ?? null, (paragraphs[i]?.textContent ?? '').length);
  // Text written straight into a <div> between <br>s (common in blog templates) counts as paragraphs too.
  const breaks = root.querySelectorAll('div > br');
  for (let i = 0; i < breaks.length; i++) {
    const parent = breaks[i]?.parentElement ?? null;
    if (parent && !byParent.has(parent)) add(parent, ownTextLength(parent));
  }
  let best: El | null = null;
  let bestLength = 0;
  for (const [el, length] of byParent) if (length > bestLength) [best, bestLength] = [el, length];
  const keep = new Set<El>();
  for (let node = best; node; node = node.parentElement) keep.add(node);
  return keep;
}

function ownTextLength(el: El): number {
  const nodes = (el as unknown as { childNodes: ArrayLike<{ nodeType: number; nodeValue: string | null }> }).childNodes;
  let length = 0;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]?.nodeType === 3) length += (nodes[i]?.nodeValue ?? '').trim().length;
  return length;
}

/** Short paragraphs that are calls to action, credits or labels rather than article text. */
const BOILERPLATE_PARAGRAPH = new RegExp(
  [
    '^(?:read|see|watch|listen)(?: the)? (?:more|also|next|full|related)\\b',
    '^(?:related|more|recommended|trending|popular|most read|read next|up next)(?: (?:stories|articles|coverage|content|reading|news))?\\s*:?$',
    '^(?:share|tweet|email|print|save|comment)(?: (?:this|on|via|article|story|it))?\\b.{0,40}$',
    '^(?:sign up|subscribe|join)\\b.{0,120}(?:newsletter|inbox|email|updates)',
    '^(?:advertisement|advertising|advert|anzeige|werbung|publicité|publicidade|publicidad|sponsored|ad)\\s*$',
    '^(?:skip to (?:main )?content|this slideshow requires javascript)',
    '^have a (?:news )?tip\\b',
    '^filed under\\b',
    '^(?:caption|close|open|menu|search|home|next|previous|prev|expand|collapse|toggle|subscribe|enlarge this image|hide caption|show caption|toggle caption)\\s*$',
    '^(?:image|photo|picture|slide|foto|bild)?\\s*\\d+\\s+(?:of|von|de|sur)\\s+\\d+$',
    '^(?:photo|image|foto|picture|illustration)s?(?: by| credit| courtesy| illustration)\\b',
    '\\w\\s?/\\s?(?:getty(?: images)?|afp|reuters|ap|epa|shutterstock|dpa|imago|istock)\\b',
    '^(?:related|see also|also|read also|also read|more|more on this)\\s*:\\s',
    '^\\[[^\\]]{1,40}\\]$',
    '^(?:more|want more)\\b.{0,30}\\bstories\\b',
    '\\bclick(?:ing)? here\\b',
    '^(?:reading time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\\b',
    '^view (?:author|all|more)\\b',
    '^\\(?(?:reporting|additional reporting|editing|writing|compiled) by\\b',
    '\\bcontributed (?:reporting|to this (?:report|story))\\b',
    '^(?:like this (?:story|article)|tell us what you think)\\b',
    '\\bsubscribe to\\b.{0,60}(?:newsletter|inbox|email)',
    '\\b(?:posted|written|published|publicado|publié|veröffentlicht|geschrieben) (?:by|por|par|von)\\b',
    '^(?:follow|like) (?:us|me) on\\b',
    '^(?:photo|image|picture|foto|bild|video|credit|source|quelle)s?\\s*:\\s*\\S.{0,80}$',
    '^(?:©|\\(c\\)|copyright)\\s',
    '^(?:click|tap) here\\b',
    '^(?:this (?:article|story) (?:was|has been|is) (?:originally )?(?:published|updated))',
    '^(?:we use cookies|cookies? (?:help|policy|settings))',
    '^(?:getty images|reuters|ap photo|afp|shutterstock|dpa)\\b.{0,40}$',
    '^(?:loading|please wait|javascript is disabled|you need to enable javascript)',
    '^(?:updated|published|posted|last updated|last modified|veröffentlicht|aktualisiert|publié|mis à jour)\\b.{0,60}$',
    '^\\|?\\s*(?:updated|published|posted)\\s*:.{0,60}$',
    '^by [\\p{Lu}][\\p{L}.\'-]+(?: [\\p{Lu}][\\p{L}.\'-]+){0,3}(?:\\s*(?:[-|,•·]|and)\\s*.{0,60})?$',
    '^(?:you (?:may|might) also like|don.?t miss|sign in|log in|breaking news|most popular|trending now|top stories|more from|more on this|latest news)\\b\\W{0,5}$',
    '(?:all rights reserved|the contents of this site are ©)',
    '^(?:comments?|kommentare?|commentaires?|comentários?|comentarios?)\\W{0,5}$',
  ].join('|'),
  'iu',
);

/** True for a short paragraph that is a call to action, credit or label. */
export function isBoilerplateParagraph(text: string, options: Pick<HtmlOptions, 'shortParagraph'>): boolean {
  if (!/[\p{L}\p{N}]{2}/u.test(text)) return true;
  return text.length <= options.shortParagraph && BOILERPLATE_PARAGRAPH.test(text.trim());
}

/** A label at the very start or end of the text: a few words, no sentence ("SUBSCRIBE", "Home", "Popular this week"). */
const EDGE_LABEL_WORDS = 3;
const EDGE_LABEL_CHARS = 40;
const URL_ONLY = /^https?:\/\/\S+$/;

/** Drop labels and bare URLs from the two ends of the article text, where page furniture clings. */
export function trimEdges(paragraphs: string[]): string[] {
  const isLabel = (p: string): boolean =>
    URL_ONLY.test(p) || (p.length <= EDGE_LABEL_CHARS && p.split(/\s+/).length <= EDGE_LABEL_WORDS && !/[.!?:;"”»)。！？]$/.test(p));
  let start = 0;
  let end = paragraphs.length;
  while (start < end && isLabel(paragraphs[start]!)) start++;
  while (end > start && isLabel(paragraphs[end - 1]!)) end--;
  return paragraphs.slice(start, end);
}
