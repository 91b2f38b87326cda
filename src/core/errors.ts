/**
 * The base of every error the harness throws on purpose: a plain message for a person, and the
 * exit code the CLI ends with. Anything else that reaches the CLI is a harness bug, reported loud.
 */
export abstract class HarnessError extends Error {
  /** 1: a property was violated; 2: the call or its input cannot be used. */
  abstract readonly exitCode: 1 | 2
}

/**
 * The call or its input cannot be used (a flag, a file, a client that cannot start): said plainly,
 * exit code 2, nothing judged.
 *
 * @example
 * throw new InputError('--out FILE is required: where to write the recording')
 */
export class InputError extends HarnessError {
  override name = 'InputError'
  readonly exitCode = 2
}
