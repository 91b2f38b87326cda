import { spec, type Property, type Violation } from '../../src/property/property.js'
import { needsSentinel, sentinelText } from '../../src/spec/modern-headers.js'
import { mirroredParams } from '../../src/traffic/param-header-traffic.js'

const ID = 'param-values-encoded'

/** The mirrored parameters whose value cannot travel as plain ASCII, as sent. */
function needingSentinel(trial: Parameters<typeof mirroredParams>[0]) {
  return mirroredParams(trial).filter(
    ({ expected, sent }) => expected !== undefined && sent !== undefined && needsSentinel(expected),
  )
}

/**
 * An `Mcp-Param-{Name}` value outside plain ASCII (or with surrounding whitespace, or looking like
 * the sentinel) goes as `=?base64?<Base64 of its UTF-8>?=`. A missing header is
 * `param-headers-mirrored`' to judge.
 */
export const paramValuesEncoded: Property = {
  id: ID,
  statement:
    'In the 2026-07-28 transport an Mcp-Param-{Name} value that is not plain ASCII (or has surrounding spaces, or looks like the sentinel) is sent as =?base64?…?= of its UTF-8.',
  source: spec('2026-07-28', 'Transports › Streamable HTTP › Value Encoding (MUST)', {
    page: 'basic/transports/streamable-http',
  }),
  level: 'MUST',
  exercised: (trial) => needingSentinel(trial).length > 0,
  check(trial): Violation[] {
    return needingSentinel(trial).flatMap(({ exchange: e, header, expected, sent }) => {
      if (sentinelText(sent!) === expected) return []
      return [
        {
          property: ID,
          exchange: e.seq,
          message: `request #${e.seq} POST ${e.url} (tools/call) carried ${header}: ${JSON.stringify(sent)}, not the Base64 sentinel form its value ${JSON.stringify(expected)} needs`,
        },
      ]
    })
  },
}
