#pragma once

#include "runbook/PresentationStyle.h"
#include "runbook/RunbookDocument.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace cutover {

// The go / no-go step in the presentation: each of the gate's conditions as met (✓) or blocking
// (✕), the sign-offs given and the ones still awaited, the decision once made, and the buttons
// to sign off and to record GO (only while the gate is open) or NO-GO.
class PresentationGatePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PresentationGatePanel(QWidget *parent = nullptr);

    void setStep(const RunbookDocument &document, const RunbookDocument::Step &step);

    QStringList conditionTexts() const;
    QStringList signOffTexts() const;
    QString decisionText() const;
    QPushButton *signOffButton() const { return m_signOff; }
    QPushButton *goButton() const { return m_go; }
    QPushButton *noGoButton() const { return m_noGo; }

    // "✓ Approve · Dana Reyes (Clinical director) · 23:40".
    static QString signOffLine(const SignOff &signoff, const QDateTime &reference);
    // The gate's required sign-offs no sign-off on the step names (by role or by name).
    static QStringList awaited(const RunbookStep &step, const RunbookExecution *execution);

Q_SIGNALS:
    void signOffRequested();
    void goRequested();
    void noGoRequested();

private:
    using Line = std::pair<QString, PresentationStyle::Tone>;
    void fill(QVBoxLayout *layout, const QList<Line> &lines, QWidget *parent);
    static QList<Line> conditions(const RunbookDocument::Step &step);
    static QList<Line> signOffs(const RunbookDocument &document, const RunbookStep &step);
    static QStringList texts(const QVBoxLayout *layout);

    QWidget *m_conditionsColumn = nullptr;
    QVBoxLayout *m_conditions = nullptr;
    QVBoxLayout *m_signOffs = nullptr;
    QLabel *m_decision = nullptr;
    QWidget *m_buttons = nullptr;
    QPushButton *m_signOff = nullptr;
    QPushButton *m_go = nullptr;
    QPushButton *m_noGo = nullptr;
};

} // namespace cutover
