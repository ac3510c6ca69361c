"""The pages' only stylesheet, sent inline: the pages fetch nothing, from here or elsewhere."""

STYLESHEET = """
:root {
  --fg: #111827; --muted: #4b5563; --bg: #ffffff; --panel: #f3f4f6; --line: #d1d5db;
  --link: #1d4ed8; --mark: #fff7cc;
  --critical: #a50e0e; --high: #b45309; --warning: #facc15; --info: #e5e7eb;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #f3f4f6; --muted: #b6bcc6; --bg: #111318; --panel: #1d2129; --line: #3b4250;
    --link: #93b4ff; --mark: #3d3510; --info: #4b5563;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
header { background: #1f2937; color: #f9fafb; padding: .4rem 1.25rem; }
header p { margin: 0; }
header a.brand { color: #f9fafb; font-weight: 700; text-decoration: none; }
main { padding: 1rem 1.25rem 3rem; max-width: 110rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 .75rem; line-height: 1.3; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
a { color: var(--link); }
a:focus-visible, input:focus-visible, select:focus-visible, button:focus-visible {
  outline: 3px solid #2563eb; outline-offset: 2px;
}
code, pre, .mono {
  font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em;
}
td, dd, .mono { overflow-wrap: break-word; }
code.value { overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
code.value {
  background: var(--panel); border: 1px solid var(--line); border-radius: 3px; padding: 0 .25em;
  white-space: pre-wrap;
}
.none { color: var(--muted); font-style: italic; }
.lookalike { font-weight: 600; font-size: .85em; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.sev {
  display: inline-block; min-width: 5.5em; text-align: center; border-radius: 3px; padding: .05em .45em;
  font-weight: 700; font-size: .85em; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap;
}
.sev-critical { background: var(--critical); color: #fff; }
.sev-high { background: var(--high); color: #fff; }
.sev-warning { background: var(--warning); color: #111827; }
.sev-info { background: var(--info); color: var(--fg); }
.status-open { font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; color: var(--muted); }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody tr:hover { background: var(--panel); }
tr.row-critical td:first-child { box-shadow: inset 5px 0 var(--critical); }
tr.row-high td:first-child { box-shadow: inset 5px 0 var(--high); }
tr.row-warning td:first-child { box-shadow: inset 5px 0 var(--warning); }
tr.row-info td:first-child { box-shadow: inset 5px 0 var(--info); }
td:first-child { padding-left: .8rem; }
tr.this-event { background: var(--mark); }
form.filters {
  display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: flex-end;
  background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .6rem .9rem;
}
fieldset { border: 0; margin: 0; padding: 0; }
legend, .field > label { font-weight: 600; display: block; margin-bottom: .15rem; padding: 0; }
fieldset label { margin-right: .8rem; white-space: nowrap; }
input[type=text], select { font: inherit; padding: .2rem .4rem; min-width: 12rem; }
button { font: inherit; padding: .3rem 1rem; cursor: pointer; }
.summary { margin: .75rem 0; }
.summary .sev { margin-left: .25rem; }
.notice { border-left: 5px solid var(--high); background: var(--panel); padding: .5rem .9rem; }
.error { border-left: 5px solid var(--critical); background: var(--panel); padding: .5rem .9rem; }
.explanation {
  font-size: 1.05rem; background: var(--panel); border-left: 5px solid var(--line); padding: .6rem .9rem;
  max-width: 70rem;
}
.explanation.sev-border-critical { border-left-color: var(--critical); }
.explanation.sev-border-high { border-left-color: var(--high); }
.explanation.sev-border-warning { border-left-color: var(--warning); }
dl { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: .25rem 1.25rem; margin: 0; }
dl > div { display: contents; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
.change { font-size: 1.15rem; margin: .25rem 0 .75rem; }
pre {
  background: var(--panel); border: 1px solid var(--line); padding: .75rem; overflow-x: auto;
  white-space: pre-wrap; overflow-wrap: anywhere; max-width: 100%;
}
"""
