#include "ReportComparisonModel.h"

#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QFont>
#include <QLocale>

namespace cutover {

namespace {

using Figure = ReportComparison::Figure;

// "missing 17", a sampled difference as the comparison names it.
QStringList sampledRows(const TableReconciliation *t)
{
    QStringList rows;
    if (!t)
        return rows;
    for (const RowRef &r : t->missingSamples)
        rows << ReportComparisonModel::tr("missing %1").arg(r.targetKey);
    for (const RowRef &r : t->extraSamples)
        rows << ReportComparisonModel::tr("extra %1").arg(r.targetKey);
    for (const ModifiedRow &m : t->modifiedSamples)
        rows << ReportComparisonModel::tr("modified %1").arg(m.row.targetKey);
    return rows;
}

qint64 findingRows(const TableReconciliation *t)
{
    return t ? ReportFacts::duplicates(*t) + t->orphanRows() + t->invalidRows() : 0;
}

qint64 positive(qint64 n)
{
    return n > 0 ? n : 0;
}

} // namespace

ReportComparisonModel::ReportComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QStringList ReportComparisonModel::rowsOnlyIn(const TableReconciliation *in,
                                              const TableReconciliation *notIn)
{
    const QStringList others = sampledRows(notIn);
    QStringList rows;
    for (const QString &row : sampledRows(in))
        if (!others.contains(row))
            rows << row;
    return rows;
}

ReportComparisonModel::Row ReportComparisonModel::compare(const TableReconciliation *now,
                                                          const TableReconciliation *was)
{
    Row row;
    row.table = now ? now->table : was->table;
    if (now)
        row.now = now->status;
    if (was)
        row.was = was->status;
    const auto field = [](const TableReconciliation *t, qint64 TableReconciliation::*f) {
        return t ? t->*f : 0;
    };
    row.change.missing = {field(now, &TableReconciliation::missing),
                          field(was, &TableReconciliation::missing)};
    row.change.extra = {field(now, &TableReconciliation::extra),
                        field(was, &TableReconciliation::extra)};
    row.change.modified = {field(now, &TableReconciliation::modified),
                           field(was, &TableReconciliation::modified)};
    row.change.quarantined = {field(now, &TableReconciliation::quarantined),
                              field(was, &TableReconciliation::quarantined)};
    row.findings = {findingRows(now), findingRows(was)};
    for (const Figure &f :
         {row.change.missing, row.change.extra, row.change.modified, row.findings}) {
        row.added += positive(f.change());
        row.resolved += positive(-f.change());
    }
    row.addedRows = rowsOnlyIn(now, was);
    row.resolvedRows = rowsOnlyIn(was, now);
    return row;
}

void ReportComparisonModel::setReports(const ReconcileReport &current,
                                       const ReportComparison &comparison)
{
    beginResetModel();
    m_rows.clear();
    m_hasPrevious = comparison.hasPrevious();
    m_previousAt = {};
    if (const ReconcileReport *previous = comparison.previous()) {
        m_previousAt = previous->createdAt;
        for (const TableReconciliation &t : current.tables)
            m_rows.append(compare(&t, previous->table(t.table)));
        for (const TableReconciliation &t : previous->tables)
            if (!current.table(t.table))
                m_rows.append(compare(nullptr, &t));
    }
    endResetModel();
}

void ReportComparisonModel::clear()
{
    setReports(ReconcileReport(), ReportComparison());
}

int ReportComparisonModel::rowOf(const QString &table) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).table == table)
            return row;
    return -1;
}

QString ReportComparisonModel::summary() const
{
    if (!m_hasPrevious)
        return tr("No earlier report to compare with.");
    qint64 added = 0;
    qint64 resolved = 0;
    for (const Row &row : m_rows) {
        added += row.added;
        resolved += row.resolved;
    }
    return tr("%1 new and %2 resolved differences since the report of %3")
        .arg(ReportFacts::count(added), ReportFacts::count(resolved),
             ReportFacts::when(m_previousAt));
}

int ReportComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReportComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReportComparisonModel::figure(const Figure &figure)
{
    const QString now = QLocale().toString(figure.now);
    if (figure.change() == 0)
        return now;
    return QStringLiteral("%1 (%2)").arg(now, ReportComparison::signedChange(figure.change()));
}

QString ReportComparisonModel::text(const Row &row, int column) const
{
    switch (column) {
    case TableColumn:
        return row.table;
    case NowColumn:
        return row.now ? reconcileStatusTitle(*row.now) : tr("not in this report");
    case WasColumn:
        return row.was ? reconcileStatusTitle(*row.was) : tr("new table");
    case MissingColumn:
        return figure(row.change.missing);
    case ExtraColumn:
        return figure(row.change.extra);
    case ModifiedColumn:
        return figure(row.change.modified);
    case QuarantinedColumn:
        return figure(row.change.quarantined);
    case FindingsColumn:
        return figure(row.findings);
    case NewColumn:
        return row.added > 0 ? QStringLiteral("\u25b2 %1").arg(QLocale().toString(row.added))
                             : QStringLiteral("0");
    case ResolvedColumn:
        return row.resolved > 0 ? QStringLiteral("\u25bc %1").arg(QLocale().toString(row.resolved))
                                : QStringLiteral("0");
    case RowsColumn: {
        QStringList parts;
        if (!row.addedRows.isEmpty())
            parts << tr("new: %1").arg(row.addedRows.join(QStringLiteral(", ")));
        if (!row.resolvedRows.isEmpty())
            parts << tr("resolved: %1").arg(row.resolvedRows.join(QStringLiteral(", ")));
        return parts.join(QStringLiteral("; "));
    }
    default:
        return {};
    }
}

QVariant ReportComparisonModel::background(const Row &row, int column) const
{
    if (column == NowColumn && row.now)
        return ReportPalette::statusTint(*row.now);
    if (column == WasColumn && row.was)
        return ReportPalette::statusTint(*row.was);
    if (column == NewColumn && row.added > 0)
        return ReportPalette::newTint();
    if (column == ResolvedColumn && row.resolved > 0)
        return ReportPalette::resolvedTint();
    return {};
}

QVariant ReportComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case Qt::ToolTipRole:
        if (column == FindingsColumn)
            return tr("Target rows found duplicate, orphaned or invalid");
        if (column == NewColumn || column == ResolvedColumn || column == RowsColumn)
            return text(row, RowsColumn);
        return {};
    case Qt::BackgroundRole:
        return background(row, column);
    case Qt::DecorationRole:
        if (column == NowColumn && row.now)
            return ReportPalette::statusIcon(*row.now);
        if (column == WasColumn && row.was)
            return ReportPalette::statusIcon(*row.was);
        return {};
    case Qt::FontRole:
        if ((column == NewColumn && row.added > 0) ||
            (column == ResolvedColumn && row.resolved > 0)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column >= MissingColumn && column <= ResolvedColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case TableNameRole:
        return row.table;
    case NewRole:
        return row.added;
    case ResolvedRole:
        return row.resolved;
    case NewRowsRole:
        return row.addedRows;
    case ResolvedRowsRole:
        return row.resolvedRows;
    default:
        return {};
    }
}

QVariant ReportComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {
        QT_TR_NOOP("Table"),       QT_TR_NOOP("Now"),       QT_TR_NOOP("Earlier"),
        QT_TR_NOOP("Missing"),     QT_TR_NOOP("Extra"),     QT_TR_NOOP("Modified"),
        QT_TR_NOOP("Quarantined"), QT_TR_NOOP("Findings"),  QT_TR_NOOP("New"),
        QT_TR_NOOP("Resolved"),    QT_TR_NOOP("Rows named")};
    return tr(titles[section]);
}

} // namespace cutover
