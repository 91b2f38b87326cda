import { InputError } from '../core/errors.js'

/** A recording or HAR file that cannot be used: names the file and the JSON path of the first problem. */
export class RecordingError extends InputError {
  override name = 'RecordingError'

  constructor(
    readonly file: string,
    readonly jsonPath: string,
    problem: string,
  ) {
    super(`${file}: ${jsonPath}: ${problem}`)
  }
}

/** `['exchanges', 3, 'response', 'status']` → `$.exchanges[3].response.status` */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number'
        ? `${out}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${out}.${String(key)}`
          : `${out}[${JSON.stringify(String(key))}]`,
    '$',
  )
}
