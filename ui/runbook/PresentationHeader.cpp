#include "runbook/PresentationHeader.h"

#include "reconcile/ReconcileStatus.h"
#include "runbook/PresentationStyle.h"
#include "runbook/RunbookDocument.h"
#include "runbook/RunbookText.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <algorithm>

namespace cutover {

namespace {

constexpr int kBarSteps = 1000;

PresentationStyle::Tone toneOf(RunbookSchedule::Rag rag)
{
    switch (rag) {
    case RunbookSchedule::Rag::Green:
        return PresentationStyle::Tone::Good;
    case RunbookSchedule::Rag::Amber:
        return PresentationStyle::Tone::Warning;
    case RunbookSchedule::Rag::Red:
        return PresentationStyle::Tone::Bad;
    }
    return PresentationStyle::Tone::Plain;
}

PresentationStyle::Tone toneOf(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return PresentationStyle::Tone::Good;
    case ReconcileStatus::NeedsReview:
        return PresentationStyle::Tone::Warning;
    case ReconcileStatus::Fail:
        return PresentationStyle::Tone::Bad;
    }
    return PresentationStyle::Tone::Plain;
}

QString symbolOf(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QStringLiteral("\u2713"); // ✓
    case ReconcileStatus::NeedsReview:
        return QStringLiteral("\u25b2"); // ▲
    case ReconcileStatus::Fail:
        return QStringLiteral("\u2715"); // ✕
    }
    return {};
}

QLabel *label(QWidget *parent, const char *role)
{
    auto *l = new QLabel(parent);
    PresentationStyle::setRole(l, role);
    return l;
}

} // namespace

PresentationHeader::PresentationHeader(QWidget *parent)
    : QWidget(parent)
    , m_project(label(this, "headerStrong"))
    , m_execution(label(this, "header"))
    , m_rag(label(this, "badge"))
    , m_steps(new QProgressBar(this))
    , m_forecast(label(this, "header"))
    , m_report(label(this, "header"))
    , m_run(label(this, "header"))
    , m_runBar(new QProgressBar(this))
{
    m_steps->setRange(0, 1);
    m_runBar->setRange(0, kBarSteps);
    m_runBar->setFormat(QStringLiteral("%p%"));
    m_forecast->setAlignment(Qt::AlignCenter);
    m_report->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(32);
    layout->setVerticalSpacing(8);
    layout->addWidget(m_project, 0, 0);
    layout->addWidget(m_execution, 0, 1, Qt::AlignCenter);
    layout->addWidget(m_rag, 0, 2, Qt::AlignRight);
    layout->addWidget(m_steps, 1, 0);
    layout->addWidget(m_forecast, 1, 1);
    layout->addWidget(m_report, 1, 2);
    layout->addWidget(m_run, 2, 0, 1, 2);
    layout->addWidget(m_runBar, 2, 2);
    for (int column = 0; column < 3; ++column)
        layout->setColumnStretch(column, 1);
    clearRunProgress();
}

std::pair<int, int> PresentationHeader::progress(const RunbookDocument &document)
{
    int finished = 0;
    int all = 0;
    for (const RunbookDocument::Step &step : document.steps) {
        if (step.plan.isContingency())
            continue;
        ++all;
        if (step.state.status == StepStatus::Done || step.state.status == StepStatus::Skipped)
            ++finished;
    }
    return {finished, all};
}

QString PresentationHeader::reconciliation(const RunbookDocument &document)
{
    if (!document.factsError.isEmpty())
        return tr("\u25b2 Target not readable");
    if (!document.facts.newestReport)
        return tr("\u25cb No reconciliation report yet");
    const StoredReport &report = *document.facts.newestReport;
    return tr("Reconciliation %1 %2 \u00b7 %3")
        .arg(symbolOf(report.status), reconcileStatusTitle(report.status),
             RunbookText::clock(report.createdAt, document.now));
}

void PresentationHeader::setDocument(const RunbookDocument &document)
{
    m_project->setText(document.project.isEmpty() ? tr("Cutover") : document.project);
    m_execution->setText(document.execution ? RunbookText::execution(*document.execution)
                                            : tr("No execution under way"));
    const auto [finished, all] = progress(document);
    m_steps->setRange(0, std::max(all, 1));
    m_steps->setValue(finished);
    m_steps->setFormat(tr("%1 of %2 steps done").arg(finished).arg(all));
    m_report->setText(reconciliation(document));
    if (!document.factsError.isEmpty())
        PresentationStyle::setTone(m_report, PresentationStyle::Tone::Warning);
    else if (!document.facts.newestReport)
        PresentationStyle::setTone(m_report, PresentationStyle::Tone::Muted);
    else
        PresentationStyle::setTone(m_report, toneOf(document.facts.newestReport->status));
    setSchedule(document);
}

void PresentationHeader::setSchedule(const RunbookDocument &document)
{
    m_rag->setText(RunbookText::ragLabel(document.rag) + QStringLiteral(" \u00b7 ") +
                   RunbookText::ragMeaning(document.rag));
    m_rag->setToolTip(document.ragReasons.join(QLatin1Char('\n')));
    PresentationStyle::setTone(m_rag, toneOf(document.rag));
    const QString end = RunbookText::clock(document.forecastEnd, document.now);
    m_forecast->setText(document.windowEnd.isValid()
                            ? tr("Forecast end %1 \u00b7 window ends %2")
                                  .arg(end, RunbookText::clock(document.windowEnd, document.now))
                            : tr("Forecast end %1").arg(end));
    const bool late = document.windowEnd.isValid() && document.forecastEnd > document.windowEnd;
    PresentationStyle::setTone(m_forecast, late ? PresentationStyle::Tone::Bad
                                                : PresentationStyle::Tone::Plain);
}

void PresentationHeader::setRunProgress(const QString &text, double fraction)
{
    m_run->setText(tr("\u25b6 %1").arg(text));
    m_runBar->setValue(qRound(std::clamp(fraction, 0.0, 1.0) * kBarSteps));
    m_run->setVisible(true);
    m_runBar->setVisible(true);
}

void PresentationHeader::clearRunProgress()
{
    m_run->clear();
    m_run->setVisible(false);
    m_runBar->setVisible(false);
}

QStringList PresentationHeader::texts() const
{
    QStringList lines{m_project->text(), m_execution->text(), m_rag->text(),
                      m_steps->text(),   m_forecast->text(),  m_report->text()};
    if (m_run->isVisibleTo(this))
        lines << m_run->text();
    return lines;
}

} // namespace cutover
