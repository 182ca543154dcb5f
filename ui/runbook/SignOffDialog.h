#pragma once

#include "runbook/RunbookDocument.h"

#include <QDialog>
#include <QMap>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace cutover {

// Records one person's sign-off on a gate step: their name, the role they sign for (the gate's
// required sign-offs not given yet are offered, the first chosen; any other may be typed), their
// decision (approve, approve with conditions, reject) and a comment, which conditions and a
// rejection need. Sign off stays disabled until the entry is complete; the line under the form
// says what is missing.
class SignOffDialog : public QDialog
{
    Q_OBJECT

public:
    SignOffDialog(const RunbookDocument &document, const QString &stepId,
                  QWidget *parent = nullptr);

    // Shows the dialog (modal); the sign-off entered, or nullopt when cancelled.
    static std::optional<SignOff> ask(QWidget *parent, const RunbookDocument &document,
                                      const QString &stepId);

    // The entry as it stands, trimmed, for the step.
    SignOff signOff() const;
    // What is missing before it may be recorded; empty when complete.
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleBox() const { return m_role; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QRadioButton *decisionButton(SignOff::Decision decision) const
    {
        return m_decisions.value(decision);
    }
    QPushButton *okButton() const;
    void setVisible(bool visible) override;

    // What a sign-off on this step stands for, in a sentence.
    static QString purpose(const RunbookStep &step);

private:
    void addDecisions(QLayout *layout);
    void fitToFont();
    SignOff::Decision decision() const;
    void update();

    QString m_stepId;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QMap<SignOff::Decision, QRadioButton *> m_decisions;
    QPlainTextEdit *m_comment = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cutover
