#include "runbook/RunbookHtmlStyle.h"

namespace cutover {

QString RunbookHtmlStyle::browser()
{
    return QStringLiteral(R"css(
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9dee4;--soft:#f5f7fa;--green:#1e7b45;
--amber:#995700;--red:#b42318;--blue:#2457a6}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#eef1f4;color:var(--ink);font:14px/1.45 -apple-system,"Segoe UI",
"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
main{max-width:1100px;margin:24px auto;background:#fff;padding:32px 40px;
box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:26px;margin:2px 0 4px}
h2{font-size:19px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
margin:18px 0 6px}
code,.id{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em;color:var(--muted)}
.masthead{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;
border-bottom:3px solid var(--ink);padding-bottom:14px}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.12em;font-size:12px;
color:var(--muted);font-weight:600}
.route{margin:0;color:var(--muted)}
.verdict{text-align:right;white-space:nowrap}
.verdict .badge{font-size:18px;padding:6px 16px}
.verdict .meaning{display:block;margin-top:6px;color:var(--muted);font-size:13px}
.badge{display:inline-block;padding:2px 10px;border-radius:999px;color:#fff;font-weight:700;
font-size:12px;letter-spacing:.05em;white-space:nowrap}
.badge.green{background:var(--green)}.badge.amber{background:var(--amber)}
.badge.red{background:var(--red)}.badge.blue{background:var(--blue)}
.badge.grey{background:var(--muted)}
table{border-collapse:collapse}
table.kv{margin:14px 0 6px}
table.kv th{text-align:left;font-weight:600;color:var(--muted);padding:3px 14px 3px 0;
white-space:nowrap;vertical-align:top}
table.kv td{padding:3px 28px 3px 0;vertical-align:top}
.reasons{border-left:4px solid var(--muted);background:var(--soft);padding:6px 14px;margin:14px 0}
.reasons.green{border-color:var(--green);background:#eef7f1}
.reasons.amber{border-color:var(--amber);background:#fdf6e7}
.reasons.red{border-color:var(--red);background:#fdf3f2}
.reasons p.why{margin:4px 0;font-weight:600}
.reasons ul{margin:4px 0 6px;padding-left:20px}
.path{margin:10px 0}
table.grid{width:100%;margin:4px 0 8px;font-size:13px;table-layout:fixed}
table.grid th{background:var(--soft);text-align:left;font-weight:600;color:var(--muted);
border-bottom:2px solid var(--line);padding:5px 8px;font-size:12px;white-space:nowrap}
table.grid td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
table.grid tr{break-inside:avoid}
table.grid td.now{background:#eef4fc}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.grid th.num{text-align:right}
.time{font-variant-numeric:tabular-nums}
.status{white-space:nowrap;font-weight:600}
.status.done{color:var(--green)}.status.in-progress{color:var(--blue)}
.status.failed,.status.blocked{color:var(--red)}
.status.pending,.status.skipped{color:var(--muted)}
.title{font-weight:600}
.desc{color:var(--muted);font-size:.92em;margin-top:2px}
.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 5px;
font-size:.85em;color:var(--muted);margin-left:4px;white-space:nowrap}
.tag.critical{border-color:var(--ink);color:var(--ink);font-weight:700}
.tag.gate{border-color:var(--blue);color:var(--blue);font-weight:700}
ul.details{margin:4px 0 0;padding-left:0;list-style:none;font-size:.92em}
ul.details li{margin:1px 0;padding-left:1.1em;text-indent:-1.1em}
.ok{color:var(--green);font-weight:700}
.bad{color:var(--red);font-weight:700}
.warn{color:var(--amber);font-weight:700}
.late{color:var(--red);font-weight:600}
.early{color:var(--green)}
.muted{color:var(--muted)}
.forecast{color:var(--muted);font-style:italic}
.none{color:var(--muted);font-style:italic;margin:4px 0}
.legend{font-size:12px;color:var(--muted);margin:4px 0 0}
.bar{display:inline-block;width:220px;height:12px;background:#e4e7eb;border-radius:6px;
vertical-align:-1px;margin-right:10px;overflow:hidden}
.bar span{display:block;height:100%;background:var(--blue)}
.subject{font:13px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace;background:var(--soft);
padding:6px 10px;border-radius:4px;margin:12px 0 0}
footer{margin-top:36px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
body{background:#fff;font-size:11px}
main{max-width:none;margin:0;padding:0;box-shadow:none}
table.grid{font-size:10px}
table.grid th,table.grid td{padding:3px 6px}
h2{break-after:avoid;page-break-after:avoid}
.reasons{break-inside:avoid}
}
)css");
}

QString RunbookHtmlStyle::richText()
{
    return QStringLiteral(R"css(
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:9pt;color:#1f2933}
h1{font-size:18pt;margin-top:0;margin-bottom:2pt}
h2{font-size:12pt;margin-top:14pt;margin-bottom:4pt}
h3{font-size:9pt;color:#616e7c;margin-top:10pt;margin-bottom:3pt}
p{margin-top:2pt;margin-bottom:2pt}
code{font-family:"DejaVu Sans Mono",monospace;font-size:8pt}
.id{font-family:"DejaVu Sans Mono",monospace;font-size:7pt;color:#616e7c}
.eyebrow{color:#616e7c;font-size:8pt;font-weight:bold;margin-bottom:0}
.route{color:#616e7c;margin-bottom:6pt}
table.kv th{color:#616e7c;text-align:left;font-weight:bold;padding-right:8pt}
table.grid{border-collapse:collapse;border-color:#d9dee4;border-style:solid;margin-bottom:4pt}
table.grid th{background-color:#f0f3f6;color:#3e4c59;font-size:8pt;text-align:left;
border-color:#d9dee4;border-style:solid}
table.grid td{font-size:8pt;border-color:#d9dee4;border-style:solid}
td.now{background-color:#eef4fc}
table.grid th.caption{background-color:#ffffff;color:#1f2933;font-size:12pt;font-weight:bold;
text-align:left}
.num{text-align:right}
.status{font-weight:bold}
.done{color:#1e7b45}
.in-progress{color:#2457a6}
.failed{color:#b42318}
.blocked{color:#b42318}
.pending{color:#616e7c}
.skipped{color:#616e7c}
.title{font-weight:bold}
.desc{color:#616e7c;font-size:7.5pt}
.tag{color:#616e7c;font-size:7pt}
.critical{color:#1f2933;font-weight:bold;font-size:7pt}
.gate{color:#2457a6;font-weight:bold;font-size:7pt}
.details{font-size:7.5pt}
.ok{color:#1e7b45;font-weight:bold}
.bad{color:#b42318;font-weight:bold}
.warn{color:#995700;font-weight:bold}
.late{color:#b42318;font-weight:bold}
.early{color:#1e7b45}
.muted{color:#616e7c}
.forecast{color:#616e7c;font-style:italic}
.none{color:#616e7c;font-style:italic}
.legend{color:#616e7c;font-size:7.5pt}
.why{font-weight:bold;margin-top:0}
.subject{font-family:"DejaVu Sans Mono",monospace;font-size:8.5pt}
footer{color:#616e7c;font-size:8pt}
)css");
}

} // namespace cutover
