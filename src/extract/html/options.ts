// Tunables of HTML extraction, with their defaults in one place (merged by `withHtmlDefaults`).
// Thresholds here are site-independent; nothing is keyed on a host or a page.

export interface HtmlOptions {
  /** Largest HTML accepted, in characters; larger pages are rejected with INPUT_TOO_LARGE. */
  maxChars: number;
  /** Pages with more elements than this are rejected with HTML_TOO_COMPLEX before parsing (large news pages have ~20,000). */
  maxElements: number;
  /** Pages whose markup nests container elements deeper than this are rejected with HTML_TOO_COMPLEX before parsing (unclosed tags count, so real pages reach ~550). */
  maxDepth: number;
  /**
   * Pages whose parsed element tree is deeper than this are rejected with HTML_TOO_COMPLEX: Readability's
   * time grows with the cube of the depth (250 nested divs take seconds). The deepest of 980 real test pages is 51.
   */
  maxTreeDepth: number;
  /**
   * Pages whose elements' depths add up to more than this are rejected with HTML_TOO_COMPLEX: Readability's
   * time grows with this sum times the depth (200 chains of 100 nested divs, a sum of 1,000,000, take seconds).
   * The largest sum on 980 real test pages is 148,101 (9,753 elements).
   */
  maxTotalDepth: number;
  /** Pages with an element of more child nodes than this are rejected with HTML_TOO_COMPLEX (Readability fails past ~120,000; the most on 980 real test pages is 727). */
  maxChildNodes: number;
  /** A JSON-LD `articleBody` shorter than this (characters) is ignored as a teaser. */
  minJsonLdBody: number;
  /** Share of the JSON-LD body's words the page text must cover to keep the page's paragraph layout. */
  jsonLdCoverage: number;
  /** A page paragraph whose words are less than this share in the JSON-LD body is dropped as boilerplate. */
  jsonLdParagraphOverlap: number;
  /** When the JSON-LD body would keep less than this share of the page text, it is a teaser and is not used to trim. */
  jsonLdMinKeptShare: number;
  /** An element holding more than this share of the page's text is never removed as boilerplate. */
  maxBoilerplateShare: number;
  /** A short paragraph with at least this share of its text in links is a link list (related stories), not text. */
  maxLinkShare: number;
  /** That many link paragraphs in a row make a link list. */
  minLinkListRun: number;
  /** A paragraph of at most this many characters and words that holds a date is a date stamp. */
  dateLineChars: number;
  dateLineWords: number;
  /** Keep embedded social posts in the article text as well as in `embeds` (as the page shows them). */
  embedsInText: boolean;
  /** Paragraphs up to this many characters are checked against the boilerplate phrases. */
  shortParagraph: number;
}

export const HTML_DEFAULTS: HtmlOptions = {
  maxChars: 16 * 1024 * 1024,
  maxElements: 150_000,
  maxDepth: 1_000,
  maxTreeDepth: 200,
  maxTotalDepth: 1_000_000,
  maxChildNodes: 50_000,
  minJsonLdBody: 400,
  jsonLdCoverage: 0.8,
  jsonLdParagraphOverlap: 0.5,
  jsonLdMinKeptShare: 0.7,
  maxBoilerplateShare: 0.5,
  shortParagraph: 160,
  embedsInText: false,
  maxLinkShare: 0.8,
  minLinkListRun: 3,
  dateLineChars: 60,
  dateLineWords: 8,
};

export function withHtmlDefaults(options: Partial<HtmlOptions> = {}): HtmlOptions {
  return { ...HTML_DEFAULTS, ...options };
}
