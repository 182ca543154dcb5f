#include "report/HtmlTableSection.h"

#include "report/HtmlReportCharts.h"
#include "report/HtmlText.h"

namespace cutover {

namespace {

using Cell = HtmlText::Cell;

QString section(const QString &title, const QString &body)
{
    return HtmlText::heading(3, title) + body;
}

QString none(const QString &text)
{
    return HtmlText::paragraph(text, QStringLiteral("none"));
}

QString showing(qsizetype shown, qint64 total)
{
    if (shown >= total)
        return {};
    return HtmlText::paragraph(
        QStringLiteral("The first %1 of %2 rows.").arg(shown).arg(ReportFacts::count(total)),
        QStringLiteral("muted"));
}

Cell key(const QString &text)
{
    return HtmlText::raw(QStringLiteral("<code>%1</code>").arg(HtmlText::escape(text)));
}

Cell samples(const QStringList &values)
{
    QStringList escaped;
    for (const QString &v : values)
        escaped.append(QStringLiteral("<code>%1</code>").arg(HtmlText::escape(v)));
    return HtmlText::raw(escaped.join(QStringLiteral(", ")));
}

// An expected and an actual value side by side, the actual one marked when they differ.
void addPair(QList<Cell> &row, const QString &expected, const QString &actual, bool differs,
             bool numeric)
{
    const QString base = numeric ? QStringLiteral("num") : QString();
    row.append(HtmlText::raw(HtmlText::value(expected), base));
    row.append(HtmlText::raw(HtmlText::value(actual),
                             differs ? (base + QStringLiteral(" diff")).trimmed() : base));
}

} // namespace

HtmlTableSection::HtmlTableSection(const ReconcileReport &report,
                                   const ReportComparison &comparison, bool richText)
    : m_report(report)
    , m_comparison(comparison)
    , m_facts(report)
    , m_richText(richText)
{}

QString HtmlTableSection::anchor(const QString &table)
{
    return QStringLiteral("table-") + QString::fromLatin1(table.toUtf8().toHex());
}

QString HtmlTableSection::write(const TableReconciliation &t) const
{
    QString html =
        m_richText
            ? QStringLiteral("<div class=\"table-detail\" style=\"page-break-before: "
                             "always\">")
            : QStringLiteral("<section class=\"table-detail\" id=\"%1\">").arg(anchor(t.table));
    html += header(t) + counts(t) + ledgerAndQuality(t) + rules(t) + profiles(t) +
            missingAndExtra(t) + modified(t) + findings(t) + sample(t) + notes(t);
    return html + (m_richText ? QStringLiteral("</div>") : QStringLiteral("</section>"));
}

QString HtmlTableSection::header(const TableReconciliation &t) const
{
    QString html = m_richText
                       ? QStringLiteral("<h2>%1 &nbsp;%2</h2>")
                             .arg(HtmlText::escape(t.table), HtmlText::badge(t.status, true))
                       : QStringLiteral("<div class=\"detail-head\"><h2>%1</h2>%2</div>")
                             .arg(HtmlText::escape(t.table), HtmlText::badge(t.status, false));
    QStringList meta{
        QStringLiteral("from %1").arg(t.source.isEmpty() ? QStringLiteral("?") : t.source)};
    if (!t.key.isEmpty())
        meta.append(QStringLiteral("matched by %1").arg(t.key.join(QStringLiteral(", "))));
    if (!t.method.isEmpty())
        meta.append(t.method);
    meta.append(QStringLiteral("%1 target rows read").arg(ReportFacts::count(t.rowsTransferred)));
    meta.append(ReportFacts::duration(t.durationMs));
    html += HtmlText::paragraph(meta.join(QStringLiteral(" \u00b7 ")), QStringLiteral("meta"));
    if (!t.reasons.isEmpty()) {
        const QString why = HtmlText::paragraph(QStringLiteral("Why %1:").arg(
                                                    reconcileStatusTitle(t.status).toLower()),
                                                QStringLiteral("why")) +
                            HtmlText::list(t.reasons);
        html += m_richText
                    ? QStringLiteral("<table class=\"reasons\" width=\"100%\" cellpadding=\"6\" "
                                     "bgcolor=\"%1\"><tr><td>%2</td></tr></table>")
                          .arg(t.status == ReconcileStatus::Fail ? QStringLiteral("#fdf3f2")
                                                                 : QStringLiteral("#fdf6e7"),
                               why)
                    : QStringLiteral("<div class=\"reasons %1\">%2</div>")
                          .arg(reconcileStatusName(t.status), why);
    }
    return html + (m_richText ? HtmlReportCharts::tableRichText(t) : HtmlReportCharts::tableSvg(t));
}

QString HtmlTableSection::counts(const TableReconciliation &t) const
{
    const QList<ReportComparison::CountLine> figures = m_comparison.countLines(t);
    const bool previous = m_comparison.hasPrevious();
    QStringList headers{QStringLiteral("Count"), QStringLiteral("Rows#")};
    if (previous)
        headers << QStringLiteral("Previous#") << QStringLiteral("Change#");
    QList<QList<Cell>> rows;
    for (const auto &[label, n, figure] : figures) {
        const bool bad =
            n &&
            (label == QLatin1String("Missing") || label == QLatin1String("Extra") ||
             label == QLatin1String("Modified") || label == QLatin1String("Duplicate target keys"));
        QList<Cell> row{{label}, HtmlText::number(n, bad ? QStringLiteral("bad") : QString())};
        if (previous)
            row << (figure ? HtmlText::number(figure->before) : Cell())
                << Cell{figure ? ReportComparison::signedChange(figure->change()) : QString(),
                        QStringLiteral("num")};
        rows.append(row);
    }
    return section(QStringLiteral("Counts"),
                   HtmlText::table(headers, rows, QStringLiteral("grid counts")));
}

QString HtmlTableSection::ledgerAndQuality(const TableReconciliation &t) const
{
    QString ledger;
    if (!t.ledger)
        ledger = none(QStringLiteral("No run of this project loaded the table (a target loaded by "
                                     "another tool): there is no row ledger to check."));
    else
        ledger =
            QStringLiteral("<p class=\"ledger\">Run <code>%1</code>: source rows %2 %3</p>")
                .arg(HtmlText::escape(t.ledger->runId),
                     HtmlText::escape(ReportFacts::ledgerEquation(*t.ledger)),
                     t.ledger->balances()
                         ? QStringLiteral("<span class=\"ok\">\u2713 balances</span>")
                         : QStringLiteral("<span class=\"bad\">\u2717 does not balance</span>"));
    QList<QList<Cell>> rows;
    for (const ReportFacts::Quality &q : ReportFacts::quality(t, m_report.settings.thresholds))
        rows.append({{q.label},
                     HtmlText::number(q.found, q.ok ? QString() : QStringLiteral("bad")),
                     q.threshold ? HtmlText::number(q.acceptable)
                                 : HtmlText::Cell(ReportFacts::bound(q), QStringLiteral("num")),
                     HtmlText::raw(q.ok ? QStringLiteral("<span class=\"ok\">\u2713</span>")
                                        : QStringLiteral("<span class=\"bad\">\u2717</span>"))});
    return section(QStringLiteral("Row ledger"), ledger) +
           section(QStringLiteral("Data quality"),
                   HtmlText::table({QStringLiteral("Check"), QStringLiteral("Found#"),
                                    QStringLiteral("Acceptable#"), QStringLiteral("OK")},
                                   rows));
}

QString HtmlTableSection::rules(const TableReconciliation &t) const
{
    if (t.columns.isEmpty())
        return section(QStringLiteral("Comparison rules"),
                       none(QStringLiteral("No columns compared.")));
    QList<QList<Cell>> rows;
    for (const ColumnComparisonSummary &c : t.columns)
        rows.append(
            {{c.column + (c.sensitive ? QStringLiteral(" (sensitive)") : QString())},
             {c.type},
             {c.rule},
             HtmlText::number(c.differing, c.differing ? QStringLiteral("bad") : QString())});
    return section(QStringLiteral("Comparison rules"),
                   HtmlText::table({QStringLiteral("Column"), QStringLiteral("Type"),
                                    QStringLiteral("Compared"), QStringLiteral("Differing rows#")},
                                   rows));
}

QString HtmlTableSection::profiles(const TableReconciliation &t) const
{
    const QStringList columns = ReportFacts::profiledColumns(t);
    if (columns.isEmpty())
        return {};
    QList<QList<Cell>> rows;
    for (const QString &column : columns) {
        const auto [exp, act] = ReportFacts::profiles(t, column);
        const bool temporal = exp.temporal || act.temporal;
        QList<Cell> row{{column + (temporal ? QStringLiteral(" (date range)") : QString())}};
        // Differences are judged on the raw values; only what is shown is masked.
        addPair(row, ReportFacts::count(exp.nulls), ReportFacts::count(act.nulls),
                exp.nulls != act.nulls, true);
        addPair(row, ReportFacts::count(exp.distinct), ReportFacts::count(act.distinct),
                exp.distinct != act.distinct, true);
        addPair(row, m_facts.shown(t, column, exp.min), m_facts.shown(t, column, act.min),
                exp.min != act.min, false);
        addPair(row, m_facts.shown(t, column, exp.max), m_facts.shown(t, column, act.max),
                exp.max != act.max, false);
        rows.append(row);
    }
    return section(
        QStringLiteral("Column profiles: expected and target"),
        HtmlText::table({QStringLiteral("Column"), QStringLiteral("Nulls expected#"),
                         QStringLiteral("Nulls target#"), QStringLiteral("Distinct expected#"),
                         QStringLiteral("Distinct target#"), QStringLiteral("Min expected"),
                         QStringLiteral("Min target"), QStringLiteral("Max expected"),
                         QStringLiteral("Max target")},
                        rows, QStringLiteral("grid wide profiles")));
}

QString HtmlTableSection::missingAndExtra(const TableReconciliation &t) const
{
    QString html;
    for (const auto &[title, rowsOf, total, word] :
         {std::tuple{QStringLiteral("Missing rows"), &t.missingSamples, t.missing,
                     QStringLiteral("No rows missing.")},
          std::tuple{QStringLiteral("Extra rows"), &t.extraSamples, t.extra,
                     QStringLiteral("No extra rows.")}}) {
        if (total == 0 && rowsOf->isEmpty()) {
            html += section(title, none(word));
            continue;
        }
        QList<QList<Cell>> rows;
        for (const RowRef &r : *rowsOf)
            rows.append({key(r.targetKey), key(r.sourceKey)});
        html +=
            section(QStringLiteral("%1 (%2)").arg(title, ReportFacts::count(total)),
                    showing(rowsOf->size(), total) +
                        HtmlText::table(
                            {QStringLiteral("Target key"), QStringLiteral("Source key")}, rows));
    }
    return html;
}

QString HtmlTableSection::modified(const TableReconciliation &t) const
{
    if (t.modified == 0 && t.modifiedSamples.isEmpty())
        return section(QStringLiteral("Modified rows"), none(QStringLiteral("No rows modified.")));
    QList<QList<Cell>> rows;
    for (const ModifiedRow &m : t.modifiedSamples)
        for (qsizetype i = 0; i < m.columns.size(); ++i) {
            const QString column = m.columns.at(i);
            rows.append(
                {i == 0 ? key(m.row.targetKey) : Cell(),
                 i == 0 ? key(m.row.sourceKey) : Cell(),
                 {column},
                 HtmlText::raw(HtmlText::value(m_facts.shown(t, column, m.expected.value(i)))),
                 HtmlText::raw(HtmlText::value(m_facts.shown(t, column, m.actual.value(i))),
                               QStringLiteral("diff"))});
        }
    return section(
        QStringLiteral("Modified rows (%1)").arg(ReportFacts::count(t.modified)),
        showing(t.modifiedSamples.size(), t.modified) +
            HtmlText::table({QStringLiteral("Target key"), QStringLiteral("Source key"),
                             QStringLiteral("Column"), QStringLiteral("Expected (before)"),
                             QStringLiteral("Actual (after)")},
                            rows, QStringLiteral("grid wide")));
}

QString HtmlTableSection::findings(const TableReconciliation &t) const
{
    QString html;
    QList<QList<Cell>> rows;
    for (const DuplicateFinding &d : t.duplicates)
        rows.append({{d.columns},
                     HtmlText::number(d.rows, QStringLiteral("bad")),
                     samples(m_facts.shownSamples(t, d.columns, d.samples))});
    html += section(QStringLiteral("Duplicates"),
                    rows.isEmpty()
                        ? none(QStringLiteral("No duplicate keys or unique values."))
                        : HtmlText::table({QStringLiteral("Columns"), QStringLiteral("Rows#"),
                                           QStringLiteral("Values")},
                                          rows));
    rows.clear();
    for (const OrphanFinding &o : t.orphans)
        rows.append({{o.columns},
                     {QStringLiteral("%1(%2)").arg(o.parentTable, o.parentColumns)},
                     HtmlText::number(o.rows, QStringLiteral("bad")),
                     samples(m_facts.shownSamples(t, o.columns, o.samples))});
    html += section(QStringLiteral("Orphaned references"),
                    rows.isEmpty()
                        ? none(QStringLiteral("Every foreign key finds its parent row."))
                        : HtmlText::table({QStringLiteral("Columns"), QStringLiteral("References"),
                                           QStringLiteral("Rows#"), QStringLiteral("Values")},
                                          rows));
    rows.clear();
    for (const RuleFinding &r : t.ruleViolations)
        rows.append({{r.rule},
                     {r.column},
                     HtmlText::number(r.rows, QStringLiteral("bad")),
                     samples(m_facts.shownSamples(t, r.column, r.samples))});
    html += section(QStringLiteral("Rule violations (invalid data)"),
                    rows.isEmpty()
                        ? none(QStringLiteral("No target row breaks a blocking rule."))
                        : HtmlText::table({QStringLiteral("Rule"), QStringLiteral("Column"),
                                           QStringLiteral("Rows#"), QStringLiteral("Values")},
                                          rows));
    return html;
}

QString HtmlTableSection::sampleDifferences(const TableReconciliation &t,
                                            const SampleRow &row) const
{
    if (row.outcome == QLatin1String("missing"))
        return QStringLiteral("<span class=\"bad\">not in the target</span>");
    QStringList parts;
    for (qsizetype i = 0; i < row.columns.size(); ++i) {
        if (row.equal.value(i, true))
            continue;
        const QString column = row.columns.at(i);
        parts.append(QStringLiteral("<b>%1</b>: %2 \u2192 <span class=\"diff\">%3</span>")
                         .arg(HtmlText::escape(column),
                              HtmlText::value(m_facts.shown(t, column, row.expected.value(i))),
                              HtmlText::value(m_facts.shown(t, column, row.actual.value(i)))));
    }
    if (parts.isEmpty())
        return QStringLiteral("all %1 columns equal").arg(row.columns.size());
    return parts.join(QStringLiteral("<br>"));
}

QString HtmlTableSection::sample(const TableReconciliation &t) const
{
    const QString intro = QStringLiteral("%1 rows picked at random with seed %2 and compared field "
                                         "by field.")
                              .arg(t.sample.size())
                              .arg(m_report.settings.seed);
    if (t.sample.isEmpty())
        return section(QStringLiteral("Random sample"), none(QStringLiteral("No rows sampled.")));
    QList<QList<Cell>> rows;
    for (const SampleRow &s : t.sample)
        rows.append({key(s.row.targetKey),
                     key(s.row.sourceKey),
                     {s.outcome, QStringLiteral("outcome ") + s.outcome},
                     HtmlText::raw(sampleDifferences(t, s))});
    return section(QStringLiteral("Random sample"),
                   HtmlText::paragraph(intro, QStringLiteral("muted")) +
                       HtmlText::table({QStringLiteral("Target key"), QStringLiteral("Source key"),
                                        QStringLiteral("Outcome"), QStringLiteral("Differences")},
                                       rows, QStringLiteral("grid wide sample")));
}

QString HtmlTableSection::notes(const TableReconciliation &t) const
{
    if (t.notes.isEmpty())
        return {};
    return section(QStringLiteral("Notes"), HtmlText::list(t.notes, QStringLiteral("notes")));
}

} // namespace cutover
