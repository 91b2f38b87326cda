import { stderrTerminal, writeErrLine } from '../runtime/process.js'

/**
 * A one-line progress bar on stderr, redrawn in place, for long runs on a terminal; on anything
 * else (CI logs, pipes) it draws nothing and the plain result lines are the progress.
 *
 * @example
 * const bar = ProgressBar.forTerminal(38)
 * bar?.update(1, 'sdk-sse × pkce-s256')
 * bar?.clear()
 */
export class ProgressBar {
  private constructor(
    private readonly total: number,
    private readonly columns: number,
  ) {}

  /** A bar when stderr is a terminal, else undefined. */
  static forTerminal(total: number): ProgressBar | undefined {
    const terminal = stderrTerminal()
    return terminal && total > 1 ? new ProgressBar(total, terminal.columns) : undefined
  }

  update(done: number, current: string): void {
    const width = 24
    const filled = Math.round((done / this.total) * width)
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${current}`
    writeErrLine(`\r${line.slice(0, this.columns - 1).padEnd(this.columns - 1)}`)
  }

  clear(): void {
    writeErrLine(`\r${' '.repeat(this.columns - 1)}\r`)
  }
}
