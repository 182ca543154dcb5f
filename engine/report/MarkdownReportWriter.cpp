#include "report/MarkdownReportWriter.h"

#include <QRegularExpression>

namespace cutover {

namespace {

QString n(qint64 value)
{
    return ReportFacts::count(value);
}

QString heading(int level, const QString &text)
{
    return QString(level, QLatin1Char('#')) + QLatin1Char(' ') + text + QStringLiteral("\n\n");
}

QString bullets(const QStringList &items)
{
    QString md;
    for (const QString &item : items)
        md += QStringLiteral("- ") + item + QLatin1Char('\n');
    return md + QLatin1Char('\n');
}

QString none(const QString &text)
{
    return QLatin1Char('_') + text + QStringLiteral("_\n\n");
}

QString status(ReconcileStatus s)
{
    return QStringLiteral("**%1**").arg(reconcileStatusTitle(s).toUpper());
}

QString mark(bool ok)
{
    return ok ? QStringLiteral("\u2713") : QStringLiteral("\u2717");
}

QString range(const ReportFacts::DateRange &r)
{
    return r.known() ? MarkdownReportWriter::escape(r.from + QStringLiteral(" to ") + r.to)
                     : QStringLiteral("no date columns");
}

QString withChange(qint64 now, const std::optional<ReportComparison::Figure> &f)
{
    if (!f)
        return n(now);
    return QStringLiteral("%1 (was %2, %3)")
        .arg(n(now), n(f->before), ReportComparison::signedChange(f->change()));
}

QString shownOrEmpty(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("_(empty)_") : MarkdownReportWriter::code(value);
}

QString codes(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        out.append(MarkdownReportWriter::code(v));
    return out.join(QStringLiteral(", "));
}

} // namespace

QString MarkdownReportWriter::escape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '\n':
        case '\r':
        case '\t':
            out += QLatin1Char(' ');
            break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '~':
        case '#':
            out += QLatin1Char('\\');
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString MarkdownReportWriter::code(const QString &text)
{
    // A code span shows its text literally, except that '|' still ends a table cell and a
    // backtick ends the span: such values are written as escaped text instead.
    static const QRegularExpression special(QStringLiteral("[`\\n\\r|<>&]"));
    if (text.isEmpty() || text.contains(special) || text.trimmed() != text)
        return escape(text);
    return QLatin1Char('`') + text + QLatin1Char('`');
}

QString MarkdownReportWriter::table(const QStringList &headers, const QList<QStringList> &rows)
{
    QStringList head, rule;
    for (const QString &h : headers) {
        const bool numeric = h.endsWith(QLatin1Char('#'));
        head.append(escape(numeric ? h.chopped(1) : h));
        rule.append(numeric ? QStringLiteral("--:") : QStringLiteral("---"));
    }
    QString md = QStringLiteral("| %1 |\n|%2|\n")
                     .arg(head.join(QStringLiteral(" | ")), rule.join(QLatin1Char('|')));
    for (const QStringList &row : rows)
        md += QStringLiteral("| %1 |\n").arg(row.join(QStringLiteral(" | ")));
    return md + QLatin1Char('\n');
}

QString MarkdownReportWriter::write(const ReconcileReport &report,
                                    const ReportComparison &comparison) const
{
    const ReportFacts facts(report);
    int counts[3] = {0, 0, 0};
    for (const TableReconciliation &t : report.tables)
        ++counts[int(t.status)];
    QString md =
        heading(1, QStringLiteral("Migration Reconciliation Report: ") + escape(report.project));
    md += QStringLiteral("Status: %1 \u2014 %2 tables: %3 pass, %4 need review, %5 fail\n\n")
              .arg(status(report.status))
              .arg(report.tables.size())
              .arg(counts[0])
              .arg(counts[1])
              .arg(counts[2]);
    const ReconcileSettings &s = report.settings;
    md += table({QStringLiteral("Report"), QString()},
                {{QStringLiteral("Date"), ReportFacts::when(report.createdAt)},
                 {QStringLiteral("Migration ID (run)"),
                  report.runId.isEmpty() ? QStringLiteral("none (target loaded by another tool)")
                                         : code(report.runId)},
                 {QStringLiteral("Report ID"), code(report.reportId)},
                 {QStringLiteral("Source"), escape(report.source)},
                 {QStringLiteral("Target"), escape(report.target)},
                 {QStringLiteral("Expected rows of"), escape(ReportFacts::scope(report))},
                 {QStringLiteral("Random sample"),
                  QStringLiteral("%1 rows per table, seed %2").arg(s.sampleRows).arg(s.seed)},
                 {QStringLiteral("Sensitive values"),
                  report.masked ? QStringLiteral("masked") : QStringLiteral("**shown unmasked**")},
                 {QStringLiteral("Duration"), ReportFacts::duration(report.durationMs)}});
    md += summary(facts, comparison) + overview(report, comparison);
    for (const TableReconciliation &t : report.tables)
        md += tableDetail(facts, comparison, t);
    return md + QStringLiteral("---\n\nMade by Cutover %1. Expected rows are the source passed "
                               "through the mapping; rows are matched by the target key.\n")
                    .arg(QStringLiteral(CUTOVER_VERSION));
}

QString MarkdownReportWriter::summary(const ReportFacts &f, const ReportComparison &comparison)
{
    using T = TableReconciliation;
    using C = ReportComparison::TableChange;
    const auto change = comparison.totals(f.report());
    auto figure = [&](ReportComparison::Figure C::*member) {
        return change ? std::optional<ReportComparison::Figure>((*change).*member) : std::nullopt;
    };
    QString md = heading(2, QStringLiteral("Summary"));
    md += heading(3, QStringLiteral("Source database")) +
          bullets({QStringLiteral("Total records: %1").arg(n(f.total(&T::sourceRows))),
                   QStringLiteral("Expected in the target: %1 (%2 quarantined, %3 skipped)")
                       .arg(n(f.total(&T::expectedRows)), n(f.total(&T::quarantined)),
                            n(f.total(&T::skipped))),
                   QStringLiteral("Date range: %1").arg(range(f.sourceDates()))});
    md += heading(3, QStringLiteral("Target database")) +
          bullets({QStringLiteral("Total records: %1").arg(n(f.total(&T::targetRows))),
                   QStringLiteral("Matched: %1").arg(n(f.total(&T::matched))),
                   QStringLiteral("Date range: %1").arg(range(f.targetDates()))});
    md += heading(3, QStringLiteral("Discrepancies")) +
          bullets({QStringLiteral("Missing records: %1")
                       .arg(withChange(f.total(&T::missing), figure(&C::missing))),
                   QStringLiteral("Extra records: %1")
                       .arg(withChange(f.total(&T::extra), figure(&C::extra))),
                   QStringLiteral("Modified records: %1")
                       .arg(withChange(f.total(&T::modified), figure(&C::modified))),
                   QStringLiteral("Quarantined rows: %1")
                       .arg(withChange(f.total(&T::quarantined), figure(&C::quarantined)))});
    QStringList quality;
    for (const ReportFacts::Quality &q : f.quality())
        quality.append(QStringLiteral("%1: %2%3 %4")
                           .arg(q.label, n(q.found),
                                ReportFacts::bound(q).isEmpty()
                                    ? QString()
                                    : QStringLiteral(" (%1)").arg(ReportFacts::bound(q)),
                                mark(q.ok)));
    return md + heading(3, QStringLiteral("Data quality")) + bullets(quality);
}

QString MarkdownReportWriter::overview(const ReconcileReport &report,
                                       const ReportComparison &comparison)
{
    const QStringList headers = ReportFacts::overviewHeaders(comparison.hasPrevious());
    QList<QStringList> rows;
    for (const TableReconciliation &t : report.tables) {
        QStringList row{escape(t.table), status(t.status), n(t.sourceRows), n(t.expectedRows),
                        n(t.targetRows), n(t.matched),     n(t.missing),    n(t.extra),
                        n(t.modified),   n(t.quarantined), n(t.skipped)};
        if (comparison.hasPrevious())
            row.append(ReportComparison::describe(comparison.table(t)));
        rows.append(row);
    }
    QString md = heading(2, QStringLiteral("Tables"));
    if (comparison.hasPrevious())
        md += QStringLiteral("Compared with the previous report %1 of %2.\n\n")
                  .arg(code(comparison.previous()->reportId.left(8)),
                       ReportFacts::when(comparison.previous()->createdAt));
    return md + table(headers, rows);
}

QString MarkdownReportWriter::tableDetail(const ReportFacts &facts,
                                          const ReportComparison &comparison,
                                          const TableReconciliation &t)
{
    QString md = heading(2, QStringLiteral("%1 \u2014 %2").arg(escape(t.table), status(t.status)));
    QStringList meta{QStringLiteral("from %1").arg(escape(t.source))};
    if (!t.key.isEmpty())
        meta.append(QStringLiteral("matched by %1").arg(escape(t.key.join(QStringLiteral(", ")))));
    if (!t.method.isEmpty())
        meta.append(escape(t.method));
    meta.append(QStringLiteral("%1 target rows read").arg(n(t.rowsTransferred)));
    meta.append(ReportFacts::duration(t.durationMs));
    md += meta.join(QStringLiteral(" \u00b7 ")) + QStringLiteral("\n\n");
    if (!t.reasons.isEmpty()) {
        QStringList reasons;
        for (const QString &r : t.reasons)
            reasons.append(escape(r));
        md += QStringLiteral("**Why %1:**\n\n").arg(reconcileStatusTitle(t.status).toLower()) +
              bullets(reasons);
    }
    md += countsAndLedger(facts, comparison, t) + rulesAndProfiles(facts, t) + rows(facts, t) +
          findings(facts, t) + sample(facts, t);
    if (!t.notes.isEmpty()) {
        QStringList notes;
        for (const QString &note : t.notes)
            notes.append(escape(note));
        md += heading(3, QStringLiteral("Notes")) + bullets(notes);
    }
    return md;
}

QString MarkdownReportWriter::countsAndLedger(const ReportFacts &facts,
                                              const ReportComparison &comparison,
                                              const TableReconciliation &t)
{
    const QList<ReportComparison::CountLine> figures = comparison.countLines(t);
    QStringList headers{QStringLiteral("Count"), QStringLiteral("Rows#")};
    if (comparison.hasPrevious())
        headers << QStringLiteral("Previous#") << QStringLiteral("Change#");
    QList<QStringList> rows;
    for (const auto &[label, value, figure] : figures) {
        QStringList row{escape(label), n(value)};
        if (comparison.hasPrevious())
            row << (figure ? n(figure->before) : QString())
                << (figure ? ReportComparison::signedChange(figure->change()) : QString());
        rows.append(row);
    }
    QString md = heading(3, QStringLiteral("Counts")) + table(headers, rows);
    md += heading(3, QStringLiteral("Row ledger"));
    if (!t.ledger)
        md += none(QStringLiteral("No run of this project loaded the table: there is no row "
                                  "ledger to check."));
    else
        md += QStringLiteral("Run %1: source rows %2 %3\n\n")
                  .arg(code(t.ledger->runId), ReportFacts::ledgerEquation(*t.ledger),
                       t.ledger->balances() ? QStringLiteral("\u2713 balances")
                                            : QStringLiteral("**\u2717 does not balance**"));
    QList<QStringList> quality;
    for (const ReportFacts::Quality &q :
         ReportFacts::quality(t, facts.report().settings.thresholds))
        quality.append({q.label, n(q.found), q.threshold ? n(q.acceptable) : ReportFacts::bound(q),
                        mark(q.ok)});
    return md + heading(3, QStringLiteral("Data quality")) +
           table({QStringLiteral("Check"), QStringLiteral("Found#"), QStringLiteral("Acceptable#"),
                  QStringLiteral("OK")},
                 quality);
}

QString MarkdownReportWriter::rulesAndProfiles(const ReportFacts &facts,
                                               const TableReconciliation &t)
{
    QList<QStringList> rules;
    for (const ColumnComparisonSummary &c : t.columns)
        rules.append({escape(c.column) + (c.sensitive ? QStringLiteral(" (sensitive)") : QString()),
                      escape(c.type), escape(c.rule), n(c.differing)});
    QString md = heading(3, QStringLiteral("Comparison rules"));
    md += rules.isEmpty() ? none(QStringLiteral("No columns compared."))
                          : table({QStringLiteral("Column"), QStringLiteral("Type"),
                                   QStringLiteral("Compared"), QStringLiteral("Differing rows#")},
                                  rules);
    const QStringList columns = ReportFacts::profiledColumns(t);
    if (columns.isEmpty())
        return md;
    QList<QStringList> profiles;
    for (const QString &column : columns) {
        const auto [exp, act] = ReportFacts::profiles(t, column);
        const QString flag = QStringLiteral(" \u2260");
        profiles.append(
            {escape(column) +
                 (exp.temporal || act.temporal ? QStringLiteral(" (date range)") : QString()),
             n(exp.nulls), n(act.nulls) + (exp.nulls != act.nulls ? flag : QString()),
             n(exp.distinct), n(act.distinct) + (exp.distinct != act.distinct ? flag : QString()),
             shownOrEmpty(facts.shown(t, column, exp.min)),
             shownOrEmpty(facts.shown(t, column, act.min)) +
                 (exp.min != act.min ? flag : QString()),
             shownOrEmpty(facts.shown(t, column, exp.max)),
             shownOrEmpty(facts.shown(t, column, act.max)) +
                 (exp.max != act.max ? flag : QString())});
    }
    return md + heading(3, QStringLiteral("Column profiles: expected and target")) +
           table({QStringLiteral("Column"), QStringLiteral("Nulls expected#"),
                  QStringLiteral("Nulls target#"), QStringLiteral("Distinct expected#"),
                  QStringLiteral("Distinct target#"), QStringLiteral("Min expected"),
                  QStringLiteral("Min target"), QStringLiteral("Max expected"),
                  QStringLiteral("Max target")},
                 profiles) +
           QStringLiteral("\u2260 marks a target figure that differs from the expected one.\n\n");
}

QString MarkdownReportWriter::rows(const ReportFacts &facts, const TableReconciliation &t)
{
    QString md;
    for (const auto &[title, refs, total] :
         {std::tuple{QStringLiteral("Missing rows"), &t.missingSamples, t.missing},
          std::tuple{QStringLiteral("Extra rows"), &t.extraSamples, t.extra}}) {
        md += heading(3, QStringLiteral("%1 (%2)").arg(title, n(total)));
        if (refs->isEmpty()) {
            md += none(QStringLiteral("None."));
            continue;
        }
        QList<QStringList> rows;
        for (const RowRef &r : *refs)
            rows.append({code(r.targetKey), code(r.sourceKey)});
        if (refs->size() < total)
            md += QStringLiteral("The first %1 of %2 rows.\n\n").arg(refs->size()).arg(n(total));
        md += table({QStringLiteral("Target key"), QStringLiteral("Source key")}, rows);
    }
    md += heading(3, QStringLiteral("Modified rows (%1)").arg(n(t.modified)));
    if (t.modifiedSamples.isEmpty())
        return md + none(QStringLiteral("None."));
    QList<QStringList> rows;
    for (const ModifiedRow &m : t.modifiedSamples)
        for (qsizetype i = 0; i < m.columns.size(); ++i) {
            const QString column = m.columns.at(i);
            rows.append({i == 0 ? code(m.row.targetKey) : QString(),
                         i == 0 ? code(m.row.sourceKey) : QString(), escape(column),
                         shownOrEmpty(facts.shown(t, column, m.expected.value(i))),
                         shownOrEmpty(facts.shown(t, column, m.actual.value(i)))});
        }
    if (t.modifiedSamples.size() < t.modified)
        md += QStringLiteral("The first %1 of %2 rows.\n\n")
                  .arg(t.modifiedSamples.size())
                  .arg(n(t.modified));
    return md + table({QStringLiteral("Target key"), QStringLiteral("Source key"),
                       QStringLiteral("Column"), QStringLiteral("Expected (before)"),
                       QStringLiteral("Actual (after)")},
                      rows);
}

QString MarkdownReportWriter::findings(const ReportFacts &facts, const TableReconciliation &t)
{
    QList<QStringList> rows;
    for (const DuplicateFinding &d : t.duplicates)
        rows.append(
            {escape(d.columns), n(d.rows), codes(facts.shownSamples(t, d.columns, d.samples))});
    QString md = heading(3, QStringLiteral("Duplicates"));
    md +=
        rows.isEmpty()
            ? none(QStringLiteral("No duplicate keys or unique values."))
            : table({QStringLiteral("Columns"), QStringLiteral("Rows#"), QStringLiteral("Values")},
                    rows);
    rows.clear();
    for (const OrphanFinding &o : t.orphans)
        rows.append({escape(o.columns),
                     escape(QStringLiteral("%1(%2)").arg(o.parentTable, o.parentColumns)),
                     n(o.rows), codes(facts.shownSamples(t, o.columns, o.samples))});
    md += heading(3, QStringLiteral("Orphaned references"));
    md += rows.isEmpty() ? none(QStringLiteral("Every foreign key finds its parent row."))
                         : table({QStringLiteral("Columns"), QStringLiteral("References"),
                                  QStringLiteral("Rows#"), QStringLiteral("Values")},
                                 rows);
    rows.clear();
    for (const RuleFinding &r : t.ruleViolations)
        rows.append({escape(r.rule), escape(r.column), n(r.rows),
                     codes(facts.shownSamples(t, r.column, r.samples))});
    md += heading(3, QStringLiteral("Rule violations (invalid data)"));
    md += rows.isEmpty() ? none(QStringLiteral("No target row breaks a blocking rule."))
                         : table({QStringLiteral("Rule"), QStringLiteral("Column"),
                                  QStringLiteral("Rows#"), QStringLiteral("Values")},
                                 rows);
    return md;
}

QString MarkdownReportWriter::sample(const ReportFacts &facts, const TableReconciliation &t)
{
    QString md = heading(3, QStringLiteral("Random sample"));
    if (t.sample.isEmpty())
        return md + none(QStringLiteral("No rows sampled."));
    md += QStringLiteral("%1 rows picked at random with seed %2 and compared field by field.\n\n")
              .arg(t.sample.size())
              .arg(facts.report().settings.seed);
    QList<QStringList> rows;
    for (const SampleRow &s : t.sample) {
        QStringList differences;
        for (qsizetype i = 0; i < s.columns.size(); ++i)
            if (!s.equal.value(i, true))
                differences.append(
                    QStringLiteral("%1: %2 \u2192 %3")
                        .arg(escape(s.columns.at(i)),
                             shownOrEmpty(facts.shown(t, s.columns.at(i), s.expected.value(i))),
                             shownOrEmpty(facts.shown(t, s.columns.at(i), s.actual.value(i)))));
        QString text = differences.join(QStringLiteral("; "));
        if (s.outcome == QLatin1String("missing"))
            text = QStringLiteral("not in the target");
        else if (text.isEmpty())
            text = QStringLiteral("all %1 columns equal").arg(s.columns.size());
        rows.append({code(s.row.targetKey), code(s.row.sourceKey), escape(s.outcome), text});
    }
    return md + table({QStringLiteral("Target key"), QStringLiteral("Source key"),
                       QStringLiteral("Outcome"), QStringLiteral("Differences")},
                      rows);
}

} // namespace cutover
