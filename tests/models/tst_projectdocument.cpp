// ProjectDocument and its first commands on a real project file: edits change the project and
// say what they touched, typing in one expression is one undo step, and undoing every edit gives
// back the file that was loaded, byte for byte.
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "SetConnectionUrlCommand.h"
#include "SetExpressionCommand.h"
#include "project/ProjectWriter.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cutover;

namespace {

ConnectionDef connection(const char *name, const char *url)
{
    ConnectionDef def;
    def.name = QString::fromUtf8(name);
    def.url = QString::fromUtf8(url);
    return def;
}

ColumnMapping column(const char *target, const char *expression)
{
    ColumnMapping c;
    c.target = QString::fromUtf8(target);
    c.expression = QString::fromUtf8(expression);
    return c;
}

} // namespace

class TestProjectDocument : public QObject
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
        p.connections = {connection("legacy", "sqlite:legacy.sqlite"),
                         connection("modern", "sqlite:modern.sqlite")};
        p.sourceConnection = QStringLiteral("legacy");
        p.targetConnection = QStringLiteral("modern");
        TableMapping m;
        m.source = QStringLiteral("PATIENTS");
        m.target = QStringLiteral("patient");
        m.columns = {column("id", "PAT_ID"), column("full_name", "PAT_NAME")};
        p.mappings = {m};
        return p;
    }

    static QString expression(const ProjectDocument &document, const QString &column)
    {
        return document.project().mapping(QStringLiteral("patient"))->column(column)->expression;
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

    void typingInOneExpressionIsOneUndoStep()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        QSignalSpy changed(&document, &ProjectDocument::changed);
        const QString typed = QStringLiteral("upper(PAT_NAME)");
        for (qsizetype n = 1; n <= typed.size(); ++n)
            document.undoStack()->push(new SetExpressionCommand(
                document, QStringLiteral("patient"), QStringLiteral("full_name"), typed.left(n)));
        QCOMPARE(expression(document, "full_name"), typed);
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.undoStack()->undoText(),
                 QStringLiteral("Change the expression of patient.full_name"));
        QCOMPARE(changed.count(), typed.size());
        QCOMPARE(changed.last().first().value<ProjectDocument::Part>(),
                 ProjectDocument::Part::Mappings);
        QVERIFY(document.isModified());
        document.undoStack()->undo();
        QCOMPARE(expression(document, "full_name"), QStringLiteral("PAT_NAME"));
        QVERIFY(!document.isModified());
    }

    void typingBackToWhereItStartedLeavesNothingToUndo()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        for (const QString &text : {QStringLiteral("PAT_NAM"), QStringLiteral("PAT_NAME")})
            document.undoStack()->push(new SetExpressionCommand(document, QStringLiteral("patient"),
                                                                QStringLiteral("full_name"), text));
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
    }

    void undoingEveryEditGivesBackTheLoadedFileByteForByte()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        QCOMPARE(document.toBytes(), m_loadedBytes);
        QUndoStack &stack = *document.undoStack();
        stack.push(new SetConnectionUrlCommand(document, QStringLiteral("modern"),
                                               QStringLiteral("postgresql://me@db/clinic")));
        stack.push(new SetExpressionCommand(document, QStringLiteral("patient"),
                                            QStringLiteral("id"), QStringLiteral("uuid4()")));
        stack.push(new SetExpressionCommand(document, QStringLiteral("patient"),
                                            QStringLiteral("full_name"),
                                            QStringLiteral("trim(PAT_NAME)")));
        QCOMPARE(stack.count(), 3);
        const QByteArray edited = document.toBytes();
        QVERIFY(edited != m_loadedBytes);
        QVERIFY(edited.contains("postgresql://me@db/clinic"));
        while (stack.canUndo())
            stack.undo();
        QCOMPARE(document.toBytes(), m_loadedBytes);
        while (stack.canRedo())
            stack.redo();
        QCOMPARE(document.toBytes(), edited);
    }

    void savingWritesWhatTheCliWritesAndCleansTheDocument()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        QSignalSpy modified(&document, &ProjectDocument::modifiedChanged);
        document.undoStack()->push(new SetExpressionCommand(document, QStringLiteral("patient"),
                                                            QStringLiteral("full_name"),
                                                            QStringLiteral("lower(PAT_NAME)")));
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.last().first().toBool(), true);
        const QString copy = m_dir.filePath(QStringLiteral("copy.cutover"));
        QVERIFY(document.saveAs(copy).ok());
        QVERIFY(!document.isModified());
        QCOMPARE(modified.last().first().toBool(), false);
        QCOMPARE(document.filePath(), QFileInfo(copy).absoluteFilePath());
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), ProjectWriter::toBytes(document.project()));
    }

    void everyKindOfEditUndoesToTheLoadedBytes()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        ProjectEdits edits(document);
        QUndoStack &stack = *document.undoStack();

        edits.addConnection(connection("staging", "sqlite:staging.sqlite"));
        edits.replaceConnection(0, connection("old", "sqlite:legacy.sqlite"));
        QCOMPARE(document.project().sourceConnection, QStringLiteral("old"));
        edits.setTargetConnection(QStringLiteral("staging"));

        TableMapping visits;
        visits.source = QStringLiteral("VISITS");
        visits.target = QStringLiteral("visit");
        edits.addMapping(visits);
        edits.mapColumn(1, column("id", "VIS_ID"));
        QCOMPARE(stack.undoText(), QStringLiteral("Map VISITS.VIS_ID to visit.id"));
        edits.mapColumn(0, column("full_name", "upper(PAT_NAME)"));
        QCOMPARE(stack.undoText(), QStringLiteral("Map patient.full_name to upper(PAT_NAME)"));
        ColumnMapping withDefault = document.project().mappings.at(0).columns.at(0);
        withDefault.defaultValue = QStringLiteral("0");
        withDefault.hasDefault = true;
        edits.replaceColumn(0, 0, withDefault, QStringLiteral("the default"));
        for (const QString &text : {QStringLiteral("tr"), QStringLiteral("trim(PAT_NAME)")})
            edits.setExpression(0, QStringLiteral("full_name"), text);

        const int beforeFilter = stack.count();
        TableMapping filtered = document.project().mappings.at(1);
        for (const QString &text : {QStringLiteral("VIS"), QStringLiteral("VIS_DATE > '2000'")}) {
            filtered.filter = text;
            edits.replaceMapping(1, filtered, QStringLiteral("the filter"));
        }
        QCOMPARE(stack.count(), beforeFilter + 1); // typing the filter is one step

        Rule rule;
        rule.name = QStringLiteral("visit-id");
        rule.table = QStringLiteral("visit");
        rule.column = QStringLiteral("id");
        edits.addRule(rule);
        rule.severity = Rule::Severity::Warning;
        edits.replaceRule(0, rule, QStringLiteral("the severity"));
        Phase phase{QStringLiteral("wave-1"), {}, {QStringLiteral("visit")}, {}};
        edits.addPhase(phase);
        filtered.target = QStringLiteral("encounter");
        edits.replaceMapping(1, filtered, QStringLiteral("the target"));
        QCOMPARE(document.project().rules.at(0).table, QStringLiteral("encounter"));
        QCOMPARE(document.project().phases.at(0).tables, QStringList{QStringLiteral("encounter")});

        LookupMap sex;
        sex.name = QStringLiteral("sex");
        sex.entries.insert(QStringLiteral("M"), QStringLiteral("male"));
        edits.addLookup(sex);
        edits.mapColumn(0, column("sex", "lookup('sex', SEX)"));
        sex.name = QStringLiteral("sex_codes");
        edits.replaceLookup(0, sex, QStringLiteral("the name"));
        QCOMPARE(document.project().mappings.at(0).column(QStringLiteral("sex"))->expression,
                 QStringLiteral("lookup('sex_codes', SEX)"));

        phase.name = QStringLiteral("first wave");
        RunbookStep step;
        step.id = QStringLiteral("load");
        step.title = QStringLiteral("Load wave 1");
        step.action = RunbookStep::Action::Run;
        step.phase = QStringLiteral("wave-1");
        edits.addRunbookStep(step);
        edits.replacePhase(0, phase, QStringLiteral("the name"));
        QCOMPARE(document.project().runbook.steps.at(0).phase, QStringLiteral("first wave"));

        ProjectSettings settings = document.project().settings;
        for (int size : {5, 50, 500}) {
            settings.batchSize = size;
            edits.setSettings(settings, QStringLiteral("the batch size"));
        }
        edits.setName(QStringLiteral("clinic v2"));
        edits.duplicateMapping(0);
        QCOMPARE(document.project().mappings.at(1).target, QStringLiteral("patient_copy"));
        edits.moveMapping(2, 0);
        edits.removeMapping(1);
        edits.unmapColumn(0, 0);
        LookupMap spare;
        spare.name = QStringLiteral("spare");
        edits.addLookup(spare);
        edits.moveLookup(1, 0);
        edits.removeLookup(0);
        edits.removeRule(0);
        edits.removePhase(0);
        edits.removeRunbookStep(0);
        edits.removeConnection(0);
        QVERIFY(document.project().sourceConnection.isEmpty());

        AdvisorRecord advisor;
        advisor.answers.downtimeMinutes = 0;
        advisor.recommended = QStringLiteral("blue-green");
        QSignalSpy runbookChanged(&document, &ProjectDocument::changed);
        edits.setAdvisor(advisor);
        QCOMPARE(document.project().advisor, advisor);
        QCOMPARE(stack.undoText(), QStringLiteral("Keep the strategy advisor's answers"));
        RunbookPlan plan;
        plan.strategy = QStringLiteral("big-bang");
        plan.windowMinutes = 240;
        edits.replaceRunbook(plan, QStringLiteral("Generate the Big Bang runbook"));
        QCOMPARE(document.project().runbook, plan);
        QCOMPARE(stack.undoText(), QStringLiteral("Generate the Big Bang runbook"));
        QCOMPARE(runbookChanged.count(), 2);
        for (const QList<QVariant> &change : runbookChanged)
            QCOMPARE(change.at(0).value<ProjectDocument::Part>(), ProjectDocument::Part::Runbook);

        const QByteArray edited = document.toBytes();
        QVERIFY(edited != m_loadedBytes);
        QVERIFY(document.isModified());
        while (stack.canUndo())
            stack.undo();
        QCOMPARE(document.toBytes(), m_loadedBytes);
        QVERIFY(!document.isModified());
        while (stack.canRedo())
            stack.redo();
        QCOMPARE(document.toBytes(), edited);
    }

    void aChangeOnDiskIsReportedButNotOurOwnSave()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        QSignalSpy onDisk(&document, &ProjectDocument::changedOnDisk);
        ProjectEdits(document).setName(QStringLiteral("renamed here"));
        QVERIFY(document.save().ok());
        QTest::qWait(400);
        QCOMPARE(onDisk.count(), 0);

        Project theirs = document.project();
        theirs.name = QStringLiteral("renamed by a git pull");
        QVERIFY(ProjectWriter::save(theirs, m_path + QStringLiteral(".new")).ok());
        QFile::remove(m_path);
        QVERIFY(QFile::rename(m_path + QStringLiteral(".new"), m_path)); // as git does
        QTRY_COMPARE(onDisk.count(), 1);
        QCOMPARE(document.project().name, QStringLiteral("renamed here"));
        QVERIFY(document.reload().ok());
        QCOMPARE(document.project().name, QStringLiteral("renamed by a git pull"));
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void aNewProjectIsSavedBesideItsConnections()
    {
        ProjectDocument document;
        QVERIFY(!document.hasProject());
        document.reset();
        QVERIFY(document.hasProject());
        QCOMPARE(document.displayName(), QStringLiteral("Untitled"));
        ProjectEdits(document).addConnection(connection("src", "sqlite:src.sqlite"));
        QVERIFY(document.isModified());
        QVERIFY(!document.save()); // no file yet
        const QString path = m_dir.filePath(QStringLiteral("new.cutover"));
        QVERIFY(document.saveAs(path).ok());
        QCOMPARE(document.project().baseDir, m_dir.path());
        QCOMPARE(document.displayName(), QStringLiteral("new"));
        document.close();
        QVERIFY(!document.hasProject());
    }

    void aBadFileIsRefusedAndTheOpenProjectStays()
    {
        ProjectDocument document;
        QVERIFY(document.open(m_path).ok());
        const QString bad = m_dir.filePath(QStringLiteral("bad.cutover"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ \"formatVersion\": 1, \"name\": ");
        file.close();
        auto opened = document.open(bad);
        QVERIFY(!opened);
        QVERIFY(opened.error().where().contains(QLatin1String("bad.cutover")));
        QCOMPARE(document.project().name, QStringLiteral("clinic"));
        QCOMPARE(document.filePath(), QFileInfo(m_path).absoluteFilePath());
    }
};

QTEST_GUILESS_MAIN(TestProjectDocument)
#include "tst_projectdocument.moc"
