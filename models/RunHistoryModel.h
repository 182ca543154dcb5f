#pragma once

#include "run/ledger/RunRecord.h"

#include <QAbstractTableModel>

namespace cutover {

// The project's runs, newest first, one row each: id, start, duration, mode, phase, status,
// mapping version, rows read, loaded and quarantined, tables (ProjectHistory reads them). A
// newer read with the same runs updates the rows in place, so the selection stays.
class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RunColumn,
        StartedColumn,
        DurationColumn,
        ModeColumn,
        PhaseColumn,
        StatusColumn,
        VersionColumn,
        ReadColumn,
        LoadedColumn,
        QuarantinedColumn,
        TablesColumn,
        ColumnCount
    };
    enum Role
    {
        RunIdRole = Qt::UserRole + 1,
        StatusRole, // int of RunStatus
        SortRole,   // numbers and times as such
    };

    explicit RunHistoryModel(QObject *parent = nullptr);

    void setRuns(const QList<RunRecord> &runs);
    const QList<RunRecord> &runs() const { return m_runs; }
    // The row of a run, -1 when it is not listed.
    int rowOf(const QString &runId) const;
    const RunRecord *run(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "run", "dry run", "incremental", "retry".
    static QString modeText(const RunRecord &run);

private:
    QVariant display(const RunRecord &run, int column) const;
    QVariant sortValue(const RunRecord &run, int column) const;
    bool sameRuns(const QList<RunRecord> &runs) const;

    QList<RunRecord> m_runs;
};

} // namespace cutover
