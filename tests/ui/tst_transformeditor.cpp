// The transform editor on the demo project (real SQLite files): an invalid expression is
// underlined at the engine's offset and a fix removes it, the words of the mapping are completed
// as you type, typing is one undo step per burst, an undo comes back into the editor, and the
// canvas's lines follow the columns the text reads.
#include "CliRunner.h"
#include "ColumnMappingModel.h"
#include "ProjectDocument.h"
#include "ProjectValidation.h"
#include "SetExpressionCommand.h"
#include "canvas/ColumnPort.h"
#include "canvas/LineageLine.h"
#include "canvas/MappingCanvas.h"
#include "canvas/MappingScene.h"
#include "editor/ExpressionCheckRunner.h"
#include "editor/ExpressionEditor.h"
#include "editor/ExpressionLexer.h"
#include "editor/TransformEditor.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cutover;
using test::CliRunner;

class TestTransformEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_demo;
    QString m_project;

    struct Fixture
    {
        ProjectDocument document;
        ColumnMappingModel columns{document};
        ProjectValidation validation{document, nullptr};
        std::unique_ptr<TransformEditor> editor;
        int checks = 0;
    };

    std::unique_ptr<Fixture> open(const QString &column)
    {
        auto f = std::make_unique<Fixture>();
        QObject::connect(&f->validation, &ProjectValidation::finished, &f->columns,
                         [fx = f.get()](const ProjectCheck::Outcome &outcome) {
                             fx->columns.setSchemas(outcome.source, outcome.target);
                             fx->columns.setProblems(outcome.problems);
                             fx->columns.setLineage(outcome.lineage);
                             ++fx->checks;
                         });
        if (!f->document.open(m_project).ok())
            return nullptr;
        if (!QTest::qWaitFor([&] { return f->checks == 1; }, 20000))
            return nullptr;
        const auto &mappings = f->document.project().mappings;
        for (qsizetype i = 0; i < mappings.size(); ++i)
            if (mappings.at(i).target == QLatin1String("patient"))
                f->columns.setMapping(i);
        f->editor = std::make_unique<TransformEditor>(f->document, f->columns);
        f->editor->resize(700, 200);
        f->editor->show();
        f->editor->setColumn(column);
        return f;
    }

    // Waits for the check of the text now in the editor.
    static bool checked(TransformEditor &editor)
    {
        QSignalSpy spy(&editor, &TransformEditor::checked);
        return spy.wait(5000);
    }

    static void type(ExpressionEditor *editor, const QString &text)
    {
        editor->setFocus();
        QTest::keyClicks(editor->viewport(), text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto demo = CliRunner::run({QStringLiteral("demo"), m_demo.path(),
                                          QStringLiteral("--rows"), QStringLiteral("50")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        m_project = m_demo.filePath(QStringLiteral("demo.cutover"));
    }

    void anErrorIsUnderlinedAtTheEnginesOffsetAndAFixRemovesIt()
    {
        auto f = open(QStringLiteral("email"));
        QVERIFY(f);
        ExpressionEditor *editor = f->editor->editor();
        QCOMPARE(editor->expression(), QStringLiteral("lower(trim(null_if_blank(EMAIL)))"));
        editor->selectAll();
        type(editor, QStringLiteral("lower(EMAL)"));
        QVERIFY(checked(*f->editor));
        QVERIFY(editor->hasError());
        QCOMPARE(editor->errorOffset(), 6); // EMAL, where the engine says
        QVERIFY2(editor->toolTip().contains(QStringLiteral("EMAL")), qPrintable(editor->toolTip()));
        QVERIFY(f->editor->checkText().startsWith(QStringLiteral("\u2717")));
        // the edit is in the project at once, so the problems dock gets it from the next check
        QCOMPARE(f->columns.expression(QStringLiteral("email")), QStringLiteral("lower(EMAL)"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return f->columns.state(QStringLiteral("email")) ==
                       ColumnMappingModel::State::Error;
            },
            5000));

        // fixing the name clears the underline and says what it reads
        editor->setCursorPosition(0, 9);
        type(editor, QStringLiteral("I"));
        QCOMPARE(editor->expression(), QStringLiteral("lower(EMAIL)"));
        QVERIFY(checked(*f->editor));
        QVERIFY(!editor->hasError());
        QCOMPARE(f->editor->checkText(), QStringLiteral("\u2713 compiles; reads EMAIL"));
    }

    void completionOffersTheSourceColumnsAndTheFunctions()
    {
        auto f = open(QStringLiteral("phone"));
        QVERIFY(f);
        ExpressionEditor *editor = f->editor->editor();
        QVERIFY(editor->expressionLexer()->sourceColumns().contains(QStringLiteral("PHONE")));
        QVERIFY(ExpressionLexer::functionNames().contains(QStringLiteral("normalize_space")));
        editor->selectAll();
        type(editor, QStringLiteral("PHO"));
        QTRY_VERIFY(editor->isListActive());
        const auto current = [editor] {
            QByteArray text(256, '\0');
            editor->SendScintilla(QsciScintillaBase::SCI_AUTOCGETCURRENTTEXT, text.size(),
                                  text.data());
            return QString::fromUtf8(text.constData());
        };
        QCOMPARE(current(), QStringLiteral("PHONE"));
        editor->cancelList();

        // a function is offered with its arguments; choosing it writes "name(" and its call tip
        editor->selectAll();
        type(editor, QStringLiteral("normalize_s"));
        QTRY_VERIFY(editor->isListActive());
        QCOMPARE(current(), QStringLiteral("normalize_space(text)"));
        QTest::keyClick(editor->viewport(), Qt::Key_Return);
        QCOMPARE(editor->expression(), QStringLiteral("normalize_space("));
        QVERIFY(editor->SendScintilla(QsciScintillaBase::SCI_CALLTIPACTIVE));

        // after lookup(' the project's lookup maps
        editor->selectAll();
        type(editor, QStringLiteral("lookup('"));
        QTRY_VERIFY(editor->isListActive());
        QVERIFY2(f->document.project().lookups.size() > 0 &&
                     current() == f->document.project().lookups.first().name,
                 qPrintable(current()));
        editor->cancelList();
    }

    // Back in a column, the cursor is where it was left; in another, at the end of its text.
    void switchingColumnsKeepsEachColumnsCursor()
    {
        auto f = open(QStringLiteral("email"));
        QVERIFY(f);
        ExpressionEditor *editor = f->editor->editor();
        editor->setCursorPosition(0, 6);
        f->editor->setColumn(QStringLiteral("site"));
        int line = -1;
        int index = -1;
        editor->getCursorPosition(&line, &index);
        QCOMPARE(index, int(editor->expression().size()));
        f->editor->setColumn(QStringLiteral("email"));
        editor->getCursorPosition(&line, &index);
        QCOMPARE(index, 6);
    }

    void typingIsOneUndoStepAndAnUndoComesBack()
    {
        auto f = open(QStringLiteral("site"));
        QVERIFY(f);
        ExpressionEditor *editor = f->editor->editor();
        const QString before = editor->expression();
        QUndoStack *undo = f->document.undoStack();
        const int at = undo->index();
        editor->setCursorPosition(0, before.size());
        type(editor, QStringLiteral(" || 'x'"));
        QCOMPARE(undo->index(), at + 1); // seven keys, one step
        QCOMPARE(f->columns.expression(QStringLiteral("site")), before + QStringLiteral(" || 'x'"));
        undo->undo();
        QCOMPARE(editor->expression(), before); // back in the editor

        // after a pause, typing starts a new step
        type(editor, QStringLiteral(" "));
        QTest::qWait(int(SetExpressionCommand::kBurstGapMs) + 100);
        type(editor, QStringLiteral(" "));
        QCOMPARE(undo->index(), at + 2);
    }

    void theCanvasLinesFollowTheColumnsTheTextReads()
    {
        auto f = open(QStringLiteral("full_name"));
        QVERIFY(f);
        MappingCanvas canvas(f->document, f->columns);
        canvas.resize(800, 500);
        canvas.show();
        ExpressionEditor *editor = f->editor->editor();
        editor->selectAll();
        type(editor, QStringLiteral("SEX || PHONE"));
        QVERIFY(checked(*f->editor));
        QStringList from;
        for (LineageLine *line : canvas.scene()->linesTo(QStringLiteral("full_name")))
            from.append(line->from() ? line->from()->name() : QString());
        QCOMPARE(from, (QStringList{QStringLiteral("SEX"), QStringLiteral("PHONE")}));
    }
};

QTEST_MAIN(TestTransformEditor)
#include "tst_transformeditor.moc"
