#pragma once

#include "reconcile/ReconcileReport.h"

#include <QAbstractTableModel>

namespace cutover {

// What reconciliation found in one target table besides missing, extra and modified rows:
// duplicates (rows sharing the target key or a unique constraint), orphaned references (a
// foreign key without its parent row) and rule violations (rows breaking a blocking rule), a row
// each with the rows affected and sample values, masked for a sensitive column of a masked
// report. A check that found no row (a foreign key whose rows all find their parent) is listed
// as passed, in grey, and not counted by found().
class ReportFindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Duplicate,
        Orphan,
        RuleViolation
    };
    enum Column
    {
        KindColumn,
        ColumnsColumn,
        DetailColumn, // the parent table for an orphan, the rule for a violation
        RowsColumn,
        ValuesColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind as int
        RowsRole,                    // qint64
        MaskedRole,                  // bool: the values are masked
    };

    explicit ReportFindingsModel(QObject *parent = nullptr);

    void setTable(const ReconcileReport &report, const QString &table);
    void clear();
    // Findings of a kind with rows, and of any kind.
    int rowsOf(Kind kind) const;
    int found() const;
    static QString kindLabel(Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Finding
    {
        Kind kind = Kind::Duplicate;
        QString columns;
        QString detail;
        qint64 rows = 0;
        QStringList values;
        bool masked = false;
    };

    QString text(const Finding &finding, int column) const;

    QList<Finding> m_findings;
};

} // namespace cutover
