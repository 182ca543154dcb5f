#include "runbook/PresentationStepPage.h"

#include "project/RunbookVocabulary.h"
#include "runbook/PresentationGatePanel.h"
#include "runbook/PresentationStyle.h"
#include "runbook/RunbookText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace cutover {

namespace {

using Tone = PresentationStyle::Tone;

const QString kBullet = QStringLiteral("\u25a0 "); // ■

QLabel *label(QWidget *parent, const char *role, bool wrap = false)
{
    auto *l = new QLabel(parent);
    PresentationStyle::setRole(l, role);
    l->setWordWrap(wrap);
    l->setTextFormat(Qt::PlainText);
    return l;
}

} // namespace

PresentationStepPage::PresentationStepPage(QWidget *parent)
    : QWidget(parent)
    , m_position(label(this, "stepLine"))
    , m_title(label(this, "title", true))
    , m_status(label(this, "badge"))
    , m_owner(label(this, "heading"))
    , m_times(label(this, "body", true))
    , m_description(label(this, "body", true))
    , m_evidenceHeading(label(this, "heading"))
    , m_evidence(label(this, "body", true))
    , m_notesHeading(label(this, "heading"))
    , m_notes(label(this, "body", true))
    , m_gate(new PresentationGatePanel(this))
{
    m_evidenceHeading->setText(tr("Evidence"));
    m_notesHeading->setText(tr("Notes"));

    auto *who = new QHBoxLayout;
    who->setSpacing(32);
    who->addWidget(m_status);
    who->addWidget(m_owner, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_position);
    layout->addWidget(m_title);
    layout->addLayout(who);
    layout->addWidget(m_times);
    layout->addSpacing(6);
    layout->addWidget(m_description);
    layout->addSpacing(6);
    layout->addWidget(m_evidenceHeading);
    layout->addWidget(m_evidence);
    layout->addWidget(m_notesHeading);
    layout->addWidget(m_notes);
    layout->addWidget(m_gate, 1);
    layout->addStretch();
}

void PresentationStepPage::setStep(const RunbookDocument &document, qsizetype index)
{
    const RunbookDocument::Step &step = document.steps.at(index);
    m_position->setText(tr("Step %1 of %2 \u00b7 %3")
                            .arg(index + 1)
                            .arg(document.steps.size())
                            .arg(RunbookVocabulary::sectionTitle(step.plan.section)));
    m_title->setText(step.plan.title);
    m_status->setText(RunbookText::statusLabel(step.state.status));
    PresentationStyle::setTone(m_status, PresentationStyle::toneOf(step.state.status));
    const QString owner = RunbookText::owner(step.plan.owner);
    m_owner->setText(owner.isEmpty() ? tr("No owner") : tr("Owner: %1").arg(owner));
    m_times->setText(times(document, step));
    PresentationStyle::setTone(m_times, step.times.lateMinutes > 0 ? Tone::Warning : Tone::Plain);
    m_description->setText(step.plan.description);
    m_description->setVisible(!step.plan.description.isEmpty());
    setDetails(document, step);
}

void PresentationStepPage::setDetails(const RunbookDocument &document,
                                      const RunbookDocument::Step &step)
{
    const bool gate = step.plan.gate.enabled;
    m_gate->setVisible(gate);
    if (gate)
        m_gate->setStep(document, step);
    const QStringList lines = evidence(step.state);
    m_evidenceHeading->setVisible(!gate);
    m_evidence->setVisible(!gate);
    m_evidence->setText(lines.isEmpty() ? tr("No evidence yet") : lines.join(QLatin1Char('\n')));
    PresentationStyle::setTone(m_evidence, lines.isEmpty() ? Tone::Muted : Tone::Plain);
    const QStringList shownNotes = notes(step.state, document.now);
    m_notesHeading->setVisible(!gate && !shownNotes.isEmpty());
    m_notes->setVisible(!gate && !shownNotes.isEmpty());
    m_notes->setText(shownNotes.join(QLatin1Char('\n')));
}

QString PresentationStepPage::times(const RunbookDocument &document,
                                    const RunbookDocument::Step &step)
{
    const QDateTime &now = document.now;
    QStringList parts;
    if (step.times.plannedStart.isValid())
        parts << tr("Planned %1")
                     .arg(RunbookText::span(step.times.plannedStart, step.times.plannedEnd, now));
    const QString progress = RunbookText::progress(step.state, step.times, now);
    parts << (step.state.isFinished() ? tr("actual %1").arg(progress) : progress);
    if (step.times.lateMinutes != 0 && document.execution)
        parts << RunbookText::versusPlan(step.times.lateMinutes);
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" \u00b7 "));
}

QStringList PresentationStepPage::evidence(const StepState &state)
{
    QStringList lines;
    const qsizetype first = std::max<qsizetype>(0, state.evidence.size() - kEvidenceShown);
    if (first > 0)
        lines << tr("%n earlier piece(s) of evidence in the runbook", nullptr, int(first));
    for (qsizetype i = first; i < state.evidence.size(); ++i)
        lines << kBullet + RunbookText::evidence(state.evidence[i]);
    return lines;
}

QStringList PresentationStepPage::notes(const StepState &state, const QDateTime &reference)
{
    QStringList lines;
    const qsizetype first = std::max<qsizetype>(0, state.notes.size() - kNotesShown);
    for (qsizetype i = first; i < state.notes.size(); ++i) {
        const StepNote &note = state.notes[i];
        const QString who = note.who.isEmpty() ? QString() : note.who + QStringLiteral(": ");
        lines << QStringLiteral("%1 %2%3").arg(RunbookText::clock(note.at, reference), who,
                                               note.text);
    }
    return lines;
}

QString PresentationStepPage::positionText() const
{
    return m_position->text();
}

QString PresentationStepPage::titleText() const
{
    return m_title->text();
}

QString PresentationStepPage::statusText() const
{
    return m_status->text();
}

QString PresentationStepPage::ownerText() const
{
    return m_owner->text();
}

QString PresentationStepPage::timesText() const
{
    return m_times->text();
}

QString PresentationStepPage::evidenceText() const
{
    return m_evidence->isVisibleTo(this) ? m_evidence->text() : QString();
}

} // namespace cutover
