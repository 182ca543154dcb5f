#include "report/HtmlReportStyle.h"

namespace cutover {

QString HtmlReportStyle::browser()
{
    return QStringLiteral(R"css(
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9dee4;--soft:#f5f7fa;--pass:#1e7b45;
--review:#b26a00;--fail:#b42318;--accent:#2457a6}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#eef1f4;color:var(--ink);font:14px/1.45 -apple-system,"Segoe UI",
"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
main{max-width:1100px;margin:24px auto;background:#fff;padding:32px 40px;
box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:26px;margin:2px 0 4px}
h2{font-size:20px;margin:0}
h3{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
margin:22px 0 8px}
code{font:12px/1.3 "DejaVu Sans Mono",Menlo,Consolas,monospace;background:var(--soft);
padding:1px 4px;border-radius:3px;word-break:break-all}
.masthead{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;
border-bottom:3px solid var(--ink);padding-bottom:14px}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.12em;font-size:12px;
color:var(--muted);font-weight:600}
.route{margin:0;color:var(--muted)}
.verdict{text-align:right}
.verdict .badge{font-size:18px;padding:6px 16px}
.verdict span:last-child{display:block;margin-top:6px;color:var(--muted);font-size:12px}
.badge{display:inline-block;padding:2px 9px;border-radius:999px;color:#fff;font-weight:700;
font-size:11px;letter-spacing:.06em;white-space:nowrap}
.badge.pass{background:var(--pass)}.badge.needs_review{background:var(--review)}
.badge.fail{background:var(--fail)}
.facts table.kv{margin:14px 0 6px;width:100%}
table{border-collapse:collapse}
table.kv th{text-align:left;font-weight:600;color:var(--muted);padding:3px 14px 3px 0;
white-space:nowrap;vertical-align:top;width:1%}
table.kv td{padding:3px 0}
.facts table.kv th{width:auto}
.facts table.kv td{padding-right:28px}
.cards{display:grid;grid-template-columns:repeat(2,1fr);gap:14px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:4px 16px 12px;background:#fff}
.card h3{margin-top:10px}
.card table.kv{width:100%}
table.grid{min-width:55%;margin:4px 0 8px;font-size:13px}
table.grid.wide{width:100%}
table.grid th{background:var(--soft);text-align:left;font-weight:600;color:var(--muted);
border-bottom:2px solid var(--line);padding:5px 8px;font-size:12px}
table.grid td{border-bottom:1px solid var(--line);padding:5px 8px;vertical-align:top}
table.grid tr{break-inside:avoid}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.grid th.num{text-align:right}
.bad{color:var(--fail);font-weight:700}
.ok{color:var(--pass);font-weight:700}
.diff{background:#fdecea;color:#8a1c12}
.muted,.none{color:var(--muted)}
.none{font-style:italic;margin:4px 0}
.null{color:var(--muted);font-style:italic}
.change{color:var(--muted);font-size:12px}
.chart{display:block;margin:8px 0 4px;max-width:100%;height:auto}
.chart text{font-family:inherit;font-size:12px;fill:var(--ink)}
.chart text.figure{fill:var(--muted);font-size:11px}
.chart.bar{margin:10px 0 0}
.legend{font-size:12px;color:var(--muted);margin:2px 0 14px}
.legend span{margin-right:14px;white-space:nowrap}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;
vertical-align:-1px}
.overview h2{margin-top:22px}
.table-detail{margin-top:36px;border-top:1px solid var(--line);padding-top:24px}
.detail-head{display:flex;align-items:center;gap:12px}
.meta{color:var(--muted);margin:4px 0 0}
.reasons{border-left:4px solid var(--fail);background:#fdf3f2;padding:6px 14px;margin:12px 0}
.reasons.needs_review{border-color:var(--review);background:#fdf6e7}
.reasons p.why{margin:4px 0;font-weight:600}
.reasons ul{margin:4px 0 6px;padding-left:20px}
.ledger{margin:4px 0}
.outcome.matched{color:var(--pass)}.outcome.modified{color:var(--review)}
.outcome.missing{color:var(--fail)}
footer{margin-top:36px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
a{color:var(--accent);text-decoration:none}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
body{background:#fff;font-size:11px}
main{max-width:none;margin:0;padding:0;box-shadow:none}
.table-detail{break-before:page;page-break-before:always;border-top:0;margin-top:0;padding-top:0}
h3{break-after:avoid;page-break-after:avoid}
table.grid{font-size:10px}
table.grid th,table.grid td{padding:3px 6px}
h3{margin:12px 0 4px}
.none{margin:2px 0}
.chart.bar{margin-top:6px}
.card{break-inside:avoid}
a{color:inherit}
}
)css");
}

QString HtmlReportStyle::richText()
{
    return QStringLiteral(R"css(
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:9pt;color:#1f2933}
h1{font-size:18pt;margin-top:0;margin-bottom:2pt}
h2{font-size:14pt;margin-top:0;margin-bottom:2pt}
h3{font-size:9pt;color:#616e7c;margin-top:12pt;margin-bottom:4pt;text-transform:uppercase}
p{margin-top:2pt;margin-bottom:2pt}
code{font-family:"DejaVu Sans Mono",monospace;font-size:8pt}
.eyebrow{color:#616e7c;font-size:8pt;font-weight:bold;margin-bottom:0}
.route{color:#616e7c;margin-bottom:8pt}
table.grid{border-collapse:collapse;border-color:#d9dee4;border-style:solid;margin-bottom:4pt}
table.grid th{background-color:#f0f3f6;color:#3e4c59;font-size:8pt;text-align:left;
border-color:#d9dee4;border-style:solid}
table.grid td{font-size:8pt;border-color:#d9dee4;border-style:solid}
table.grid{width:100%}
table.kv th{color:#616e7c;text-align:left;font-weight:bold;padding-right:8pt}
table.cards td{vertical-align:top}
.num{text-align:right}
.bad{color:#b42318;font-weight:bold}
.ok{color:#1e7b45;font-weight:bold}
.diff{background-color:#fdecea;color:#8a1c12}
.muted{color:#616e7c}
.none{color:#616e7c;font-style:italic}
.null{color:#616e7c;font-style:italic}
.change{color:#616e7c}
.meta{color:#616e7c}
.legend{color:#616e7c;font-size:8pt}
.small{color:#616e7c;font-size:8pt}
.why{font-weight:bold;margin-top:0}
.outcome{font-weight:bold}
footer{color:#616e7c;font-size:8pt}
)css");
}

} // namespace cutover
