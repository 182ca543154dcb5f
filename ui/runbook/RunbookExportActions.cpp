#include "RunbookExportActions.h"

#include "runbook/StatusUpdate.h"
#include "runbook/StatusUpdateWriter.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QMenu>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

namespace {

using Format = RunbookExport::Format;

QString formatTitle(Format format)
{
    switch (format) {
    case Format::Text:
        return QObject::tr("Text");
    case Format::Markdown:
        return QObject::tr("Markdown");
    case Format::Html:
        return QObject::tr("HTML");
    case Format::Pdf:
        break;
    }
    return QObject::tr("PDF");
}

} // namespace

RunbookExportActions::RunbookExportActions(DocumentSource source, QWidget *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_parent(parent)
    , m_menu(new QMenu(parent))
    , m_lastDirectory(QDir::homePath())
{
    m_menu->setObjectName(QStringLiteral("runbookExportMenu"));
    QAction *copy = m_menu->addAction(tr("Copy the status update as text"), this,
                                      &RunbookExportActions::copyStatusUpdate);
    copy->setObjectName(QStringLiteral("copyStatusUpdate"));
    copy->setToolTip(tr("For a chat or an e-mail to the stakeholders"));
    m_menu->addSeparator();
    addExports(What::StatusUpdate, tr("Status update"));
    m_menu->addSeparator();
    addExports(What::Runbook, tr("Runbook"));
}

void RunbookExportActions::addExports(What what, const QString &title)
{
    for (Format format : {Format::Markdown, Format::Html, Format::Pdf})
        m_menu->addAction(tr("Export the %1 as %2…").arg(title.toLower(), formatTitle(format)),
                          this, [this, what, format] { chooseFileAndExport(what, format); });
}

bool RunbookExportActions::copyStatusUpdate()
{
    const RunbookDocument *document = m_source();
    if (!document)
        return false;
    QGuiApplication::clipboard()->setText(StatusUpdateWriter::text(StatusUpdate::of(*document)));
    Q_EMIT copied(tr("the status update"));
    return true;
}

QString RunbookExportActions::suggestedName(const RunbookDocument &document, What what,
                                            Format format)
{
    QString project = document.project;
    project.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    return QStringLiteral("%1-%2-%3.%4")
        .arg(project.isEmpty() ? QStringLiteral("project") : project,
             what == What::Runbook ? QStringLiteral("runbook") : QStringLiteral("status"),
             document.now.toUTC().toString(QStringLiteral("yyyy-MM-dd-HHmm")),
             RunbookExport::suffix(format));
}

void RunbookExportActions::chooseFileAndExport(What what, Format format)
{
    const RunbookDocument *document = m_source();
    if (!document)
        return;
    const QString suffix = RunbookExport::suffix(format);
    const QString title = what == What::Runbook ? tr("runbook") : tr("status update");
    const QString file = QFileDialog::getSaveFileName(
        m_parent, tr("Export the %1 as %2").arg(title, formatTitle(format)),
        QDir(m_lastDirectory).filePath(suggestedName(*document, what, format)),
        tr("%1 files (*.%2)").arg(formatTitle(format), suffix));
    if (file.isEmpty())
        return;
    m_lastDirectory = QFileInfo(file).absolutePath();
    exportTo(QFileInfo(file).suffix().isEmpty() ? file + QLatin1Char('.') + suffix : file, what,
             format);
}

void RunbookExportActions::exportTo(const QString &file, What what, Format format)
{
    const RunbookDocument *shown = m_source();
    if (!shown) {
        Q_EMIT exportFailed(Error(Error::Code::Usage, tr("the runbook is not read yet"), file));
        return;
    }
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        const Result<void> written = watcher->result();
        if (written)
            Q_EMIT exported(file);
        else
            Q_EMIT exportFailed(written.error());
    });
    watcher->setFuture(QtConcurrent::run([document = *shown, file, what, format] {
        if (what == What::Runbook)
            return RunbookExport::write(file, RunbookExport::runbook(document, format),
                                        QStringLiteral("runbook"));
        return RunbookExport::write(file, RunbookExport::statusUpdate(document, format),
                                    QStringLiteral("status update"));
    }));
}

} // namespace cutover
