// PhaseEditor driven like a user on the offscreen platform over a real project file: ticking a
// table with the keyboard, typing a filter and a description, renaming (which updates the runbook
// steps naming the phase); Ctrl+Z takes it all back to the loaded bytes, and a deleted phase is
// said to be gone until undo brings it back.
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "phases/PhaseEditor.h"
#include "project/ProjectWriter.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

TableMapping mapping(const char *source, const char *target)
{
    TableMapping m;
    m.source = QString::fromUtf8(source);
    m.target = QString::fromUtf8(target);
    return m;
}

Project sample()
{
    Project p;
    p.name = QStringLiteral("clinic");
    p.connections = {{QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.sqlite"), {}},
                     {QStringLiteral("modern"), QStringLiteral("sqlite:modern.sqlite"), {}}};
    p.sourceConnection = QStringLiteral("legacy");
    p.targetConnection = QStringLiteral("modern");
    p.mappings = {mapping("PATIENTS", "patient"), mapping("VISITS", "encounter"),
                  mapping("BILLS", "invoice")};
    Phase wave;
    wave.name = QStringLiteral("wave-1");
    wave.tables = {QStringLiteral("patient")};
    Phase rest;
    rest.name = QStringLiteral("rest");
    p.phases = {wave, rest};
    RunbookStep step;
    step.id = QStringLiteral("run-wave-1");
    step.title = QStringLiteral("Run wave 1");
    step.action = RunbookStep::Action::Run;
    step.phase = QStringLiteral("wave-1");
    p.runbook.steps = {step};
    return p;
}

} // namespace

class TestPhaseEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_loadedBytes;

    struct Window
    {
        QWidget window;
        PhaseEditor *editor;
        explicit Window(ProjectDocument &doc)
            : editor(new PhaseEditor(doc, &window))
        {
            QAction *undo = doc.undoStack()->createUndoAction(&window);
            undo->setShortcut(QKeySequence::Undo);
            window.addAction(undo);
            window.resize(600, 500);
            editor->resize(600, 500);
            window.show();
            QApplication::setActiveWindow(&window);
        }
    };

    static QStringList ticked(const QListWidget *list)
    {
        QStringList names;
        for (int row = 0; row < list->count(); ++row)
            if (list->item(row)->checkState() == Qt::Checked)
                names.append(list->item(row)->text());
        return names;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("clinic.cutover"));
        QVERIFY(ProjectWriter::save(sample(), m_path).ok());
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_loadedBytes = file.readAll();
    }

    void listsTheMappingTargetsWithThePhasesTicked()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showPhase(0);
        QListWidget *list = w.editor->tablesList();
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(1)->text(), QStringLiteral("encounter"));
        QCOMPARE(ticked(list), QStringList{QStringLiteral("patient")});
        w.editor->showPhase(1);
        QVERIFY(ticked(list).isEmpty());
    }

    void tickingATableIsUndoneByCtrlZ()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showPhase(0);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        QListWidget *list = w.editor->tablesList();
        list->setFocus();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(2)).center());
        QCOMPARE(list->currentRow(), 2);
        QTest::keyClick(list, Qt::Key_Space); // ticks "invoice"
        QCOMPARE(doc.project().phases.at(0).tables,
                 (QStringList{QStringLiteral("patient"), QStringLiteral("invoice")}));
        QTest::keyClick(list, Qt::Key_Up);
        QTest::keyClick(list, Qt::Key_Up);
        QTest::keyClick(list, Qt::Key_Space); // unticks "patient"
        QCOMPARE(doc.project().phases.at(0).tables, QStringList{QStringLiteral("invoice")});
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.undoStack()->undoText(),
                 QStringLiteral("Change the tables (removed patient) of phase wave-1"));

        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(ticked(list), (QStringList{QStringLiteral("patient"), QStringLiteral("invoice")}));
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(ticked(list), QStringList{QStringLiteral("patient")});
        QCOMPARE(list->currentRow(), 0); // the cursor stays where it was
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void filterDescriptionAndRename()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showPhase(0);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        const QList<QLineEdit *> edits = w.editor->findChildren<QLineEdit *>();
        QLineEdit *name = edits.at(0);
        QLineEdit *filter = edits.at(1);
        QTest::keyClicks(filter, QStringLiteral("clinic_id = 7"));
        QCOMPARE(doc.project().phases.at(0).filter, QStringLiteral("clinic_id = 7"));
        auto *description = w.editor->findChild<QPlainTextEdit *>();
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral("North clinics"));
        QCOMPARE(doc.project().phases.at(0).description, QStringLiteral("North clinics"));
        QCOMPARE(doc.undoStack()->count(), 2);

        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("north"));
        QCOMPARE(doc.project().phases.at(0).name, QStringLiteral("wave-1")); // not until done
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(doc.project().phases.at(0).name, QStringLiteral("north"));
        QCOMPARE(doc.project().runbook.steps.at(0).phase, QStringLiteral("north"));
        QCOMPARE(w.editor->phaseIndex(), 0);
        QCOMPARE(doc.undoStack()->count(), 3);

        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("rest"));
        QTest::keyClick(name, Qt::Key_Return); // taken: refused
        QCOMPARE(doc.project().phases.at(0).name, QStringLiteral("north"));
        QCOMPARE(name->text(), QStringLiteral("north"));
        QCOMPARE(doc.undoStack()->count(), 3);

        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(name->text(), QStringLiteral("wave-1"));
        QCOMPARE(filter->text(), QString());
        QCOMPARE(description->toPlainText(), QString());
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void aDeletedPhaseIsSaidToBeGoneUntilUndo()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showPhase(1);
        auto *pages = w.editor->findChild<QStackedWidget *>();
        QCOMPARE(pages->currentIndex(), 0);
        ProjectEdits(doc).removePhase(1);
        QCOMPARE(pages->currentIndex(), 1);
        QVERIFY(qobject_cast<QLabel *>(pages->currentWidget())
                    ->text()
                    .contains(QStringLiteral("\u201crest\u201d no longer exists")));
        doc.undoStack()->undo();
        QCOMPARE(pages->currentIndex(), 0);
        QCOMPARE(w.editor->phaseIndex(), 1);
    }

    void aNewMappingAppearsInTheList()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showPhase(0);
        ProjectEdits(doc).addMapping(mapping("NOTES", "note"));
        QCOMPARE(w.editor->tablesList()->count(), 4);
        doc.undoStack()->undo();
        QCOMPARE(w.editor->tablesList()->count(), 3);
    }
};

QTEST_MAIN(TestPhaseEditor)
#include "tst_phaseeditor.moc"
