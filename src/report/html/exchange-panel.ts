import { headerEntries, recordedHeader } from '../../recording/exchange-codec.js'
import type { RecordedBody, RecordedExchange, RecordedHeaders, RecordedResponse } from '../../recording/recording.js'
import type { Recording } from '../../recording/recording.js'
import { sequenceModel } from '../sequence-model.js'
import { html, trusted, escapeHtml, type SafeHtml } from './html.js'

/** Body text shown at most per request or answer; the recording file has the rest. */
const MAX_BODY = 20_000

/** Escaped text in which each redaction placeholder is a visible badge. */
function withPlaceholders(text: string): SafeHtml {
  return trusted(
    escapeHtml(text).replace(/&lt;redacted:([^&]*?)&gt;/g, '<span class="redacted" title="redacted secret">‹redacted:$1›</span>'),
  )
}

function bodyText(body: RecordedBody): string | undefined {
  if (body.json !== undefined) return JSON.stringify(body.json, null, 2)
  return body.text
}

function responseBody(response: RecordedResponse): string | undefined {
  if (!response.events) return bodyText(response)
  return response.events
    .map((e) =>
      [
        e.event ? `event: ${e.event}` : '',
        e.id ? `id: ${e.id}` : '',
        e.retry === undefined ? '' : `retry: ${e.retry}`,
        `data: ${e.data}`,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n')
}

function bodyBlock(label: string, text: string | undefined): SafeHtml {
  if (text === undefined || text === '') return html`<p class="muted">${label}: none</p>`
  const shown =
    text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}\n… ${text.length - MAX_BODY} more characters in the recording` : text
  return html`<p class="label">${label}</p><pre class="body">${withPlaceholders(shown)}</pre>`
}

type ConfiguredState = 'sent' | 'missing' | 'other value' | 'leaked'

/**
 * What happened to each configured header on this request: to the configured server it should be
 * sent as configured; to any other origin it should not go at all.
 */
function configuredStates(
  configured: Record<string, string>,
  headers: RecordedHeaders,
  toServer: boolean,
): Map<string, ConfiguredState> {
  const states = new Map<string, ConfiguredState>()
  for (const [name, value] of Object.entries(configured)) {
    const sent = recordedHeader(headers, name.toLowerCase())
    if (toServer) states.set(name.toLowerCase(), sent === undefined ? 'missing' : sent === value ? 'sent' : 'other value')
    else if (sent !== undefined) states.set(name.toLowerCase(), 'leaked')
  }
  return states
}

const STATE_TEXT: Record<ConfiguredState, string> = {
  sent: 'configured, sent',
  missing: '✗ configured, missing',
  'other value': '✗ configured, sent with another value',
  leaked: '✗ configured for the MCP server, sent to another origin',
}

function headerTable(caption: string, headers: RecordedHeaders, states: Map<string, ConfiguredState> = new Map()): SafeHtml {
  const entries = headerEntries(headers)
  const missing = [...states].filter(([, state]) => state === 'missing')
  if (entries.length === 0 && missing.length === 0) return html`<p class="muted">${caption}: none</p>`
  return html`<table class="headers"><caption>${caption}</caption><thead><tr><th scope="col">name</th><th scope="col">value</th></tr></thead><tbody>${entries.map(
    ([name, value]) => {
      const state = states.get(name)
      return html`<tr class="${state ? `configured ${state === 'sent' ? 'ok' : 'bad'}` : ''}"><th scope="row">${state ? html`<mark>${name}</mark>` : name}${
        state ? html` <span class="tag">${STATE_TEXT[state]}</span>` : ''
      }</th><td>${withPlaceholders(value)}</td></tr>`
    },
  )}${missing.map(
    ([name]) =>
      html`<tr class="configured bad"><th scope="row"><mark>${name}</mark> <span class="tag">${STATE_TEXT.missing}</span></th><td class="muted">not sent</td></tr>`,
  )}</tbody></table>`
}

function exchangeDetails(
  recording: Recording,
  exchange: RecordedExchange,
  summary: { request: string; response: string; violations: string[] },
  prefix: string,
): SafeHtml {
  const url = new URL(exchange.request.url)
  const toServer = url.origin === new URL(recording.config.url).origin
  const states = configuredStates(recording.config.headers, exchange.request.headers, toServer)
  const flagged = summary.violations.length > 0
  const bad = [...states.values()].some((s) => s !== 'sent')
  return html`<details class="exchange${flagged ? ' flagged' : ''}" id="${prefix}-x${exchange.seq}"><summary><span class="seq">${summary.request}</span> → <span>${summary.response.length > 120 ? `${summary.response.slice(0, 119)}…` : summary.response}</span>${
    flagged ? html` <span class="tag bad">✗ violation</span>` : ''
  }${bad && !flagged ? html` <span class="tag bad">configured header issue</span>` : ''}</summary><div class="exchange-body">${summary.violations.map(
    (v) => html`<p class="violation">✗ ${v}</p>`,
  )}<p><code>${exchange.request.method} ${withPlaceholders(exchange.request.url)}</code></p>${headerTable('Request headers', exchange.request.headers, states)}${bodyBlock(
    'Request body',
    bodyText(exchange.request),
  )}${
    exchange.response
      ? html`<p class="label">Response: <strong>${exchange.response.status}</strong></p>${headerTable('Response headers', exchange.response.headers)}${bodyBlock(
          exchange.response.events ? 'Response events' : 'Response body',
          responseBody(exchange.response),
        )}`
      : html`<p class="violation">No response${exchange.error ? `: ${exchange.error}` : ''}</p>`
  }</div></details>`
}

/**
 * Every request of a recording as a collapsible panel (`#PREFIX-xSEQ`): the configured headers
 * highlighted (sent, missing, sent elsewhere), the rest of the headers, the bodies and SSE events,
 * with redacted secrets shown as badges.
 *
 * @example
 * const panels = exchangePanels(recording, violations, 'finding-x')
 */
export function exchangePanels(
  recording: Recording,
  violations: ReadonlyArray<{ exchange?: number; message: string }>,
  prefix: string,
): SafeHtml {
  const { steps } = sequenceModel(recording, violations)
  const configured = Object.keys(recording.config.headers)
  return html`<div class="exchanges"><p class="muted">${recording.exchanges.length} request(s) to ${recording.config.url}${
    configured.length > 0
      ? html`; configured headers: ${configured.map((name, i) => html`${i > 0 ? ', ' : ''}<mark>${name}</mark>`)}`
      : '; no configured headers'
  }. Click a request for its headers and body.</p>${recording.exchanges.map((exchange, i) => exchangeDetails(recording, exchange, steps[i]!, prefix))}</div>`
}
