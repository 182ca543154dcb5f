// view-shots DEMO_PROJECT OUT_DIR [RUN_DEMO_PROJECT]: opens the workbench on the demo project and
// saves one PNG per main view into OUT_DIR, named after the view (tests/ui/screenshots.sh runs it
// under Xvfb); the run monitor is shot running RUN_DEMO_PROJECT, a bigger demo, when given.
// Each view is set up as a user would see it: an item chosen in the tree, a few edits made.
#include "MainWindow.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "QuarantineModel.h"
#include "RunHistoryModel.h"
#include "canvas/CanvasView.h"
#include "canvas/ColumnPort.h"
#include "canvas/MappingCanvas.h"
#include "canvas/MappingScene.h"
#include "canvas/OverviewCanvas.h"
#include "canvas/OverviewScene.h"
#include "canvas/SuggestionBar.h"
#include "canvas/SuggestionLine.h"
#include "connect/PasswordStore.h"
#include "connect/SessionPasswordProvider.h"
#include "connection/ConnectionDialog.h"
#include "editor/ExpressionEditor.h"
#include "editor/FindReplaceDialog.h"
#include "editor/FunctionReferencePanel.h"
#include "editor/TransformEditor.h"
#include "mapping/TableMappingEditor.h"
#include "preview/PreviewPane.h"
#include "project/EditorArea.h"
#include "project/ProjectTreeView.h"
#include "project/QuickOpen.h"
#include "quarantine/QuarantineBrowser.h"
#include "report/ReportViewer.h"
#include "run/RunActions.h"
#include "run/RunComparisonView.h"
#include "run/RunController.h"
#include "run/RunHistoryView.h"
#include "run/RunMonitor.h"
#include "run/RunStartBar.h"
#include "wizard/BusyRow.h"
#include "wizard/ConnectionChooser.h"
#include "wizard/NewMigrationWizard.h"
#include "wizard/PathField.h"
#include "wizard/SuggestionsPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <cstdio>

using namespace cutover;

namespace {

QString g_outDir;
int g_failures = 0;

void settle(int milliseconds = 150)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void save(QWidget *widget, const QString &name)
{
    settle(350); // past the canvas minimap's redraw delay
    const QString path = QDir(g_outDir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path, "PNG")) {
        std::fprintf(stderr, "view-shots: cannot write %s\n", qPrintable(path));
        ++g_failures;
        return;
    }
    std::printf("wrote %s\n", qPrintable(path));
}

bool waitForLoad(MainWindow &window, const QString &project)
{
    bool done = false;
    bool ok = false;
    const auto connection =
        QObject::connect(&window, &MainWindow::loadFinished, &window, [&](bool loaded) {
            done = true;
            ok = loaded;
        });
    window.openProject(project);
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QObject::disconnect(connection);
    return ok;
}

void waitForCheck(MainWindow &window)
{
    settle(400); // the debounce, then the check itself
    QElapsedTimer clock;
    clock.start();
    while (window.isLoading() && clock.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    settle();
}

qsizetype mappingOf(const MainWindow &window, const QString &target)
{
    const auto &mappings = window.document()->project().mappings;
    for (qsizetype i = 0; i < mappings.size(); ++i)
        if (mappings.at(i).target == target)
            return i;
    return -1;
}

void shootOverview(MainWindow &window)
{
    window.editorArea()->showOverview();
    OverviewCanvas *overview = window.editorArea()->overviewCanvas();
    overview->view()->fit();
    save(overview, QStringLiteral("canvas-overview"));
    // zoomed in on one mapping, its line selected: the minimap shows where the view is
    overview->view()->resetTransform();
    overview->view()->zoomBy(2);
    overview->showMapping(mappingOf(window, QStringLiteral("encounter")));
    save(overview, QStringLiteral("canvas-minimap"));
    overview->scene()->clearSelection();
}

void shootWorkbench(MainWindow &window)
{
    const qsizetype patient = mappingOf(window, QStringLiteral("patient"));
    window.projectTree()->select(ProjectTreeModel::Kind::Mapping, patient);
    // a few edits, so the undo history and the problems have something to show
    ProjectEdits edits(*window.document());
    edits.setExpression(patient, QStringLiteral("email"), QStringLiteral("lower(trim(EMAIL))"));
    edits.setExpression(patient, QStringLiteral("phone"), QStringLiteral("digits_only(PHONE_NO)"));
    waitForCheck(window);
    TableMappingEditor *editor = window.editorArea()->mappingEditor();
    editor->showCanvas();
    editor->canvas()->view()->fit();
    // the column a user clicked: its lines selected, its expression in the editor below
    editor->canvas()->showColumn(QStringLiteral("phone"));
    editor->transformEditor()->setColumn(QStringLiteral("phone"));
    QSignalSpy checked(editor->transformEditor(), &TransformEditor::checked);
    checked.wait(3000);
    // the function reference, searched for what would fix the phone column
    window.functionReference()->setSearchText(QStringLiteral("replace"));
    window.functionReference()->choose(QStringLiteral("regexp_replace"));
    save(&window, QStringLiteral("workbench"));
    save(editor->canvas(), QStringLiteral("canvas-columns"));
    editor->editColumn(QStringLiteral("phone"));
    QDockWidget *projectDock = window.findChild<QDockWidget *>(QStringLiteral("projectDock"));
    // the whole tree: floated tall enough for every group, then docked again
    projectDock->setFloating(true);
    projectDock->resize(360, 900);
    window.projectTree()->tree()->collapse(
        window.projectTree()->model()->groupIndex(ProjectTreeModel::Group::Runbook));
    save(projectDock, QStringLiteral("project-tree"));
    projectDock->setFloating(false);
    save(window.editorArea(), QStringLiteral("mapping-editor"));
}

// What the screen shows around a widget, popups included (the completion list is a window of
// its own, which QWidget::grab() leaves out).
void saveScreen(QWidget *widget, const QString &name)
{
    settle(350);
    const QPoint at = widget->mapToGlobal(QPoint(0, 0));
    const QPixmap shot =
        widget->screen()->grabWindow(0, at.x(), at.y(), widget->width(), widget->height() + 160);
    const QString path = QDir(g_outDir).filePath(name + QStringLiteral(".png"));
    if (shot.isNull() || !shot.save(path, "PNG")) {
        std::fprintf(stderr, "view-shots: cannot write %s\n", qPrintable(path));
        ++g_failures;
        return;
    }
    std::printf("wrote %s\n", qPrintable(path));
}

// The patient mapping's transform editor: an unknown function underlined, then the completion
// list open while typing.
void shootTransformEditor(MainWindow &window)
{
    TableMappingEditor *mapping = window.editorArea()->mappingEditor();
    TransformEditor *transform = mapping->transformEditor();
    QUndoStack *undo = window.document()->undoStack();
    const int before = undo->index();
    mapping->showCanvas();
    mapping->canvas()->showColumn(QStringLiteral("phone"));
    transform->setColumn(QStringLiteral("phone"));
    QSignalSpy checked(transform, &TransformEditor::checked);
    checked.wait(3000);
    save(transform, QStringLiteral("editor-error"));

    transform->setColumn(QStringLiteral("email"));
    mapping->canvas()->showColumn(QStringLiteral("email"));
    ExpressionEditor *editor = transform->editor();
    window.activateWindow();
    editor->setFocus();
    editor->setText(QStringLiteral("lower(trim(n"));
    editor->setCursorPosition(0, 12);
    settle(350); // the editor drawn before the list opens over it
    editor->complete();
    saveScreen(transform, QStringLiteral("editor-completion"));
    editor->cancelList();
    undo->setIndex(before);
    waitForCheck(window);
}

// The patient mapping's preview, the rows with violations only.
void shootPreview(MainWindow &window)
{
    const qsizetype patient = mappingOf(window, QStringLiteral("patient"));
    window.projectTree()->select(ProjectTreeModel::Kind::Mapping, patient);
    TableMappingEditor *mapping = window.editorArea()->mappingEditor();
    PreviewPane *preview = mapping->previewPane();
    QSignalSpy shown(preview, &PreviewPane::previewShown);
    mapping->showPreview();
    if (!shown.wait(20000)) {
        std::fprintf(stderr, "view-shots: no preview came\n");
        ++g_failures;
    }
    preview->violationsOnly()->setChecked(true);
    preview->targetView()->selectRow(0); // its rules' verdicts below
    mapping->transformEditor()->setColumn(QStringLiteral("full_name"));
    preview->targetView()->setFocus();
    save(window.editorArea(), QStringLiteral("preview"));
    preview->violationsOnly()->setChecked(false);
    mapping->showCanvas();
}

// The practitioner mapping with all but its key unmapped, and Suggest's lines drawn.
void shootSuggestions(MainWindow &window)
{
    const qsizetype practitioner = mappingOf(window, QStringLiteral("practitioner"));
    if (practitioner < 0)
        return;
    window.projectTree()->select(ProjectTreeModel::Kind::Mapping, practitioner);
    QUndoStack *undo = window.document()->undoStack();
    const int before = undo->index();
    ProjectEdits edits(*window.document());
    while (window.document()->project().mappings.at(practitioner).columns.size() > 1)
        edits.unmapColumn(practitioner, 1);
    waitForCheck(window);
    TableMappingEditor *editor = window.editorArea()->mappingEditor();
    editor->showCanvas();
    SuggestionBar *bar = editor->canvas()->suggestionBar();
    QSignalSpy finished(bar, &SuggestionBar::finished);
    bar->suggestButton()->click();
    if (!finished.wait(20000)) {
        std::fprintf(stderr, "view-shots: no suggestions came\n");
        ++g_failures;
    }
    editor->canvas()->view()->fit();
    if (auto *line = editor->canvas()->scene()->suggestionTo(QStringLiteral("full_name")))
        line->setSelected(true); // the bar says its expression and reason
    save(editor->canvas(), QStringLiteral("canvas-suggestions"));
    bar->findChild<QPushButton *>(QStringLiteral("rejectSuggestions"))->click();
    undo->setIndex(before);
    waitForCheck(window);
}

void shootSettings(MainWindow &window)
{
    window.projectTree()->select(ProjectTreeModel::Kind::Settings, 0);
    save(window.editorArea(), QStringLiteral("settings-editor"));
}

void shootItemEditors(MainWindow &window)
{
    const Project &project = window.document()->project();
    if (!project.lookups.isEmpty()) {
        window.projectTree()->select(ProjectTreeModel::Kind::Lookup, 0);
        save(window.editorArea(), QStringLiteral("lookup-editor"));
    }
    if (!project.rules.isEmpty()) {
        window.projectTree()->select(ProjectTreeModel::Kind::Rule, 0);
        save(window.editorArea(), QStringLiteral("rule-editor"));
    }
    if (!project.phases.isEmpty()) { // a wave with its tables and its filter, when there is one
        window.projectTree()->select(ProjectTreeModel::Kind::Phase,
                                     std::min<qsizetype>(1, project.phases.size() - 1));
        save(window.editorArea(), QStringLiteral("phase-editor"));
    }
}

// Remembers nothing: the pictures need no keychain.
class NoKeychain : public PasswordStore
{
public:
    QString store(const ConnectionSpec &, const QString &) override { return {}; }
};

void shootConnectionDialog(MainWindow &window)
{
    SessionPasswordProvider session;
    NoKeychain keychain;
    ConnectionDialog dialog(*window.document(), session, keychain, 0, &window);
    dialog.show();
    save(&dialog, QStringLiteral("connection-dialog"));
    dialog.setKind(ConnectionSpec::Kind::PostgreSql);
    save(&dialog, QStringLiteral("connection-dialog-postgresql"));
    dialog.reject();
}

bool waitUntil(const std::function<bool()> &done, int milliseconds = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

void shootWizard(MainWindow &window, const QString &demoDir)
{
    NewMigrationWizard wizard(nullptr, &window);
    wizard.show();
    auto fileEdit = [&wizard](const char *chooser) {
        return wizard.findChild<ConnectionChooser *>(QLatin1String(chooser))
            ->findChild<PathField *>(QStringLiteral("file"))
            ->lineEdit();
    };
    fileEdit("sourceChooser")->setText(QDir(demoDir).filePath(QStringLiteral("legacy.sqlite")));
    fileEdit("targetChooser")->setText(QDir(demoDir).filePath(QStringLiteral("modern.sqlite")));
    save(&wizard, QStringLiteral("wizard-connections"));
    wizard.next();
    waitUntil([&] { return wizard.button(QWizard::NextButton)->isEnabled(); });
    save(&wizard, QStringLiteral("wizard-schemas"));
    wizard.next();
    waitUntil([&] { return !wizard.suggestionsPage()->busyRow()->isBusy(); });
    save(&wizard, QStringLiteral("wizard-suggestions"));
    wizard.next();
    save(&wizard, QStringLiteral("wizard-save"));
    wizard.reject();
}

void shootQuickOpen(MainWindow &window)
{
    window.quickOpen()->setContents(window.outcome());
    window.quickOpen()->show();
    window.quickOpen()->searchEdit()->setText(QStringLiteral("patient.b"));
    save(window.quickOpen(), QStringLiteral("quick-open"));
    window.quickOpen()->hide();
}

// Find and replace across the expressions: trim( with a replacement typed.
void shootFindReplace(MainWindow &window)
{
    window.findAction()->trigger();
    FindReplaceDialog *dialog = window.findReplace();
    dialog->setFindText(QStringLiteral("upper(trim("));
    dialog->setReplaceText(QStringLiteral("upper(normalize_space("));
    save(dialog, QStringLiteral("find-replace"));
    dialog->hide();
}

// The run monitor while a run of a bigger demo goes (long enough for the chart to have a shape),
// grabbed from inside a progress event past half the rows; then its end.
void shootRunMonitor(MainWindow &window)
{
    window.runActions()->showMonitorAction()->trigger();
    RunMonitor *monitor = window.editorArea()->runMonitor();
    RunOptions options = monitor->startBar()->options();
    options.batchSize = 200;
    monitor->startBar()->setOptions(options);
    bool shot = false;
    const auto connection = QObject::connect(
        monitor->controller(), &RunController::progress, monitor, [&](const RunProgress &p) {
            if (shot || p.expected() <= 0 || p.read() * 100 < p.expected() * 55 ||
                p.elapsedMs < 5000)
                return;
            shot = true;
            QCoreApplication::processEvents(); // the views take this event first
            const QString path = QDir(g_outDir).filePath(QStringLiteral("run-monitor.png"));
            if (!window.grab().save(path, "PNG")) {
                std::fprintf(stderr, "view-shots: cannot write %s\n", qPrintable(path));
                ++g_failures;
            } else {
                std::printf("wrote %s\n", qPrintable(path));
            }
        });
    QSignalSpy ended(monitor, &RunMonitor::runEnded);
    window.runActions()->startAction()->trigger();
    if (!ended.wait(300000) || !shot) {
        std::fprintf(stderr, "view-shots: the run did not end, or ended before half its rows\n");
        ++g_failures;
    }
    QObject::disconnect(connection);
    save(window.editorArea(), QStringLiteral("run-ledger"));
}

// The quarantine browser on the demo's run, a row chosen with its reasons.
void shootQuarantine(MainWindow &window)
{
    window.runActions()->showQuarantineAction()->trigger();
    QuarantineBrowser *browser = window.editorArea()->quarantine();
    waitUntil([&] { return !browser->model()->isLoading() && browser->model()->rowCount() > 3; });
    browser->rowsView()->selectRow(3);
    save(window.editorArea(), QStringLiteral("quarantine"));
}

// Two runs compared: the demo's run from the command line, and one from the window after an
// edit of the patient's full_name (the earlier views' edits undone first).
void shootRunComparison(MainWindow &window)
{
    QUndoStack *undo = window.document()->undoStack();
    undo->setIndex(undo->cleanIndex());
    ProjectEdits(*window.document())
        .setExpression(mappingOf(window, QStringLiteral("patient")), QStringLiteral("full_name"),
                       QStringLiteral("upper(title_case(normalize_space(PAT_NAME)))"));
    RunMonitor *monitor = window.editorArea()->runMonitor();
    QSignalSpy ended(monitor, &RunMonitor::runEnded);
    window.runActions()->startAction()->trigger();
    if (!ended.wait(120000)) {
        std::fprintf(stderr, "view-shots: the window's run did not end\n");
        ++g_failures;
        return;
    }
    RunHistoryView *history = window.editorArea()->runHistory();
    const QString newest = ended.first().first().value<RunRecord>().runId;
    waitUntil([&] {
        return history->model()->rowCount() >= 2 &&
               history->model()->runs().first().runId == newest;
    });
    const auto &runs = history->model()->runs();
    window.runActions()->showHistoryAction()->trigger();
    history->selectRuns({runs.at(0).runId, runs.at(1).runId});
    save(window.editorArea(), QStringLiteral("run-compare"));
}

// The report viewer with a Fail: a patient deleted from the target and another's name changed,
// then reconciled from the Run menu.
void shootReportViewer(MainWindow &window)
{
    const QString target = window.document()->project().targetSpec()->path();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("x"));
        db.setDatabaseName(target);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral(
                "DELETE FROM patient WHERE rowid = (SELECT min(rowid) FROM patient)"));
            query.exec(QStringLiteral("UPDATE patient SET full_name = 'Jane Q. Wrong' WHERE rowid "
                                      "= (SELECT max(rowid) FROM patient)"));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("x"));
    ReportViewer *viewer = window.editorArea()->reportViewer();
    QSignalSpy shown(viewer, &ReportViewer::reportShown);
    window.runActions()->reconcileAction()->trigger();
    if (!shown.wait(120000)) {
        std::fprintf(stderr, "view-shots: the reconciliation did not end\n");
        ++g_failures;
        return;
    }
    save(window.editorArea(), QStringLiteral("report-viewer"));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Cutover"));
    QCoreApplication::setApplicationName(QStringLiteral("cutover-view-shots"));
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: view-shots DEMO_PROJECT OUT_DIR [RUN_DEMO_PROJECT]\n");
        return 2;
    }
    g_outDir = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(g_outDir);
    MainWindow window(nullptr);
    window.resize(MainWindow::kPreferredSize);
    window.show();
    if (argc == 4) { // the run monitor on a demo big enough to be caught mid-run
        if (!waitForLoad(window, QString::fromLocal8Bit(argv[3]))) {
            std::fprintf(stderr, "view-shots: the run's demo project did not load\n");
            return 3;
        }
        shootRunMonitor(window);
    }
    if (!waitForLoad(window, QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "view-shots: the demo project did not load\n");
        return 3;
    }
    shootOverview(window);
    shootWorkbench(window);
    shootTransformEditor(window);
    shootPreview(window);
    shootSuggestions(window);
    shootSettings(window);
    shootItemEditors(window);
    shootQuickOpen(window);
    shootFindReplace(window);
    shootConnectionDialog(window);
    shootWizard(window, QFileInfo(QString::fromLocal8Bit(argv[1])).absolutePath());
    shootQuarantine(window);
    shootRunComparison(window);
    shootReportViewer(window); // last: it corrupts the target
    return g_failures == 0 ? 0 : 1;
}
