#pragma once

#include "runbook/RunbookDocument.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace cutover {

// The top of the runbook view: the plan in one line (strategy, window, planned length), the
// execution under way or the last one, the RAG status with its reasons and the forecast end
// against the window, the go / no-go decision once made, and the buttons that start a rehearsal
// or the live cutover and end it.
class RunbookHeader : public QWidget
{
    Q_OBJECT

public:
    explicit RunbookHeader(QWidget *parent = nullptr);

    void setDocument(const RunbookDocument *document);

    QLabel *planLine() const { return m_plan; }
    QLabel *executionLine() const { return m_execution; }
    QLabel *ragBadge() const { return m_rag; }
    QLabel *decisionLine() const { return m_decision; }
    QPushButton *startRehearsalButton() const { return m_startRehearsal; }
    QPushButton *startLiveButton() const { return m_startLive; }
    QPushButton *endButton() const { return m_end; }

Q_SIGNALS:
    void startRequested(cutover::RunbookExecution::Mode mode);
    void endRequested();

private:
    void confirmLive();
    void confirmEnd();
    static QString planText(const RunbookDocument &d);
    static QString executionText(const RunbookDocument &d);
    static QString scheduleText(const RunbookDocument &d);
    static QString decisionText(const RunbookDocument &d);
    void showRag(const RunbookDocument &d);

    QLabel *m_plan = nullptr;
    QLabel *m_execution = nullptr;
    QLabel *m_schedule = nullptr;
    QLabel *m_rag = nullptr;
    QLabel *m_decision = nullptr;
    QPushButton *m_startRehearsal = nullptr;
    QPushButton *m_startLive = nullptr;
    QPushButton *m_end = nullptr;
    bool m_live = false;
};

} // namespace cutover
