// File access, kept behind one module like the rest of the host process (`node:fs` works on Node and Deno).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8')
}

/** Writes through a temporary file and a rename, so a crash never leaves half a recording. */
export async function writeTextAtomically(path: string, text: string, mode = 0o644): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(temporary, text, { mode })
  await rename(temporary, path)
}
