/**
 * The report's stylesheet, inlined in every page (nothing is fetched). Colours were picked for
 * WCAG AA contrast on their backgrounds; every status also has a symbol and a word, never colour alone.
 */
export const PAGE_STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4f5863; --line: #c9d1d9; --bg: #ffffff; --panel: #f6f8fa;
  --bad: #a4001d; --bad-bg: #ffe3e3; --ok: #0f5c2e; --ok-bg: #dcf5e4; --warn: #6b4400; --warn-bg: #fff1c7; --link: #0a4fb3; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
header, main, nav.filters { padding: 0 24px; }
header { border-bottom: 1px solid var(--line); padding-top: 12px; padding-bottom: 12px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
a { color: var(--link); }
.headline { font-size: 16px; font-weight: 600; padding: 6px 10px; border-radius: 6px; display: inline-block; margin: 4px 0; }
.headline.ok { color: var(--ok); background: var(--ok-bg); }
.headline.bad { color: var(--bad); background: var(--bad-bg); }
.facts { color: var(--muted); margin: 4px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; }
nav.filters { position: sticky; top: 0; background: var(--panel); border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; padding-top: 8px; padding-bottom: 8px; z-index: 2; }
nav.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; align-items: center; }
nav.filters legend { float: left; margin-right: 6px; font-weight: 600; }
nav.filters label { white-space: nowrap; }
select { font: inherit; max-width: 22em; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
table.matrix td { white-space: nowrap; }
.status-held { color: var(--ok); }
.status-violated, .status-stale-expected-failure { color: var(--bad); background: var(--bad-bg); font-weight: 600; }
.status-expected-failure { color: var(--warn); background: var(--warn-bg); }
.status-not-exercised { color: var(--muted); }
.level { font-size: 12px; color: var(--muted); }
details.finding { border: 1px solid var(--line); border-left: 5px solid var(--bad); border-radius: 6px; margin: 10px 0; padding: 0 12px; }
details.finding.expected { border-left-color: #9a6a00; }
details.finding > summary { cursor: pointer; padding: 8px 0; font-weight: 600; }
details.finding[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 8px; }
.diagram { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; margin: 8px 0; }
svg.sequence { font: 12px system-ui, sans-serif; display: block; }
svg.sequence .lane-head rect { fill: var(--panel); stroke: #57606a; }
svg.sequence .lane-title { font-weight: 700; fill: var(--fg); }
svg.sequence .lane-origin { fill: var(--muted); }
svg.sequence .lifeline { stroke: #8c959f; stroke-dasharray: 4 4; }
svg.sequence .arrow { stroke: var(--fg); stroke-width: 1.4; }
svg.sequence .answer { stroke: #57606a; stroke-width: 1.2; stroke-dasharray: 5 3; }
svg.sequence marker path { fill: #3d444d; }
svg.sequence .request { fill: var(--fg); }
svg.sequence .response { fill: var(--muted); }
svg.sequence .band { fill: var(--bad-bg); stroke: var(--bad); }
svg.sequence .note { fill: var(--bad); font-weight: 600; }
svg.sequence .hit { fill: transparent; }
svg.sequence a.step:hover .hit, svg.sequence a.step:focus .hit { fill: #0a4fb31a; }
svg.sequence .more { fill: var(--muted); }
details.exchange { border-top: 1px solid var(--line); padding: 2px 0; }
details.exchange > summary { cursor: pointer; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
details.exchange.flagged > summary { color: var(--bad); }
details.exchange, details.finding, details.session { scroll-margin-top: 64px; }
details.session { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; padding: 0 12px; }
details.session > summary { cursor: pointer; padding: 8px 0; font-weight: 600; }
details.exchange:target, details.finding:target { outline: 3px solid var(--link); outline-offset: 2px; }
.exchange-body { padding: 4px 0 10px 18px; }
table.headers { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
table.headers caption { text-align: left; font-weight: 600; font-family: system-ui, sans-serif; }
tr.configured.ok th, tr.configured.ok td { background: var(--ok-bg); }
tr.configured.bad th, tr.configured.bad td { background: var(--bad-bg); }
mark { background: #fff1a8; color: var(--fg); padding: 0 2px; }
.tag { font-size: 11px; border: 1px solid currentColor; border-radius: 9px; padding: 0 6px; font-family: system-ui, sans-serif; font-weight: 600; }
.tag.bad, .violation { color: var(--bad); }
.violation { font-weight: 600; }
.redacted { background: #e8e0ff; color: #3b2a80; border-radius: 3px; padding: 0 3px; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 8px; overflow-x: auto; max-height: 24em; font-size: 12px; }
.label { font-weight: 600; margin: 6px 0 2px; }
.muted { color: var(--muted); }
.bar { display: inline-block; height: 10px; background: #4a7bd0; vertical-align: middle; margin-right: 6px; }
.bar.zero { background: var(--bad); width: 4px; }
[hidden] { display: none !important; }
.live-status { font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
`
