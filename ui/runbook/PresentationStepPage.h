#pragma once

#include "runbook/RunbookDocument.h"

#include <QWidget>

class QLabel;

namespace cutover {

class PresentationGatePanel;

// One step of the runbook, large: where it sits ("Step 7 of 16 · Execution"), its title, owner
// and status, its planned, actual or forecast times, its description, and either its evidence
// and notes or, for a go / no-go step, the gate panel.
class PresentationStepPage : public QWidget
{
    Q_OBJECT

public:
    explicit PresentationStepPage(QWidget *parent = nullptr);

    // index: the step's place in the document's steps.
    void setStep(const RunbookDocument &document, qsizetype index);

    PresentationGatePanel *gatePanel() const { return m_gate; }
    QString positionText() const;
    QString titleText() const;
    QString statusText() const;
    QString ownerText() const;
    QString timesText() const;
    QString evidenceText() const;

    // "Planned 20:00–20:15 · since 20:15, ETA 20:45 · 12 min behind plan".
    static QString times(const RunbookDocument &document, const RunbookDocument::Step &step);
    // One line per piece of evidence, the newest kEvidenceShown, newest last; empty without any.
    static QStringList evidence(const StepState &state);
    // The newest notes, "22:10 Ann: text", oldest of them first.
    static QStringList notes(const StepState &state, const QDateTime &reference);

    // Notes are a running log; the room needs only the newest.
    static constexpr int kNotesShown = 3;
    static constexpr int kEvidenceShown = 4;

private:
    void setDetails(const RunbookDocument &document, const RunbookDocument::Step &step);

    QLabel *m_position = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_owner = nullptr;
    QLabel *m_times = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_evidenceHeading = nullptr;
    QLabel *m_evidence = nullptr;
    QLabel *m_notesHeading = nullptr;
    QLabel *m_notes = nullptr;
    PresentationGatePanel *m_gate = nullptr;
};

} // namespace cutover
