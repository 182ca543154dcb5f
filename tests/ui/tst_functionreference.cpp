// The function reference: the panel lists the catalog's and SQLite's functions (the content of
// docs/functions.md) under QAbstractItemModelTester, a search narrows them by name, description
// or example, the chosen one's signature and example are shown, and a double-click or Enter asks
// for it to be inserted; the transform editor inserts "name()" at its cursor (call tip open) or
// wraps the selection, as one undo step of the project.
#include "CliRunner.h"
#include "ColumnMappingModel.h"
#include "FunctionReferenceModel.h"
#include "ProjectDocument.h"
#include "editor/ExpressionEditor.h"
#include "editor/FunctionReferencePanel.h"
#include "editor/TransformEditor.h"
#include "transform/functions/FunctionCatalog.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace cutover;
using test::CliRunner;

class TestFunctionReference : public QObject
{
    Q_OBJECT

private:
    static QPoint rowCenter(QTreeView *list, const QString &name)
    {
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            if (index.data(FunctionReferenceModel::NameRole).toString() == name) {
                list->scrollTo(index);
                return list->visualRect(index).center();
            }
        }
        return {-1, -1};
    }

private Q_SLOTS:
    void listsEveryDocumentedFunction()
    {
        FunctionReferenceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(FunctionCatalog::functions().size() +
                                       FunctionCatalog::sqliteFunctions().size()));
        const int utc = model.rowOf(QStringLiteral("TO_UTC"));
        QVERIFY(utc >= 0);
        const QModelIndex index = model.index(utc, FunctionReferenceModel::FunctionColumn);
        QCOMPARE(index.data().toString(),
                 FunctionCatalog::find(QStringLiteral("to_utc"))->signature);
        QCOMPARE(index.data(FunctionReferenceModel::OriginRole).toString(),
                 QStringLiteral("Cutover"));
        const int coalesce = model.rowOf(QStringLiteral("coalesce"));
        QVERIFY(coalesce > utc); // Cutover's first, then SQLite's
        QCOMPARE(model.index(coalesce, 0).data(FunctionReferenceModel::OriginRole).toString(),
                 QStringLiteral("SQLite"));
        QCOMPARE(model.rowOf(QStringLiteral("no_such_function")), -1);
    }

    void aSearchNarrowsTheListAndEnterAsksToInsert()
    {
        FunctionReferencePanel panel;
        panel.resize(420, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy insert(&panel, &FunctionReferencePanel::insertRequested);
        panel.focusSearch();
        QTest::keyClicks(panel.searchEdit(), QStringLiteral("utc"));
        QCOMPARE(panel.shownFunctions(),
                 (QStringList{QStringLiteral("to_utc"), QStringLiteral("from_utc")}));
        // by its description too: "DST" is only in to_utc's
        panel.setSearchText(QStringLiteral("dst"));
        QCOMPARE(panel.shownFunctions(), QStringList{QStringLiteral("to_utc")});
        QCOMPARE(panel.chosenFunction(), QStringLiteral("to_utc"));
        QVERIFY2(panel.detailsText().contains(QStringLiteral("Europe/Berlin")),
                 qPrintable(panel.detailsText()));
        QTest::keyClick(panel.searchEdit(), Qt::Key_Return);
        QCOMPARE(insert.count(), 1);
        QCOMPARE(insert.first().first().toString(), QStringLiteral("to_utc"));

        panel.setSearchText(QStringLiteral("zzzz"));
        QVERIFY(panel.shownFunctions().isEmpty());
        QVERIFY(panel.detailsText().contains(QStringLiteral("No function matches")));
        // choosing a hidden function clears the search
        QVERIFY(panel.choose(QStringLiteral("replace")));
        QCOMPARE(panel.searchEdit()->text(), QString());
        QCOMPARE(panel.chosenFunction(), QStringLiteral("replace"));
    }

    void aDoubleClickInsertsIntoTheExpressionAsOneUndoStep()
    {
        QTemporaryDir demo;
        const auto made = CliRunner::run(
            {QStringLiteral("demo"), demo.path(), QStringLiteral("--rows"), QStringLiteral("20")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        ProjectDocument document;
        QVERIFY(document.open(demo.filePath(QStringLiteral("demo.cutover"))).ok());
        ColumnMappingModel columns(document);
        const auto &mappings = document.project().mappings;
        for (qsizetype i = 0; i < mappings.size(); ++i)
            if (mappings.at(i).target == QLatin1String("patient"))
                columns.setMapping(i);
        TransformEditor editor(document, columns);
        editor.resize(700, 200);
        editor.show();
        QVERIFY(!editor.insertFunction(QStringLiteral("upper"))); // no column chosen
        editor.setColumn(QStringLiteral("site"));
        FunctionReferencePanel panel;
        panel.resize(420, 500);
        panel.show();
        QObject::connect(&panel, &FunctionReferencePanel::insertRequested, &editor,
                         &TransformEditor::insertFunction);
        ExpressionEditor *expression = editor.editor();
        QCOMPARE(expression->expression(), QStringLiteral("upper(trim(SITE_CODE))"));

        // a selection is wrapped: select SITE_CODE, double-click null_if_blank
        expression->setSelection(0, 11, 0, 20);
        QCOMPARE(expression->selectedText(), QStringLiteral("SITE_CODE"));
        QTest::keyClicks(panel.searchEdit(), QStringLiteral("null_if"));
        const QPoint at = rowCenter(panel.list(), QStringLiteral("null_if_blank"));
        QTest::mouseClick(panel.list()->viewport(), Qt::LeftButton, {}, at); // as a user's first
        QTest::mouseDClick(panel.list()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(expression->expression(), QStringLiteral("upper(trim(null_if_blank(SITE_CODE)))"));
        QCOMPARE(columns.expression(QStringLiteral("site")), expression->expression());
        const int steps = document.undoStack()->count();
        document.undoStack()->undo();
        QCOMPARE(columns.expression(QStringLiteral("site")),
                 QStringLiteral("upper(trim(SITE_CODE))"));
        QCOMPARE(expression->expression(), QStringLiteral("upper(trim(SITE_CODE))"));

        // no selection: "name()" at the cursor, the cursor between the parentheses
        expression->setCursorPosition(0, int(expression->expression().size()));
        QVERIFY(editor.insertFunction(QStringLiteral("coalesce")));
        QCOMPARE(expression->expression(), QStringLiteral("upper(trim(SITE_CODE))coalesce()"));
        int line = 0;
        int index = 0;
        expression->getCursorPosition(&line, &index);
        QCOMPARE(index, int(expression->expression().size()) - 1);
        QCOMPARE(document.undoStack()->count(), steps);
    }
};

QTEST_MAIN(TestFunctionReference)
#include "tst_functionreference.moc"
