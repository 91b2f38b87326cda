// The HTML report in a real browser (Debian's Chromium through playwright-core): opened from
// file:// it loads nothing and logs no error; a violation expands to its diagram; a request shows
// its headers; the live page of `serve --ui` shows a request made while it is open.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import axe from 'axe-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, CLI, run, spawnUntil } from './helpers/cli.js'
import { launchChromium, screenshotPath, watchPage } from './helpers/browser.js'

const EXTERNAL_CLIENT = fileURLToPath(new URL('./fixtures/sdk-client.mjs', import.meta.url))
const FINDING = 'finding-faulty-drops-headers-headers-always-sent'

/** axe-core's WCAG A and AA rules over the page as it is now; the violations' rule ids. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source })
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }),
  )
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.html.slice(0, 120)}`)
}

describe('the HTML report in Chromium', () => {
  let browser: Browser
  let reportUrl: string
  beforeAll(async () => {
    browser = await launchChromium()
    const file = join(mkdtempSync(join(tmpdir(), 'mah-html-')), 'r.html')
    // The issue's own command.
    const fuzz = await cli('fuzz', '--client', 'faulty:drops-headers', '--html', file, '--found-dir', 'none')
    expect(fuzz.code, fuzz.stderr).toBe(1)
    expect(fuzz.stdout).toContain(`wrote ${file}`)
    reportUrl = pathToFileURL(file).href
  })
  afterAll(async () => browser?.close())

  it('opens from file:// with no console error and no request but itself; a violation row expands to its visible diagram', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const seen = watchPage(page, (url) => url.split('#')[0] === reportUrl)
    await page.goto(reportUrl)
    await expect.poll(() => page.locator('#headline').textContent()).toMatch(/✗ \d+ unexpected failure/)
    await page.screenshot({ path: screenshotPath('report-top') })
    const finding = page.locator(`#${FINDING}`)
    expect(await finding.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false)
    // The violated cell of headers-always-sent links to its finding, which opens.
    await page.locator('tr[data-property="headers-always-sent"] td[data-status="violated"] a').click()
    expect(await finding.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
    const diagram = finding.locator('svg.sequence')
    await expect.poll(() => diagram.isVisible()).toBe(true)
    const box = await diagram.boundingBox()
    expect(box!.width).toBeGreaterThan(300)
    expect(box!.height).toBeGreaterThan(100)
    expect(await diagram.locator('a.step.flagged').count()).toBeGreaterThan(0)
    expect(await diagram.locator('text.note').first().textContent()).toMatch(/lacked configured header X-API-Key/)
    await diagram.screenshot({ path: screenshotPath('report-diagram') })
    expect(seen.errors).toEqual([])
    expect(seen.foreign).toEqual([])
  })

  it('clicking a request in the diagram shows its headers: the configured one highlighted as missing, no secret in the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(`${reportUrl}#${FINDING}`)
    const arrow = page.locator(`#${FINDING} svg a.step.flagged`).first()
    const seq = await arrow.getAttribute('data-seq')
    await arrow.click()
    const details = page.locator(`#${FINDING}-x${seq}`)
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
    const row = details.locator('tr.configured.bad')
    await expect.poll(() => row.isVisible()).toBe(true)
    expect(await row.textContent()).toMatch(/x-api-key.*configured, missing/i)
    await details.screenshot({ path: screenshotPath('report-request') })
    // The scenario's key is redacted everywhere in the page, shown as a placeholder badge.
    const text = await page.content()
    expect(text).not.toContain('test-key-12345')
  })

  it('filters by property and verdict; a deep link to a request opens it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(reportUrl)
    const rows = page.locator('table.matrix tbody tr')
    const total = await rows.count()
    await page.selectOption('#filter-property', 'headers-always-sent')
    expect(await rows.evaluateAll((all) => all.filter((row) => !(row as HTMLElement).hidden).length)).toBe(1)
    expect(await page.locator(`details.finding:not([hidden])`).count()).toBe(1)
    await page.click('#reset-filters')
    await page.uncheck('input[name="status"][value="held"]')
    const shown = await rows.evaluateAll((all) => all.filter((row) => !(row as HTMLElement).hidden).map((row) => row.textContent))
    expect(shown.length).toBeLessThan(total)
    expect(shown.every((text) => !/✓ held/.test(text ?? ''))).toBe(true)
    await page.goto(`${reportUrl}#${FINDING}-x1`)
    await page.reload()
    expect(await page.locator(`#${FINDING}-x1`).evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
    expect(await page.locator(`#${FINDING}`).evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
  })

  it('is accessible: one h1, headings in order, labelled controls, WCAG AA contrast (axe-core), also with a finding open', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(`${reportUrl}#${FINDING}-x1`)
    expect(await page.locator('h1').count()).toBe(1)
    expect(await accessibilityViolations(page)).toEqual([])
  })
})

/** `serve --scenario static-key-404-discovery --once --ui` and a page on its live report. */
async function withLiveServe(
  test: (live: { page: Page; ui: string; mcp: string; exited: Promise<number | null> }) => Promise<void>,
): Promise<void> {
  const browser = await launchChromium()
  const serve = spawnUntil(
    process.execPath,
    [CLI, 'serve', '--scenario', 'static-key-404-discovery', '--port', '0', '--once', '--ui'],
    /live report at (\S+)/,
  )
  try {
    const ui = await serve.ready
    const mcp = /at (\S+\/mcp)/.exec(serve.output())![1]!
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await test({ page, ui, mcp, exited: serve.exited })
  } finally {
    serve.child.kill()
    await browser.close()
  }
}

describe('serve --ui in Chromium', () => {
  it('redacts the live traffic like every report, and is accessible', () =>
    withLiveServe(async ({ page, ui, mcp, exited }) => {
      await page.goto(ui)
      await run(process.execPath, [EXTERNAL_CLIENT, mcp, 'streamable-http', 'X-API-Key: test-key-12345'])
      await page.locator('#verdicts-heading').waitFor({ timeout: 15_000 })
      expect(await page.locator('#headline').textContent()).toMatch(/✓ Every property that applies held/)
      await page.locator('#live-session details.exchange > summary').first().click()
      expect(await page.locator('#live-session tr.configured.ok').first().textContent()).toMatch(
        /x-api-key.*configured, sent.*redacted:X-API-Key#1/i,
      )
      expect(await page.content()).not.toContain('test-key-12345')
      expect(await accessibilityViolations(page)).toEqual([])
      expect(await exited).toBe(0)
    }))

  it('the live page shows a request made while it is open, then the verdicts', () =>
    withLiveServe(async ({ page, ui, mcp, exited }) => {
      const seen = watchPage(page, (url) => url.startsWith(new URL(ui).origin))
      await page.goto(ui)
      expect(await page.locator('#live-status').textContent()).toMatch(/waiting for a client/)
      expect(await page.locator('#live-session svg').count()).toBe(0)
      // A real SDK client in another process, configured without the key the server wants.
      await run(process.execPath, [EXTERNAL_CLIENT, mcp, 'streamable-http'])
      await page.locator('#live-session svg a.step').first().waitFor({ timeout: 15_000 })
      expect(await page.locator('#live-session svg').textContent()).toContain('#1 POST /mcp (initialize)')
      await page.locator('#verdicts-heading').waitFor({ timeout: 15_000 })
      expect(await page.locator('#headline').textContent()).toMatch(/✗ 1 property violation/)
      expect(await page.locator('tr[data-property="headers-always-sent"] td').textContent()).toMatch(/violated/)
      await page.screenshot({ path: screenshotPath('serve-ui'), fullPage: true })
      expect(await exited).toBe(1)
      // The page's event stream ends when serve stops: that disconnect is expected, nothing else.
      expect(seen.errors.filter((e) => !/EventSource|ERR_CONNECTION_REFUSED|events/.test(e))).toEqual([])
      expect(seen.foreign).toEqual([])
    }))
})
