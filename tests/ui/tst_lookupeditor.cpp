// LookupEditor driven like a user on the offscreen platform, over a real project file: typing a
// key and a value into the grid, the default, renaming, importing a real CSV file and finding the
// values of a real SQLite source column that the map lacks. Every change reaches the project,
// Ctrl+Z takes it back, and undoing everything gives back the loaded file's bytes.
#include "LookupEntriesModel.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "SqliteFile.h"
#include "lookup/LookupEditor.h"
#include "lookup/UncoveredValuesPanel.h"
#include "project/ProjectWriter.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

LookupMap statusMap()
{
    LookupMap map;
    map.name = QStringLiteral("status");
    map.entries = {{QStringLiteral("A"), QStringLiteral("active")},
                   {QStringLiteral("D"), QStringLiteral("deceased")},
                   {QStringLiteral("I"), QStringLiteral("inactive")}};
    return map;
}

Project sample()
{
    Project p;
    p.name = QStringLiteral("clinic");
    p.connections = {{QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.sqlite"), {}},
                     {QStringLiteral("modern"), QStringLiteral("sqlite:modern.sqlite"), {}}};
    p.sourceConnection = QStringLiteral("legacy");
    p.targetConnection = QStringLiteral("modern");
    TableMapping m;
    m.source = QStringLiteral("PATIENTS");
    m.target = QStringLiteral("patient");
    ColumnMapping id;
    id.target = QStringLiteral("id");
    id.expression = QStringLiteral("PAT_ID");
    ColumnMapping status;
    status.target = QStringLiteral("status");
    status.expression = QStringLiteral("lookup('status', upper(trim(STATUS)))");
    m.columns = {id, status};
    p.mappings = {m};
    LookupMap gender;
    gender.name = QStringLiteral("gender");
    gender.entries = {{QStringLiteral("F"), QStringLiteral("female")}};
    p.lookups = {gender, statusMap()};
    return p;
}

} // namespace

class TestLookupEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_loadedBytes;

    // The editor in a window with the document's undo action on Ctrl+Z, shown and active.
    struct Window
    {
        QWidget window;
        LookupEditor *editor;
        explicit Window(ProjectDocument &doc)
            : editor(new LookupEditor(doc, &window))
        {
            QAction *undo = doc.undoStack()->createUndoAction(&window);
            undo->setShortcut(QKeySequence::Undo);
            window.addAction(undo);
            window.resize(700, 600);
            editor->resize(700, 600);
            window.show();
            QApplication::setActiveWindow(&window);
        }
    };

    static const QMap<QString, QString> &entries(const ProjectDocument &doc)
    {
        return doc.project().lookup(QStringLiteral("status"))->entries;
    }

    static void typeIntoCell(QTableView *view, int row, int column, const QString &text)
    {
        const QModelIndex cell = view->model()->index(row, column);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
        QCOMPARE(view->currentIndex(), cell);
        QTest::keyClick(view, text.at(0).toLatin1()); // any key opens the cell's editor
        QWidget *input = QApplication::focusWidget();
        QVERIFY(qobject_cast<QLineEdit *>(input));
        QTest::keyClicks(input, text.mid(1));
        QTest::keyClick(input, Qt::Key_Return); // the delegate commits on the next event loop
        QTRY_VERIFY(QApplication::focusWidget() == view);
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

    void typingAKeyAndAValueAddsAnEntryThatCtrlZTakesBack()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        QTableView *view = w.editor->entriesView();
        QCOMPARE(view->model()->rowCount(), 4);

        typeIntoCell(view, 3, LookupEntriesModel::KeyColumn, QStringLiteral("PND"));
        QVERIFY(entries(doc).contains(QStringLiteral("PND")));
        // The cursor moved on to the new entry's value.
        const int row =
            static_cast<LookupEntriesModel *>(view->model())->rowOfKey(QStringLiteral("PND"));
        QTRY_COMPARE(view->currentIndex().row(), row);
        QCOMPARE(view->currentIndex().column(), int(LookupEntriesModel::ValueColumn));
        typeIntoCell(view, row, LookupEntriesModel::ValueColumn, QStringLiteral("pending"));
        QCOMPARE(entries(doc).value(QStringLiteral("PND")), QStringLiteral("pending"));
        QCOMPARE(doc.undoStack()->count(), 1);

        typeIntoCell(view, 0, LookupEntriesModel::ValueColumn, QStringLiteral("alive"));
        QCOMPARE(entries(doc).value(QStringLiteral("A")), QStringLiteral("alive"));

        view->setFocus();
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(entries(doc).value(QStringLiteral("A")), QStringLiteral("active"));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!entries(doc).contains(QStringLiteral("PND")));
        QCOMPARE(view->model()->rowCount(), 4);
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void aRepeatedKeyIsRefusedWithAMessage()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        typeIntoCell(w.editor->entriesView(), 0, LookupEntriesModel::KeyColumn,
                     QStringLiteral("D"));
        QCOMPARE(entries(doc), statusMap().entries);
        QVERIFY(w.editor->statusText().contains(QStringLiteral("already has the key")));
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void deleteKeyRemovesTheSelectedEntries()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        QTableView *view = w.editor->entriesView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(1, 0)).center());
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(!entries(doc).contains(QStringLiteral("D")));
        QCOMPARE(entries(doc).size(), 2);
        QCOMPARE(view->currentIndex().row(), 1); // stays where it was
        doc.undoStack()->undo();
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void theDefaultAndTheNameAreEditedAndUndone()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        auto *hasDefault = w.editor->findChild<QCheckBox *>();
        QVERIFY(hasDefault);
        QTest::mouseClick(hasDefault, Qt::LeftButton);
        const QList<QLineEdit *> edits = w.editor->findChildren<QLineEdit *>();
        QLineEdit *name = edits.at(0);
        QLineEdit *fallback = edits.at(1);
        QVERIFY(fallback->isEnabled());
        QTest::keyClicks(fallback, QStringLiteral("unknown"));
        const LookupMap *map = doc.project().lookup(QStringLiteral("status"));
        QVERIFY(map->hasDefault);
        QCOMPARE(map->defaultValue, QStringLiteral("unknown"));
        QCOMPARE(doc.undoStack()->count(), 2); // the tick, then the typing as one step

        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("patient_status"));
        QTest::keyClick(name, Qt::Key_Return);
        QVERIFY(doc.project().lookup(QStringLiteral("patient_status")));
        QCOMPARE(doc.project().mappings.at(0).columns.at(1).expression,
                 QStringLiteral("lookup('patient_status', upper(trim(STATUS)))"));
        QCOMPARE(w.editor->lookupIndex(), 1);
        QCOMPARE(doc.undoStack()->count(), 3);

        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(name->text(), QStringLiteral("status"));
        QVERIFY(!hasDefault->isChecked());
        QCOMPARE(fallback->text(), QString());
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void aDeletedMapIsSaidToBeGoneUntilUndo()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        auto *pages = w.editor->findChild<QStackedWidget *>();
        QCOMPARE(pages->currentIndex(), 0);
        ProjectEdits(doc).removeLookup(1);
        QCOMPARE(w.editor->lookupIndex(), -1);
        QCOMPARE(pages->currentIndex(), 1);
        auto *message = qobject_cast<QLabel *>(pages->currentWidget());
        QVERIFY(message->text().contains(QStringLiteral("\u201cstatus\u201d no longer exists")));
        doc.undoStack()->undo();
        QCOMPARE(pages->currentIndex(), 0);
        QCOMPARE(w.editor->lookupIndex(), 1);
        QCOMPARE(w.editor->entriesView()->model()->rowCount(), 4);
    }

    void importsEntriesFromACsvFile()
    {
        const QString csv = m_dir.filePath(QStringLiteral("status.csv"));
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("code,label\nA,active\nD,dead\nP,pending\nT,transferred\n");
        }
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        w.editor->importCsv(csv);
        QCOMPARE(entries(doc).value(QStringLiteral("D")), QStringLiteral("dead"));
        QCOMPARE(entries(doc).value(QStringLiteral("T")), QStringLiteral("transferred"));
        QCOMPARE(entries(doc).size(), 5);
        QCOMPARE(w.editor->statusText(),
                 QStringLiteral("Imported status.csv: 2 added, 1 replaced, 1 already there."));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.toBytes(), m_loadedBytes);

        w.editor->importCsv(m_dir.filePath(QStringLiteral("missing.csv")));
        QVERIFY(w.editor->statusText().contains(QStringLiteral("missing.csv")));
        QCOMPARE(doc.undoStack()->count(), 1); // nothing new pushed (the undone import remains)
    }

    void findsTheSourceValuesTheMapLacksAndAddsThem()
    {
        const QString source = m_dir.filePath(QStringLiteral("legacy.sqlite"));
        QFile::remove(source);
        const QString made = test::SqliteFile::create(
            source,
            {QStringLiteral("CREATE TABLE PATIENTS (PAT_ID INTEGER PRIMARY KEY, STATUS TEXT)"),
             QStringLiteral("INSERT INTO PATIENTS (STATUS) VALUES ('A'), ('A'), ('I'), "
                            "('X'), ('X'), ('X'), (NULL), ('Q'), ('D')")});
        QVERIFY2(made.isEmpty(), qPrintable(made));
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        UncoveredValuesPanel *panel = w.editor->uncoveredPanel();
        QSignalSpy finished(panel, &UncoveredValuesPanel::searchFinished);
        auto *find = panel->findChild<QPushButton *>();
        QVERIFY(find);
        QVERIFY(find->text().contains(QStringLiteral("Find")));
        QTest::mouseClick(find, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(panel->listedValues(), (QStringList{QStringLiteral("X"), QStringLiteral("Q")}));
        bool counted = false; // X has 3 rows, Q 1
        for (QLabel *label : panel->findChildren<QLabel *>())
            counted = counted || label->text().contains(QStringLiteral("2 of 5 distinct values of "
                                                                       "PATIENTS.STATUS are not "
                                                                       "keys of the map (4 rows)"));
        QVERIFY(counted);

        const QList<QPushButton *> buttons = panel->findChildren<QPushButton *>();
        QPushButton *add = buttons.last();
        QCOMPARE(add->text(), QStringLiteral("&Add 2 values as keys"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(entries(doc).contains(QStringLiteral("X")));
        QVERIFY(entries(doc).contains(QStringLiteral("Q")));
        QCOMPARE(entries(doc).size(), 5);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(),
                 QStringLiteral("Change entries from PATIENTS.STATUS of lookup map status"));
        QVERIFY(panel->listedValues().isEmpty()); // all covered now

        doc.undoStack()->undo();
        QCOMPARE(panel->listedValues(), (QStringList{QStringLiteral("X"), QStringLiteral("Q")}));
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void aMissingColumnIsReportedNotFatal()
    {
        const QString source = m_dir.filePath(QStringLiteral("legacy.sqlite"));
        QFile::remove(source);
        QVERIFY(test::SqliteFile::create(source, {QStringLiteral("CREATE TABLE PATIENTS (ID INT)")})
                    .isEmpty());
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showLookup(1);
        UncoveredValuesPanel *panel = w.editor->uncoveredPanel();
        QSignalSpy finished(panel, &UncoveredValuesPanel::searchFinished);
        panel->find();
        QVERIFY(finished.wait(10000));
        QVERIFY(panel->listedValues().isEmpty());
        bool said = false;
        for (QLabel *label : panel->findChildren<QLabel *>())
            said = said || label->text().contains(QStringLiteral("STATUS"));
        QVERIFY(said);
    }
};

QTEST_MAIN(TestLookupEditor)
#include "tst_lookupeditor.moc"
