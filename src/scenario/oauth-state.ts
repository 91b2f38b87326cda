/** What one trial's authorization server remembers: registered clients, codes, issued tokens. */
export class OAuthState {
  readonly clients = new Set<string>()
  readonly codes = new Map<string, { challenge: string; method: string; redirectUri: string; resource: string | null }>()
  readonly tokens = new Set<string>()
  private counter = 0

  next(prefix: string): string {
    this.counter += 1
    return `${prefix}-${this.counter}-${Math.random().toString(36).slice(2, 10)}`
  }
}
