#include "RunbookStepPanel.h"

#include "project/RunbookVocabulary.h"
#include "runbook/RunbookStateVocabulary.h"
#include "runbook/RunbookText.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cutover {

namespace {

constexpr int kEvidenceKindRole = Qt::UserRole + 1;
constexpr int kEvidenceRefRole = Qt::UserRole + 2;

QLabel *textLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    return b;
}

void allow(QPushButton *b, bool allowed, const QString &whyNot)
{
    b->setEnabled(allowed);
    b->setToolTip(allowed ? QString() : whyNot);
}

QString heading(const QString &text)
{
    return QStringLiteral("<p style='margin-top:8px'><b>%1</b></p>").arg(text.toHtmlEscaped());
}

} // namespace

RunbookStepPanel::RunbookStepPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(textLabel(this, "stepTitle"))
    , m_facts(textLabel(this, "stepFacts"))
    , m_description(textLabel(this, "stepDescription"))
    , m_gate(textLabel(this, "stepGate"))
    , m_notes(textLabel(this, "stepNotes"))
    , m_evidence(new QListWidget(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_gate->setTextFormat(Qt::RichText);
    m_notes->setTextFormat(Qt::RichText);
    m_facts->setTextFormat(Qt::RichText);
    m_evidence->setObjectName(QStringLiteral("stepEvidence"));
    m_evidence->setMaximumHeight(m_evidence->fontMetrics().height() * 5);
    m_evidence->setToolTip(tr("Double-click a run or report to open it"));
    connect(m_evidence, &QListWidget::itemActivated, this, &RunbookStepPanel::openEvidence);

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(m_title);
    column->addWidget(m_facts);
    column->addWidget(m_description);
    column->addWidget(m_gate);
    auto *evidenceHeading = new QLabel(tr("<b>Evidence</b>"), content);
    column->addWidget(evidenceHeading);
    column->addWidget(m_evidence);
    column->addWidget(m_notes);
    column->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createButtons());
    layout->addWidget(scroll, 1);
    showNothing(tr("Choose a step in the checklist or on the timeline."));
}

QWidget *RunbookStepPanel::createButtons()
{
    auto *box = new QWidget(this);
    m_start = button(tr("▶ Start"), "stepStart", box);
    m_done = button(tr("✓ Done"), "stepDone", box);
    m_skip = button(tr("↷ Skip"), "stepSkip", box);
    m_fail = button(tr("✕ Failed"), "stepFail", box);
    m_block = button(tr("■ Blocked"), "stepBlock", box);
    m_run = button(tr("⚙ Run step"), "stepRun", box);
    m_signOff = button(tr("✍ Sign off…"), "stepSignOff", box);
    m_note = button(tr("Add note…"), "stepNote", box);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<QPushButton *> order{m_start, m_done, m_skip,    m_fail,
                                     m_block, m_run,  m_signOff, m_note};
    for (int i = 0; i < order.size(); ++i)
        grid->addWidget(order[i], i / 4, i % 4);
    auto id = [this] {
        return m_stepId;
    };
    connect(m_start, &QPushButton::clicked, this, [this, id] { Q_EMIT startRequested(id()); });
    connect(m_done, &QPushButton::clicked, this,
            [this, id] { Q_EMIT finishRequested(id(), StepStatus::Done); });
    connect(m_skip, &QPushButton::clicked, this,
            [this, id] { Q_EMIT finishRequested(id(), StepStatus::Skipped); });
    connect(m_fail, &QPushButton::clicked, this,
            [this, id] { Q_EMIT finishRequested(id(), StepStatus::Failed); });
    connect(m_block, &QPushButton::clicked, this,
            [this, id] { Q_EMIT finishRequested(id(), StepStatus::Blocked); });
    connect(m_run, &QPushButton::clicked, this, [this, id] { Q_EMIT runRequested(id()); });
    connect(m_signOff, &QPushButton::clicked, this, [this, id] { Q_EMIT signOffRequested(id()); });
    connect(m_note, &QPushButton::clicked, this, [this, id] { Q_EMIT noteRequested(id()); });
    return box;
}

void RunbookStepPanel::show(const RunbookDocument *document, const QString &stepId)
{
    m_stepId = stepId;
    const RunbookDocument::Step *step = document ? document->step(stepId) : nullptr;
    if (!step) {
        showNothing(tr("Choose a step in the checklist or on the timeline."));
        return;
    }
    showStep(*document, *step);
    enableButtons(*document, *step);
}

void RunbookStepPanel::showNothing(const QString &why)
{
    m_stepId.clear();
    m_title->setText(tr("No step chosen"));
    m_facts->setText(why);
    for (QLabel *label : {m_description, m_gate, m_notes})
        label->clear();
    m_evidence->clear();
    for (QPushButton *b : {m_start, m_done, m_skip, m_fail, m_block, m_run, m_signOff, m_note})
        allow(b, false, why);
}

void RunbookStepPanel::showStep(const RunbookDocument &d, const RunbookDocument::Step &step)
{
    m_title->setText(step.plan.title.isEmpty() ? step.plan.id : step.plan.title);
    m_facts->setText(factsText(d, step));
    m_description->setText(step.plan.description);
    m_description->setVisible(!step.plan.description.isEmpty());
    m_gate->setText(gateText(d, step) + signoffsText(d, step));
    m_gate->setVisible(step.plan.gate.enabled);
    fillEvidence(d, step.state);
    QStringList notes;
    for (const StepNote &note : step.state.notes)
        notes.append(QStringLiteral("%1 · %2: %3")
                         .arg(RunbookText::clock(note.at, d.now), note.who.toHtmlEscaped(),
                              note.text.toHtmlEscaped()));
    m_notes->setText(notes.isEmpty() ? QString()
                                     : heading(tr("Notes")) + notes.join(QStringLiteral("<br>")));
}

QString RunbookStepPanel::factsText(const RunbookDocument &d, const RunbookDocument::Step &step)
{
    const auto &t = step.times;
    QStringList lines;
    lines.append(QStringLiteral("%1 · %2 · <code>%3</code>")
                     .arg(RunbookVocabulary::sectionTitle(step.plan.section),
                          RunbookText::owner(step.plan.owner).toHtmlEscaped(), step.plan.id));
    QString status = QStringLiteral("<b>%1</b>").arg(RunbookText::statusLabel(step.state.status));
    if (!step.state.changedBy.isEmpty())
        status += tr(" (by %1)").arg(step.state.changedBy.toHtmlEscaped());
    lines.append(status);
    lines.append(tr("Planned %1, %2")
                     .arg(RunbookText::span(t.plannedStart, t.plannedEnd, d.now),
                          RunbookText::minutes(t.durationMinutes)));
    QString progress = RunbookText::progress(step.state, t, d.now);
    if (t.lateMinutes != 0 && step.state.status != StepStatus::Skipped)
        progress += QStringLiteral(" · ") + RunbookText::versusPlan(t.lateMinutes);
    lines.append(progress);
    if (t.critical)
        lines.append(tr("⚑ On the critical path: a delay here moves the end of the cutover"));
    else if (!step.plan.isOutsideCutover())
        lines.append(tr("Slack %1").arg(RunbookText::minutes(t.slackMinutes)));
    else
        lines.append(tr("Outside the cutover window"));
    if (const QString action = RunbookText::action(step.plan); !action.isEmpty())
        lines.append(action.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

QString RunbookStepPanel::gateText(const RunbookDocument &d, const RunbookDocument::Step &step)
{
    if (!step.plan.gate.enabled)
        return {};
    QString html = heading(tr("Go / no-go gate"));
    if (!step.gate) {
        html += step.state.status == StepStatus::Done ? tr("✓ Passed") : tr("Not checked now");
        return html;
    }
    QStringList lines;
    for (const QString &met : step.gate->met)
        lines.append(QStringLiteral("✓ ") + met.toHtmlEscaped());
    for (const QString &blocker : step.gate->blockers)
        lines.append(
            QStringLiteral("<span style='color:#9b1c1c'>✕ %1</span>").arg(blocker.toHtmlEscaped()));
    html += lines.join(QStringLiteral("<br>"));
    if (step.gate->open())
        html += tr("<br><b>✓ The gate is open: Done records GO.</b>");
    if (!d.factsError.isEmpty())
        html += tr("<br>The target cannot be read: %1").arg(d.factsError.toHtmlEscaped());
    return html;
}

QString RunbookStepPanel::signoffsText(const RunbookDocument &d, const RunbookDocument::Step &step)
{
    if (!step.plan.gate.enabled || !d.execution)
        return {};
    QStringList lines;
    for (const SignOff &s : d.execution->signoffs) {
        if (s.step != step.plan.id)
            continue;
        QString line = QStringLiteral("%1 %2 (%3): %4, %5")
                           .arg(s.approves() ? QStringLiteral("✓") : QStringLiteral("✕"),
                                s.name.toHtmlEscaped(), s.role.toHtmlEscaped(),
                                RunbookStateVocabulary::decisionTitle(s.decision),
                                RunbookText::clock(s.at, d.now));
        if (!s.comment.isEmpty())
            line += QStringLiteral(" — ") + s.comment.toHtmlEscaped();
        lines.append(line);
    }
    return heading(tr("Sign-offs")) +
           (lines.isEmpty() ? tr("None yet") : lines.join(QStringLiteral("<br>")));
}

void RunbookStepPanel::fillEvidence(const RunbookDocument &d, const StepState &state)
{
    m_evidence->clear();
    for (const Evidence &e : state.evidence) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 · %2").arg(RunbookText::clock(e.at, d.now),
                                                              RunbookText::evidence(e)),
                                m_evidence);
        item->setData(kEvidenceKindRole, int(e.kind));
        item->setData(kEvidenceRefRole, e.ref);
        item->setToolTip(e.who.isEmpty() ? e.ref : tr("%1, recorded by %2").arg(e.ref, e.who));
    }
    if (state.evidence.isEmpty())
        new QListWidgetItem(tr("None yet"), m_evidence);
}

void RunbookStepPanel::openEvidence(QListWidgetItem *item)
{
    const QVariant kind = item->data(kEvidenceKindRole);
    const QString ref = item->data(kEvidenceRefRole).toString();
    if (!kind.isValid() || ref.isEmpty())
        return;
    if (Evidence::Kind(kind.toInt()) == Evidence::Kind::Run)
        Q_EMIT openRunRequested(ref);
    else if (Evidence::Kind(kind.toInt()) == Evidence::Kind::Report)
        Q_EMIT openReportRequested(ref);
}

void RunbookStepPanel::enableButtons(const RunbookDocument &d, const RunbookDocument::Step &step)
{
    const bool open = d.execution && d.execution->isOpen();
    const QString notOpen = tr("Start a rehearsal or the live cutover first");
    const StepStatus status = step.state.status;
    const bool finished = step.state.isFinished();
    const bool gateBlocked = step.gate && !step.gate->open();
    allow(m_start, open && (status == StepStatus::Pending || status == StepStatus::Blocked),
          open ? tr("The step is %1").arg(RunbookText::statusLabel(status)) : notOpen);
    allow(m_done, open && !finished && !gateBlocked,
          !open ? notOpen
          : gateBlocked
              ? tr("The gate is blocked:\n%1").arg(step.gate->blockers.join(QLatin1Char('\n')))
              : tr("The step is already finished"));
    for (QPushButton *b : {m_skip, m_fail, m_block})
        allow(b, open && !finished, open ? tr("The step is already finished") : notOpen);
    allow(m_run, open && step.plan.isAutomated() && status != StepStatus::Done,
          !step.plan.isAutomated() ? tr("A manual step: its owner carries it out and marks it")
          : open                   ? tr("The step is done")
                                   : notOpen);
    allow(m_signOff, open && step.plan.gate.enabled && !finished,
          !step.plan.gate.enabled ? tr("Only a gate takes sign-offs")
          : open                  ? tr("The gate is decided")
                                  : notOpen);
    allow(m_note, open, notOpen);
}

} // namespace cutover
