#pragma once

#include "wizard/IntrospectionJob.h"

#include <QWizardPage>

class QGroupBox;

namespace cutover {

class BusyRow;
class PasswordProvider;
class SchemaSummary;
struct MigrationDraft;

// Page 2: reads both schemas on a worker thread (QtConcurrent) with a busy bar and Cancel, and
// shows what each holds or why it could not be read. A generation counter drops the result of
// a read that was cancelled or superseded.
class IntrospectionPage : public QWizardPage
{
    Q_OBJECT
public:
    IntrospectionPage(MigrationDraft *draft, const PasswordProvider *passwords,
                      QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    BusyRow *busyRow() const { return m_busy; }
    SchemaSummary *sourceSummary() const { return m_source; }
    SchemaSummary *targetSummary() const { return m_target; }

private:
    void start();
    void cancel();
    void finish(quint64 generation, const IntrospectionJob::Outcome &outcome);
    QString sideTitle(const QString &role, const ConnectionSpec &spec) const;

    MigrationDraft *m_draft;
    const PasswordProvider *m_passwords;
    BusyRow *m_busy = nullptr;
    SchemaSummary *m_source = nullptr;
    SchemaSummary *m_target = nullptr;
    QGroupBox *m_sourceBox = nullptr;
    QGroupBox *m_targetBox = nullptr;
    quint64 m_generation = 0;
    bool m_ready = false;
};

} // namespace cutover
