import { spec, type Property, type Violation } from '../../src/property/property.js'
import { sentinelText } from '../../src/spec/modern-headers.js'
import { mirroredParams } from '../../src/traffic/param-header-traffic.js'

const ID = 'param-headers-mirrored'

/**
 * A tool whose `inputSchema` marks parameters with `x-mcp-header` has each given value mirrored
 * into `Mcp-Param-{Name}` on its `tools/call` (decoded, equal to the argument), and no such header
 * for a value left out or null. How a value is encoded is `param-values-encoded`'s to judge.
 */
export const paramHeadersMirrored: Property = {
  id: ID,
  statement:
    'In the 2026-07-28 transport a tools/call carries Mcp-Param-{Name} for each x-mcp-header parameter it gives a value (equal to it once decoded), and none for one it leaves out.',
  source: spec('2026-07-28', 'Transports › Streamable HTTP › Custom Headers from Tool Parameters (MUST)', {
    page: 'basic/transports/streamable-http',
  }),
  level: 'MUST',
  exercised: (trial) => mirroredParams(trial).length > 0,
  check(trial): Violation[] {
    return mirroredParams(trial).flatMap(({ exchange: e, header, expected, sent }) => {
      const decoded = sent === undefined ? undefined : (sentinelText(sent) ?? sent)
      if (decoded === expected) return []
      const problem =
        expected === undefined
          ? `carried ${header}: ${sent}, for a parameter the call left out (the header is omitted)`
          : sent === undefined
            ? `lacked ${header} for its argument ${JSON.stringify(expected)}`
            : `carried ${header}: ${sent}, not its argument ${JSON.stringify(expected)}`
      return [{ property: ID, exchange: e.seq, message: `request #${e.seq} POST ${e.url} (tools/call) ${problem}` }]
    })
  },
}
