import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ROOT } from './cli.js'

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it where missing), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Screenshots the browser tests leave behind for a person to look at (CI keeps the folder as an artifact). */
export const ARTIFACTS = join(ROOT, 'test-artifacts')

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the browser tests need Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`,
    )
  mkdirSync(ARTIFACTS, { recursive: true })
  // --no-sandbox: CI runs as root, where Chromium refuses its sandbox; the pages are our own reports.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
}

/** What a page did that a report must never do: log errors, or load anything besides itself. */
export function watchPage(page: Page, own: (url: string) => boolean) {
  const errors: string[] = []
  const foreign: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('request', (request) => {
    if (!own(request.url())) foreign.push(request.url())
  })
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`))
  return { errors, foreign }
}

export function screenshotPath(name: string): string {
  return join(ARTIFACTS, `${name}.png`)
}
