#include "runbook/PresentationGatePanel.h"

#include "runbook/RunbookText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace cutover {

namespace {

using Tone = PresentationStyle::Tone;

const QString kMet = QStringLiteral("\u2713 ");      // ✓
const QString kBlocking = QStringLiteral("\u2715 "); // ✕
const QString kAwaited = QStringLiteral("\u25cb ");  // ○

bool names(const SignOff &signoff, const QString &who)
{
    return signoff.role.compare(who, Qt::CaseInsensitive) == 0 ||
           signoff.name.compare(who, Qt::CaseInsensitive) == 0;
}

QPushButton *button(const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setFocusPolicy(Qt::NoFocus); // the arrow keys and Space always turn the page
    return b;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    PresentationStyle::setRole(l, "heading");
    return l;
}

} // namespace

PresentationGatePanel::PresentationGatePanel(QWidget *parent)
    : QWidget(parent)
    , m_conditionsColumn(new QWidget(this))
    , m_conditions(new QVBoxLayout)
    , m_signOffs(new QVBoxLayout)
    , m_decision(new QLabel(this))
    , m_buttons(new QWidget(this))
    , m_signOff(button(tr("Sign off\u2026"), m_buttons))
    , m_go(button(tr("\u2713 Record GO"), m_buttons))
    , m_noGo(button(tr("\u2715 Record NO-GO"), m_buttons))
{
    PresentationStyle::setRole(m_decision, "badge");
    m_decision->setWordWrap(true);
    PresentationStyle::setTone(m_go, Tone::Good);
    PresentationStyle::setTone(m_noGo, Tone::Bad);
    connect(m_signOff, &QPushButton::clicked, this, &PresentationGatePanel::signOffRequested);
    connect(m_go, &QPushButton::clicked, this, &PresentationGatePanel::goRequested);
    connect(m_noGo, &QPushButton::clicked, this, &PresentationGatePanel::noGoRequested);

    auto *conditionsColumn = new QVBoxLayout(m_conditionsColumn);
    conditionsColumn->setContentsMargins(0, 0, 0, 0);
    conditionsColumn->setSpacing(4);
    conditionsColumn->addWidget(heading(tr("Conditions"), m_conditionsColumn));
    conditionsColumn->addLayout(m_conditions);
    conditionsColumn->addStretch();
    auto *signOffsColumn = new QVBoxLayout;
    signOffsColumn->setSpacing(4);
    signOffsColumn->addWidget(heading(tr("Sign-offs"), this));
    signOffsColumn->addLayout(m_signOffs);
    signOffsColumn->addStretch();
    auto *columns = new QHBoxLayout;
    columns->setSpacing(48);
    columns->addWidget(m_conditionsColumn, 1);
    columns->addLayout(signOffsColumn, 1);

    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(24);
    buttons->addWidget(m_signOff);
    buttons->addStretch();
    buttons->addWidget(m_go);
    buttons->addWidget(m_noGo);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    layout->addLayout(columns);
    layout->addWidget(m_decision);
    layout->addStretch();
    layout->addWidget(m_buttons);
}

void PresentationGatePanel::setStep(const RunbookDocument &document,
                                    const RunbookDocument::Step &step)
{
    const RunbookExecution *execution = document.execution ? &*document.execution : nullptr;
    const bool decided =
        execution && execution->decision && execution->decision->step == step.plan.id;
    const QList<Line> conditionLines = conditions(step);
    m_conditionsColumn->setVisible(!conditionLines.isEmpty());
    fill(m_conditions, conditionLines, m_conditionsColumn);
    fill(m_signOffs, signOffs(document, step.plan), this);
    m_decision->setVisible(decided);
    if (decided) {
        m_decision->setText(RunbookText::goNoGo(*execution->decision, document.now));
        PresentationStyle::setTone(m_decision, execution->decision->go ? Tone::Good : Tone::Bad);
    }
    const bool open = execution && execution->isOpen() && !step.state.isFinished() && !decided;
    m_buttons->setVisible(!decided); // the decision stands
    m_signOff->setEnabled(open);
    m_go->setEnabled(open && step.gate && step.gate->open());
    m_noGo->setEnabled(open);
}

QList<PresentationGatePanel::Line>
PresentationGatePanel::conditions(const RunbookDocument::Step &step)
{
    QList<Line> lines;
    if (!step.gate)
        return lines;
    for (const QString &met : step.gate->met)
        lines.append({kMet + met, Tone::Good});
    for (const QString &blocker : step.gate->blockers)
        lines.append({kBlocking + blocker, Tone::Bad});
    return lines;
}

QList<PresentationGatePanel::Line> PresentationGatePanel::signOffs(const RunbookDocument &document,
                                                                   const RunbookStep &step)
{
    QList<Line> lines;
    const RunbookExecution *execution = document.execution ? &*document.execution : nullptr;
    if (execution)
        for (const SignOff &s : execution->signoffs)
            if (s.step == step.id)
                lines.append({signOffLine(s, document.now), s.approves() ? Tone::Good : Tone::Bad});
    for (const QString &role : awaited(step, execution))
        lines.append({kAwaited + tr("Awaiting %1").arg(role), Tone::Muted});
    if (lines.isEmpty())
        lines.append({tr("None needed"), Tone::Muted});
    return lines;
}

QString PresentationGatePanel::signOffLine(const SignOff &signoff, const QDateTime &reference)
{
    const QString who =
        signoff.role.isEmpty() ? signoff.name : tr("%1 (%2)").arg(signoff.name, signoff.role);
    QStringList parts{RunbookText::decision(signoff.decision), who};
    if (signoff.at.isValid())
        parts << RunbookText::clock(signoff.at, reference);
    QString line = parts.join(QStringLiteral(" \u00b7 "));
    if (!signoff.comment.isEmpty())
        line += QStringLiteral(": ") + signoff.comment;
    return line;
}

QStringList PresentationGatePanel::awaited(const RunbookStep &step,
                                           const RunbookExecution *execution)
{
    QStringList open;
    for (const QString &needed : step.gate.signoffs) {
        const bool given =
            execution && std::any_of(execution->signoffs.cbegin(), execution->signoffs.cend(),
                                     [&](const SignOff &s) {
                                         return s.step == step.id && s.approves() &&
                                                names(s, needed);
                                     });
        if (!given)
            open.append(needed);
    }
    return open;
}

void PresentationGatePanel::fill(QVBoxLayout *layout, const QList<Line> &lines, QWidget *parent)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto &[text, tone] : lines) {
        auto *label = new QLabel(text, parent);
        label->setWordWrap(true);
        PresentationStyle::setRole(label, "body");
        PresentationStyle::setTone(label, tone);
        layout->addWidget(label);
    }
}

QStringList PresentationGatePanel::texts(const QVBoxLayout *layout)
{
    QStringList lines;
    for (int i = 0; i < layout->count(); ++i)
        if (auto *label = qobject_cast<QLabel *>(layout->itemAt(i)->widget()))
            lines.append(label->text());
    return lines;
}

QStringList PresentationGatePanel::conditionTexts() const
{
    return texts(m_conditions);
}

QStringList PresentationGatePanel::signOffTexts() const
{
    return texts(m_signOffs);
}

QString PresentationGatePanel::decisionText() const
{
    return m_decision->isVisibleTo(this) ? m_decision->text() : QString();
}

} // namespace cutover
