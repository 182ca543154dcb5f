#pragma once

#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QAbstractTableModel>

namespace cutover {

// A reconciliation report beside an earlier one (ReportComparison), a row per table of either:
// the status then and now, the missing, extra, modified and quarantined rows now with their
// change, and the differences that are new since the earlier report and the ones resolved
// (counted from the figures; the rows named are those the two reports sample). Differences are
// missing, extra and modified rows, and target rows found duplicate, orphaned or invalid. A table
// in only one of the reports says so.
class ReportComparisonModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TableColumn,
        NowColumn,
        WasColumn,
        MissingColumn,
        ExtraColumn,
        ModifiedColumn,
        QuarantinedColumn,
        FindingsColumn, // duplicates, orphaned references and invalid rows
        NewColumn,
        ResolvedColumn,
        RowsColumn, // the rows named: "new: missing 17; resolved: extra 9001"
        ColumnCount
    };
    enum Role
    {
        TableNameRole = Qt::UserRole + 1,
        NewRole,          // qint64: new differences (missing, extra, modified) since then
        ResolvedRole,     // qint64: differences resolved since then
        NewRowsRole,      // QStringList: "missing 17", "modified 42", from the samples
        ResolvedRowsRole, // QStringList
    };

    explicit ReportComparisonModel(QObject *parent = nullptr);

    // Nothing to show without an earlier report.
    void setReports(const ReconcileReport &current, const ReportComparison &comparison);
    void clear();
    bool hasPrevious() const { return m_hasPrevious; }
    int rowOf(const QString &table) const;
    // "3 new and 1 resolved difference since the report of 2024-05-01 12:00:00 UTC".
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString table;
        std::optional<ReconcileStatus> now; // none: only in the earlier report
        std::optional<ReconcileStatus> was; // none: only in this report
        ReportComparison::TableChange change;
        ReportComparison::Figure findings;
        qint64 added = 0;
        qint64 resolved = 0;
        QStringList addedRows;
        QStringList resolvedRows;
    };

    static Row compare(const TableReconciliation *now, const TableReconciliation *was);
    static QStringList rowsOnlyIn(const TableReconciliation *in, const TableReconciliation *notIn);
    static QString figure(const ReportComparison::Figure &figure);
    QString text(const Row &row, int column) const;
    QVariant background(const Row &row, int column) const;

    QList<Row> m_rows;
    bool m_hasPrevious = false;
    QDateTime m_previousAt;
};

} // namespace cutover
