#pragma once

#include "project/Project.h"
#include "run/RunOptions.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace cutover {

// The options of `cutover-cli run` that the run monitor's start bar does not show: which tables,
// a fresh start, the target's preparation (drop indexes, defer foreign keys, backup, tables to
// create from a schema), batch size, parallel tables, SQLite commit size, and this run's own
// limits on quarantined rows. Mode and phase stay in the start bar.
class RunOptionsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RunOptionsDialog(const Project &project, QWidget *parent = nullptr);

    void setOptions(const RunOptions &options);
    // The options as set, with mode, phase and retryQuarantined left as they were given.
    RunOptions options() const;

    QListWidget *tableList() const { return m_tables; }
    QCheckBox *freshBox() const { return m_fresh; }
    QSpinBox *batchSizeBox() const { return m_batchSize; }

private:
    QWidget *createTablesBox(const Project &project);
    QWidget *createTargetBox();
    QWidget *createSpeedBox(const Project &project);
    QWidget *createLimitsBox();

    RunOptions m_given;
    QListWidget *m_tables = nullptr;
    QCheckBox *m_fresh = nullptr;
    QCheckBox *m_dropIndexes = nullptr;
    QCheckBox *m_deferForeignKeys = nullptr;
    QCheckBox *m_backup = nullptr;
    QLineEdit *m_schemaFrom = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_parallel = nullptr;
    QSpinBox *m_commitRows = nullptr;
    QCheckBox *m_ownLimits = nullptr;
    QDoubleSpinBox *m_maxErrorRate = nullptr;
    QSpinBox *m_maxQuarantined = nullptr;
};

} // namespace cutover
