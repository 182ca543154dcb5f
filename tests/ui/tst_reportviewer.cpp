// The reconciliation report viewer on a real run of the demo: a clean run reconciled from the
// viewer, then the target corrupted (a patient deleted, another's name and e-mail changed) and
// reconciled again. The viewer shows patient as Fail, lists the deleted row as missing and the
// changed one as modified with the differing columns marked and the e-mail masked, compares with
// the clean report (new differences), filters the differing rows by kind with its buttons, asks
// for a row's or a table's mapping (double-click, button, context menu), exports the four
// formats, prints to a PDF (directly, and through the print dialog), reads stored reports back
// and drops a stale request's result. With CUTOVER_REPORT_SHOTS=DIR it saves screenshots there.
#include "ProjectHistory.h"
#include "ReportComparisonModel.h"
#include "ReportFindingsModel.h"
#include "ReportProfilesModel.h"
#include "ReportRowsFilterModel.h"
#include "ReportRowsModel.h"
#include "ReportTablesModel.h"
#include "SqliteFile.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "report/ReportComparisonPane.h"
#include "report/ReportExportActions.h"
#include "report/ReportFacts.h"
#include "report/ReportHeader.h"
#include "report/ReportKindFilter.h"
#include "report/ReportTableDetail.h"
#include "report/ReportViewer.h"
#include "run/RunController.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace cutover;
using test::SqliteFile;
using Kind = ReportRowsModel::Kind;

namespace {

constexpr int kTimeout = 120000;
const QString kChangedName = QStringLiteral("Corrupted Name");
const QString kLeakedEmail = QStringLiteral("leak@corrupt.example");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The item for column under a top-level row of a rows model.
QModelIndex columnItem(const ReportRowsModel &model, int row, const QString &column)
{
    const QModelIndex parent = model.index(row, 0);
    for (int r = 0; r < model.rowCount(parent); ++r)
        if (model.index(r, 0, parent).data(ReportRowsModel::ColumnNameRole) == column)
            return model.index(r, 0, parent);
    return {};
}

QStringList allText(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        for (int column = 0; column < model.columnCount(parent); ++column)
            texts << model.index(row, column, parent).data().toString();
        texts << allText(model, model.index(row, 0, parent));
    }
    return texts;
}

// The item for column under a row of the differences view.
QModelIndex shownColumnItem(const QAbstractItemModel &model, const QModelIndex &row,
                            const QString &column)
{
    for (int r = 0; r < model.rowCount(row); ++r)
        if (model.index(r, 0, row).data(ReportRowsModel::ColumnNameRole) == column)
            return model.index(r, 0, row);
    return {};
}

// A double-click as the window system sends it: a click, then the double-click and its release.
void doubleClick(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    const QPoint at = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, at);
}

// Answers the next print dialog once it shows (it runs modal): prints to file through the
// dialog's own "Print to File (PDF)" printer and its Print button, or cancels without a file.
void answerPrintDialog(const QString &file, bool *seen)
{
    QTimer::singleShot(50, [file, seen] {
        auto *dialog = qobject_cast<QPrintDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible()) {
            answerPrintDialog(file, seen); // not up yet
            return;
        }
        *seen = true;
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        if (file.isEmpty() || !buttons) {
            dialog->reject();
            return;
        }
        if (auto *printers = dialog->findChild<QComboBox *>(QStringLiteral("printers")))
            printers->setCurrentIndex(printers->count() - 1); // the file printer comes last
        if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("filename")))
            name->setText(file);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
}

void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CUTOVER_REPORT_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(100); // let layouts settle before the grab
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestReportViewer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Project> m_project;
    QString m_target;
    QString m_cleanReportId;
    QString m_deletedKey;
    QString m_changedKey;
    std::unique_ptr<ReportViewer> m_viewer;

    bool reconcile()
    {
        QSignalSpy shown(m_viewer.get(), &ReportViewer::reportShown);
        QSignalSpy failed(m_viewer.get(), &ReportViewer::loadFailed);
        m_viewer->reconcile(*m_project);
        if (!m_viewer->isBusy())
            return false;
        if (!QTest::qWaitFor([&] { return !shown.isEmpty() || !failed.isEmpty(); }, kTimeout))
            return false;
        if (!failed.isEmpty())
            qWarning() << failed.first().first().value<Error>().toString();
        return failed.isEmpty() && !m_viewer->isBusy();
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 300;
        QVERIFY(DemoGenerator::generate(options).ok());
        auto project = ProjectReader::load(m_dir.filePath(DemoGenerator::projectFileName()));
        QVERIFY(project.ok());
        project->settings.maxErrorRate = 0.5;
        m_project = *project;
        m_target = m_dir.filePath(QStringLiteral("modern.sqlite"));

        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        RunOptions run;
        run.batchSize = 100;
        QVERIFY(controller.start(*m_project, run));
        QVERIFY(finished.wait(kTimeout));
        QVERIFY(QFile::exists(m_target));

        m_viewer = std::make_unique<ReportViewer>();
        m_viewer->resize(1280, 820);
        m_viewer->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_viewer.get()));
    }

    void cleanRunReconciledFromTheViewer()
    {
        QAbstractItemModelTester tester(m_viewer->tablesModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(reconcile());
        const ReconcileReport *report = m_viewer->report();
        QVERIFY(report);
        QVERIFY(report->tables.size() >= 5);
        for (const TableReconciliation &t : report->tables) {
            QCOMPARE(t.missing, 0);
            QCOMPARE(t.modified, 0);
        }
        QVERIFY(report->status != ReconcileStatus::Fail);
        QCOMPARE(m_viewer->tablesModel()->rowCount(), int(report->tables.size()));
        QVERIFY(!m_viewer->header()->badgeText().contains(QStringLiteral("FAIL")));
        m_cleanReportId = report->reportId;
    }

    void corruptedTargetFails()
    {
        QVERIFY(!m_cleanReportId.isEmpty());
        m_deletedKey = SqliteFile::scalar(m_target, QStringLiteral("SELECT id FROM patient ORDER "
                                                                   "BY id LIMIT 1"));
        m_changedKey = SqliteFile::scalar(m_target, QStringLiteral("SELECT id FROM patient ORDER "
                                                                   "BY id LIMIT 1 OFFSET 5"));
        QVERIFY(!m_deletedKey.isEmpty() && !m_changedKey.isEmpty());
        QCOMPARE(
            SqliteFile::create(
                m_target, {QStringLiteral("DELETE FROM patient WHERE id = '%1'").arg(m_deletedKey),
                           QStringLiteral("UPDATE patient SET full_name = '%1', email = '%2' "
                                          "WHERE id = '%3'")
                               .arg(kChangedName, kLeakedEmail, m_changedKey)}),
            QString());
        QVERIFY(reconcile());

        const ReconcileReport *report = m_viewer->report();
        QCOMPARE(report->status, ReconcileStatus::Fail);
        QVERIFY(report->masked);
        QVERIFY(m_viewer->header()->badgeText().contains(QStringLiteral("FAIL")));
        const ReportTablesModel &tables = *m_viewer->tablesModel();
        const int row = tables.rowOf(QStringLiteral("patient"));
        QVERIFY(row >= 0);
        const QModelIndex status = tables.index(row, ReportTablesModel::StatusColumn);
        QCOMPARE(status.data(ReportTablesModel::StatusRole).toInt(), int(ReconcileStatus::Fail));
        QVERIFY(status.data().toString().contains(QStringLiteral("Fail")));
        QCOMPARE(tables.index(row, ReportTablesModel::MissingColumn)
                     .data(ReportTablesModel::CountRole)
                     .toLongLong(),
                 1);
        QCOMPARE(tables.index(row, ReportTablesModel::ModifiedColumn)
                     .data(ReportTablesModel::CountRole)
                     .toLongLong(),
                 1);
        // the first failing table comes up by itself: patient, parents first
        QCOMPARE(m_viewer->shownTable(), QStringLiteral("patient"));
    }

    void drillDownToTheRows()
    {
        QVERIFY(m_viewer->showTable(QStringLiteral("patient")));
        ReportTableDetail *detail = m_viewer->detail();
        QCOMPARE(detail->table(), QStringLiteral("patient"));
        ReportRowsModel &rows = *detail->differencesModel();
        QAbstractItemModelTester tester(&rows,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int missing = rows.rowOf(Kind::Missing, m_deletedKey);
        QVERIFY2(missing >= 0, qPrintable(allText(rows).join(QStringLiteral(" | "))));
        const int modified = rows.rowOf(Kind::Modified, m_changedKey);
        QVERIFY(modified >= 0);

        const QModelIndex name = columnItem(rows, modified, QStringLiteral("full_name"));
        QVERIFY(name.isValid());
        QVERIFY(name.data(ReportRowsModel::DifferingRole).toBool());
        QCOMPARE(name.siblingAtColumn(ReportRowsModel::ActualColumn).data().toString(),
                 kChangedName);
        QVERIFY(name.siblingAtColumn(ReportRowsModel::ExpectedColumn).data().toString() !=
                kChangedName);
        QVERIFY(
            name.siblingAtColumn(ReportRowsModel::ActualColumn).data(Qt::BackgroundRole).isValid());
        // a column that did not change is listed unmarked, when the row is in the sample
        const QModelIndex site = columnItem(rows, modified, QStringLiteral("site"));
        if (site.isValid())
            QVERIFY(!site.data(ReportRowsModel::DifferingRole).toBool());

        // the e-mail changed too, and stays masked
        const QModelIndex email = columnItem(rows, modified, QStringLiteral("email"));
        QVERIFY(email.isValid());
        QVERIFY(email.data(ReportRowsModel::DifferingRole).toBool());
        QVERIFY(email.data(ReportRowsModel::MaskedRole).toBool());
        QCOMPARE(email.siblingAtColumn(ReportRowsModel::ActualColumn).data().toString(),
                 QString::fromUtf16(ReportFacts::kMask));
        for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{
                 &rows, detail->sampleModel(), detail->profilesModel(), detail->findingsModel()})
            for (const QString &text : allText(*model))
                QVERIFY2(!text.contains(kLeakedEmail), qPrintable(text));

        // the view shows it: the Differences tab, the row unfolded
        QCOMPARE(detail->currentTab(), ReportTableDetail::DifferencesTab);
        QVERIFY(detail->tabs()
                    ->tabText(ReportTableDetail::DifferencesTab)
                    .contains(QStringLiteral("(2)")));
        QVERIFY(m_viewer->showDifference(Kind::Modified));
        const ReportRowsFilterModel *shown = detail->differencesFilter();
        QCOMPARE(detail->differencesView()->model(), shown);
        QVERIFY(detail->differencesView()->isExpanded(shown->shownIndex(modified)));
        QCOMPARE(shown->mapToSource(detail->differencesView()->currentIndex()).row(), modified);

        QAbstractItemModelTester profiles(detail->profilesModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(detail->profilesModel()->rowOf(QStringLiteral("full_name")) >= 0);
        QVERIFY(detail->profilesModel()->differingColumns() > 0);
        saveShot(*m_viewer, QStringLiteral("report-viewer.png"));
        detail->showTab(ReportTableDetail::ColumnsTab);
        saveShot(*m_viewer, QStringLiteral("report-columns.png"));
        detail->showTab(ReportTableDetail::SummaryTab);
        QVERIFY(detail->summaryView()->toPlainText().contains(QStringLiteral("Missing")));
        saveShot(*m_viewer, QStringLiteral("report-summary.png"));

        // the deleted patient's visits lost their parent
        QVERIFY(m_viewer->showTable(QStringLiteral("encounter")));
        if (detail->findingsModel()->rowsOf(ReportFindingsModel::Kind::Orphan) > 0) {
            detail->showTab(ReportTableDetail::FindingsTab);
            saveShot(*m_viewer, QStringLiteral("report-findings.png"));
        }
        QVERIFY(m_viewer->showTable(QStringLiteral("patient")));
    }

    // The buttons above the rows filter them by kind, each counting its rows.
    void filtersTheDifferencesByKind()
    {
        QVERIFY(m_viewer->showTable(QStringLiteral("patient")));
        ReportTableDetail *detail = m_viewer->detail();
        detail->showTab(ReportTableDetail::DifferencesTab);
        QTreeView *view = detail->differencesView();
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ReportKindFilter *filter = detail->kindFilter();
        QAbstractButton *all = filter->button(std::nullopt);
        QAbstractButton *missing = filter->button(Kind::Missing);
        QAbstractButton *extra = filter->button(Kind::Extra);
        QAbstractButton *modified = filter->button(Kind::Modified);
        QVERIFY(all->isVisible() && missing->isVisible());
        QCOMPARE(all->text(), QStringLiteral("All (2)"));
        QCOMPARE(missing->text(), QStringLiteral("Missing (1)"));
        QCOMPARE(extra->text(), QStringLiteral("Extra (0)"));
        QCOMPARE(modified->text(), QStringLiteral("Modified (1)"));
        QVERIFY(!extra->isEnabled()); // nothing to show
        QVERIFY(all->isChecked());
        QCOMPARE(view->model()->rowCount(), 2);
        // the labels are whole and side by side, in one row
        QVERIFY(missing->width() >= missing->sizeHint().width());
        QCOMPARE(missing->y(), all->y());
        QVERIFY(missing->x() > all->x() + all->width() - 1);

        QTest::mouseClick(missing, Qt::LeftButton);
        QVERIFY(missing->isChecked() && !all->isChecked());
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, ReportRowsModel::TargetKeyColumn).data().toString(),
                 m_deletedKey);
        // the row shown is current, for Open Mapping
        QCOMPARE(view->currentIndex().data(ReportRowsModel::KindRole).toInt(), int(Kind::Missing));
        QVERIFY(detail->openMappingAction()->isEnabled());
        saveShot(*m_viewer, QStringLiteral("report-filter.png"));

        // from the keyboard: Space on the focused button
        modified->setFocus();
        QTest::keyClick(modified, Qt::Key_Space);
        QVERIFY(modified->isChecked() && !missing->isChecked());
        QCOMPARE(view->model()->rowCount(), 1);
        const QModelIndex row = view->model()->index(0, 0);
        QCOMPARE(row.data(ReportRowsModel::TargetKeyRole).toString(), m_changedKey);
        QVERIFY(view->isExpanded(row));           // its columns unfolded, as with every kind
        QTest::mouseClick(extra, Qt::LeftButton); // disabled: nothing changes
        QVERIFY(modified->isChecked());
        QCOMPARE(view->model()->rowCount(), 1);

        // a row of a kind filtered out, asked for: every kind shown again
        QVERIFY(m_viewer->showDifference(Kind::Missing));
        QVERIFY(all->isChecked());
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->currentIndex().data(ReportRowsModel::KindRole).toInt(), int(Kind::Missing));

        // another table keeps the kind while it has such rows, else shows them all
        QTest::mouseClick(modified, Qt::LeftButton);
        QVERIFY(m_viewer->showTable(QStringLiteral("encounter")));
        const auto kind = detail->differencesFilter()->kind();
        QVERIFY(!kind || detail->differencesModel()->rowsOf(*kind) > 0);
        QCOMPARE(all->isChecked(), !kind.has_value());
        QVERIFY(m_viewer->showTable(QStringLiteral("patient")));
        QTest::mouseClick(all, Qt::LeftButton);
        QCOMPARE(view->model()->rowCount(), 2);
    }

    // A differing row, or a table, asks for its mapping: QuarantineBrowser's jump.
    void aDifferingRowOpensItsMapping()
    {
        QVERIFY(m_viewer->showTable(QStringLiteral("patient")));
        ReportTableDetail *detail = m_viewer->detail();
        QTreeView *view = detail->differencesView();
        QSignalSpy jumps(m_viewer.get(), &ReportViewer::mappingJumpRequested);
        QVERIFY(m_viewer->showDifference(Kind::Modified));
        const QModelIndex modified = view->currentIndex();
        const QStringList differing =
            modified.data(ReportRowsModel::DifferingColumnsRole).toStringList();
        QVERIFY2(differing.contains(QStringLiteral("full_name")) &&
                     differing.contains(QStringLiteral("email")),
                 qPrintable(differing.join(QStringLiteral(", "))));
        const QString changedKey = modified.data(ReportRowsModel::SourceKeyRole).toString();
        QVERIFY2(changedKey.startsWith(QLatin1Char('[')), qPrintable(changedKey)); // ledger JSON

        // a double-click on the row: its first differing column, its source key
        doubleClick(view, modified.siblingAtColumn(ReportRowsModel::TargetKeyColumn));
        QCOMPARE(jumps.size(), 1);
        QCOMPARE(jumps.last(),
                 QVariantList({QStringLiteral("patient"), differing.first(), changedKey}));
        QVERIFY(view->isExpanded(modified)); // not folded by the double-click
        // on one of its columns: that column
        const QModelIndex email =
            shownColumnItem(*view->model(), modified, QStringLiteral("email"));
        QVERIFY(email.isValid());
        doubleClick(view, email.siblingAtColumn(ReportRowsModel::ActualColumn));
        QCOMPARE(jumps.size(), 2);
        QCOMPARE(jumps.last(),
                 QVariantList({QStringLiteral("patient"), QStringLiteral("email"), changedKey}));

        // the missing row by the Open Mapping button: no column known, its source key
        QVERIFY(m_viewer->showDifference(Kind::Missing));
        const QString deletedKey =
            view->currentIndex().data(ReportRowsModel::SourceKeyRole).toString();
        QVERIFY(deletedKey.startsWith(QLatin1Char('[')) && deletedKey != changedKey);
        auto *button = detail->findChild<QToolButton *>(QStringLiteral("reportOpenMappingButton"));
        QVERIFY(button && button->isVisible() && button->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Open Mapping"));
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(jumps.size(), 3);
        QCOMPARE(jumps.last(), QVariantList({QStringLiteral("patient"), QString(), deletedKey}));

        // by the context menu of the rows
        QTimer::singleShot(50, [] {
            if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
                QTest::keyClick(menu, Qt::Key_Down);
                QTest::keyClick(menu, Qt::Key_Return);
            }
        });
        const QPoint at = view->visualRect(view->currentIndex()).center();
        QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, at,
                                    view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &menuEvent);
        QTRY_COMPARE(jumps.size(), 4);
        QCOMPARE(jumps.last(), QVariantList({QStringLiteral("patient"), QString(), deletedKey}));

        // a table of the report: its first differing column, no key
        const TableReconciliation *patient = m_viewer->report()->table(QStringLiteral("patient"));
        QString firstDiffering;
        for (const ColumnComparisonSummary &c : patient->columns)
            if (c.differing > 0 && firstDiffering.isEmpty())
                firstDiffering = c.column;
        QVERIFY(!firstDiffering.isEmpty());
        QTableView *tables = m_viewer->tablesView();
        doubleClick(tables, m_viewer->tablesModel()->index(
                                m_viewer->tablesModel()->rowOf(QStringLiteral("patient")),
                                ReportTablesModel::TableColumn));
        QCOMPARE(jumps.size(), 5);
        QCOMPARE(jumps.last(),
                 QVariantList({QStringLiteral("patient"), firstDiffering, QString()}));
        QVERIFY(tables->actions().contains(m_viewer->openTableMappingAction()));
        m_viewer->openTableMappingAction()->trigger();
        QCOMPARE(jumps.size(), 6);
        QCOMPARE(jumps.last().at(0).toString(), QStringLiteral("patient"));
    }

    void comparedWithTheCleanReport()
    {
        const ReportComparison &comparison = m_viewer->comparison();
        QVERIFY(comparison.hasPrevious());
        QCOMPARE(comparison.previous()->reportId, m_cleanReportId);
        ReportComparisonModel &model = *m_viewer->comparisonPane()->model();
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = model.rowOf(QStringLiteral("patient"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, 0).data(ReportComparisonModel::NewRole).toLongLong(), 2);
        QCOMPARE(model.index(row, 0).data(ReportComparisonModel::ResolvedRole).toLongLong(), 0);
        const QStringList added =
            model.index(row, 0).data(ReportComparisonModel::NewRowsRole).toStringList();
        QVERIFY(added.contains(QStringLiteral("missing ") + m_deletedKey));
        QVERIFY(added.contains(QStringLiteral("modified ") + m_changedKey));
        QVERIFY(m_viewer->comparisonPane()->summaryText().startsWith(QStringLiteral("2 new")) ||
                m_viewer->comparisonPane()->summaryText().contains(
                    QStringLiteral(" new and 0 resolved")));
        // the overview says what changed
        const QString change =
            m_viewer->tablesModel()
                ->index(m_viewer->tablesModel()->rowOf(QStringLiteral("patient")),
                        ReportTablesModel::ChangeColumn)
                .data()
                .toString();
        QVERIFY2(change.contains(QStringLiteral("missing +1")), qPrintable(change));
        m_viewer->showComparison(true);
        saveShot(*m_viewer, QStringLiteral("report-comparison.png"));
        m_viewer->showComparison(false);
    }

    void exportsTheFourFormats()
    {
        QSignalSpy exported(m_viewer.get(), &ReportViewer::reportExported);
        QSignalSpy failed(m_viewer.get(), &ReportViewer::exportFailed);
        QMap<ReportExport::Format, QString> files;
        for (const ReportExport::Format format : ReportExport::formats()) {
            files.insert(format,
                         m_dir.filePath(QStringLiteral("export.") + ReportExport::suffix(format)));
            m_viewer->exportReport(files.value(format), format);
        }
        QVERIFY(QTest::qWaitFor([&] { return exported.size() + failed.size() == 4; }, kTimeout));
        QCOMPARE(failed.size(), 0);
        const QJsonObject json =
            QJsonDocument::fromJson(readAll(files.value(ReportExport::Format::Json))).object();
        QCOMPARE(json.value(QStringLiteral("reportId")).toString(), m_viewer->report()->reportId);
        bool listed = false;
        for (const QJsonValue &t : json.value(QStringLiteral("tables")).toArray())
            listed =
                listed || t.toObject().value(QStringLiteral("table")) == QStringLiteral("patient");
        QVERIFY(listed);
        const QByteArray html = readAll(files.value(ReportExport::Format::Html));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("patient"));
        QVERIFY(!html.contains(kLeakedEmail.toUtf8()));
        const QByteArray markdown = readAll(files.value(ReportExport::Format::Markdown));
        QVERIFY(markdown.startsWith("# Migration Reconciliation Report"));
        QVERIFY(markdown.contains("patient"));
        QVERIFY(markdown.contains("Since previous report"));
        QVERIFY(readAll(files.value(ReportExport::Format::Pdf)).startsWith("%PDF"));
    }

    // Printing itself takes a QPrinter: a PDF printer on the offscreen platform, no dialog.
    void printsToAPdf()
    {
        const QString file = m_dir.filePath(QStringLiteral("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(file);
        QVERIFY(m_viewer->exportActions()->printOn(printer));
        const QByteArray pdf = readAll(file);
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdf.size() > 20000, qPrintable(QString::number(pdf.size())));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));

        // nothing to print without a report, nor on a printer that cannot write its file
        QWidget parent;
        ReportExportActions none(&parent);
        QPrinter empty(QPrinter::HighResolution);
        empty.setOutputFormat(QPrinter::PdfFormat);
        empty.setOutputFileName(m_dir.filePath(QStringLiteral("none.pdf")));
        QVERIFY(!none.printOn(empty));
        QVERIFY(!QFile::exists(empty.outputFileName()));
        QPrinter unwritable(QPrinter::HighResolution);
        unwritable.setOutputFormat(QPrinter::PdfFormat);
        unwritable.setOutputFileName(m_dir.filePath(QStringLiteral("no/such/folder/x.pdf")));
        QVERIFY(!m_viewer->exportActions()->printOn(unwritable));
    }

    // The Print button's dialog prints with the same function, on the printer chosen there.
    void printDialogPrintsTheSame()
    {
        const QString file = m_dir.filePath(QStringLiteral("dialog.pdf"));
        QSignalSpy printed(m_viewer->exportActions(), &ReportExportActions::printed);
        auto *button = m_viewer->findChild<QToolButton *>(QStringLiteral("reportPrintButton"));
        QVERIFY(button && button->isEnabled());

        bool seen = false;
        answerPrintDialog(QString(), &seen); // cancelled: nothing printed
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(seen);
        QCOMPARE(printed.size(), 0);

        seen = false;
        answerPrintDialog(file, &seen);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(seen);
        QCOMPARE(printed.size(), 1);
        QCOMPARE(printed.first().first().toString(), QDir::toNativeSeparators(file));
        const QByteArray pdf = readAll(file);
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdf.size() > 20000, qPrintable(QString::number(pdf.size())));
        QVERIFY2(m_viewer->statusText().startsWith(QStringLiteral("Printed to")),
                 qPrintable(m_viewer->statusText()));
    }

    void storedReportsReadBack()
    {
        const QString failing = m_viewer->report()->reportId;
        QSignalSpy shown(m_viewer.get(), &ReportViewer::reportShown);
        m_viewer->loadReport(*m_project, m_cleanReportId.left(8));
        QVERIFY(shown.wait(kTimeout));
        QCOMPARE(m_viewer->report()->reportId, m_cleanReportId);
        QVERIFY(m_viewer->report()->status != ReconcileStatus::Fail);
        // the box offers nothing made after the clean report
        QCOMPARE(m_viewer->comparisonPane()->earlierBox()->findData(failing), -1);

        // a newer request makes the older one stale: only the newest report is shown
        shown.clear();
        m_viewer->loadReport(*m_project, m_cleanReportId);
        m_viewer->loadReport(*m_project); // the newest: the failing one
        QVERIFY(shown.wait(kTimeout));
        QTest::qWait(200);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(m_viewer->report()->reportId, failing);
        QCOMPARE(m_viewer->comparison().previous()->reportId, m_cleanReportId);

        // compare with a report chosen from the box
        QSignalSpy failed(m_viewer.get(), &ReportViewer::loadFailed);
        m_viewer->compareWith(m_cleanReportId);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_viewer->statusText().startsWith(QStringLiteral("Compared")); },
            kTimeout));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(m_viewer->comparison().previous()->reportId, m_cleanReportId);

        // the stored list as ProjectHistory reads it feeds the box too
        m_viewer->setStoredReports(ProjectHistory::read(*m_project, nullptr).reports);
        QVERIFY(m_viewer->comparisonPane()->earlierBox()->findData(m_cleanReportId) >= 0);

        m_viewer->loadReport(*m_project, QStringLiteral("zzzz"));
        QVERIFY(failed.wait(kTimeout));
        QCOMPARE(m_viewer->report()->reportId, failing); // still shown
    }

    void screenshotStateOfAFreshViewer()
    {
        // what view-shots does: a report in hand, the worst table and its modified row
        ReportViewer viewer;
        viewer.resize(1280, 820);
        viewer.setReport(*m_viewer->report(), *m_viewer->comparison().previous());
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QCOMPARE(viewer.shownTable(), QStringLiteral("patient"));
        const QModelIndex current = viewer.detail()->differencesView()->currentIndex();
        QCOMPARE(current.data(ReportRowsModel::KindRole).toInt(), int(Kind::Modified));
        viewer.clear();
        QVERIFY(!viewer.hasReport());
        QCOMPARE(viewer.tablesModel()->rowCount(), 0);
        QVERIFY(viewer.header()->badgeText().isEmpty());
        // what to do instead of empty panes
        const auto *placeholder = viewer.findChild<QLabel *>(QStringLiteral("reportPlaceholder"));
        QVERIFY(placeholder && placeholder->isVisible());
        QVERIFY(!viewer.tablesView()->isVisible());
        saveShot(viewer, QStringLiteral("report-empty.png"));
    }

    // Last, since a reconciliation that beats its cancel would store a report: none is stored.
    void cancelledOrDestroyedMidway()
    {
        ReconcileOptions options;
        options.store = false;
        QSignalSpy shown(m_viewer.get(), &ReportViewer::reportShown);
        QSignalSpy busy(m_viewer.get(), &ReportViewer::busyChanged);
        m_viewer->reconcile(*m_project, options);
        QVERIFY(m_viewer->isBusy());
        m_viewer->cancel();
        QVERIFY(!m_viewer->isBusy());
        QCOMPARE(busy.size(), 2);
        {
            ReportViewer doomed;
            doomed.reconcile(*m_project, options);
            QVERIFY(doomed.isBusy());
        } // gone while its reconciliation runs
        QVERIFY(QThreadPool::globalInstance()->waitForDone(kTimeout));
        QTest::qWait(50); // a dropped result would come now
        QCOMPARE(shown.size(), 0);
        QVERIFY(m_viewer->statusText().startsWith(QStringLiteral("Cancelled")));
    }
};

QTEST_MAIN(TestReportViewer)
#include "tst_reportviewer.moc"
