// The workbench as a user drives it, on the demo project written by the real cutover-cli: a
// column mapped in the table mapping editor changes the project, the undo keys take it back to
// the loaded bytes, Ctrl+S writes what ProjectWriter writes and the CLI accepts it; the title
// marks unsaved changes and closing asks first; a change on disk offers a reload; the project
// tree adds, renames and deletes; Ctrl+K jumps to a column; the dock layout comes back.
#include "CliRunner.h"
#include "ColumnMappingModel.h"
#include "MainWindow.h"
#include "ProblemListModel.h"
#include "ProblemsPane.h"
#include "ProjectDocument.h"
#include "SchemaPane.h"
#include "SchemaTreeModel.h"
#include "canvas/CanvasView.h"
#include "canvas/ColumnPort.h"
#include "canvas/MappingCanvas.h"
#include "canvas/MappingEdge.h"
#include "canvas/MappingScene.h"
#include "canvas/OverviewCanvas.h"
#include "canvas/OverviewScene.h"
#include "canvas/SuggestionBar.h"
#include "canvas/SuggestionLine.h"
#include "canvas/TableBox.h"
#include "editor/ExpressionEditor.h"
#include "editor/FindReplaceDialog.h"
#include "editor/FunctionReferencePanel.h"
#include "editor/TransformEditor.h"
#include "mapping/TableMappingEditor.h"
#include "project/EditorArea.h"
#include "project/ProjectActions.h"
#include "project/ProjectFileController.h"
#include "project/ProjectReader.h"
#include "project/ProjectTreeView.h"
#include "project/ProjectWriter.h"
#include "project/QuickOpen.h"
#include "report/ReportViewer.h"
#include "rules/RuleEditor.h"
#include "run/RunHistoryView.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

using namespace cutover;
using test::CliRunner;

namespace {

constexpr int kLoadTimeout = 20000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Clicks a button of the next message box with objectName once it shows (it runs modal).
void answerBox(const QString &name, QMessageBox::StandardButton button, bool *seen)
{
    QTimer::singleShot(50, [name, button, seen] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w);
                box && box->objectName() == name && box->isVisible()) {
                *seen = true;
                box->button(button)->click();
                return;
            }
        answerBox(name, button, seen); // not up yet
    });
}

} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_demo;
    QString m_project;

    // A window on a fresh copy of the demo project, checked once; with databases, on a copy of
    // the demo's databases too, in that folder.
    std::unique_ptr<MainWindow> openWindow(const QTemporaryDir *databases = nullptr)
    {
        const QDir into(databases ? databases->path() : m_demo.path());
        const QString copy = into.filePath(QStringLiteral("copy.cutover"));
        QFile::remove(copy);
        if (!QFile::copy(m_project, copy))
            return nullptr;
        if (databases)
            for (const char *file : {"legacy.sqlite", "modern.sqlite"})
                if (!QFile::copy(m_demo.filePath(QLatin1String(file)),
                                 into.filePath(QLatin1String(file))))
                    return nullptr;
        auto window = std::make_unique<MainWindow>(nullptr);
        window->show();
        QApplication::setActiveWindow(window.get());
        QSignalSpy finished(window.get(), &MainWindow::loadFinished);
        window->openProject(copy);
        if (!QTest::qWaitFor([&] { return finished.count() == 1; }, kLoadTimeout))
            return nullptr;
        return window;
    }

    static void selectInTree(MainWindow &window, ProjectTreeModel::Kind kind, int index)
    {
        QTreeView *tree = window.projectTree()->tree();
        const QModelIndex item = window.projectTree()->model()->itemIndex(kind, index);
        tree->scrollTo(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(item).center());
    }

    // Unmaps a column of the shown table mapping with the table's Unmap button, as a user does.
    static void unmapInTable(TableMappingEditor *editor, const QString &column)
    {
        editor->showTable();
        editor->columnTable()->selectRow(editor->columnModel()->rowOf(column));
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("unmap")),
                          Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const auto demo = CliRunner::run({QStringLiteral("demo"), m_demo.path(),
                                          QStringLiteral("--rows"), QStringLiteral("200")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        m_project = m_demo.filePath(QStringLiteral("demo.cutover"));
    }

    void aColumnMappedInTheEditorUndoesAndSaves()
    {
        auto window = openWindow();
        QVERIFY(window);
        const QByteArray loaded = readAll(window->projectFile());
        const int patient = 1;
        QCOMPARE(window->document()->project().mappings.at(patient).target,
                 QStringLiteral("patient"));
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, patient);
        TableMappingEditor *editor = window->editorArea()->mappingEditor();
        QCOMPARE(window->editorArea()->currentWidget(), editor);
        QCOMPARE(editor->mapping(), patient);

        // unmap "email" with the button, then map it again by typing in its expression cell
        editor->showTable();
        QTableView *table = editor->columnTable();
        ColumnMappingModel *model = editor->columnModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int email = model->rowOf(QStringLiteral("email"));
        QVERIFY(email >= 0);
        table->selectRow(email);
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("unmap")),
                          Qt::LeftButton);
        QVERIFY(
            !window->document()->project().mappings.at(patient).column(QStringLiteral("email")));
        const QModelIndex cell = model->index(email, ColumnMappingModel::ExpressionColumn);
        table->setCurrentIndex(cell);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F2);
        auto *cellEditor = table->viewport()->findChild<QLineEdit *>();
        QVERIFY(cellEditor && cellEditor->isVisible());
        QTest::keyClicks(cellEditor, QStringLiteral("lower(trim(EMAIL))"));
        QTest::keyClick(cellEditor, Qt::Key_Return);
        // the delegate commits on the next turn of the event loop
        QTRY_VERIFY(
            window->document()->project().mappings.at(patient).column(QStringLiteral("email")));
        const ColumnMapping *mapped =
            window->document()->project().mappings.at(patient).column(QStringLiteral("email"));
        QVERIFY(mapped);
        QCOMPARE(mapped->expression, QStringLiteral("lower(trim(EMAIL))"));
        QCOMPARE(window->document()->undoStack()->undoText(),
                 QStringLiteral("Map patient.email to lower(trim(EMAIL))"));
        QVERIFY(window->isWindowModified());

        // the undo keys take both edits back, to the loaded bytes
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(
            !window->document()->project().mappings.at(patient).column(QStringLiteral("email")));
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window->document()->toBytes(), loaded);
        QVERIFY(!window->isWindowModified());
        const QKeyCombination redo = window->redoAction()->shortcut()[0];
        QVERIFY2(!window->redoAction()->shortcut().isEmpty(), "Redo has no key");
        QTest::keyClick(window.get(), redo.key(), redo.keyboardModifiers());
        QTest::keyClick(window.get(), redo.key(), redo.keyboardModifiers());
        QCOMPARE(window->document()
                     ->project()
                     .mappings.at(patient)
                     .column(QStringLiteral("email"))
                     ->expression,
                 QStringLiteral("lower(trim(EMAIL))"));

        // Ctrl+S writes what the CLI's ProjectWriter writes, and the CLI accepts it
        QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!window->isWindowModified());
        const QByteArray saved = readAll(window->projectFile());
        auto reread = ProjectReader::load(window->projectFile());
        QVERIFY(reread.ok());
        QCOMPARE(saved, ProjectWriter::toBytes(*reread));
        QVERIFY(saved.contains("lower(trim(EMAIL))"));
        const auto validate = CliRunner::run({QStringLiteral("validate"), window->projectFile()});
        QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
    }

    void theTitleMarksUnsavedChangesAndClosingAsks()
    {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(!window->isWindowModified());
        selectInTree(*window, ProjectTreeModel::Kind::Settings, 0);
        QLineEdit *name = window->findChild<QLineEdit *>(QStringLiteral("projectName"));
        QVERIFY(name && name->isVisible());
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Renamed"));
        QCOMPARE(window->windowTitle(), QStringLiteral("Renamed[*] \u2014 Cutover"));
        QVERIFY(window->isWindowModified());
        QCOMPARE(window->document()->undoStack()->count(), 1); // typing a name is one step

        bool asked = false;
        answerBox(QStringLiteral("unsavedChangesBox"), QMessageBox::Cancel, &asked);
        QVERIFY(!window->close());
        QVERIFY(asked);
        QVERIFY(window->isVisible());
        asked = false;
        answerBox(QStringLiteral("unsavedChangesBox"), QMessageBox::Discard, &asked);
        QVERIFY(window->close());
        QVERIFY(asked);
        QVERIFY(!readAll(window->projectFile()).contains("Renamed"));
    }

    void aChangeOnDiskOffersReload()
    {
        auto window = openWindow();
        QVERIFY(window);
        auto theirs = ProjectReader::load(window->projectFile());
        QVERIFY(theirs.ok());
        theirs->description = QStringLiteral("changed by a git pull");
        QVERIFY(ProjectWriter::save(*theirs, window->projectFile()).ok());
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("changedOnDiskBox"))) &&
                    box->isVisible());
        QCOMPARE(window->document()->project().description == theirs->description, false);
        box->buttons().first()->click(); // Reload
        QTRY_COMPARE(window->document()->project().description, theirs->description);
    }

    void theTreeAddsRenamesAndDeletes()
    {
        auto window = openWindow();
        QVERIFY(window);
        const QByteArray loaded = window->document()->toBytes();
        const qsizetype lookups = window->document()->project().lookups.size();
        QTreeView *tree = window->projectTree()->tree();
        ProjectTreeModel *model = window->projectTree()->model();
        tree->setCurrentIndex(model->groupIndex(ProjectTreeModel::Group::Lookups));
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Insert);
        QCOMPARE(window->document()->project().lookups.size(), lookups + 1);
        QCOMPARE(tree->currentIndex(), model->itemIndex(ProjectTreeModel::Kind::Lookup, lookups));

        QTest::keyClick(tree, Qt::Key_F2);
        auto *nameEditor = tree->viewport()->findChild<QLineEdit *>();
        QVERIFY(nameEditor && nameEditor->isVisible());
        nameEditor->selectAll();
        QTest::keyClicks(nameEditor, QStringLiteral("blood_types"));
        QTest::keyClick(nameEditor, Qt::Key_Return);
        QTRY_COMPARE(window->document()->project().lookups.last().name,
                     QStringLiteral("blood_types"));

        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Delete);
        QCOMPARE(window->document()->project().lookups.size(), lookups);
        QCOMPARE(window->document()->undoStack()->count(), 3);
        while (window->document()->undoStack()->canUndo())
            QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window->document()->toBytes(), loaded);
    }

    void quickOpenJumpsToAColumn()
    {
        auto window = openWindow();
        QVERIFY(window);
        QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
        QuickOpen *quick = window->quickOpen();
        QTRY_VERIFY(quick->isVisible());
        QTest::keyClicks(quick->searchEdit(), QStringLiteral("patient.birth"));
        QVERIFY(quick->matchCount() >= 1);
        QTest::keyClick(quick->searchEdit(), Qt::Key_Return);
        QVERIFY(!quick->isVisible());
        TableMappingEditor *editor = window->editorArea()->mappingEditor();
        QCOMPARE(window->editorArea()->currentWidget(), editor);
        QCOMPARE(window->document()->project().mappings.at(editor->mapping()).target,
                 QStringLiteral("patient"));
        QCOMPARE(editor->columnTable()->currentIndex().data(ColumnMappingModel::ColumnNameRole),
                 QVariant(QStringLiteral("birth_date")));
    }

    void mapByNameFillsTheUnmappedColumnsInOneEdit()
    {
        auto window = openWindow();
        QVERIFY(window);
        const int patient = 1;
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, patient);
        TableMappingEditor *editor = window->editorArea()->mappingEditor();
        const Project &project = window->document()->project();
        unmapInTable(editor, QStringLiteral("email"));
        QVERIFY(!project.mappings.at(patient).column(QStringLiteral("email")));
        const int edits = window->document()->undoStack()->index();

        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("mapByName")),
                          Qt::LeftButton);
        const ColumnMapping *mapped = project.mappings.at(patient).column(QStringLiteral("email"));
        QVERIFY(mapped);
        QCOMPARE(mapped->expression, QStringLiteral("EMAIL")); // the source's spelling
        QCOMPARE(window->document()->undoStack()->index(), edits + 1);
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!project.mappings.at(patient).column(QStringLiteral("email")));
    }

    void aSuggestionChosenOnTheCanvasStaysChosenAndMovesTheTable()
    {
        auto window = openWindow();
        QVERIFY(window);
        const int patient = 1;
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, patient);
        TableMappingEditor *editor = window->editorArea()->mappingEditor();
        ColumnMappingModel *model = editor->columnModel();
        unmapInTable(editor, QStringLiteral("email"));
        editor->showCanvas();
        SuggestionBar *bar = editor->canvas()->suggestionBar();
        QSignalSpy finished(bar, &SuggestionBar::finished);
        QTest::mouseClick(bar->suggestButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        SuggestionLine *email = editor->canvas()->scene()->suggestionTo(QStringLiteral("email"));
        QVERIFY2(email, qPrintable(bar->statusText()));
        QCOMPARE(email->suggestion().source, QStringLiteral("EMAIL"));

        email->setSelected(true);
        QVERIFY(email->isSelected()); // the table following does not take it back
        QCOMPARE(editor->columnTable()->currentIndex().row(),
                 model->rowOf(QStringLiteral("email")));
        QVERIFY(bar->statusText().startsWith(QStringLiteral("email = ")));
    }

    void theTreeFollowsTheOverviewAndBackSelectsTheMappingLeft()
    {
        auto window = openWindow();
        QVERIFY(window);
        EditorArea *editors = window->editorArea();
        editors->showOverview();
        OverviewCanvas *overview = editors->overviewCanvas();
        const int encounter = 2;
        const QList<MappingEdge *> edges = overview->scene()->selectMapping(encounter);
        QVERIFY(!edges.isEmpty());
        overview->scene()->clearSelection();

        // a click on the mapping's line: the tree marks it, the overview stays
        overview->view()->centerOn(edges.first());
        const QPoint at = overview->view()->mapFromScene(edges.first()->path().pointAtPercent(0.5));
        QTest::mouseClick(overview->view()->viewport(), Qt::LeftButton, {}, at);
        const QModelIndex current = window->projectTree()->tree()->currentIndex();
        QCOMPARE(current.data(ProjectTreeModel::KindRole).value<ProjectTreeModel::Kind>(),
                 ProjectTreeModel::Kind::Mapping);
        QCOMPARE(current.data(ProjectTreeModel::ItemIndexRole).toInt(), encounter);
        QCOMPARE(editors->currentWidget()->objectName(), QStringLiteral("overviews"));

        // down into another mapping and back up: that mapping's line is the one selected
        const int patient = 1;
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, patient);
        QCOMPARE(editors->currentWidget(), editors->mappingEditor());
        editors->mappingEditor()->setFocus();
        QTest::keyClick(editors->mappingEditor(), Qt::Key_Backspace);
        QCOMPARE(editors->currentWidget()->objectName(), QStringLiteral("overviews"));
        QCOMPARE(overview->scene()->selectedMapping(), patient);
    }

    void theExpressionEditorKeepsItsKeysAndFollowsTheChosenColumn()
    {
        auto window = openWindow();
        QVERIFY(window);
        const int patient = 1;
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, patient);
        TableMappingEditor *editor = window->editorArea()->mappingEditor();
        editor->showCanvas();
        QTest::keyClicks(editor->canvas()->searchEdit(), QStringLiteral("email"));
        // the search selects the column's lines without saying columnChosen: a click does
        ColumnPort *email = editor->canvas()->scene()->targetBox()->port(QStringLiteral("email"));
        QVERIFY(email);
        const QPoint at = editor->canvas()->view()->mapFromScene(
            email->mapToScene(email->boundingRect().center()));
        QTest::mouseClick(editor->canvas()->view()->viewport(), Qt::LeftButton, {}, at);
        TransformEditor *transform = editor->transformEditor();
        QCOMPARE(transform->column(), QStringLiteral("email"));
        ExpressionEditor *expression = transform->editor();
        const QString before = expression->expression();
        QVERIFY(!before.isEmpty());

        // Backspace deletes in the editor; it does not go back to the overview
        expression->setFocus();
        expression->setCursorPosition(0, int(before.size()));
        QTest::keyClick(expression->viewport(), Qt::Key_Backspace);
        QCOMPARE(window->editorArea()->currentWidget(), editor);
        QCOMPARE(expression->expression(), before.chopped(1));
        QCOMPARE(window->document()
                     ->project()
                     .mappings.at(patient)
                     .column(QStringLiteral("email"))
                     ->expression,
                 before.chopped(1));
    }

    // An invalid expression typed in the editor is underlined at the engine's offset and listed
    // in the Problems dock; the fix removes both.
    void anInvalidExpressionIsUnderlinedAndListedUntilFixed()
    {
        auto window = openWindow();
        QVERIFY(window);
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, 1);
        TransformEditor *transform = window->editorArea()->mappingEditor()->transformEditor();
        transform->setColumn(QStringLiteral("full_name"));
        ExpressionEditor *expression = transform->editor();
        const QString before = expression->expression();
        ProblemListModel *problems = window->problemsPane()->model();
        auto listed = [problems] {
            for (const Problem &p : problems->problems())
                if (p.table == QLatin1String("patient") && p.column == QLatin1String("full_name"))
                    return p.message;
            return QString();
        };
        QVERIFY(listed().isEmpty());
        expression->selectAll();
        expression->setFocus();
        QTest::keyClicks(expression->viewport(), QStringLiteral("upper(PAT_NAM)"));
        QTRY_VERIFY(expression->hasError());
        QCOMPARE(expression->errorOffset(), 6);
        QTRY_VERIFY_WITH_TIMEOUT(listed().contains(QStringLiteral("PAT_NAM")), 10000);

        expression->selectAll();
        QTest::keyClicks(expression->viewport(), before);
        QTRY_VERIFY(!expression->hasError());
        QTRY_VERIFY_WITH_TIMEOUT(listed().isEmpty(), 10000);
    }

    // The source schema marks the columns the expression being edited reads, as you type, and
    // drops the marks when no expression is being edited.
    void theSourceSchemaMarksTheColumnsTheExpressionReads()
    {
        auto window = openWindow();
        QVERIFY(window);
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, 1);
        TransformEditor *transform = window->editorArea()->mappingEditor()->transformEditor();
        SchemaTreeModel *source = window->sourcePane()->model();
        transform->setColumn(QStringLiteral("full_name"));
        QVERIFY(QTest::qWaitFor([&] {
            return source->highlightedColumns() == QStringList{QStringLiteral("PAT_NAME")};
        }));
        QCOMPARE(source->highlightedTable(), QStringLiteral("PATIENTS"));
        const QModelIndex name =
            source->columnIndex(QStringLiteral("PATIENTS"), QStringLiteral("PAT_NAME"));
        QVERIFY(name.data(SchemaTreeModel::IsHighlightedRole).toBool());
        QVERIFY(name.data(Qt::FontRole).value<QFont>().underline());
        QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("full_name")));
        QVERIFY(!source->columnIndex(QStringLiteral("PATIENTS"), QStringLiteral("DOB"))
                     .data(SchemaTreeModel::IsHighlightedRole)
                     .toBool());
        QTreeView *tree = window->sourcePane()->tree();
        QVERIFY(tree->isExpanded(window->sourcePane()->proxy()->mapFromSource(name.parent())));

        ExpressionEditor *expression = transform->editor();
        expression->selectAll();
        expression->setFocus();
        QTest::keyClicks(expression->viewport(), QStringLiteral("PAT_NAME || DOB"));
        QVERIFY(QTest::qWaitFor([&] {
            return source->highlightedColumns() ==
                   (QStringList{QStringLiteral("PAT_NAME"), QStringLiteral("DOB")});
        }));

        window->editorArea()->showOverview();
        QVERIFY(source->highlightedColumns().isEmpty());
        QVERIFY(!name.data(SchemaTreeModel::IsHighlightedRole).toBool());
    }

    // Ctrl+Shift+F finds text in every expression; a double-click opens the match in the
    // editor, selected; Replace All changes every match as one undo step.
    void findAndReplaceWorksAcrossEveryExpression()
    {
        auto window = openWindow();
        QVERIFY(window);
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        FindReplaceDialog *dialog = window->findReplace();
        QVERIFY(dialog && dialog->isVisible());
        QTest::keyClicks(dialog->findEdit(), QStringLiteral("upper(trim("));
        const int found = int(dialog->matches().size());
        QVERIFY2(found >= 2, qPrintable(dialog->summaryText()));
        QVERIFY(dialog->summaryText().contains(QStringLiteral("matches")));

        // a double-click on a column's match: its expression in the editor, the match selected
        QTreeWidget *list = dialog->list();
        int column = -1;
        for (int i = 0; i < found && column < 0; ++i)
            if (dialog->matches().at(i).place == ExpressionSearch::Place::Column)
                column = i;
        QVERIFY(column >= 0);
        const ExpressionSearch::Match match = dialog->matches().at(column);
        const QRect at = list->visualItemRect(list->topLevelItem(column));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at.center());
        TableMappingEditor *editor = window->editorArea()->mappingEditor();
        QCOMPARE(window->editorArea()->currentWidget(), editor);
        QCOMPARE(editor->mapping(), match.item);
        const auto &mapping = window->document()->project().mappings.at(match.item);
        QCOMPARE(editor->transformEditor()->column(), mapping.columns.at(match.column).target);
        QCOMPARE(editor->transformEditor()->editor()->selectedText(),
                 QStringLiteral("upper(trim("));

        // Replace All: every match, one undo step
        dialog->setReplaceText(QStringLiteral("upper(normalize_space("));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("replaceAll")),
                          Qt::LeftButton);
        QVERIFY(dialog->matches().isEmpty());
        const Project &project = window->document()->project();
        QCOMPARE(
            ExpressionSearch(QStringLiteral("upper(normalize_space("), {}).find(project).size(),
            found);
        window->document()->undoStack()->undo();
        QCOMPARE(int(dialog->matches().size()), found);
    }

    // The transform editor's Functions button brings the reference forward with its search
    // focused; Enter there inserts the function into the expression at its cursor.
    void theFunctionReferenceInsertsIntoTheOpenExpression()
    {
        auto window = openWindow();
        QVERIFY(window);
        FunctionReferencePanel *panel = window->functionReference();
        QTest::keyClicks(panel->searchEdit(), QStringLiteral("unaccent"));
        QTest::keyClick(panel->searchEdit(), Qt::Key_Return); // nothing is being edited
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("unaccent()")));

        const int patient = 1;
        selectInTree(*window, ProjectTreeModel::Kind::Mapping, patient);
        TransformEditor *transform = window->editorArea()->mappingEditor()->transformEditor();
        transform->setColumn(QStringLiteral("full_name"));
        panel->searchEdit()->clear();
        auto *dock = window->findChild<QDockWidget *>(QStringLiteral("functionsDock"));
        QVERIFY(dock);
        window->findChild<QDockWidget *>(QStringLiteral("undoDock"))->raise();
        QVERIFY(QTest::qWaitFor([&] { return panel->visibleRegion().isEmpty(); }));
        QTest::mouseClick(transform->findChild<QToolButton *>(QStringLiteral("showFunctions")),
                          Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !panel->visibleRegion().isEmpty(); }));
        QCOMPARE(QApplication::focusWidget(), panel->searchEdit());

        ExpressionEditor *expression = transform->editor();
        const QString before = expression->expression();
        expression->selectAll();
        QTest::keyClicks(panel->searchEdit(), QStringLiteral("unaccent"));
        QTest::keyClick(panel->searchEdit(), Qt::Key_Return);
        QCOMPARE(expression->expression(), QStringLiteral("unaccent(%1)").arg(before));
        QCOMPARE(window->document()
                     ->project()
                     .mappings.at(patient)
                     .column(QStringLiteral("full_name"))
                     ->expression,
                 expression->expression());
    }

    void addingATableMappingTakesTheNextSourceTable()
    {
        auto window = openWindow();
        QVERIFY(window);
        const Project &project = window->document()->project();
        const qsizetype before = project.mappings.size();
        window->projectActions()->addMappingAction()->trigger();
        QCOMPARE(project.mappings.size(), before + 1);
        QCOMPARE(project.mappings.last().source,
                 QStringLiteral("STATUS_CODES")); // the unmapped one
        QCOMPARE(window->editorArea()->currentWidget(), window->editorArea()->mappingEditor());
        QCOMPARE(window->editorArea()->mappingEditor()->mapping(), before);
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(project.mappings.size(), before);
    }

    void aProblemOpensTheEditorOfWhatItIsAbout()
    {
        auto window = openWindow();
        QVERIFY(window);
        Problem onRule;
        onRule.path = QStringLiteral("rules[1].column");
        Q_EMIT window->problemsPane()->problemActivated(onRule);
        QCOMPARE(window->editorArea()->currentWidget(), window->editorArea()->ruleEditor());
        QCOMPARE(window->projectTree()->tree()->currentIndex(),
                 window->projectTree()->model()->itemIndex(ProjectTreeModel::Kind::Rule, 1));
        Problem onColumn;
        onColumn.path = QStringLiteral("mappings[1].columns[3]");
        onColumn.column = QStringLiteral("birth_date");
        Q_EMIT window->problemsPane()->problemActivated(onColumn);
        TableMappingEditor *editor = window->editorArea()->mappingEditor();
        QCOMPARE(window->editorArea()->currentWidget(), editor);
        QCOMPARE(editor->columnTable()->currentIndex().data(ColumnMappingModel::ColumnNameRole),
                 QVariant(QStringLiteral("birth_date")));
    }

    // Runs and reports are read from the target in the background and listed, read-only.
    void theTreeListsTheRunsAndReportsTheTargetKeeps()
    {
        QTemporaryDir own; // the run writes into the target: not the demo the others share
        auto window = openWindow(&own);
        QVERIFY(window);
        ProjectTreeModel *model = window->projectTree()->model();
        const QModelIndex runs = model->groupIndex(ProjectTreeModel::Group::Runs);
        const QModelIndex reports = model->groupIndex(ProjectTreeModel::Group::Reports);
        QTRY_COMPARE(runs.data().toString(), QStringLiteral("Runs (0)"));
        const QString file = window->projectFile();
        const auto run = CliRunner::run({QStringLiteral("run"), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const auto reconcile = CliRunner::run({QStringLiteral("reconcile"), file});
        QVERIFY2(reconcile.exitCode <= 1, qPrintable(reconcile.out + reconcile.err));
        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(runs), 1, kLoadTimeout);
        QTRY_COMPARE(model->rowCount(reports), 1);
        QVERIFY2(model->index(0, 0, runs).data().toString().contains(QLatin1String("succeeded")),
                 qPrintable(model->index(0, 0, runs).data().toString()));
        QVERIFY(!(model->flags(model->index(0, 0, runs)) & Qt::ItemIsEditable));
        QVERIFY(model->index(0, 0, runs)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Run ")));

        // a click on a run shows it in the run history, on a report in the report viewer, on
        // the Runs group the history
        QTreeView *tree = window->projectTree()->tree();
        tree->expandAll();
        auto click = [tree](const QModelIndex &index) {
            tree->scrollTo(index);
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                              tree->visualRect(index).center());
        };
        EditorArea *area = window->editorArea();
        click(model->index(0, 0, runs));
        QCOMPARE(area->currentWidget(), area->runHistory());
        QCOMPARE(area->runHistory()->selectedRunIds().size(), 1);
        QSignalSpy shown(area->reportViewer(), &ReportViewer::reportShown);
        click(model->index(0, 0, reports));
        QCOMPARE(area->currentWidget(), area->reportViewer());
        QVERIFY(shown.wait(30000));
        click(model->groupIndex(ProjectTreeModel::Group::Runs));
        QCOMPARE(area->currentWidget(), area->runHistory());
    }

    void aNewProjectSaysWhatItLacks()
    {
        MainWindow window(nullptr);
        window.show();
        QApplication::setActiveWindow(&window);
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QVERIFY(window.document()->hasProject());
        QCOMPARE(window.windowTitle(), QStringLiteral("Untitled[*] \u2014 Cutover"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kLoadTimeout);
        QVERIFY2(window.sourcePane()->unavailableReason().contains(
                     QLatin1String("no source connection yet")),
                 qPrintable(window.sourcePane()->unavailableReason()));
        QVERIFY(window.files()->saveAction()->isEnabled()); // a new project can be saved at once
        QTemporaryDir dir;
        QVERIFY(window.document()->saveAs(dir.filePath(QStringLiteral("new.cutover"))).ok());
        QCOMPARE(window.windowTitle(), QStringLiteral("new[*] \u2014 Cutover"));
        const auto validate = CliRunner::run(
            {QStringLiteral("validate"), dir.filePath(QStringLiteral("new.cutover"))});
        QVERIFY(validate.exitCode != 0); // it has no connections: the CLI says so as the window
    }

    void theDockLayoutComesBack()
    {
        {
            MainWindow window(nullptr);
            window.show();
            auto *log = window.findChild<QDockWidget *>(QStringLiteral("logDock"));
            auto *history = window.findChild<QDockWidget *>(QStringLiteral("undoDock"));
            QVERIFY(log && history);
            history->hide();
            window.addDockWidget(Qt::LeftDockWidgetArea, log);
            window.saveLayout();
        }
        MainWindow window(nullptr);
        window.restoreLayout();
        window.show();
        auto *log = window.findChild<QDockWidget *>(QStringLiteral("logDock"));
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("undoDock"))->isVisible());
        QCOMPARE(window.dockWidgetArea(log), Qt::LeftDockWidgetArea);
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
