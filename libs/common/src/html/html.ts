/**
 * Server-side HTML templates that escape by default: the `html` tagged template escapes every interpolated
 * value (text and attribute context alike: & < > " ' are all replaced), except a value that is itself the
 * result of `html` (a fragment already built this way). Arrays are rendered item by item; null, undefined
 * and false render as nothing. There is no way to mark a plain string as trusted from outside this module
 * but `rawHtml`, meant for constants written in the source (a stylesheet), never for data.
 * Attribute values must be quoted in the template (`href="${url}"`); URLs are built from constants and
 * encoded parameters, never taken whole from data.
 */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A fragment of markup produced by `html` (or `rawHtml`): interpolated as is. */
export class SafeHtml {
  readonly #markup: string;
  private constructor(markup: string) {
    this.#markup = markup;
  }
  /** @internal */
  static of(markup: string): SafeHtml {
    return new SafeHtml(markup);
  }
  toString(): string {
    return this.#markup;
  }
}

export type HtmlValue = SafeHtml | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

/** Escapes text for HTML text and quoted attribute values; control characters HTML forbids are dropped. */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The tag: `html\`<td>${name}</td>\`` escapes `name`; nested `html` fragments are kept. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return SafeHtml.of(out);
}

/** Markup written in the source (a constant stylesheet): never pass data here. */
export function rawHtml(constantMarkup: string): SafeHtml {
  return SafeHtml.of(constantMarkup);
}
