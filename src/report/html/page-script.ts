/**
 * The report's only script, inlined as its source text (`reportPageScript.toString()`): filters,
 * deep links to findings and requests, and on `serve --ui` the live updates from the page's own
 * origin. It must stay self-contained: no imports, nothing from outside the function.
 */
export function reportPageScript(): void {
  const selected = (id: string): string => (document.getElementById(id) as HTMLSelectElement | null)?.value ?? ''
  const applyFilters = (): void => {
    const client = selected('filter-client')
    const property = selected('filter-property')
    const statuses = new Set(
      [...document.querySelectorAll<HTMLInputElement>('input[name="status"]')]
        .filter((box) => box.checked)
        .map((box) => box.value),
    )
    const clientOk = (el: HTMLElement) => !client || el.dataset.client === client
    const propertyOk = (el: HTMLElement) => !property || el.dataset.property === property
    document.querySelectorAll<HTMLElement>('table.matrix [data-client]').forEach((cell) => {
      cell.hidden = !clientOk(cell)
    })
    document.querySelectorAll<HTMLElement>('table.matrix tbody tr').forEach((row) => {
      const cells = [...row.querySelectorAll<HTMLElement>('td[data-status]')].filter((cell) => !cell.hidden)
      row.hidden = !propertyOk(row) || !cells.some((cell) => statuses.has(cell.dataset.status ?? ''))
    })
    let shown = 0
    document.querySelectorAll<HTMLElement>('details.finding').forEach((finding) => {
      finding.hidden = !clientOk(finding) || !propertyOk(finding) || !statuses.has(finding.dataset.status ?? '')
      if (!finding.hidden) shown += 1
    })
    document.querySelectorAll<HTMLElement>('section.client-statistics, details.session').forEach((section) => {
      section.hidden = !clientOk(section)
    })
    const count = document.getElementById('finding-count')
    if (count) count.textContent = `${shown} shown`
  }
  const resetFilters = (): void => {
    document.querySelectorAll<HTMLSelectElement>('nav.filters select').forEach((select) => {
      select.value = ''
    })
    document.querySelectorAll<HTMLInputElement>('input[name="status"]').forEach((box) => {
      box.checked = true
    })
    applyFilters()
  }
  // `#finding-…` opens a finding, `#finding-…-x7` also its request 7, wherever they are in the page.
  const openTarget = (): void => {
    const id = decodeURIComponent(location.hash.slice(1))
    const target = id ? document.getElementById(id) : null
    if (!target) return
    if (target.closest('[hidden]')) resetFilters()
    for (let node: HTMLElement | null = target; node; node = node.parentElement)
      if (node instanceof HTMLDetailsElement) node.open = true
    target.scrollIntoView({ block: 'start' })
  }
  document.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).closest('nav.filters')) applyFilters()
  })
  document.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('#reset-filters')) resetFilters()
  })
  window.addEventListener('hashchange', openTarget)
  applyFilters()
  openTarget()

  // Live page (`serve --ui`): the traffic and then the verdicts arrive as server-sent events.
  const feed = document.body.dataset.live
  if (!feed) return
  const status = document.getElementById('live-status')
  const replace = (id: string, markup: string): void => {
    const element = document.getElementById(id)
    if (!element) return
    const open = [...element.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.id)
    element.innerHTML = markup
    for (const openId of open) {
      const again = openId ? document.getElementById(openId) : null
      if (again instanceof HTMLDetailsElement) again.open = true
    }
  }
  const source = new EventSource(feed)
  source.addEventListener('session', (event) => {
    const update = JSON.parse((event as MessageEvent<string>).data) as { html: string; status: string }
    replace('live-session', update.html)
    if (status) status.textContent = update.status
  })
  source.addEventListener('verdicts', (event) => {
    const update = JSON.parse((event as MessageEvent<string>).data) as {
      html: string
      status: string
      headline: string
      ok: boolean
    }
    replace('report-body', update.html)
    if (status) status.textContent = update.status
    const headline = document.getElementById('headline')
    if (headline) {
      headline.textContent = `${update.ok ? '✓' : '✗'} ${update.headline}`
      headline.className = `headline ${update.ok ? 'ok' : 'bad'}`
    }
    source.close()
    applyFilters()
    openTarget()
  })
  source.addEventListener('error', () => {
    if (status && source.readyState === EventSource.CLOSED) status.textContent = 'disconnected: serve has stopped'
  })
}
