#pragma once

#include "project/Project.h"
#include "run/ledger/RunRecord.h"

#include <QWidget>

class QPushButton;
class QTableView;
class QToolButton;

namespace cutover {

class PasswordProvider;
class ElidedLabel;
class QuarantineExporter;
class QuarantineFilterBar;
class QuarantineModel;
class QuarantineRowDetails;

// The quarantine browser: the rows the project's runs rejected, read from the target's run
// ledger a page at a time (QuarantineModel), so a million rows open at once.
//
//   QuarantineBrowser browser(passwords);     // passwords: the window's PasswordProvider
//   browser.setProject(document.project());   // on open, and when the project is replaced
//   browser.refresh();                        // after a run ends or a retry loads rows
//   browser.showRun(record.runId);            // e.g. to open a finished run's rejected rows
//
// Above, the filters (run or all runs, table, kind of reason, column, free text); in the
// middle, the rows, sorted on the database by a click on a column's header (the header shows
// the order; a third click goes back to the ledger's order); beside them, the chosen row's
// every reason and its raw source values. Below: "Open mapping" (or double-click a row or a
// reason) emits mappingJumpRequested, "Retry table" emits retryRequested for the chosen row's
// table, and "Export" writes the filtered rows to CSV or JSON exactly as `cutover-cli
// quarantine --export` does, on a worker thread (QuarantineExporter). The browser reads and
// writes the ledger only off the GUI thread; it starts no run itself.
class QuarantineBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit QuarantineBrowser(const PasswordProvider *passwords = nullptr,
                               QWidget *parent = nullptr);
    ~QuarantineBrowser() override;

    // Reads this project's runs and quarantine (again), keeping the filters that still apply.
    void setProject(const Project &project);
    void refresh();
    // Shows only this run's rows (empty: every run's).
    void showRun(const QString &runId);
    // Starts writing the filtered rows to file (CSV, or JSON for *.json); false while another
    // export runs. exportFinished or exportFailed tells how it ended.
    bool exportTo(const QString &file);

    QuarantineModel *model() const { return m_model; }
    QuarantineFilterBar *filterBar() const { return m_filters; }
    QTableView *rowsView() const { return m_rows; }
    QuarantineRowDetails *details() const { return m_details; }
    QPushButton *jumpButton() const { return m_jump; }
    QPushButton *retryButton() const { return m_retry; }
    QToolButton *exportButton() const { return m_export; }
    QString statusText() const;

Q_SIGNALS:
    // Open the transform editor on the mapping that loads targetTable from sourceTable (empty
    // for a mapping over a query), at targetColumn (empty for a row rule or the target's refusal
    // of the whole row), with the preview filtered to the row's source key: a compact JSON
    // array of the key's values as the ledger keeps it ("[42]", "[\"A-7\",3]"; SourceKey::
    // fromJson reads it), or "#<n>" for the n-th row of a source without a key.
    void mappingJumpRequested(const QString &sourceTable, const QString &targetTable,
                              const QString &targetColumn, const QString &sourceKey);
    // Retry the quarantined rows of this target table: a run with
    // RunOptions{retryQuarantined = true, tables = {targetTable}}.
    void retryRequested(const QString &targetTable);
    void exportFinished(const QString &file, qint64 rows);
    void exportFailed(const QString &file, const QString &message);

private:
    void buildLayout();
    void readRuns();
    void applyFilter();
    void showCurrent();
    void updateStatus();
    void requestJump(const QString &column);
    void requestRetry();
    void chooseExportFile(const QString &suffix);
    int currentRow() const;

    const PasswordProvider *m_passwords;
    Project m_project;
    bool m_hasProject = false;
    quint64 m_runsGeneration = 0;
    QuarantineModel *m_model;
    QuarantineExporter *m_exporter;
    QuarantineFilterBar *m_filters;
    QTableView *m_rows;
    QuarantineRowDetails *m_details;
    ElidedLabel *m_status;
    QPushButton *m_jump;
    QPushButton *m_retry;
    QToolButton *m_export;
    QString m_exportText;
};

} // namespace cutover
