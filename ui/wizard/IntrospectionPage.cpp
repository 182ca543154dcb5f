#include "wizard/IntrospectionPage.h"

#include "wizard/BusyRow.h"
#include "wizard/MigrationDraft.h"
#include "wizard/SchemaSummary.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

namespace {
QGroupBox *framed(SchemaSummary *summary, QWidget *parent)
{
    auto *box = new QGroupBox(parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(summary);
    return box;
}
} // namespace

IntrospectionPage::IntrospectionPage(MigrationDraft *draft, const PasswordProvider *passwords,
                                     QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_passwords(passwords)
    , m_busy(new BusyRow(this))
    , m_source(new SchemaSummary(this))
    , m_target(new SchemaSummary(this))
{
    setTitle(tr("Read both schemas"));
    setSubTitle(tr("The tables, columns and keys of both databases, read in the background."));
    m_sourceBox = framed(m_source, this);
    m_targetBox = framed(m_target, this);
    auto *sides = new QHBoxLayout;
    sides->addWidget(m_sourceBox, 1);
    sides->addWidget(m_targetBox, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_busy);
    layout->addLayout(sides, 1);
    connect(m_busy, &BusyRow::cancelRequested, this, &IntrospectionPage::cancel);
    connect(m_busy, &BusyRow::retryRequested, this, &IntrospectionPage::start);
}

void IntrospectionPage::initializePage()
{
    m_sourceBox->setTitle(sideTitle(tr("Source"), m_draft->source.spec));
    m_targetBox->setTitle(sideTitle(tr("Target"), m_draft->target.spec));
    start();
}

void IntrospectionPage::cleanupPage()
{
    ++m_generation; // going back: a read still running is of no use
    m_busy->showDone(QString());
}

QString IntrospectionPage::sideTitle(const QString &role, const ConnectionSpec &spec) const
{
    if (spec.isServer())
        return QStringLiteral("%1: %2").arg(role, spec.displayName());
    return tr("%1: %2 (%3)")
        .arg(role, QFileInfo(spec.path()).fileName(), ConnectionSpec::productName(spec.kind()));
}

void IntrospectionPage::start()
{
    const quint64 generation = ++m_generation;
    m_ready = false;
    m_busy->showBusy(tr("Reading the source and target schemas\u2026"));
    m_source->clear(tr("Reading\u2026"));
    m_target->clear(tr("Reading\u2026"));
    Q_EMIT completeChanged();

    auto *watcher = new QFutureWatcher<IntrospectionJob::Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finish(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&IntrospectionJob::run, m_draft->source.spec,
                                         m_draft->target.spec, m_draft->target.createFile,
                                         m_passwords));
}

void IntrospectionPage::cancel()
{
    ++m_generation;
    m_busy->showStopped(tr("Stopped. Retry reads both schemas again."));
    m_source->clear(tr("Not read."));
    m_target->clear(tr("Not read."));
    Q_EMIT completeChanged();
}

void IntrospectionPage::finish(quint64 generation, const IntrospectionJob::Outcome &outcome)
{
    if (generation != m_generation)
        return; // cancelled, or a newer read was started
    const bool newFile = m_draft->target.createFile;
    if (outcome.source.schema)
        m_source->showSchema(*outcome.source.schema, false);
    else
        m_source->showError(outcome.source.error);
    if (outcome.target.schema)
        m_target->showSchema(*outcome.target.schema, newFile);
    else
        m_target->showError(outcome.target.error);

    const bool read = outcome.source.schema && outcome.target.schema;
    const bool hasTables = read && !outcome.source.schema->tables.isEmpty();
    if (read) {
        m_draft->source.schema = *outcome.source.schema;
        m_draft->target.schema = *outcome.target.schema;
    }
    m_ready = hasTables;
    if (hasTables)
        m_busy->showDone(tr("Both schemas read. Next asks auto-map for suggestions."));
    else
        m_busy->showStopped(read ? tr("The source has no tables to migrate.")
                                 : tr("A connection could not be read; go back to change it, "
                                      "or retry."));
    Q_EMIT completeChanged();
}

bool IntrospectionPage::isComplete() const
{
    return m_ready && !m_busy->isBusy();
}

} // namespace cutover
