import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ROOT } from './cli.js'

/** The system's Chromium, where a distribution put it. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/**
 * The browser the tests drive: CHROMIUM_PATH, else the system's Chromium, else the one shipped
 * inside the `@sparticuz/chromium` devDependency (no download step, no root: `npm ci` brings it).
 * That one is unpacked into a folder of this checkout's own, not the shared /tmp, where another
 * user could have put a binary of theirs under its name.
 */
async function chromiumPath(): Promise<{ path: string; args: string[] }> {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, args: [] }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path))
  if (system) return { path: system, args: [] }
  const { default: packaged } = await import('@sparticuz/chromium')
  const unpackTo = join(ROOT, 'node_modules', '.cache', 'sparticuz-chromium')
  mkdirSync(unpackTo, { recursive: true, mode: 0o700 })
  const tmp = process.env.TMPDIR
  process.env.TMPDIR = unpackTo
  try {
    // Its own flags for a container without GPU or zygote; not its web-security ones (the tests check the CSP).
    return {
      path: await packaged.executablePath(),
      args: ['--no-zygote', '--single-process', '--use-gl=angle', '--use-angle=swiftshader', '--in-process-gpu'],
    }
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = tmp
  }
}

/** Screenshots the browser tests leave behind for a person to look at (CI keeps the folder as an artifact). */
export const ARTIFACTS = join(ROOT, 'test-artifacts')

export async function launchChromium(): Promise<Browser> {
  const { path, args } = await chromiumPath()
  if (!existsSync(path)) throw new Error(`the browser tests need Chromium: CHROMIUM_PATH=${path} does not exist`)
  mkdirSync(ARTIFACTS, { recursive: true })
  // --no-sandbox: CI runs as root, where Chromium refuses its sandbox; the pages are our own reports.
  return chromium.launch({ executablePath: path, args: ['--no-sandbox', ...args] })
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
