#pragma once

#include "run/ledger/RunRecord.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableView;

namespace cutover {

class RunComparisonModel;

// Two runs side by side: per table, each one's seconds, rows per second and quarantined rows with
// the change (worse amber, better green, and signed), and below, what changed in the mappings,
// lookups and rules between them.
class RunComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit RunComparisonView(QWidget *parent = nullptr);

    void setRuns(const RunRecord &first, const RunRecord &second);

    RunComparisonModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QListWidget *changes() const { return m_changes; }

private:
    RunComparisonModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QTableView *m_view = nullptr;
    QListWidget *m_changes = nullptr;
};

} // namespace cutover
