#pragma once

#include "run/ledger/RunRecord.h"

#include <QAbstractTableModel>

namespace cutover {

// The row ledger of one run, a row per table: its status, source rows, loaded, quarantined,
// skipped, seconds, rows per second, and whether the ledger balances (source = loaded +
// quarantined + skipped for a finished table; read = loaded + quarantined for one that stopped).
// The run monitor shows it when a run ends, the run history for the run chosen.
class RunTablesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TableColumn,
        StatusColumn,
        SourceColumn,
        LoadedColumn,
        QuarantinedColumn,
        SkippedColumn,
        SecondsColumn,
        SpeedColumn,
        LedgerColumn,
        ColumnCount
    };
    enum Role
    {
        BalancesRole = Qt::UserRole + 1, // bool
        StatusRole,                      // int of RunStatus
        TableNameRole,
        SortRole, // numbers as numbers, for a QSortFilterProxyModel
    };

    explicit RunTablesModel(QObject *parent = nullptr);

    void setRun(const RunRecord &run);
    void clear();
    const RunRecord &run() const { return m_run; }
    // Whether every table's ledger balances (true for a run without tables).
    bool balances() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The table's time in seconds (RunTableRecord::seconds), 0 when unknown.
    static double seconds(const RunTableRecord &table);
    static double rowsPerSecond(const RunTableRecord &table);

private:
    QVariant display(const RunTableRecord &table, int column) const;
    QVariant sortValue(const RunTableRecord &table, int column) const;

    RunRecord m_run;
};

} // namespace cutover
