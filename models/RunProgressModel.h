#pragma once

#include "run/RunProgress.h"

#include <QAbstractTableModel>

namespace cutover {

// A running run's tables for the run monitor, one row each: stage, rows read of the source's
// count, written, quarantined, rows per second and time left, from RunController's progress
// events. An event for the same tables updates the cells in place (the view keeps its selection
// and scroll); a different set of tables resets the model.
class RunProgressModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TableColumn,
        StageColumn,
        ProgressColumn,
        WrittenColumn,
        QuarantinedColumn,
        SpeedColumn,
        EtaColumn,
        ColumnCount
    };
    enum Role
    {
        StageRole = Qt::UserRole + 1, // int of TableProgress::Stage
        PercentRole,                  // 0..100 of the rows read; -1 while not counted
        TableNameRole,
    };

    explicit RunProgressModel(QObject *parent = nullptr);

    void setProgress(const RunProgress &progress);
    void clear();
    const RunProgress &progress() const { return m_progress; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "1 h 02 min", "3 min 20 s", "45 s"; empty when unknown (negative).
    static QString durationText(qint64 seconds);
    static int percent(const TableProgress &table);

private:
    QVariant display(const TableProgress &table, int column) const;
    bool sameTables(const RunProgress &progress) const;

    RunProgress m_progress;
};

} // namespace cutover
