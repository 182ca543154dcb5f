#include "ReportFindingsModel.h"

#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QLocale>

namespace cutover {

ReportFindingsModel::ReportFindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportFindingsModel::setTable(const ReconcileReport &report, const QString &table)
{
    beginResetModel();
    m_findings.clear();
    if (const TableReconciliation *t = report.table(table)) {
        const ReportFacts facts(report);
        const auto add = [&](Kind kind, const QString &columns, const QString &detail, qint64 rows,
                             const QStringList &samples) {
            m_findings.append({kind, columns, detail, rows,
                               facts.shownSamples(*t, columns, samples),
                               report.masked && facts.sensitive(*t, columns)});
        };
        for (const DuplicateFinding &d : t->duplicates)
            add(Kind::Duplicate, d.columns, tr("should be unique"), d.rows, d.samples);
        for (const OrphanFinding &o : t->orphans)
            add(Kind::Orphan, o.columns,
                tr("references %1(%2)").arg(o.parentTable, o.parentColumns), o.rows, o.samples);
        for (const RuleFinding &r : t->ruleViolations)
            add(Kind::RuleViolation, r.column, tr("breaks rule %1").arg(r.rule), r.rows, r.samples);
    }
    endResetModel();
}

void ReportFindingsModel::clear()
{
    setTable(ReconcileReport(), QString());
}

int ReportFindingsModel::rowsOf(Kind kind) const
{
    return int(std::count_if(m_findings.cbegin(), m_findings.cend(),
                             [kind](const Finding &f) { return f.kind == kind && f.rows > 0; }));
}

int ReportFindingsModel::found() const
{
    return int(std::count_if(m_findings.cbegin(), m_findings.cend(),
                             [](const Finding &f) { return f.rows > 0; }));
}

QString ReportFindingsModel::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Duplicate:
        return tr("Duplicate");
    case Kind::Orphan:
        return tr("Orphaned reference");
    case Kind::RuleViolation:
        return tr("Rule violation");
    }
    return {};
}

int ReportFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int ReportFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReportFindingsModel::text(const Finding &finding, int column) const
{
    switch (column) {
    case KindColumn:
        return kindLabel(finding.kind);
    case ColumnsColumn:
        return finding.columns;
    case DetailColumn:
        return finding.detail;
    case RowsColumn:
        return QLocale().toString(finding.rows);
    case ValuesColumn:
        return finding.values.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QVariant ReportFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &finding = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(finding, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ValuesColumn && finding.masked)
            return tr("%1 is sensitive: its values stay masked").arg(finding.columns);
        if (finding.rows == 0)
            return tr("Checked: no row found");
        return index.column() == ValuesColumn ? finding.values.join(QLatin1Char('\n')) : QString();
    case Qt::DecorationRole:
        if (index.column() != KindColumn)
            return {};
        return ReportPalette::statusIcon(finding.rows > 0 ? ReconcileStatus::NeedsReview
                                                          : ReconcileStatus::Pass);
    case Qt::ForegroundRole:
        return finding.rows > 0 ? QVariant() : QVariant(ReportPalette::absentColour());
    case Qt::TextAlignmentRole:
        return index.column() == RowsColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                            : QVariant();
    case KindRole:
        return int(finding.kind);
    case RowsRole:
        return finding.rows;
    case MaskedRole:
        return finding.masked;
    default:
        return {};
    }
}

QVariant ReportFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {QT_TR_NOOP("Finding"), QT_TR_NOOP("Columns"),
                                         QT_TR_NOOP("What"), QT_TR_NOOP("Rows"),
                                         QT_TR_NOOP("Sample values")};
    return tr(titles[section]);
}

} // namespace cutover
