#pragma once

#include "reconcile/ReconcileReport.h"

#include <QAbstractItemModel>

namespace cutover {

// The rows of one table of a reconciliation report, as a tree: a top-level item per row (its
// kind, target key and source key), and under it the row's columns with the expected value (the
// source through the mapping: before) and the actual one (the target: after), the columns that
// differ marked by a sign, a tint and bold type.
//  - Differences: the missing, extra and modified rows the report samples. A modified row shows
//    every compared column when the random sample holds it too, else its differing columns; a
//    missing row shows the values it should have had when the sample holds it.
//  - Sample: the seeded random sample, compared field by field (matched, modified or missing).
// Values of sensitive columns stay masked in a masked report: the engine masks them, and what
// the exports mask (ReportFacts::shown) is masked here too.
class ReportRowsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Content
    {
        Differences,
        Sample
    };
    enum class Kind
    {
        Missing,
        Extra,
        Modified,
        Matched
    };
    enum Column
    {
        KindColumn,
        TargetKeyColumn,
        SourceKeyColumn,
        ColumnColumn,
        ExpectedColumn,
        ActualColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind as int, on a row and its columns
        TargetKeyRole,
        ColumnNameRole,       // a column item's column
        DifferingRole,        // bool: a column item whose values differ
        MaskedRole,           // bool: a column item of a sensitive column, masked
        SourceKeyRole,        // the row's source key (the ledger's JSON; empty when unknown)
        DifferingColumnsRole, // QStringList: a row's differing columns, in the table's order
    };

    explicit ReportRowsModel(Content content, QObject *parent = nullptr);

    Content content() const { return m_content; }
    void setTable(const ReconcileReport &report, const QString &table);
    void clear();
    QString table() const { return m_table; }

    // The top-level row of a kind of row with that target key, -1 when none is listed.
    int rowOf(Kind kind, const QString &targetKey) const;
    // The first top-level row of a kind, -1 when none.
    int firstRow(Kind kind) const;
    int rowsOf(Kind kind) const;
    // The rows of a kind the report found, of which it lists rowsOf(kind).
    qint64 found(Kind kind) const { return m_found.value(kind); }
    // What is listed against what was found: "3 missing, 1 extra, first 20 of 45 modified".
    QString summary() const;
    static QString kindLabel(Kind kind);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        QString column;
        QString expected;
        QString actual;
        bool differs = false;
        bool masked = false;
        bool absent = false; // no target value: the row is not in the target
    };
    struct Entry
    {
        Kind kind = Kind::Matched;
        RowRef row;
        QList<Cell> cells;
    };

    void addDifferences(const ReconcileReport &report, const TableReconciliation &t);
    void addSample(const ReconcileReport &report, const TableReconciliation &t);
    static QList<Cell> sampleCells(const ReconcileReport &report, const TableReconciliation &t,
                                   const SampleRow &row, const QStringList &differing = {});
    static QList<Cell> modifiedCells(const ReconcileReport &report, const TableReconciliation &t,
                                     const ModifiedRow &row);
    QVariant entryData(const Entry &entry, int column, int role) const;
    QVariant cellData(const Entry &entry, const Cell &cell, int column, int role) const;
    static QString entryColumns(const Entry &entry);
    static QStringList differingColumns(const Entry &entry);

    Content m_content;
    QString m_table;
    QList<Entry> m_entries;
    QMap<Kind, qint64> m_found; // the counts of the report, against the rows listed
};

} // namespace cutover
