// runbook-shots RUNBOOK_DEMO_PROJECT OUT_DIR: the runbook's views at 1920x1080, a projector's
// size, from a demo whose rehearsal tests/ui/screenshots.sh carried out up to the go / no-go gate
// with one sign-off: runbook.png (the window on the runbook page with its timeline),
// advisor.png, signoff.png, presentation.png (a wave's step, with its evidence) and
// presentation-gonogo.png (the gate, its conditions and the sign-off given).
#include "MainWindow.h"
#include "ProjectDocument.h"
#include "RunbookSession.h"
#include "project/EditorArea.h"
#include "runbook/AdvisorDialog.h"
#include "runbook/PresentationWindow.h"
#include "runbook/RunbookView.h"
#include "runbook/SignOffDialog.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

#include <cstdio>
#include <functional>

using namespace cutover;

namespace {

QString g_outDir;
int g_failures = 0;

bool waitFor(const std::function<bool()> &ready, int milliseconds = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (!ready() && clock.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return ready();
}

void settle(int milliseconds = 400)
{
    QElapsedTimer clock;
    clock.start();
    waitFor([&] { return clock.elapsed() >= milliseconds; }, milliseconds + 100);
}

void save(QWidget *widget, const QString &name)
{
    settle();
    const QString path = QDir(g_outDir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path, "PNG")) {
        std::fprintf(stderr, "runbook-shots: cannot write %s\n", qPrintable(path));
        ++g_failures;
        return;
    }
    std::printf("wrote %s\n", qPrintable(path));
}

bool open(MainWindow &window, const QString &project)
{
    bool done = false;
    QObject::connect(&window, &MainWindow::loadFinished, &window, [&done] { done = true; });
    window.openProject(project);
    return waitFor([&done] { return done; }) && window.document()->hasProject();
}

void shootRunbook(MainWindow &window)
{
    EditorArea *area = window.editorArea();
    area->showRunbook();
    RunbookSession &session = *area->runbookSession();
    if (!waitFor([&session] { return session.document() && session.document()->execution; })) {
        std::fprintf(stderr, "runbook-shots: the runbook's rehearsal did not read\n");
        ++g_failures;
    }
    area->showRunbook(QStringLiteral("go-no-go"));
    save(&window, QStringLiteral("runbook"));
}

void shootAdvisor(MainWindow &window)
{
    AdvisorDialog dialog(*window.document(), nullptr, &window);
    dialog.resize(1280, 800);
    dialog.show();
    waitFor([&dialog] { return !dialog.isMeasuring(); });
    // what a migration lead of the clinic would answer; the rest is measured
    AdvisorAnswers answers = dialog.answers();
    answers.growthPercentPerMonth = 2;
    answers.downtimeMinutes = 480;
    answers.riskTolerance = AdvisorAnswers::Level::Low;
    answers.rollbackNeed = AdvisorAnswers::Level::High;
    answers.complexity = AdvisorAnswers::Level::Medium;
    answers.sideBySide = AdvisorAnswers::Answer::No;
    answers.hosting = AdvisorAnswers::Hosting::OnPremises;
    dialog.setAnswers(answers);
    save(&dialog, QStringLiteral("advisor"));
}

void shootSignOff(MainWindow &window)
{
    const auto &document = window.editorArea()->runbookSession()->document();
    if (!document)
        return;
    SignOffDialog dialog(*document, QStringLiteral("go-no-go"), &window);
    dialog.show();
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Ole Berg"));
    QTest::keyClicks(dialog.commentEdit(),
                     QStringLiteral("Quarantine reviewed: 14 rows, all with an owner"));
    save(&dialog, QStringLiteral("signoff"));
}

void shootPresentation(MainWindow &window)
{
    RunbookView *view = window.editorArea()->runbook();
    view->present(QStringLiteral("run-wave-1"));
    PresentationWindow *presentation = view->presentation();
    save(presentation, QStringLiteral("presentation"));
    presentation->showStep(QStringLiteral("go-no-go"));
    save(presentation, QStringLiteral("presentation-gonogo"));
    presentation->close();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Cutover"));
    QCoreApplication::setApplicationName(QStringLiteral("cutover-runbook-shots"));
    if (argc != 3) {
        std::fprintf(stderr, "usage: runbook-shots RUNBOOK_DEMO_PROJECT OUT_DIR\n");
        return 2;
    }
    g_outDir = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(g_outDir);
    MainWindow window(nullptr);
    window.resize(1920, 1080);
    window.show();
    if (!open(window, QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "runbook-shots: the demo project did not load\n");
        return 3;
    }
    shootRunbook(window);
    shootAdvisor(window);
    shootSignOff(window);
    shootPresentation(window);
    return g_failures == 0 ? 0 : 1;
}
