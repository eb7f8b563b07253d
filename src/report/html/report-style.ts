/**
 * The report's stylesheet, inlined so that report.html is one file that opens
 * offline. Sized for a laptop screen: one column up to 1180 px, charts scaled
 * down to fit, wide tables scroll on their own.
 */
export const REPORT_CSS = `
:root { --ink: #1d2330; --muted: #5b6472; --rule: #d9dde3; --ok: #2f7d46; --ok-bg: #edf7f0; --alert: #b3261e; --alert-bg: #fdeeed; --panel: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #ffffff; font: 15px/1.5 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 28px; margin: 0 0 6px; }
h2 { font-size: 20px; margin: 40px 0 4px; padding-top: 12px; border-top: 1px solid var(--rule); }
.lede { max-width: 80ch; margin: 0 0 8px; color: var(--muted); }
.meta { margin: 0 0 16px; color: var(--muted); font-size: 14px; }
.verdict { border-left: 5px solid var(--muted); background: var(--panel); padding: 8px 16px; margin: 0 0 10px; border-radius: 4px; }
.verdict p { margin: 4px 0; }
.verdict.ok { border-color: var(--ok); background: var(--ok-bg); }
.verdict.alert { border-color: var(--alert); background: var(--alert-bg); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 18px 0 0; }
.figures div { background: var(--panel); border-radius: 6px; padding: 8px 12px; }
.figures dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.figures dd { margin: 2px 0 0; font-size: 20px; font-variant-numeric: tabular-nums; }
.figures dd.note { font-size: 12px; color: var(--muted); }
nav { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 14px; margin: 20px 0 0; font-size: 14px; }
nav ul { display: contents; list-style: none; }
nav li { white-space: nowrap; }
nav li + li::before { content: '·'; color: var(--muted); margin-right: 14px; }
.caption { margin: 0 0 10px; color: var(--muted); max-width: 90ch; }
figure { margin: 0; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
.files { font-size: 13px; color: var(--muted); margin: 6px 0 0; }
a { color: #2459a6; }
.table-wrap { overflow-x: auto; margin: 12px 0 24px; }
table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 0 0 6px; }
th, td { padding: 5px 9px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
th { background: var(--panel); font-weight: 600; white-space: normal; vertical-align: bottom; min-width: 4.5em; }
.num { text-align: right; }
.skipped { color: var(--muted); font-size: 14px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 0.92em; }
`;
