#pragma once

#include <QWidget>
#include <utility>

class QLabel;
class QProgressBar;

namespace cutover {

struct RunbookDocument;

// The top of the presentation: the project and the execution under way, how many steps are
// done (a bar), the schedule's RAG status, the forecast end against the window, the newest
// reconciliation report's verdict and, while the window's run monitor runs, the run's progress.
class PresentationHeader : public QWidget
{
    Q_OBJECT

public:
    explicit PresentationHeader(QWidget *parent = nullptr);

    void setDocument(const RunbookDocument &document);
    void setRunProgress(const QString &text, double fraction);
    void clearRunProgress();

    // What the header says, line by line, for tests and screen readers.
    QStringList texts() const;

    // Steps done or skipped, and all steps, contingencies (rollback) left out.
    static std::pair<int, int> progress(const RunbookDocument &document);
    // "Reconciliation ✓ Pass · 22:10", or why there is none.
    static QString reconciliation(const RunbookDocument &document);

private:
    void setSchedule(const RunbookDocument &document);

    QLabel *m_project = nullptr;
    QLabel *m_execution = nullptr;
    QLabel *m_rag = nullptr;
    QProgressBar *m_steps = nullptr;
    QLabel *m_forecast = nullptr;
    QLabel *m_report = nullptr;
    QLabel *m_run = nullptr;
    QProgressBar *m_runBar = nullptr;
};

} // namespace cutover
