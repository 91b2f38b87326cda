/** The tool's name and version, as written into recordings and reports. Kept in step with package.json by a test. */
export const TOOL_NAME = 'mcp-auth-harness'
export const TOOL_VERSION = '0.1.0'
