#pragma once

#include "run/ledger/RunRecord.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace cutover {

// Two runs side by side, a row per table either ran: each one's seconds, rows per second and
// quarantined rows with the change from the earlier run to the later, and what changed in the
// mappings between them (RunSnapshot), so rehearsals can be compared before the cutover.
class RunComparisonModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TableColumn,
        SecondsA,
        SecondsB,
        SecondsChange,
        SpeedA,
        SpeedB,
        SpeedChange,
        QuarantinedA,
        QuarantinedB,
        QuarantinedChange,
        ColumnCount
    };
    enum Role
    {
        ChangeRole =
            Qt::UserRole + 1, // double: the relative change of a change column (0.1 = +10%)
    };

    explicit RunComparisonModel(QObject *parent = nullptr);

    // earlier and later are ordered by start whatever order they come in.
    void setRuns(const RunRecord &first, const RunRecord &second);
    const RunRecord &earlier() const { return m_earlier; }
    const RunRecord &later() const { return m_later; }
    // What changed in the mappings, lookups and rules between them, a line each.
    const QStringList &mappingChanges() const { return m_changes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "+12.5%", "-3.0%", "" when there is nothing to compare with.
    static QString percentChange(double before, double after);

private:
    QVariant display(const QString &table, int column) const;
    QStringList describeChanges() const;
    QVariant changeTint(const QModelIndex &index) const;

    RunRecord m_earlier;
    RunRecord m_later;
    QStringList m_tables;
    QStringList m_changes;
};

} // namespace cutover
