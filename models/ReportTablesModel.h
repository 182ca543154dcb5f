#pragma once

#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QAbstractTableModel>

namespace cutover {

// The overview of a reconciliation report: a row per table with its verdict (word, icon shape
// and tint: Pass, Needs review, Fail), its counts, and, when the report is compared with an
// earlier one, what changed since then ("missing +3, was Pass"). Counts that are findings
// (missing, extra, modified, duplicates, orphans, invalid) are marked when not zero.
class ReportTablesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StatusColumn,
        TableColumn,
        ExpectedColumn,
        TargetColumn,
        MatchedColumn,
        MissingColumn,
        ExtraColumn,
        ModifiedColumn,
        QuarantinedColumn,
        DuplicatesColumn,
        OrphansColumn,
        InvalidColumn,
        ChangeColumn, // only while compared with an earlier report
        ColumnCount
    };
    enum Role
    {
        StatusRole = Qt::UserRole + 1, // the table's ReconcileStatus, as int
        TableNameRole,
        CountRole, // a count column's figure, as qint64
    };

    explicit ReportTablesModel(QObject *parent = nullptr);

    void setReport(const ReconcileReport &report,
                   const ReportComparison &comparison = ReportComparison());
    void clear();
    // The row of a table, -1 when the report has none of that name.
    int rowOf(const QString &table) const;
    QString tableAt(int row) const;
    // The first table with the worst status (the one to look at first), -1 without tables.
    int worstRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static qint64 count(const TableReconciliation &t, int column);
    static bool isFinding(int column);
    QVariant display(const TableReconciliation &t, int row, int column) const;
    QString toolTip(const TableReconciliation &t, int column) const;

    QList<TableReconciliation> m_tables;
    QList<std::optional<ReportComparison::TableChange>> m_changes;
    bool m_compared = false;
};

} // namespace cutover
