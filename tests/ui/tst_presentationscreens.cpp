// Presentation mode with two screens, as a laptop on a projector has them: the offscreen platform
// given two screens (its configfile), the workbench on the first, the presentation full screen on
// the second; with the workbench moved to the second, the presentation takes the first.
#include "ProjectDocument.h"
#include "RunbookSession.h"
#include "demo/DemoGenerator.h"
#include "runbook/PresentationWindow.h"

#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

class TestPresentationScreens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presentsOnTheScreenTheWorkbenchIsNotOn()
    {
        const QList<QScreen *> screens = QGuiApplication::screens();
        QCOMPARE(screens.size(), 2);
        QTemporaryDir dir;
        DemoGenerator::Options demo;
        demo.directory = dir.path();
        demo.patients = 100;
        QVERIFY(DemoGenerator::generate(demo).ok());
        ProjectDocument document;
        QVERIFY(document.open(dir.filePath(DemoGenerator::projectFileName())).ok());
        RunbookSession session(document, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(session.document().has_value(), 60000);

        for (QScreen *workbenchScreen : screens) {
            QMainWindow workbench;
            workbench.setScreen(workbenchScreen);
            workbench.setGeometry(workbenchScreen->geometry().adjusted(50, 50, -50, -50));
            workbench.show();
            QVERIFY(QTest::qWaitForWindowExposed(&workbench));
            QCOMPARE(workbench.screen(), workbenchScreen);

            PresentationWindow presentation(session);
            presentation.present({}, &workbench);
            QVERIFY(QTest::qWaitForWindowExposed(&presentation));
            QScreen *other = screens.at(workbenchScreen == screens.first() ? 1 : 0);
            QCOMPARE(presentation.screen(), other);
            QVERIFY(presentation.isFullScreen());
            QCOMPARE(presentation.geometry(), other->geometry());
            QCOMPARE(workbench.screen(), workbenchScreen); // the workbench stays where it was
        }
    }
};

// Two screens side by side: a laptop's 1600x1000 and a projector's 1920x1080.
int main(int argc, char *argv[])
{
    QTemporaryDir config;
    const QString file = config.filePath(QStringLiteral("screens.json"));
    QFile json(file);
    if (!json.open(QIODevice::WriteOnly))
        return 2;
    json.write(R"({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1600, "height": 1000, "logicalDpi": 96},
        {"name": "projector", "x": 1600, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}
    ]})");
    json.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + file.toLocal8Bit());
    QApplication app(argc, argv);
    TestPresentationScreens test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_presentationscreens.moc"
