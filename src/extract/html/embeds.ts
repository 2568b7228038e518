// Embedded social posts (X/Twitter, Instagram, TikTok, Bluesky, Facebook, Threads, Mastodon) found
// in a page: read into Embeds with author, handle, date and link, then (by default) taken out of the
// page so their words are not counted as the article's own claims, or else lifted out of their
// wrappers so they stay in the text. It does not fetch the posts.
import type { Embed } from '../../types.ts';
import { parseDate } from '../date-parse.ts';

const EMBED_SELECTOR = [
  'blockquote.twitter-tweet', 'blockquote.twitter-video', 'blockquote.instagram-media', 'blockquote.tiktok-embed',
  'blockquote.bluesky-embed', 'blockquote[data-bluesky-uri]', 'blockquote.text-post-media', 'blockquote.reddit-embed-bq',
  'blockquote.mastodon-embed', 'div.fb-post', 'blockquote.fb-xfbml-parse-ignore',
].join(', ');

/** "— Jane Roe (@jroe) October 17, 2023" at the end of an embedded post. */
const SIGNATURE = /[—–-]\s*([^()@—–]{1,80}?)\s*\((@[\w.]{1,40})\)\s*(.{0,40})$/;

interface El {
  tagName: string;
  parentElement: El | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
  replaceWith(node: El): void;
}

/**
 * Read the page's embedded social posts, in document order, and remove them unless `keepInText`.
 * @example takeEmbeds(document)[0] → { kind: 'social-post', text: 'We are on our way.', handle: '@jroe', date: '2023-10-17', ... }
 */
export function takeEmbeds(root: { querySelectorAll(selector: string): ArrayLike<El> }, keepInText = false): Embed[] {
  const embeds: Embed[] = [];
  const found = root.querySelectorAll(EMBED_SELECTOR);
  for (let i = 0; i < found.length; i++) {
    const el = found[i];
    if (!el) continue;
    const whole = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const first = el.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim();
    const signature = SIGNATURE.exec(whole);
    const links = el.querySelectorAll('a[href]');
    const last = links.length ? links[links.length - 1] : null;
    const url = el.getAttribute('data-bluesky-uri') ?? el.getAttribute('data-instgrm-permalink') ?? el.getAttribute('cite') ?? last?.getAttribute('href') ?? undefined;
    const date = signature?.[3] ? parseDate(signature[3])?.date : last ? parseDate(last.textContent ?? '')?.date : undefined;
    const text = first ?? (signature ? whole.slice(0, signature.index).trim() : whole);
    if (keepInText) liftOutOfWrappers(el);
    else el.remove();
    if (!text) continue;
    embeds.push({
      kind: 'social-post',
      text,
      ...(signature?.[1] ? { author: signature[1].trim() } : {}),
      ...(signature?.[2] ? { handle: signature[2] } : {}),
      ...(date ? { date } : {}),
      ...(url && /^https?:|^at:/.test(url) ? { url } : {}),
    });
  }
  return embeds;
}

const visible = (el: El): number => (el.textContent ?? '').replace(/\s+/g, '').length;

/**
 * Put a kept post in place of the wrappers that hold nothing else ("social-media-embed"), so that
 * furniture rules keyed on the wrapper's class names do not drop the post with it.
 */
function liftOutOfWrappers(el: El): void {
  let outer = el;
  for (let up = el.parentElement; up && up.tagName !== 'BODY' && visible(up) <= visible(el); up = up.parentElement) outer = up;
  if (outer !== el) outer.replaceWith(el);
}
