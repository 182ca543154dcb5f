// The models the workbench edits through, over a real project and real SQLite files: the project
// tree follows every edit and undo and renames through the undo stack; the column table of a
// mapping shows every target column with its state and edits expressions as one undo step; the
// validation runs off the GUI thread, reading schemas only when a connection changed.
#include "ColumnMappingModel.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "ProjectTreeModel.h"
#include "ProjectValidation.h"
#include "SqliteFile.h"
#include "project/ProjectWriter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cutover;
using test::SqliteFile;

class TestWorkbenchModels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    Project m_project;

    void writeProject()
    {
        QCOMPARE(SqliteFile::create(m_dir.filePath(QStringLiteral("legacy.sqlite")),
                                    {QStringLiteral("CREATE TABLE PATIENTS (PAT_ID INTEGER "
                                                    "PRIMARY KEY, PAT_NAME TEXT, SEX TEXT)")}),
                 QString());
        QCOMPARE(SqliteFile::create(m_dir.filePath(QStringLiteral("modern.sqlite")),
                                    {QStringLiteral("CREATE TABLE patient (id INTEGER PRIMARY KEY, "
                                                    "full_name TEXT NOT NULL, sex TEXT, "
                                                    "born TEXT)")}),
                 QString());
        Project p;
        p.name = QStringLiteral("clinic");
        ConnectionDef legacy, modern;
        legacy.name = QStringLiteral("legacy");
        legacy.url = QStringLiteral("sqlite:legacy.sqlite");
        modern.name = QStringLiteral("modern");
        modern.url = QStringLiteral("sqlite:modern.sqlite");
        p.connections = {legacy, modern};
        p.sourceConnection = legacy.name;
        p.targetConnection = modern.name;
        TableMapping m;
        m.source = QStringLiteral("PATIENTS");
        m.target = QStringLiteral("patient");
        ColumnMapping id;
        id.target = QStringLiteral("id");
        id.expression = QStringLiteral("PAT_ID");
        m.columns = {id};
        p.mappings = {m};
        m_project = p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("clinic.cutover"));
        writeProject();
    }

    void init() { QVERIFY(ProjectWriter::save(m_project, m_path).ok()); }

    void theTreeFollowsEditsAndUndo()
    {
        ProjectDocument document;
        ProjectTreeModel model(document);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // no project open
        QVERIFY(document.open(m_path).ok());
        QCOMPARE(model.rowCount(), ProjectTreeModel::kGroupCount);
        const QModelIndex mappings = model.groupIndex(ProjectTreeModel::Group::Mappings);
        QCOMPARE(model.rowCount(mappings), 1);
        QCOMPARE(model.index(0, 0, mappings).data().toString(),
                 QStringLiteral("PATIENTS \u2192 patient"));
        const QModelIndex connections = model.groupIndex(ProjectTreeModel::Group::Connections);
        QCOMPARE(model.index(0, 0, connections).data().toString(),
                 QStringLiteral("legacy (source)"));

        ProjectEdits edits(document);
        edits.duplicateMapping(0);
        QCOMPARE(model.rowCount(mappings), 2);
        QCOMPARE(model.index(1, 0, mappings).data(Qt::EditRole).toString(),
                 QStringLiteral("patient_copy"));
        document.undoStack()->undo();
        QCOMPARE(model.rowCount(mappings), 1);

        // renaming in the tree is an undoable edit that follows references
        QVERIFY(model.setData(model.index(0, 0, connections), QStringLiteral("old")));
        QCOMPARE(document.project().sourceConnection, QStringLiteral("old"));
        QCOMPARE(model.index(0, 0, connections).data().toString(), QStringLiteral("old (source)"));
        QVERIFY(!model.setData(model.index(0, 0, connections), QStringLiteral("modern")));
        document.undoStack()->undo();
        QCOMPARE(document.project().sourceConnection, QStringLiteral("legacy"));

        Problem problem;
        problem.severity = Problem::Severity::Error;
        problem.path = QStringLiteral("mappings[0].columns[0]");
        model.setProblems({problem});
        QCOMPARE(model.index(0, 0, mappings).data(ProjectTreeModel::SeverityRole).toInt(),
                 int(Problem::Severity::Error));
        document.close();
        QCOMPARE(model.rowCount(), 0);
    }

    void columnTableShowsEveryTargetColumnAndEditsExpressions()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        ProjectValidation validation(document, nullptr);
        QSignalSpy finished(&validation, &ProjectValidation::finished);
        QTRY_COMPARE(finished.count(), 1);
        const ProjectCheck::Outcome outcome = validation.outcome();
        QVERIFY(outcome.sourceAvailable && outcome.targetAvailable);

        ColumnMappingModel model(document);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchemas(outcome.source, outcome.target);
        model.setMapping(0);
        model.setProblems(outcome.problems);
        QCOMPARE(model.rowCount(), 4); // id, full_name, sex, born
        const int fullName = model.rowOf(QStringLiteral("full_name"));
        // the validator finds the NOT NULL column no expression fills
        const QModelIndex status = model.index(fullName, ColumnMappingModel::StatusColumn);
        QCOMPARE(status.data(ColumnMappingModel::StateRole).value<ColumnMappingModel::State>(),
                 ColumnMappingModel::State::Error);
        QVERIFY2(status.data().toString().contains(QLatin1String("full_name")),
                 qPrintable(status.data().toString()));
        model.setProblems({}); // without the validator's word, the schema says the same
        QCOMPARE(status.data(ColumnMappingModel::StateRole).value<ColumnMappingModel::State>(),
                 ColumnMappingModel::State::RequiredUnmapped);

        const QModelIndex expression = model.index(fullName, ColumnMappingModel::ExpressionColumn);
        QVERIFY(model.setData(expression, QStringLiteral("upper(PAT_NAME)")));
        QCOMPARE(document.undoStack()->undoText(),
                 QStringLiteral("Map patient.full_name to upper(PAT_NAME)"));
        QVERIFY(model.setData(expression, QStringLiteral("upper(trim(PAT_NAME))")));
        QCOMPARE(document.undoStack()->count(), 2); // mapped, then one burst of typing
        QTRY_COMPARE(finished.count(), 2);
        model.setProblems(validation.outcome().problems);
        QCOMPARE(status.data(ColumnMappingModel::StateRole).value<ColumnMappingModel::State>(),
                 ColumnMappingModel::State::Mapped);
        // what it reads is the engine's lineage: the column, not the string or the function
        QVERIFY(model.setData(expression, QStringLiteral("coalesce(upper(pat_name), 'SEX')")));
        QTRY_COMPARE(finished.count(), 3);
        model.setLineage(validation.outcome().lineage);
        QCOMPARE(model.index(fullName, ColumnMappingModel::ReadsColumn).data().toString(),
                 QStringLiteral("PAT_NAME"));

        QVERIFY(model.setData(expression, QString())); // clearing unmaps
        QVERIFY(!document.project().mappings.at(0).column(QStringLiteral("full_name")));
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QVERIFY(!document.project().mappings.at(0).column(QStringLiteral("full_name")));
        QVERIFY(!document.isModified());
    }

    void validationReadsSchemasOnlyWhenAConnectionChanges()
    {
        ProjectDocument document;
        ProjectValidation validation(document, nullptr);
        QSignalSpy started(&validation, &ProjectValidation::started);
        QSignalSpy finished(&validation, &ProjectValidation::finished);
        QVERIFY(document.open(m_path).ok());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(started.last().first().toBool(), true);
        const int errorsBefore = validation.outcome().count(Problem::Severity::Error);

        ProjectEdits edits(document);
        ColumnMapping bad;
        bad.target = QStringLiteral("sex");
        bad.expression = QStringLiteral("NO_SUCH_COLUMN");
        for (int i = 0; i < 5; ++i) // a burst of edits is checked once, after it
            edits.mapColumn(0, bad);
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(started.count(), 2);
        QCOMPARE(started.last().first().toBool(), false);
        QVERIFY(validation.outcome().count(Problem::Severity::Error) > errorsBefore);

        ConnectionDef moved = document.project().connections.at(1);
        moved.url = QStringLiteral("sqlite:missing.sqlite");
        edits.replaceConnection(1, moved);
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(started.last().first().toBool(), true);
        QVERIFY(!validation.outcome().targetAvailable);
    }

    void aNewerCheckDropsTheOlderResult()
    {
        ProjectDocument document;
        ProjectValidation validation(document, nullptr);
        QSignalSpy finished(&validation, &ProjectValidation::finished);
        QVERIFY(document.open(m_path).ok());
        validation.refresh(); // supersedes the check the open started
        QTRY_COMPARE(finished.count(), 1);
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_MAIN(TestWorkbenchModels)
#include "tst_workbenchmodels.moc"
