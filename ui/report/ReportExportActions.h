#pragma once

#include "ReportExport.h"
#include "core/Error.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QObject>
#include <memory>

class QAction;
class QMenu;
class QPrinter;
class QWidget;

namespace cutover {

// Exports and prints the report shown in the viewer. Export writes HTML, PDF, JSON or Markdown
// with the engine's writers (ReportExport, as cutover-cli does), compared with the earlier report
// when there is one, off the GUI thread, atomically; print lays the report out as the PDF does
// and sends it through QPrintDialog's printer (printOn, which a test gives a PDF printer).
class ReportExportActions : public QObject
{
    Q_OBJECT

public:
    explicit ReportExportActions(QWidget *parent);

    void setReport(const ReconcileReport &report, const ReportComparison &comparison);
    void clear();

    // "Export" with an action per format, asking for the file; and "Print…".
    QMenu *exportMenu() const { return m_menu; }
    QAction *printAction() const { return m_print; }

    // Writes the report to file in format, off the GUI thread: exported or exportFailed.
    void exportTo(const QString &file, ReportExport::Format format);
    // Asks for a file, then exports to it.
    void chooseFileAndExport(ReportExport::Format format);
    // Shows QPrintDialog and prints the report on the printer chosen (printOn): printed.
    void print();
    // Prints the report on printer (no dialog); false without a report or when the printer
    // could not be opened (e.g. an output file that cannot be written).
    bool printOn(QPrinter &printer) const;
    // "demo-reconciliation-2024-05-01-1234.pdf"
    static QString suggestedName(const ReconcileReport &report, ReportExport::Format format);

Q_SIGNALS:
    void exported(const QString &file);
    void exportFailed(const cutover::Error &error);
    // The dialog's printer printed the report: its output file, else the printer's name.
    void printed(const QString &destination);

private:
    struct Shown
    {
        ReconcileReport report;
        ReportComparison comparison;
    };

    QWidget *m_parent;
    std::shared_ptr<const Shown> m_shown;
    QMenu *m_menu = nullptr;
    QAction *m_print = nullptr;
    QString m_lastDirectory;
};

} // namespace cutover
