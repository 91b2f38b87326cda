/**
 * Turns on one shared resource: many holders at once in shared mode, one alone in exclusive mode,
 * granted in the order asked (an exclusive request waits for the shared holders before it, and the
 * shared requests after it wait for it). In-process trials share the interception; record mode
 * (unhandled requests let through) and sessions with interception off need it alone.
 *
 * @example
 * const lock = new TurnLock()
 * const release = await lock.acquire('shared')
 * try { await trial() } finally { release() }
 */
export class TurnLock {
  private sharedHolders = 0
  private exclusiveHeld = false
  private readonly waiting: Array<{ mode: 'shared' | 'exclusive'; grant: () => void }> = []

  acquire(mode: 'shared' | 'exclusive'): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push({ mode, grant: () => resolve(this.releaser(mode)) })
      this.grantWhatCan()
    })
  }

  private releaser(mode: 'shared' | 'exclusive'): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      if (mode === 'shared') this.sharedHolders--
      else this.exclusiveHeld = false
      this.grantWhatCan()
    }
  }

  private grantWhatCan(): void {
    while (this.waiting.length > 0 && !this.exclusiveHeld) {
      const next = this.waiting[0]!
      if (next.mode === 'exclusive' && this.sharedHolders > 0) return
      this.waiting.shift()
      if (next.mode === 'shared') this.sharedHolders++
      else this.exclusiveHeld = true
      next.grant()
    }
  }
}
