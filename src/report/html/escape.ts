// HTML building with escaping by default: the `html` tag escapes every interpolated value unless
// it is already SafeHtml. Article text is hostile input; nothing reaches a page unescaped.

/** A string known to be safe HTML (built by `html` or `raw`). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template that escapes every value; arrays are joined; null, undefined and false vanish.
 * @example html`<p title="${userText}">${userText}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trust a string as HTML. Only for markup built in this module family, never for input text. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Join safe fragments. */
export function join(parts: SafeHtml[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map((p) => p.value).join(separator));
}

/** A token usable in an id or class: letters, digits, `-` and `_` only. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80);
}
