#pragma once

#include "reconcile/ReconcileReport.h"

#include <QAbstractTableModel>

namespace cutover {

// The columns of one table of a reconciliation report: how each was compared (its target type,
// the comparison rule, the rows that differed there) and its profile on both sides, expected
// (the source through the mapping) beside target: nulls, distinct values, and the range from
// min to max (a date range for dates). A target figure that differs from the expected one is
// marked with a sign, a tint and bold type; both are compared on the raw values, and the range
// of a sensitive column stays masked in a masked report.
class ReportProfilesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ColumnColumn,
        TypeColumn,
        RuleColumn,
        DifferingColumn,
        NullsExpectedColumn,
        NullsTargetColumn,
        DistinctExpectedColumn,
        DistinctTargetColumn,
        RangeExpectedColumn, // "min … max"
        RangeTargetColumn,
        ColumnCount
    };
    enum Role
    {
        ColumnNameRole = Qt::UserRole + 1,
        DifferingRole, // bool: a figure that differs between the sides (on both of its cells)
        MaskedRole,    // bool: a sensitive column's range, masked
    };

    explicit ReportProfilesModel(QObject *parent = nullptr);

    void setTable(const ReconcileReport &report, const QString &table);
    void clear();
    int rowOf(const QString &column) const;
    // How many columns have a figure that differs between the sides.
    int differingColumns() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString column;
        ColumnComparisonSummary comparison;
        bool compared = false;
        ColumnProfile expected;
        ColumnProfile target;
        bool profiled = false;
        bool rangeDiffers = false; // on the raw values, before masking
        bool masked = false;
        bool temporal() const { return expected.temporal || target.temporal; }
    };

    static bool differs(const Row &row, int column);
    static bool isNumber(int column);
    QString text(const Row &row, int column) const;
    static QString value(const Row &row, int column);
    static QString range(const ColumnProfile &profile);

    QList<Row> m_rows;
};

} // namespace cutover
