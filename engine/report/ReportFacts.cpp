#include "report/ReportFacts.h"

#include <QLocale>

namespace cutover {

ReportFacts::ReportFacts(const ReconcileReport &report)
    : m_report(report)
{}

ReportFacts::DateRange ReportFacts::dateRange(const QList<ColumnProfile> &profiles)
{
    DateRange range;
    for (const ColumnProfile &p : profiles) {
        if (!p.temporal)
            continue;
        // ISO 8601 text orders like the instants it names.
        if (!p.min.isEmpty() && (range.from.isEmpty() || p.min < range.from))
            range.from = p.min;
        if (!p.max.isEmpty() && (range.to.isEmpty() || p.max > range.to))
            range.to = p.max;
    }
    return range;
}

ReportFacts::DateRange ReportFacts::sourceDates() const
{
    QList<ColumnProfile> all;
    for (const TableReconciliation &t : m_report.tables)
        all += t.expectedProfiles;
    return dateRange(all);
}

ReportFacts::DateRange ReportFacts::targetDates() const
{
    QList<ColumnProfile> all;
    for (const TableReconciliation &t : m_report.tables)
        all += t.targetProfiles;
    return dateRange(all);
}

qint64 ReportFacts::duplicates(const TableReconciliation &table)
{
    return table.duplicateRows();
}

QList<ReportFacts::Quality> ReportFacts::quality(const TableReconciliation &table,
                                                 const ReconcileThresholds &thresholds)
{
    QList<Quality> checks = {
        {QStringLiteral("Null values"), table.targetNulls, table.expectedNulls, false},
        {QStringLiteral("Duplicates"), duplicates(table), thresholds.maxDuplicates},
        {QStringLiteral("Orphaned references"), table.orphanRows(), thresholds.maxOrphans},
        {QStringLiteral("Invalid data"), table.invalidRows(), thresholds.maxInvalid}};
    for (Quality &q : checks)
        q.ok = q.found <= q.acceptable;
    return checks;
}

// Found adds up over the tables; a threshold holds for each table, and the expected nulls add
// up like the found ones.
QList<ReportFacts::Quality> ReportFacts::quality() const
{
    QList<Quality> sum = quality(TableReconciliation(), m_report.settings.thresholds);
    for (const TableReconciliation &t : m_report.tables) {
        const QList<Quality> one = quality(t, m_report.settings.thresholds);
        for (qsizetype i = 0; i < sum.size(); ++i) {
            sum[i].found += one[i].found;
            if (!sum[i].threshold)
                sum[i].acceptable += one[i].acceptable;
            sum[i].ok = sum[i].ok && one[i].ok;
        }
    }
    for (Quality &q : sum)
        q.perTable = q.threshold && m_report.tables.size() > 1;
    return sum;
}

QString ReportFacts::bound(const Quality &quality)
{
    if (!quality.threshold)
        return quality.found == quality.acceptable
                   ? QString()
                   : QStringLiteral("expected: %1").arg(count(quality.acceptable));
    QString text = QStringLiteral("acceptable: %1").arg(count(quality.acceptable));
    if (quality.perTable && quality.acceptable > 0)
        text += QStringLiteral(" per table");
    return text;
}

bool ReportFacts::sensitive(const TableReconciliation &table, const QString &columns) const
{
    const QStringList names = columns.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const ColumnComparisonSummary &c : table.columns)
        if (c.sensitive)
            for (const QString &name : names)
                if (name.trimmed() == c.column)
                    return true;
    return false;
}

QString ReportFacts::shown(const TableReconciliation &table, const QString &column,
                           const QString &value) const
{
    if (!m_report.masked || value.isEmpty() || !sensitive(table, column))
        return value;
    return QString::fromUtf16(kMask);
}

QStringList ReportFacts::shownSamples(const TableReconciliation &table, const QString &columns,
                                      const QStringList &samples) const
{
    if (!m_report.masked || !sensitive(table, columns))
        return samples;
    return QStringList(samples.size(), QString::fromUtf16(kMask));
}

QString ReportFacts::count(qint64 n)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(n);
}

QString ReportFacts::when(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("unknown");
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString ReportFacts::duration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QString ReportFacts::scope(const ReconcileReport &report)
{
    if (report.phases.isEmpty())
        return QStringLiteral("the whole project");
    const QString loaded = QStringLiteral("%1 %2").arg(
        report.phases.size() == 1 ? QStringLiteral("phase") : QStringLiteral("phases"),
        report.phases.join(QStringLiteral(", ")));
    if (report.pendingPhases.isEmpty())
        return loaded;
    return QStringLiteral("%1 (%2 not loaded yet)")
        .arg(loaded, report.pendingPhases.join(QStringLiteral(", ")));
}

QString ReportFacts::ledgerEquation(const LedgerCheck &ledger)
{
    return QStringLiteral("%1 = %2 loaded + %3 quarantined + %4 skipped")
        .arg(count(ledger.sourceRows), count(ledger.loaded), count(ledger.quarantined),
             count(ledger.skipped));
}

const ColumnProfile *ReportFacts::profile(const QList<ColumnProfile> &profiles,
                                          const QString &column)
{
    for (const ColumnProfile &p : profiles)
        if (p.column == column)
            return &p;
    return nullptr;
}

std::pair<ColumnProfile, ColumnProfile> ReportFacts::profiles(const TableReconciliation &table,
                                                              const QString &column)
{
    const ColumnProfile *expected = profile(table.expectedProfiles, column);
    const ColumnProfile *target = profile(table.targetProfiles, column);
    return {expected ? *expected : ColumnProfile(), target ? *target : ColumnProfile()};
}

QStringList ReportFacts::overviewHeaders(bool sincePrevious)
{
    QStringList headers{
        QStringLiteral("Table"),        QStringLiteral("Status"),  QStringLiteral("Source#"),
        QStringLiteral("Expected#"),    QStringLiteral("Target#"), QStringLiteral("Matched#"),
        QStringLiteral("Missing#"),     QStringLiteral("Extra#"),  QStringLiteral("Modified#"),
        QStringLiteral("Quarantined#"), QStringLiteral("Skipped#")};
    if (sincePrevious)
        headers.append(QStringLiteral("Since previous report"));
    return headers;
}

QStringList ReportFacts::profiledColumns(const TableReconciliation &table)
{
    QStringList names;
    for (const QList<ColumnProfile> *side : {&table.expectedProfiles, &table.targetProfiles})
        for (const ColumnProfile &p : *side)
            if (!names.contains(p.column))
                names.append(p.column);
    return names;
}

} // namespace cutover
