#include "runbook/SignOffDialog.h"

#include "runbook/PresentationGatePanel.h"
#include "runbook/RunbookText.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <algorithm>

namespace cutover {

namespace {

constexpr SignOff::Decision kDecisions[] = {SignOff::Decision::Approve,
                                            SignOff::Decision::ApproveWithConditions,
                                            SignOff::Decision::Reject};

// Lines of the comment box: enough for a condition or two without a scroll bar.
constexpr int kCommentLines = 4;
// Wide enough for the purpose in three or four lines.
constexpr int kWidthChars = 60;

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

SignOffDialog::SignOffDialog(const RunbookDocument &document, const QString &stepId,
                             QWidget *parent)
    : QDialog(parent)
    , m_stepId(stepId)
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_comment(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const RunbookDocument::Step *step = document.step(stepId);
    RunbookStep plan;
    if (step)
        plan = step->plan;
    else
        plan.id = plan.title = stepId;
    setWindowTitle(tr("Sign off: %1").arg(plan.title));

    auto *title = wrapped(plan.title, this);
    QFont big = title->font();
    big.setBold(true);
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * 1.3);
    else
        big.setPixelSize(qRound(big.pixelSize() * 1.3));
    title->setFont(big);
    title->setObjectName(QStringLiteral("signOffTitle"));
    title->setProperty("role", QStringLiteral("heading")); // the presentation's style sheet

    m_name->setPlaceholderText(tr("Your full name"));
    m_role->setEditable(true);
    m_role->addItems(
        PresentationGatePanel::awaited(plan, document.execution ? &*document.execution : nullptr));
    m_role->setCurrentIndex(m_role->count() > 0 ? 0 : -1);
    m_role->lineEdit()->setPlaceholderText(tr("The role you sign for"));
    m_comment->setTabChangesFocus(true);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("signOffProblem"));
    okButton()->setText(tr("Sign off"));

    auto *decisions = new QVBoxLayout;
    addDecisions(decisions);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("Decision:"), decisions);
    form->addRow(tr("&Comment:"), m_comment);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(wrapped(purpose(plan), this));
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SignOffDialog::update);
    connect(m_role, &QComboBox::currentTextChanged, this, &SignOffDialog::update);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &SignOffDialog::update);
    m_name->setFocus();
    update();
}

void SignOffDialog::addDecisions(QLayout *layout)
{
    auto *group = new QButtonGroup(this);
    for (SignOff::Decision d : kDecisions) {
        auto *button = new QRadioButton(RunbookText::decision(d), this);
        m_decisions.insert(d, button);
        group->addButton(button);
        layout->addWidget(button);
        connect(button, &QRadioButton::toggled, this, &SignOffDialog::update);
    }
    m_decisions.value(SignOff::Decision::Approve)->setChecked(true);
}

QString SignOffDialog::purpose(const RunbookStep &step)
{
    if (!step.gate.enabled)
        return tr("Your sign-off is recorded with this step in the audit trail.");
    QString text = tr("Your approval is one of the conditions this gate needs before the cutover "
                      "goes ahead; a rejection blocks it until you sign off again.");
    if (!step.gate.signoffs.isEmpty())
        text += QLatin1Char(' ') +
                tr("It needs sign-offs from: %1.").arg(step.gate.signoffs.join(tr(", ")));
    return text;
}

SignOff::Decision SignOffDialog::decision() const
{
    for (auto it = m_decisions.cbegin(); it != m_decisions.cend(); ++it)
        if (it.value()->isChecked())
            return it.key();
    return SignOff::Decision::Approve;
}

SignOff SignOffDialog::signOff() const
{
    SignOff s;
    s.step = m_stepId;
    s.name = m_name->text().trimmed();
    s.role = m_role->currentText().trimmed();
    s.decision = decision();
    s.comment = m_comment->toPlainText().trimmed();
    return s;
}

QString SignOffDialog::problem() const
{
    const SignOff s = signOff();
    if (s.name.isEmpty())
        return tr("Enter your name.");
    if (s.role.isEmpty())
        return tr("Choose or type the role you sign for.");
    if (s.comment.isEmpty() && s.decision == SignOff::Decision::ApproveWithConditions)
        return tr("Say what the conditions are.");
    if (s.comment.isEmpty() && s.decision == SignOff::Decision::Reject)
        return tr("Say why you reject.");
    return {};
}

void SignOffDialog::update()
{
    const QString missing = problem();
    m_problem->setText(missing.isEmpty() ? QString() : QStringLiteral("\u25b2 ") + missing);
    okButton()->setEnabled(missing.isEmpty());
    const SignOff::Decision d = decision();
    m_comment->setPlaceholderText(d == SignOff::Decision::Approve
                                      ? tr("Optional")
                                      : (d == SignOff::Decision::Reject
                                             ? tr("Required: why you reject")
                                             : tr("Required: the conditions")));
}

// A style sheet (the presentation's) sets the font when the dialog is polished, after the
// constructor; the comment's height follows it before the dialog takes its size.
void SignOffDialog::setVisible(bool visible)
{
    if (visible) {
        ensurePolished();
        m_comment->ensurePolished();
        m_comment->setMinimumHeight(m_comment->fontMetrics().lineSpacing() * kCommentLines +
                                    2 * m_comment->frameWidth());
        fitToFont();
    }
    QDialog::setVisible(visible);
}

// Wrapped text's height depends on the width, which a window's size hint does not follow: the
// dialog takes a width for its font and the height its layout needs at that width.
void SignOffDialog::fitToFont()
{
    const int width = std::max(sizeHint().width(), fontMetrics().averageCharWidth() * kWidthChars);
    const int height =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width) : sizeHint().height();
    setMinimumSize(width, height);
    resize(width, height);
}

QPushButton *SignOffDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

std::optional<SignOff> SignOffDialog::ask(QWidget *parent, const RunbookDocument &document,
                                          const QString &stepId)
{
    SignOffDialog dialog(document, stepId, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.signOff();
}

} // namespace cutover
