import type { ClientUnderTest } from './client-under-test.js'
import { SDK_CLIENTS } from './sdk-clients.js'
import { SDK2_CLIENTS } from './sdk2-clients.js'

/** What `fuzz` tests when no client is named: the official TypeScript SDK, v1 and v2, both transports. */
export const DEFAULT_CLIENTS: readonly ClientUnderTest[] = [...SDK_CLIENTS, ...SDK2_CLIENTS]
