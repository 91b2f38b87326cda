import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const CONFORMANCE = fileURLToPath(new URL('../../node_modules/@modelcontextprotocol/conformance/dist/index.js', import.meta.url))

/** The suite's version, as installed (package.json pins it exactly). */
export const CONFORMANCE_VERSION = (
  JSON.parse(
    readFileSync(new URL('../../node_modules/@modelcontextprotocol/conformance/package.json', import.meta.url), 'utf8'),
  ) as {
    version: string
  }
).version

/**
 * The official conformance suite (`@modelcontextprotocol/conformance`, from the npm registry) running
 * its client auth scenarios in parallel against `command` (the server URL appended as the last
 * argument, its contract). Returns how many scenarios (each one client session) ran, their checks,
 * and the wall time.
 */
export async function runConformanceAuthSuite(
  command: string,
): Promise<{ scenarios: number; checks: number; failed: number; seconds: number }> {
  const started = performance.now()
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [CONFORMANCE, 'client', '--command', command, '--suite', 'auth'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.on('error', reject)
    child.on('close', () => resolve(stdout))
  })
  const seconds = (performance.now() - started) / 1000
  const scenarios = Number(/Running auth suite \((\d+) scenarios\)/.exec(output)?.[1] ?? NaN)
  const total = /Total: (\d+) passed, (\d+) failed/.exec(output)
  if (!total || Number.isNaN(scenarios)) throw new Error(`unexpected conformance output:\n${output}`)
  return { scenarios, checks: Number(total[1]) + Number(total[2]), failed: Number(total[2]), seconds }
}
