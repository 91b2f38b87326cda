/**
 * HTML built by a tagged template that escapes every interpolated value unless it is already
 * `SafeHtml`: a recording is untrusted input, so nothing it holds can become markup by mistake.
 * (Thirty lines of our own rather than a template engine: the report is static strings, and the
 * one rule that matters, escape by default, is easiest to audit here.)
 */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

type Interpolation = SafeHtml | string | number | boolean | undefined | null | readonly Interpolation[]

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return ''
  if (value instanceof SafeHtml) return value.text
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * @example
 * html`<td title="${note}">${cell}</td>` // note and cell escaped
 * html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` // nested fragments kept
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!
  })
  return new SafeHtml(out)
}

/** Markup we made ourselves (an SVG string, the page script) passed through as is. */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text)
}
