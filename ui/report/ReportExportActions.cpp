#include "report/ReportExportActions.h"

#include "report/HtmlReportWriter.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QPrintDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

ReportExportActions::ReportExportActions(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
    , m_menu(new QMenu(tr("Export"), parent))
    , m_print(new QAction(tr("Print\u2026"), this))
    , m_lastDirectory(QDir::homePath())
{
    m_menu->setObjectName(QStringLiteral("reportExportMenu"));
    for (const ReportExport::Format format : ReportExport::formats()) {
        QAction *action = m_menu->addAction(tr("%1\u2026").arg(ReportExport::title(format)));
        action->setObjectName(QStringLiteral("reportExport_") + ReportExport::suffix(format));
        connect(action, &QAction::triggered, this, [this, format] { chooseFileAndExport(format); });
    }
    m_print->setObjectName(QStringLiteral("reportPrint"));
    m_print->setShortcut(QKeySequence::Print);
    m_print->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_print, &QAction::triggered, this, &ReportExportActions::print);
    clear();
}

void ReportExportActions::setReport(const ReconcileReport &report,
                                    const ReportComparison &comparison)
{
    m_shown = std::make_shared<const Shown>(Shown{report, comparison});
    m_menu->setEnabled(true);
    m_print->setEnabled(true);
}

void ReportExportActions::clear()
{
    m_shown.reset();
    m_menu->setEnabled(false);
    m_print->setEnabled(false);
}

QString ReportExportActions::suggestedName(const ReconcileReport &report,
                                           ReportExport::Format format)
{
    QString project = report.project;
    project.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    return QStringLiteral("%1-reconciliation-%2.%3")
        .arg(project.isEmpty() ? QStringLiteral("report") : project,
             report.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd-HHmm")),
             ReportExport::suffix(format));
}

void ReportExportActions::chooseFileAndExport(ReportExport::Format format)
{
    if (!m_shown)
        return;
    const QString suffix = ReportExport::suffix(format);
    const QString file = QFileDialog::getSaveFileName(
        m_parent, tr("Export the report as %1").arg(ReportExport::title(format)),
        QDir(m_lastDirectory).filePath(suggestedName(m_shown->report, format)),
        tr("%1 files (*.%2)").arg(ReportExport::title(format), suffix));
    if (file.isEmpty())
        return;
    m_lastDirectory = QFileInfo(file).absolutePath();
    exportTo(QFileInfo(file).suffix().isEmpty() ? file + QLatin1Char('.') + suffix : file, format);
}

void ReportExportActions::exportTo(const QString &file, ReportExport::Format format)
{
    if (!m_shown) {
        Q_EMIT exportFailed(Error(Error::Code::Usage, tr("no report to export"), file));
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
    watcher->setFuture(QtConcurrent::run([shown = m_shown, file, format] {
        return ReportExport::write(file, format, shown->report, shown->comparison);
    }));
}

void ReportExportActions::print()
{
    if (!m_shown)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(HtmlReportWriter::title(m_shown->report));
    QPrintDialog dialog(&printer, m_parent);
    dialog.setWindowTitle(tr("Print the reconciliation report"));
    if (dialog.exec() == QDialog::Accepted && printOn(printer))
        Q_EMIT printed(printer.outputFileName().isEmpty()
                           ? printer.printerName()
                           : QDir::toNativeSeparators(printer.outputFileName()));
}

bool ReportExportActions::printOn(QPrinter &printer) const
{
    if (!m_shown)
        return false;
    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8.5);
    document.setDefaultFont(font);
    document.setHtml(HtmlReportWriter(HtmlReportWriter::Flavour::RichText)
                         .write(m_shown->report, m_shown->comparison));
    document.print(&printer);
    return printer.printerState() != QPrinter::Error;
}

} // namespace cutover
