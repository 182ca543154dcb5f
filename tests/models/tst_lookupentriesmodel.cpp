// LookupEntriesModel over a real project file, with QAbstractItemModelTester attached: it shows
// one lookup map's entries and a row for a new key, every edit becomes one undoable
// replaceLookup, refused edits leave the project alone, and it follows its map through renames,
// moves, deletion and undo. NamedItemTracker and LookupCsvImport are tested here too.
#include "LookupCsvImport.h"
#include "LookupEntriesModel.h"
#include "NamedItemTracker.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "project/ProjectWriter.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cutover;

namespace {

LookupMap lookup(const char *name,
                 std::initializer_list<std::pair<const char *, const char *>> entries)
{
    LookupMap map;
    map.name = QString::fromUtf8(name);
    for (const auto &[key, value] : entries)
        map.entries.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    return map;
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

} // namespace

class TestLookupEntriesModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_loadedBytes;

    static Project sample()
    {
        Project p;
        p.name = QStringLiteral("clinic");
        p.connections = {{QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.sqlite"), {}},
                         {QStringLiteral("modern"), QStringLiteral("sqlite:modern.sqlite"), {}}};
        p.sourceConnection = QStringLiteral("legacy");
        p.targetConnection = QStringLiteral("modern");
        p.lookups = {lookup("gender", {{"F", "female"}, {"M", "male"}}),
                     lookup("status", {{"A", "active"}, {"D", "deceased"}, {"I", "inactive"}})};
        return p;
    }

    const QMap<QString, QString> &entriesOf(const ProjectDocument &doc, const char *name)
    {
        return doc.project().lookup(QString::fromUtf8(name))->entries;
    }

    QString writeFile(const char *name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QString::fromUtf8(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("clinic.cutover"));
        QVERIFY(ProjectWriter::save(sample(), m_path).ok());
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_loadedBytes = file.readAll();
    }

    void showsTheEntriesSortedWithANewKeyRow()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        LookupEntriesModel model(doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setLookup(1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(cell(model, 0, 0), QStringLiteral("A"));
        QCOMPARE(cell(model, 2, 1), QStringLiteral("inactive"));
        QCOMPARE(model.newEntryRow(), 3);
        QVERIFY(!(model.flags(model.index(3, 1)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(3, 0)) & Qt::ItemIsEditable);
        QVERIFY(model.data(model.index(3, 0), Qt::EditRole).toString().isEmpty());
    }

    void editsAreOneUndoStepEach()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        LookupEntriesModel model(doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLookup(1);
        QSignalSpy edited(&model, &LookupEntriesModel::entryEdited);

        QVERIFY(model.setData(model.index(3, 0), QStringLiteral("P"))); // new key
        QCOMPARE(entriesOf(doc, "status").value(QStringLiteral("P"), QStringLiteral("?")),
                 QString());
        QCOMPARE(model.rowCount(), 5);
        const int row = model.rowOfKey(QStringLiteral("P"));
        QCOMPARE(row, 3);
        QVERIFY(model.setData(model.index(row, 1), QStringLiteral("pending")));
        QCOMPARE(entriesOf(doc, "status").value(QStringLiteral("P")), QStringLiteral("pending"));
        // Adding a key and typing its value is one step; renaming a key is another.
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(model.setData(model.index(0, 0), QStringLiteral("ACT")));
        QCOMPARE(entriesOf(doc, "status").value(QStringLiteral("ACT")), QStringLiteral("active"));
        QVERIFY(!entriesOf(doc, "status").contains(QStringLiteral("A")));
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Change key A of lookup map status"));
        QCOMPARE(edited.count(), 3);
        QCOMPARE(edited.last().at(0).toString(), QStringLiteral("ACT"));

        doc.undoStack()->undo();
        QCOMPARE(cell(model, 0, 0), QStringLiteral("A"));
        doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void refusedEditsChangeNothing()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        LookupEntriesModel model(doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLookup(1);
        QSignalSpy rejected(&model, &LookupEntriesModel::editRejected);
        QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("D"))); // taken
        QVERIFY(!model.setData(model.index(0, 0), QString()));           // empty
        QVERIFY(!model.setData(model.index(3, 1), QStringLiteral("x"))); // value before key
        QVERIFY(!model.setData(model.index(3, 0), QString()));           // nothing typed
        QCOMPARE(rejected.count(), 3);
        QVERIFY(rejected.first().first().toString().contains(QStringLiteral("D")));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(model.setData(model.index(0, 1), QStringLiteral("active"))); // the same value
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void removesAndMergesInOneStep()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        LookupEntriesModel model(doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLookup(1);
        model.removeKeys({QStringLiteral("A"), QStringLiteral("I"), QStringLiteral("nope")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(entriesOf(doc, "status").keys(), QStringList{QStringLiteral("D")});
        model.mergeEntries({{QStringLiteral("D"), QStringLiteral("dead")},
                            {QStringLiteral("X"), QStringLiteral("unknown")}},
                           QStringLiteral("entries from x.csv"));
        QCOMPARE(entriesOf(doc, "status").value(QStringLiteral("D")), QStringLiteral("dead"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void followsItsMapThroughRenameMoveAndDeletion()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        LookupEntriesModel model(doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLookup(1);
        ProjectEdits edits(doc);
        LookupMap renamed = doc.project().lookups.at(1);
        renamed.name = QStringLiteral("patient_status");
        edits.replaceLookup(1, renamed, QStringLiteral("the name"));
        QCOMPARE(model.lookupIndex(), 1);
        QCOMPARE(model.tracker().name(), QStringLiteral("patient_status"));
        edits.moveLookup(1, 0);
        QCOMPARE(model.lookupIndex(), 0);
        QCOMPARE(cell(model, 0, 1), QStringLiteral("active"));
        edits.removeLookup(0);
        QCOMPARE(model.lookupIndex(), -1);
        QCOMPARE(model.rowCount(), 0);
        doc.undoStack()->undo();
        QCOMPARE(model.lookupIndex(), 0);
        QCOMPARE(model.rowCount(), 4);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(model.lookupIndex(), 1);
        QCOMPARE(model.tracker().name(), QStringLiteral("status"));
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void reloadingStartsOver()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        LookupEntriesModel model(doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLookup(0);
        doc.reset();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.lookupIndex(), -1);
    }

    void trackerFollowsByNameThenByPlace()
    {
        NamedItemTracker tracker;
        QVERIFY(!tracker.update({QStringLiteral("a")}));
        tracker.track(1, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        QVERIFY(tracker.update({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(tracker.index(), 0);
        QVERIFY(tracker.update({QStringLiteral("bee"), QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(tracker.name(), QStringLiteral("bee"));
        QVERIFY(!tracker.update({QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(tracker.index(), -1);
        QVERIFY(tracker.isTracking());
        QVERIFY(!tracker.update({QStringLiteral("x"), QStringLiteral("c")}));
        QVERIFY(tracker.update({QStringLiteral("bee"), QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(tracker.index(), 0);
    }

    void csvImportCountsAddedAndReplaced_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("header");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("replaced");
        QTest::addColumn<int>("unchanged");
        QTest::addColumn<int>("skipped");
        QTest::newRow("header") << QByteArray("code,label\nA,active\nD,dead\nP,pending\n") << true
                                << 1 << 1 << 1 << 0;
        QTest::newRow("no header")
            << QByteArray("A,alive\r\nQ,queued") << false << 1 << 1 << 0 << 0;
        QTest::newRow("bad lines")
            << QByteArray("key,value\nA,active\nB\nC,x,y\n\"E,1\",e\n") << true << 1 << 0 << 1 << 2;
    }

    void csvImportCountsAddedAndReplaced()
    {
        QFETCH(QByteArray, bytes);
        const QString path = writeFile("entries.csv", bytes);
        QVERIFY(!path.isEmpty());
        const QMap<QString, QString> existing = sample().lookups.at(1).entries;
        const auto read = LookupCsvImport::read(path, existing);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        QTEST(read->hadHeader, "header");
        QTEST(read->added, "added");
        QTEST(read->replaced, "replaced");
        QTEST(read->unchanged, "unchanged");
        QTEST(read->skipped, "skipped");
        QCOMPARE(qsizetype(read->added + read->replaced + read->unchanged), read->entries.size());
    }

    void csvImportOfAMissingFileIsAnError()
    {
        QVERIFY(!LookupCsvImport::read(m_dir.filePath(QStringLiteral("none.csv")), {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestLookupEntriesModel)
#include "tst_lookupentriesmodel.moc"
