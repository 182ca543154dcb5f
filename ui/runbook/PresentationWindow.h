#pragma once

#include "runbook/PresentationStyle.h"
#include "runbook/SignOffDialog.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QScreen;

namespace cutover {

class ElidedLabel;
class PresentationGatePanel;
class PresentationHeader;
class PresentationStepPage;
class RunbookSession;

// The runbook on the projector at the cutover meeting: full screen, large type, high contrast,
// one step at a time. The header carries the overall progress, the execution, the schedule's
// RAG, the newest reconciliation and the live run; the body the step (a go / no-go step with its
// conditions, sign-offs and decision buttons); the footer the keys and the steps either side.
// Right, Down, PageDown (a presenter remote) and Space go on; Left, Up, PageUp back; Home and
// End to the ends; Escape leaves. It follows the session: a step finished in the main window
// shows as done at once. Changes made here (sign-offs, the decision) go through the session and
// its answer, or refusal, is shown at the bottom.
class PresentationWindow : public QWidget
{
    Q_OBJECT

public:
    explicit PresentationWindow(RunbookSession &session, QWidget *parent = nullptr);

    // Shows the presentation full screen on another screen than mainWindow's when there are two
    // or more, starting on startStepId, else the step in progress, else the first not finished.
    void present(const QString &startStepId = {}, QWidget *mainWindow = nullptr);
    // The screen present() chooses.
    static QScreen *screenFor(const QWidget *mainWindow);

    QString currentStepId() const { return m_stepId; }
    PresentationHeader *header() const { return m_header; }
    PresentationStepPage *stepPage() const { return m_page; }
    PresentationGatePanel *gatePanel() const;
    QString messageText() const;
    // The sign-off dialog while it is open.
    SignOffDialog *signOffDialog() const { return m_signOffDialog; }

public Q_SLOTS:
    // The run monitor's progress, "Wave 1: 12,400 of 30,000 rows", 0..1.
    void setRunProgress(const QString &text, double fraction);
    void clearRunProgress();
    void showStep(const QString &id);
    void next();
    void back();
    void first();
    void last();

Q_SIGNALS:
    void closed();
    void currentStepChanged(const QString &id);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *makeFooter();
    // Sizes type and spacing for a window of this height.
    void restyle(int forHeight);
    void render();
    void renderNeighbours(qsizetype index);
    void moveBy(qsizetype delta);
    void showAt(qsizetype index);
    qsizetype indexOf(const QString &id) const;
    QString startStep(const QString &wanted) const;
    void showMessage(const QString &text, PresentationStyle::Tone tone);
    void askSignOff();
    void recordGo();
    void askNoGo();

    RunbookSession &m_session;
    QString m_stepId;
    QString m_wantedStart; // present()'s step, until a document shows it
    double m_scale = 0;
    PresentationHeader *m_header = nullptr;
    PresentationStepPage *m_page = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_message = nullptr;
    ElidedLabel *m_previous = nullptr;
    ElidedLabel *m_next = nullptr;
    QPointer<SignOffDialog> m_signOffDialog;
};

} // namespace cutover
