// The report's stylesheet, inlined so the HTML is one self-contained file. Serif text for long
// reading, sans for labels and tables; on paper, the page frame and navigation go, rows and
// cards do not split across pages, and table headers repeat.
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#1c2024;--muted:#5b6670;--faint:#8a949e;--rule:#dde2e7;--tint:#f5f7f9;--accent:#1d5fa8;--lane:#94a3b8;--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,"Iowan Old Style","DejaVu Serif",Georgia,serif;--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Liberation Sans",Arial,sans-serif;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eceae4;color:var(--ink);font:17px/1.6 var(--serif);font-kerning:normal;text-rendering:optimizeLegibility}
.page{max-width:62rem;margin:2.5rem auto;padding:3.5rem 4.5rem 2.5rem;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.06),0 10px 30px rgba(0,0,0,.07)}
h1,h2,h3,h4,h5,h6,th,dt,.eyebrow,.who,.meta,.tally,.badge,.toc,.colophon,.status,.offset,.source,.kind{font-family:var(--sans)}
h1{font-size:2.15rem;line-height:1.18;letter-spacing:-.015em;margin:.25rem 0 1.5rem;font-weight:700;overflow-wrap:anywhere}
h2{font-size:1.3rem;line-height:1.3;margin:2.75rem 0 .5rem;padding-bottom:.35rem;border-bottom:1px solid var(--rule);font-weight:650}
h3{font-size:1.05rem;margin:1.75rem 0 .5rem;font-weight:650}
h4,h5,h6{font-size:.95rem;margin:.75rem 0 .25rem}
p{margin:0 0 .75rem}
a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:2px}
.eyebrow{margin:0;font-size:.75rem;font-weight:600;letter-spacing:.12em;text-transform:uppercase;color:var(--muted)}
.masthead{border-bottom:3px solid var(--ink);padding-bottom:1.5rem}
.particulars{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1.5rem;margin:0}
.particulars dt{font-size:.72rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);padding-top:.3rem}
.particulars dd{margin:0}
.toc{margin:1.5rem 0 0;font-size:.85rem}
.toc ol{display:flex;flex-wrap:wrap;gap:.35rem 1.25rem;margin:0;padding:0;list-style:none;counter-reset:toc}
.toc li{counter-increment:toc}
.toc li::before{content:counter(toc) ". ";color:var(--faint)}
.toc a{color:var(--ink);text-decoration:none;border-bottom:1px solid var(--rule)}
.intro{color:var(--muted);max-width:44rem}
.empty,.none{color:var(--faint);font-style:italic}
.text>:last-child,.text li>:last-child{margin-bottom:0}
.text ul,.text ol{margin:0 0 .6rem;padding-left:1.4rem}
.text blockquote{margin:0 0 .6rem;padding-left:.9rem;border-left:3px solid var(--rule);color:var(--muted)}
.notes{max-width:44rem}
code{font:.86em/1.4 var(--mono);background:var(--tint);border:1px solid var(--rule);border-radius:3px;padding:0 .25em}
pre{margin:0 0 .6rem;padding:.6rem .8rem;background:var(--tint);border:1px solid var(--rule);border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere}
pre code{background:none;border:0;padding:0}
hr{border:0;border-top:1px solid var(--rule);margin:1rem 0}
mark{background:#fde68a;color:inherit;padding:0 .1em;border-radius:2px}
table{width:100%;border-collapse:collapse;margin:.75rem 0 1rem;font-size:.9rem;line-height:1.45}
th,td{text-align:left;vertical-align:top;padding:.55rem .65rem;border-bottom:1px solid var(--rule);overflow-wrap:break-word}
thead th{white-space:nowrap;font-size:.7rem;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);border-bottom:2px solid var(--ink);padding-top:0}
tfoot th,tfoot td{font-weight:600;border-top:2px solid var(--ink);border-bottom:0}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
.over{color:#9a3412}
.timeline{table-layout:fixed}
.timeline td{overflow-wrap:anywhere}
.timeline .c-time{width:5.5rem}.timeline .c-facts{width:42%}
.timeline .time{font:600 .95rem/1.4 var(--sans);font-variant-numeric:tabular-nums;white-space:nowrap}
.timeline td.facts{background:var(--tint)}
.timeline tr.date th{font-size:.8rem;letter-spacing:.04em;text-transform:uppercase;color:var(--ink);background:#fff;border-bottom:2px solid var(--ink);padding-top:1.25rem}
.offset{display:block;font-size:.7rem;font-weight:500;color:var(--muted)}
.entry+.entry{margin-top:.6rem;padding-top:.6rem;border-top:1px dashed var(--rule)}
.entry.seat{border-left:3px solid var(--lane);padding-left:.6rem}
.entry.seat+.entry.seat{border-top:0;padding-top:0}
.who{margin:0 0 .15rem;font-size:.78rem;font-weight:600;line-height:1.4}
.verb{font-weight:400;color:var(--muted)}
.kind{font-size:.68rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
.source{font-weight:400;color:var(--muted)}
.source::before{content:"via "}
.badge{display:inline-block;margin-left:.35rem;padding:0 .45rem;border-radius:999px;font-size:.68rem;font-weight:600;line-height:1.5;background:#e8eef6;color:#274b77;white-space:nowrap}
.who>.badge:first-child{margin-left:0}
.lane{margin-top:1.25rem}
.lane h3{display:flex;align-items:center;gap:.5rem;margin-bottom:.35rem}
.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;background:var(--lane)}
ol.cards{list-style:none;margin:0;padding:0 0 0 1.2rem;border-left:2px solid var(--lane)}
ol.cards>li{margin:0 0 .7rem;padding-left:.2rem}
ol.cards time{font-variant-numeric:tabular-nums;color:var(--ink)}
ol.factors,ul.helped{list-style:none;margin:.5rem 0 0;padding:0}
ol.factors>li,ul.helped>li{display:flex;gap:1rem;padding:.7rem 0;border-bottom:1px solid var(--rule)}
ul.helped>li{padding-left:1rem;border-left:3px solid #16a34a;margin-bottom:.5rem;border-bottom:0}
.tally{flex:0 0 6.5rem;font-size:.75rem;color:var(--muted);line-height:1.3}
.tally b{display:block;font-size:1.35rem;line-height:1.1;color:var(--ink)}
.tally .names{display:block;margin-top:.25rem}
.body{flex:1;min-width:0}
.meta{margin:.3rem 0 0;font-size:.75rem;color:var(--muted)}
.meta a{color:inherit}
.status{display:inline-block;padding:0 .5rem;border-radius:999px;font-size:.72rem;font-weight:600;line-height:1.6;background:#eef1f4;color:#3a4550}
.status-in-progress{background:#fef3c7;color:#854d0e}.status-done{background:#dcfce7;color:#166534}.status-wont-do{background:#f1f5f9;color:#64748b}
.improvements .what{font-weight:600;font-family:var(--sans)}
.related ul{margin:0;padding:0;list-style:none;font-size:.8rem}
.related li+li{margin-top:.25rem}
.findings .place{white-space:nowrap;font-size:.8rem}
.colophon{margin-top:3rem;padding-top:.75rem;border-top:1px solid var(--rule);font-size:.75rem;color:var(--faint)}
@media (max-width:44rem){.page{margin:0;padding:1.5rem 1.1rem;box-shadow:none}.particulars{grid-template-columns:1fr}.timeline .c-time{width:3.8rem}}
@page{margin:16mm 15mm 18mm}
@media print{
body{background:none;font-size:10.5pt;line-height:1.45}
.page{max-width:none;margin:0;padding:0;box-shadow:none}
.toc{display:none}
h1{font-size:20pt}h2{font-size:13.5pt;margin-top:1.6rem}
h2,h3,thead,tr.date{break-after:avoid}
tr,li,.entry,.lane h3,table.meeting,table.phrases{break-inside:avoid}
.intro{break-after:avoid}
thead{display:table-header-group}
tfoot{display:table-row-group}
a{color:inherit;text-decoration:none}
.text a[href]::after{content:" <" attr(href) ">";font-size:.8em;color:var(--muted);overflow-wrap:anywhere}
#language{break-before:page}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`.trim();
