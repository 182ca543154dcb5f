// ProjectDocument and its first commands on a real project file: edits change the project and
// say what they touched, typing in one expression is one undo step, and undoing every edit gives
// back the file that was loaded, byte for byte.
#include "ProjectDocument.h"
#include "SetConnectionUrlCommand.h"
#include "SetExpressionCommand.h"
#include "project/ProjectWriter.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cutover;

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
        p.connections = {{QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.sqlite")},
                         {QStringLiteral("modern"), QStringLiteral("sqlite:modern.sqlite")}};
        p.sourceConnection = QStringLiteral("legacy");
        p.targetConnection = QStringLiteral("modern");
        TableMapping m;
        m.source = QStringLiteral("PATIENTS");
        m.target = QStringLiteral("patient");
        m.columns = {{QStringLiteral("id"), QStringLiteral("PAT_ID")},
                     {QStringLiteral("full_name"), QStringLiteral("PAT_NAME")}};
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
