// Markdown outputs (`--summary` for $GITHUB_STEP_SUMMARY, `report --issue`) carry fields a client
// controls: method names, stderr lines, violation messages. These keep each one what it is.

/**
 * A client-controlled value as inline Markdown text: on one line (so it cannot start a heading or
 * a list), with the characters that start a code span, a link, an image or HTML escaped.
 *
 * @example
 * markdownText('x\n## Injected <img src=x>') // 'x ## Injected \\<img src=x\\>'
 */
export function markdownText(value: string): string {
  // Only what starts a code span, a link or image, or HTML: emphasis characters cannot add anything.
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`[\]<>&]/g, '\\$&')
}

/**
 * Lines as a fenced code block whose fence is longer than any run of back-ticks inside, so no
 * line can close it (CommonMark: a fence closes only on one at least as long).
 *
 * @example
 * fenced(['x ``` y'], 'sh') // ['````sh', 'x ``` y', '````']
 */
export function fenced(lines: readonly string[], info = ''): string[] {
  const longest = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  // A line break inside a value would start a new Markdown line; inside the fence it only stays text.
  return [`${fence}${info}`, ...lines.flatMap((line) => line.split(/\r\n|\r|\n/)), fence]
}
