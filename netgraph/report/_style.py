"""The HTML report's stylesheet, inlined into every page (no external files)."""

from __future__ import annotations

CSS = """
:root {
  --ink: #1d2330; --muted: #5b6474; --line: #dde1e8; --paper: #ffffff; --wash: #f5f7fa;
  --accent: #2457c5; --known: #2457c5; --reach: #8a5cd1;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
        Arial, sans-serif;
}
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 1.25rem; }
h2 { font-size: 1.3rem; margin: 0 0 .75rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
section, nav {
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 1.1rem 1.25rem; margin: 0 0 1.25rem;
}
a { color: var(--accent); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; }
.stat { background: var(--wash); border-radius: 8px; padding: .6rem .8rem; }
.stat .n { display: block; font-size: 1.7rem; font-weight: 700; line-height: 1.1; }
.stat .l { color: var(--muted); font-size: .9rem; }
ol.todo { padding-left: 1.4rem; margin: 0; }
ol.todo li { margin: .35rem 0; }
nav ol { margin: 0; padding-left: 1.4rem; columns: 2 14rem; }
section.map figure { margin: 0; text-align: center; }
section.map img { max-width: 100%; height: auto; }
.target h2 { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem; }
.num {
  display: inline-block; min-width: 1.8rem; text-align: center; border-radius: 6px;
  background: var(--accent); color: #fff; font-size: 1rem; padding: .05rem .4rem;
}
.prio { color: var(--muted); font-size: .9rem; font-weight: 400; }
.titles { color: var(--muted); margin: 0 0 .5rem; }
.ask { background: #eef3ff; border-left: 4px solid var(--accent); padding: .6rem .8rem;
       border-radius: 0 6px 6px 0; margin: .75rem 0 1rem; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .25rem 0 .5rem; }
.chart-label, .chart-n { font-size: 13px; fill: var(--muted); font-family: inherit; }
.bar-known { fill: var(--known); }
.bar-reach { fill: var(--reach); }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 .25rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .5rem 0 .35rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-top: 1px solid var(--line);
         overflow-wrap: anywhere; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
     border-top: 0; overflow-wrap: normal; white-space: nowrap; }
td:first-child { font-weight: 600; min-width: 7.5rem; }
.nowrap { white-space: nowrap; }
ul.reasons, ul.reaches { margin: 0; padding-left: 1.1rem; }
ul.reasons { color: var(--muted); font-size: .9rem; }
.at { color: var(--muted); font-size: .85rem; }
.at::before { content: "· "; }
.pill { display: inline-block; border-radius: 999px; padding: 0 .5rem; font-size: .8rem;
        white-space: nowrap; background: #eceff3; color: #394150; }
.pill-referral, .pill-close { background: #dcf3e4; color: #17653a; }
.pill-conversation, .pill-warm, .pill-introduction { background: #e2ebff; color: #1f4aa8; }
.pill-reconnect, .pill-cool { background: #fff1d6; color: #8a5a00; }
.pill-cold { background: #eceff3; color: #5b6474; }
.more { color: var(--muted); font-style: italic; margin: .25rem 0 0; }
footer { color: var(--muted); font-size: .85rem; text-align: center; }

@media (max-width: 640px) {
  body { font-size: 15px; }
  main { padding: 1rem .6rem 2rem; }
  section, nav { padding: .9rem .85rem; border-radius: 8px; }
  header h1 { font-size: 1.45rem; }
  table, thead, tbody, tr, td, caption { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border: 1px solid var(--line); border-radius: 8px; padding: .35rem .6rem; margin: 0 0 .6rem; }
  td { border: 0; padding: .2rem 0; display: grid; grid-template-columns: 5.5rem 1fr; gap: .5rem; }
  td::before { content: attr(data-label); color: var(--muted); font-size: .8rem; font-weight: 400;
               text-transform: uppercase; letter-spacing: .03em; padding-top: .1rem; }
}

@media print {
  @page { margin: 1.5cm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section { border: 0; padding: 0; margin: 0 0 1rem; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .stat, .ask, .pill { background: none !important; border: 1px solid #999; }
  .num { background: none; color: #000; border: 1px solid #000; }
  h2, h3, caption { break-after: avoid; }
  tr, .stat, section.map, svg.chart { break-inside: avoid; }
  .bar-known { fill: #333; } .bar-reach { fill: #999; }
}
"""
