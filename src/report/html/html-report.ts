import type { Recording } from '../../recording/recording.js'
import { exchangePanels } from './exchange-panel.js'
import { html, trusted, type SafeHtml } from './html.js'
import { PAGE_STYLE } from './page-style.js'
import { reportPageScript } from './page-script.js'
import type { ReportView, ResultStatus, ViewFinding, ViewProperty, ViewResult } from './report-view.js'
import { sequenceSvg } from './sequence-svg.js'

const STATUS_LABEL: Record<ResultStatus, string> = {
  held: '✓ held',
  violated: '✗ violated',
  'not-exercised': '– not exercised',
  'expected-failure': '⚠ expected failure',
  'stale-expected-failure': '✗ stale expected failure',
}
const STATUS_ORDER: ResultStatus[] = ['violated', 'stale-expected-failure', 'expected-failure', 'held', 'not-exercised']

function filters(view: ReportView): SafeHtml {
  const present = STATUS_ORDER.filter((status) => view.results.some((r) => r.status === status))
  return html`<nav class="filters" aria-label="Filters"><label>Client <select id="filter-client"><option value="">all clients (${view.clients.length})</option>${view.clients.map(
    (c) => html`<option value="${c}">${c}</option>`,
  )}</select></label><label>Property <select id="filter-property"><option value="">all properties (${view.properties.length})</option>${view.properties.map(
    (p) => html`<option value="${p.id}">${p.id}</option>`,
  )}</select></label><fieldset><legend>Verdict</legend>${present.map(
    (status) => html`<label><input type="checkbox" name="status" value="${status}" checked> ${STATUS_LABEL[status]}</label>`,
  )}</fieldset><button type="button" id="reset-filters">Show all</button></nav>`
}

function cell(result: ViewResult | undefined, client: string): SafeHtml {
  if (!result) return html`<td data-client="${client}" class="muted">not run</td>`
  const judged = result.held + result.violated
  const text =
    result.status === 'held'
      ? `${STATUS_LABEL.held} (${judged} judged)`
      : result.status === 'not-exercised'
        ? STATUS_LABEL['not-exercised']
        : STATUS_LABEL[result.status]
  return html`<td data-client="${client}" data-status="${result.status}" class="status-${result.status}">${
    result.finding ? html`<a href="#${result.finding}">${text}</a>` : text
  }${result.remark ? html`<br><small>${result.remark}</small>` : ''}</td>`
}

function matrix(view: ReportView): SafeHtml {
  const byKey = new Map(view.results.map((r) => [`${r.client}\u0000${r.property}`, r]))
  return html`<section aria-labelledby="verdicts-heading"><h2 id="verdicts-heading">Verdicts</h2><p class="muted">A row per property, a column per client. A violated cell links to its finding.</p><div class="diagram"><table class="matrix"><thead><tr><th scope="col">property</th>${view.clients.map(
    (c) => html`<th scope="col" data-client="${c}">${c}</th>`,
  )}</tr></thead><tbody>${view.properties.map(
    (p) =>
      html`<tr data-property="${p.id}"><th scope="row" title="${p.statement}"><code>${p.id}</code> <span class="level">${p.level}</span></th>${view.clients.map(
        (c) => cell(byKey.get(`${c}\u0000${p.id}`), c),
      )}</tr>`,
  )}</tbody></table></div></section>`
}

/** Only http(s) URLs become links: a run report is untrusted, and a `javascript:` link runs on click. */
function webLink(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//i.test(url)
}

function references(property: ViewProperty | undefined): SafeHtml {
  if (!property) return html``
  return html`<p><strong>${property.level}</strong>: ${property.statement}</p><p class="muted">Source: ${property.specReferences.map(
    (ref, i) => html`${i > 0 ? ' · ' : ''}${webLink(ref.url) ? html`<a href="${ref.url}">${ref.id}</a>` : ref.id}`,
  )}</p>`
}

/** A session's traffic: the diagram, then every request's details. */
export function trafficHtml(
  recording: Recording,
  violations: ReadonlyArray<{ exchange?: number; message: string }>,
  prefix: string,
): SafeHtml {
  if (recording.exchanges.length === 0) return html`<p class="empty">No request yet.</p>`
  return html`<figure class="diagram">${sequenceSvg(recording, violations, prefix)}</figure>${exchangePanels(recording, violations, prefix)}`
}

function finding(f: ViewFinding, property: ViewProperty | undefined): SafeHtml {
  const first = f.violations[0]?.message ?? ''
  const expected = f.status === 'expected-failure'
  return html`<details class="finding${expected ? ' expected' : ''}" id="${f.id}" data-client="${f.client}" data-property="${f.property}" data-status="${f.status}"><summary>${
    expected ? '⚠' : '✗'
  } <code>${f.client}</code> ${expected ? 'still violates (expected)' : 'violates'} <code>${f.property}</code>${
    property ? ` [${property.level}]` : ''
  }: ${first.length > 160 ? `${first.slice(0, 159)}…` : first}</summary>${references(property)}${
    f.expectedReason ? html`<p class="expected-reason"><strong>Known failure:</strong> ${f.expectedReason}</p>` : ''
  }<h3>Violations</h3><ul>${f.violations.map(
    (v) =>
      html`<li>${v.exchange === undefined ? '' : html`<a href="#${f.id}-x${v.exchange}">request #${v.exchange}</a>: `}${v.message}</li>`,
  )}</ul><h3>Traffic</h3>${trafficHtml(f.recording, f.violations, f.id)}${
    f.outcome ? html`<p><strong>Session outcome:</strong> ${f.outcome}</p>` : ''
  }${f.origin ? html`<p><strong>Found by:</strong> ${f.origin}</p>` : ''}${
    f.reproduce.length > 0 ? html`<h3>Reproduce</h3><pre>${f.reproduce.join('\n')}</pre>` : ''
  }<p><a href="#${f.id}">Link to this finding</a></p></details>`
}

function findings(view: ReportView): SafeHtml {
  const properties = new Map(view.properties.map((p) => [p.id, p]))
  return html`<section aria-labelledby="findings-heading"><h2 id="findings-heading">Findings <span class="muted" id="finding-count"></span></h2>${
    view.findings.length === 0
      ? html`<p class="empty">No violation to show.</p>`
      : view.findings.map((f) => finding(f, properties.get(f.property)))
  }</section>`
}

function sessions(view: ReportView): SafeHtml {
  if (!view.sessions || view.sessions.length === 0) return html``
  return html`<section aria-labelledby="sessions-heading"><h2 id="sessions-heading">Sessions</h2><p class="muted">Every request of each judged session, whatever the verdicts.</p>${view.sessions.map(
    (s) =>
      html`<details class="session" id="${s.id}" data-client="${s.name}"${view.sessions!.length === 1 ? ' open' : ''}><summary><code>${s.name}</code>: ${s.recording.exchanges.length} request(s)</summary>${trafficHtml(
        s.recording,
        s.violations,
        s.id,
      )}</details>`,
  )}</section>`
}

function bar(n: number, max: number): SafeHtml {
  return n === 0
    ? html`<span class="bar zero"></span>`
    : html`<span class="bar" style="width:${Math.max(2, Math.round((n / Math.max(1, max)) * 160))}px"></span>`
}

function statistics(view: ReportView): SafeHtml {
  const stats = view.statistics
  if (!stats) return html``
  const phases = stats.phases
  return html`<section aria-labelledby="statistics-heading"><h2 id="statistics-heading">Exercise and coverage</h2><p>${stats.trials} sessions${
    phases ? `: ${phases.coverage} in the coverage phase (the same inputs every run), ${phases.random} in the random phase` : ''
  }. A property judged 0 times proves nothing for that client.</p>${Object.entries(stats.exercise ?? {}).map(
    ([client, exercise]) => {
      const max = Math.max(0, ...Object.values(exercise.properties))
      return html`<section class="client-statistics" data-client="${client}" aria-label="Statistics for ${client}"><h3>${client}</h3><table><caption class="muted">Sessions that gave each property something to judge</caption><thead><tr><th scope="col">property</th><th scope="col">judged</th></tr></thead><tbody>${Object.entries(
        exercise.properties,
      ).map(
        ([property, n]) => html`<tr><th scope="row"><code>${property}</code></th><td>${bar(n, max)}${n}</td></tr>`,
      )}</tbody></table>${
        Object.keys(exercise.dimensions).length > 0
          ? html`<details><summary>Sessions per scenario dimension value</summary><table><thead><tr><th scope="col">dimension</th><th scope="col">sessions per value</th></tr></thead><tbody>${Object.entries(
              exercise.dimensions,
            ).map(
              ([name, counts]) =>
                html`<tr><th scope="row"><code>${name}</code></th><td>${Object.entries(counts).map(
                  ([value, n], i) =>
                    html`${i > 0 ? ' · ' : ''}<span class="${n === 0 ? 'violation' : ''}">${value === '' ? "''" : value}: ${n}</span>`,
                )}</td></tr>`,
            )}</tbody></table></details>`
          : ''
      }</section>`
    },
  )}</section>`
}

/** The part of the page a live page replaces when the verdicts arrive: filters, matrix, findings, statistics. */
export function reportBody(view: ReportView): SafeHtml {
  if (view.results.length === 0) return html`<p class="empty">No verdict yet.</p>`
  return html`${filters(view)}${matrix(view)}${findings(view)}${sessions(view)}${statistics(view)}`
}

export interface LivePage {
  /** The path of the page's event stream. */
  feed: string
  status: string
  session: SafeHtml
}

/**
 * A whole report as one self-contained HTML page: styles and script inline, diagrams as inline
 * SVG, nothing fetched when it is opened (it works from `file://` and as a CI artifact). Give it a
 * redacted view; `writeHtmlReport` makes the last leak check.
 *
 * @example
 * const page = htmlReport(viewOfRunReport(report))
 */
export function htmlReport(view: ReportView, live?: LivePage): string {
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:${
    live ? "; connect-src 'self'" : ''
  }"><title>${view.title}</title><style>${trusted(PAGE_STYLE)}</style></head>
<body${live ? html` data-live="${live.feed}"` : ''}><header><h1>${view.title}</h1><p id="headline" class="headline ${view.ok ? 'ok' : 'bad'}" role="status">${
    view.ok ? '✓' : '✗'
  } ${view.headline}</p><ul class="facts">${view.facts.map((f) => html`<li>${f}</li>`)}</ul></header>
<main>${
    live
      ? html`<section aria-labelledby="live-heading"><h2 id="live-heading">Live session</h2><p id="live-status" class="live-status" role="status">${live.status}</p><div id="live-session">${live.session}</div></section>`
      : ''
  }<div id="report-body">${reportBody(view)}</div></main>
<script>(${trusted(reportPageScript.toString().replace(/<\/script/gi, '<\\/script'))})()</script></body></html>
`
  return page.text
}
