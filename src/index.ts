// Public library API. The CLI is built from these same parts.
// The redaction boundary: what the library writes passes it too.
import './recording/output-boundary.js'
export type { ClientConfig, Transport } from './core/client-config.js'
export type { Exchange, SseEvent } from './core/exchange.js'
export { TrafficLog } from './traffic/traffic-log.js'
export { InProcessNetwork } from './network/in-process-network.js'
export type { Scenario, AuthRequirement, Challenge, NotFoundStyle, ProtocolVersion } from './core/scenario.js'
export { createScenarioServer, type ScenarioServer } from './scenario/scenario-server.js'
export { resolveScenario } from './scenario/resolve-scenario.js'
export type { ClientUnderTest, TrialContext } from './clients/client-under-test.js'
export { SDK_CLIENTS } from './clients/sdk-clients.js'
export { DEFAULT_CLIENTS } from './clients/registry.js'
export { FAULTY_CLIENTS, ALL_CLIENTS, clientByName } from './resolve/known-clients.js'
export { resolveClient, type ResolvedClient } from './resolve/resolve-client.js'
export { SDK2_CLIENTS } from './clients/sdk2-clients.js'
export { commandClient } from './clients/command-client.js'
export { loadModuleClient } from './clients/module-client.js'
export { CONFIG_FORMATS, configFormatByName } from './config/formats/registry.js'
export type { ConfigFormat } from './config/formats/config-format.js'
export { loadRecording } from './recording/load-recording.js'
export { buildRecording } from './recording/build-recording.js'
export { writeRecording } from './recording/write-recording.js'
export type { Recording } from './recording/recording.js'
export { createReplayServer } from './replay/replay-server.js'
export { runSession, runOnPort } from './runner/run-trial.js'
export { judgeTrial } from './property/judge.js'
export { HeadlessOAuthProvider } from './clients/headless-oauth-provider.js'
export type { Property, Violation, PropertyLevel, PropertySource } from './property/property.js'
export * from '../properties/index.js'
export type { Trial, TrialOutcome } from './core/trial.js'
export { runTrial, type RunTrialOptions } from './runner/run-trial.js'
export {
  fuzz,
  PHASES,
  type FuzzOptions,
  type FuzzStats,
  type Phase,
  type PropertyResult,
  type Counterexample,
  type ExampleReplay,
  type StoredExample,
  type Verdict,
} from './runner/fuzz.js'
export { DIMENSIONS, dimensionsFor } from './dimensions/dimensions.js'
export type { Dimension, DimensionValue } from './dimensions/dimension.js'
export { coverageInputs, type CoverageInput } from './coverage/coverage-inputs.js'
export { pairwiseRows, type Factor } from './coverage/covering-array.js'
export { judgeInput } from './runner/judge-input.js'
export { clientConfigArbitrary } from './arbitraries/client-config.js'
export { scenarioPlanArbitrary } from './arbitraries/scenario-plan.js'
export { trialInputArbitrary } from './arbitraries/trial-input.js'
export type { TrialInput, ScenarioPlan, AuthPlan } from './core/trial-input.js'
export {
  fuzzClient,
  violationsOf,
  PropertyViolationError,
  NothingJudgedError,
  type FuzzClientOptions,
} from './library/fuzz-client.js'
export { oauthPlanArbitrary } from './arbitraries/oauth-plan.js'
export { authPlanArbitrary } from './arbitraries/auth-plan.js'
export { headersArbitrary } from './value-arbitraries/headers.js'
export { mcpUrlArbitrary } from './arbitraries/mcp-url.js'
export { protocolVersionsArbitrary } from './value-arbitraries/protocol-versions.js'
export { buildRunReport } from './report/run-report.js'
export { runReportSchema, type RunReport } from './report/run-report-schema.js'
export { junitXml } from './report/junit-report.js'
export { markdownSummary } from './report/markdown-summary.js'
export { sequenceDiagram } from './report/mermaid-sequence.js'
export type { ReportView } from './report/html/report-view.js'
export { viewOfRunReport } from './report/html/run-report-view.js'
export { viewOfJudgedSessions, type JudgedSession } from './report/html/judged-sessions-view.js'
export { writeHtmlReport, redactedHtmlReport } from './report/html/write-html-report.js'
export { conformanceChecks, type ConformanceCheck } from './report/checks-report.js'
export { saveCounterexample } from './report/save-counterexample.js'
export { replayCounterexample, type ReplayVerdict } from './runner/replay-counterexample.js'
export { loadExpectedFailures, type ExpectedFailure } from './runner/expected-failures.js'
