#include "RunbookHeader.h"

#include "runbook/RunbookText.h"
#include "runbook/StrategyCatalog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace cutover {

namespace {

QLabel *line(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// Background and text of the RAG badge; the symbol and word carry the meaning, the colour only
// repeats it.
QString ragStyle(RunbookSchedule::Rag rag)
{
    switch (rag) {
    case RunbookSchedule::Rag::Green:
        return QStringLiteral("background:#d8f0dc;color:#14532d;");
    case RunbookSchedule::Rag::Amber:
        return QStringLiteral("background:#fdebc8;color:#6b3a00;");
    case RunbookSchedule::Rag::Red:
        break;
    }
    return QStringLiteral("background:#f8d4d4;color:#7a1010;");
}

} // namespace

RunbookHeader::RunbookHeader(QWidget *parent)
    : QWidget(parent)
    , m_plan(line(this, "runbookPlanLine"))
    , m_execution(line(this, "runbookExecutionLine"))
    , m_schedule(line(this, "runbookScheduleLine"))
    , m_rag(new QLabel(this))
    , m_decision(line(this, "runbookDecisionLine"))
    , m_startRehearsal(new QPushButton(tr("Start rehearsal"), this))
    , m_startLive(new QPushButton(tr("Start live cutover…"), this))
    , m_end(new QPushButton(tr("End execution…"), this))
{
    QFont bigger = m_plan->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.25);
    bigger.setBold(true);
    m_plan->setFont(bigger);
    m_rag->setObjectName(QStringLiteral("runbookRag"));
    m_rag->setAlignment(Qt::AlignCenter);
    m_rag->setMinimumWidth(
        m_rag->fontMetrics().horizontalAdvance(QStringLiteral("▲ AMBER · off track")) + 24);
    m_startRehearsal->setObjectName(QStringLiteral("startRehearsal"));
    m_startLive->setObjectName(QStringLiteral("startLive"));
    m_end->setObjectName(QStringLiteral("endExecution"));
    m_startRehearsal->setToolTip(tr("Practise the cutover: the steps' times feed the plan"));
    m_startLive->setToolTip(tr("Start the real cutover: every step is recorded as live"));

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    for (QLabel *label : {m_plan, m_execution, m_schedule, m_decision})
        text->addWidget(label);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startRehearsal);
    buttons->addWidget(m_startLive);
    buttons->addWidget(m_end);
    auto *right = new QVBoxLayout;
    right->addWidget(m_rag);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(text, 1);
    layout->addLayout(right);

    connect(m_startRehearsal, &QPushButton::clicked, this,
            [this] { Q_EMIT startRequested(RunbookExecution::Mode::Rehearsal); });
    connect(m_startLive, &QPushButton::clicked, this, &RunbookHeader::confirmLive);
    connect(m_end, &QPushButton::clicked, this, &RunbookHeader::confirmEnd);
    setDocument(nullptr);
}

void RunbookHeader::setDocument(const RunbookDocument *document)
{
    const bool open = document && document->execution && document->execution->isOpen();
    m_live = open && document->isLive();
    m_startRehearsal->setEnabled(document && !open);
    m_startLive->setEnabled(document && !open);
    m_end->setEnabled(open);
    if (!document) {
        m_plan->setText(tr("Runbook"));
        m_execution->setText(tr("Reading the runbook…"));
        m_schedule->clear();
        m_decision->hide();
        m_rag->hide();
        return;
    }
    m_plan->setText(planText(*document));
    m_execution->setText(executionText(*document));
    m_schedule->setText(scheduleText(*document));
    m_decision->setText(decisionText(*document));
    m_decision->setVisible(!m_decision->text().isEmpty());
    showRag(*document);
}

void RunbookHeader::showRag(const RunbookDocument &d)
{
    m_rag->show();
    m_rag->setText(QStringLiteral("%1 · %2").arg(RunbookText::ragLabel(d.rag),
                                                 RunbookText::ragMeaning(d.rag)));
    m_rag->setStyleSheet(QStringLiteral("QLabel{%1font-weight:bold;border-radius:4px;"
                                        "padding:4px 10px;}")
                             .arg(ragStyle(d.rag)));
    QStringList reasons;
    for (const QString &reason : d.ragReasons)
        reasons.append(QStringLiteral("• ") + reason.toHtmlEscaped());
    m_rag->setToolTip(reasons.join(QStringLiteral("<br>")));
}

// "Phased strategy · 16 steps · cutover window 8 h · planned 6 h 30 min".
QString RunbookHeader::planText(const RunbookDocument &d)
{
    QStringList parts{d.project.isEmpty() ? tr("Runbook") : tr("Runbook of %1").arg(d.project)};
    if (const auto *strategy = StrategyCatalog::strategy(d.plan.strategy))
        parts.append(tr("%1 strategy").arg(strategy->title));
    else
        parts.append(tr("no strategy chosen"));
    const auto steps = d.plan.steps.size();
    parts.append(steps == 1 ? tr("1 step") : tr("%1 steps").arg(steps));
    if (d.plan.windowMinutes > 0)
        parts.append(tr("window %1").arg(RunbookText::minutes(d.plan.windowMinutes)));
    return parts.join(QStringLiteral(" · "));
}

QString RunbookHeader::executionText(const RunbookDocument &d)
{
    if (!d.execution)
        return tr("No execution yet: start a rehearsal to practise the cutover and time its "
                  "steps.");
    const RunbookExecution &e = *d.execution;
    const QString started = RunbookText::dateTime(e.started, d.now);
    if (e.isOpen())
        return tr("%1 under way since %2, started by %3")
            .arg(RunbookText::execution(e), started, e.startedBy);
    return tr("%1 ran %2 – %3 (none under way)")
        .arg(RunbookText::execution(e), started, RunbookText::clock(e.ended, e.started));
}

// "Planned end 04:30 · forecast end 04:45 (15 min behind plan) · window ends 04:36".
QString RunbookHeader::scheduleText(const RunbookDocument &d)
{
    if (d.plan.steps.isEmpty())
        return tr("No steps yet: generate a runbook with the strategy advisor or add steps.");
    QStringList parts{tr("Planned end %1").arg(RunbookText::clock(d.plannedEnd, d.now)),
                      tr("forecast end %1 (%2)")
                          .arg(RunbookText::clock(d.forecastEnd, d.now),
                               RunbookText::versusPlan(d.forecastMinutes - d.plannedMinutes))};
    if (d.windowEnd.isValid())
        parts.append(tr("window ends %1").arg(RunbookText::clock(d.windowEnd, d.now)));
    if (!d.factsError.isEmpty())
        parts.append(tr("gates cannot read the target: %1").arg(d.factsError));
    return parts.join(QStringLiteral(" · "));
}

QString RunbookHeader::decisionText(const RunbookDocument &d)
{
    if (!d.execution || !d.execution->decision)
        return {};
    const GoNoGo &decision = *d.execution->decision;
    QString text = tr("Go / no-go: %1 by %2 at %3")
                       .arg(decision.go ? tr("✓ GO") : tr("✕ NO-GO"), decision.by,
                            RunbookText::dateTime(decision.at, d.now));
    if (!decision.comment.isEmpty())
        text += QStringLiteral(" — ") + decision.comment;
    return text;
}

void RunbookHeader::confirmLive()
{
    const auto answer = QMessageBox::question(
        this, tr("Start the live cutover"),
        tr("Start the live cutover now? Every step from here on is recorded as the real "
           "cutover in the audit trail."),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        Q_EMIT startRequested(RunbookExecution::Mode::Live);
}

void RunbookHeader::confirmEnd()
{
    const QString what = m_live ? tr("the live cutover") : tr("this rehearsal");
    const auto answer = QMessageBox::question(
        this, tr("End the execution"),
        tr("End %1? Steps not finished stay as they are in its record.").arg(what),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        Q_EMIT endRequested();
}

} // namespace cutover
