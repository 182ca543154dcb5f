#include "run/RunStartBar.h"

#include "run/RunOptionsDialog.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cutover {

RunStartBar::RunStartBar(QWidget *parent)
    : QWidget(parent)
{
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Run"), FullRun);
    m_mode->addItem(tr("Dry run (nothing committed)"), DryRun);
    m_mode->addItem(tr("Incremental sync"), IncrementalSync);
    m_mode->addItem(tr("Retry quarantined rows"), RetryQuarantined);
    m_mode->setToolTip(tr("A dry run writes and rolls back; an incremental sync copies the rows "
                          "above each table's watermark; a retry loads only the rows earlier "
                          "runs quarantined."));
    m_phase = new QComboBox(this);
    m_phase->setMinimumContentsLength(14);
    m_optionsButton = new QToolButton(this);
    m_optionsButton->setText(tr("Options…"));
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_start = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start"), this);
    m_start->setDefault(true);
    m_pause = new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), tr("Pause"), this);
    m_cancel = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stops at the next batch boundary; Start resumes from there."));
    m_resume = new QLabel(this);
    m_resume->setTextFormat(Qt::PlainText);
    m_resume->setWordWrap(true);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode, 0, 0);
    layout->addWidget(m_phase, 0, 1);
    layout->addWidget(m_optionsButton, 0, 2);
    layout->addWidget(m_summary, 0, 3);
    layout->setColumnStretch(3, 1);
    layout->addWidget(m_start, 0, 4);
    layout->addWidget(m_pause, 0, 5);
    layout->addWidget(m_cancel, 0, 6);
    layout->addWidget(m_resume, 1, 0, 1, 7);

    connect(m_optionsButton, &QToolButton::clicked, this, &RunStartBar::editOptions);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &RunStartBar::updateResumeText);
    connect(m_start, &QPushButton::clicked, this, &RunStartBar::startRequested);
    connect(m_cancel, &QPushButton::clicked, this, &RunStartBar::cancelRequested);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_state == State::Paused)
            Q_EMIT resumeRequested();
        else
            Q_EMIT pauseRequested();
    });
    setState(State::Idle);
    updateSummary();
}

void RunStartBar::setProject(const Project &project)
{
    m_project = project;
    const QString phase = m_phase->currentData().toString();
    m_phase->clear();
    m_phase->addItem(tr("All tables"), QString());
    for (const Phase &p : project.phases)
        m_phase->addItem(tr("Phase: %1").arg(p.name), p.name);
    setPhase(phase);
}

void RunStartBar::setPhase(const QString &phase)
{
    m_phase->setCurrentIndex(qMax(0, m_phase->findData(phase)));
}

void RunStartBar::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(mode));
}

void RunStartBar::setState(State state)
{
    m_state = state;
    const bool idle = state == State::Idle;
    m_start->setEnabled(idle);
    m_mode->setEnabled(idle);
    m_phase->setEnabled(idle);
    m_optionsButton->setEnabled(idle);
    m_pause->setEnabled(state == State::Running || state == State::Paused);
    m_cancel->setEnabled(state == State::Running || state == State::Paused);
    const bool paused = state == State::Paused;
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_cancel->setText(state == State::Stopping ? tr("Stopping…") : tr("Cancel"));
    updateResumeText();
    Q_EMIT stateChanged(state);
}

void RunStartBar::setInterruptedRun(const RunRecord *run)
{
    m_interruptedRun = run ? run->runId : QString();
    m_interruptedPhase = run ? run->phase : QString();
    m_interruptedHow = !run                                  ? QString()
                       : run->status == RunStatus::Cancelled ? tr("was cancelled")
                       : run->status == RunStatus::Failed    ? tr("stopped")
                                                             : tr("was interrupted");
    updateResumeText();
}

void RunStartBar::updateResumeText()
{
    const bool resumes = !m_interruptedRun.isEmpty() && !m_options.fresh &&
                         m_state == State::Idle && m_mode->currentData() != DryRun &&
                         m_mode->currentData() != RetryQuarantined;
    m_resume->setVisible(resumes);
    if (resumes)
        m_resume->setText(
            tr("The last run, %1%2, %3: Start resumes it from its last checkpoint (Options… to "
               "start fresh instead).")
                .arg(m_interruptedRun.left(8),
                     m_interruptedPhase.isEmpty() ? QString()
                                                  : tr(" of phase %1").arg(m_interruptedPhase),
                     m_interruptedHow));
    m_start->setText(resumes ? tr("Resume run") : tr("Start"));
}

RunOptions RunStartBar::options() const
{
    RunOptions options = m_options;
    const int mode = m_mode->currentData().toInt();
    options.mode = mode == DryRun            ? RunMode::DryRun
                   : mode == IncrementalSync ? RunMode::Incremental
                                             : RunMode::Run;
    options.retryQuarantined = mode == RetryQuarantined;
    options.phase = m_phase->currentData().toString();
    return options;
}

void RunStartBar::setOptions(const RunOptions &options)
{
    m_options = options;
    setMode(options.retryQuarantined               ? RetryQuarantined
            : options.mode == RunMode::DryRun      ? DryRun
            : options.mode == RunMode::Incremental ? IncrementalSync
                                                   : FullRun);
    setPhase(options.phase);
    updateSummary();
    updateResumeText();
}

void RunStartBar::editOptions()
{
    RunOptionsDialog dialog(m_project, this);
    dialog.setOptions(options());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_options = dialog.options();
    updateSummary();
    updateResumeText();
}

void RunStartBar::updateSummary()
{
    const QLocale locale;
    QStringList parts;
    if (!m_options.tables.isEmpty())
        parts << tr("%n table(s)", nullptr, int(m_options.tables.size()));
    if (m_options.fresh)
        parts << tr("fresh start");
    if (m_options.batchSize > 0)
        parts << tr("batches of %1").arg(locale.toString(m_options.batchSize));
    if (m_options.parallelTables > 0)
        parts << tr("%n table(s) at once", nullptr, m_options.parallelTables);
    if (m_options.dropSecondaryIndexes)
        parts << tr("indexes dropped");
    if (m_options.deferForeignKeys)
        parts << tr("foreign keys deferred");
    if (!m_options.backupSqliteTarget)
        parts << tr("no backup");
    if (m_options.maxErrorRate || m_options.maxQuarantined)
        parts << tr("own limits");
    m_summary->setText(parts.join(QStringLiteral(", ")));
}

} // namespace cutover
