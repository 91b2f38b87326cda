// The README's pictures of the HTML report, taken from a real run: `npm run screenshot`.
// It runs the command (fuzz --client faulty:drops-headers --html), opens the page in
// CHROMIUM_PATH, the system's Chromium, or the one inside the @sparticuz/chromium devDependency
// (as the browser tests do), and saves docs/report-*.png. Nothing is drawn by hand.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const system = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
// The packaged one unpacks into its own folder of this checkout (not the shared /tmp).
if (!system) {
  const folder = join(root, 'node_modules/.cache/sparticuz-chromium')
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  process.env.TMPDIR = folder
}
const browserPath = system ?? (await (await import('@sparticuz/chromium')).default.executablePath())
if (!existsSync(browserPath)) {
  console.error(`readme-screenshot: no Chromium at ${browserPath}: set CHROMIUM_PATH`)
  process.exit(2)
}
const file = join(mkdtempSync(join(tmpdir(), 'mah-shot-')), 'report.html')
const fuzz = spawnSync(
  process.execPath,
  ['dist/src/cli/main.js', 'fuzz', '--client', 'faulty:drops-headers', '--seed', '1', '--found-dir', 'none', '--html', file],
  { cwd: root, encoding: 'utf8' },
)
// Exit 1 is the point: the faulty client is caught.
if (fuzz.status !== 1) {
  console.error(`readme-screenshot: fuzz exited ${fuzz.status}\n${fuzz.stderr}`)
  process.exit(1)
}
const finding = 'finding-faulty-drops-headers-headers-always-sent'
const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] })
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 }, deviceScaleFactor: 1 })
  await page.goto(pathToFileURL(file).href)
  await page.screenshot({ path: join(root, 'docs/report-overview.png') })
  await page.goto(`${pathToFileURL(file).href}#${finding}-x3`)
  await page.reload()
  // The sticky filter bar would sit on top of an element's picture.
  await page.addStyleTag({ content: 'nav.filters { position: static; }' })
  const diagram = page.locator(`#${finding} figure.diagram`)
  await diagram.scrollIntoViewIfNeeded()
  await diagram.screenshot({ path: join(root, 'docs/report-diagram.png') })
  await page.locator(`#${finding}-x3`).screenshot({ path: join(root, 'docs/report-request.png') })
} finally {
  await browser.close()
}
console.log('wrote docs/report-overview.png, docs/report-diagram.png, docs/report-request.png')
