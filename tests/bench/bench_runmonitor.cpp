// The run monitor as a user meets it: the workbench window (offscreen) on the demo, its Run
// menu's Start, the monitor drawing every progress event, the chart and the log, to the run's
// end. Measures (a) the longest time the GUI thread's event loop was blocked during the run
// (a 1 ms timer probe), and (b) the run's time against the same run from cutover-cli right
// after it, each on a fresh copy of the same target, alternated for several rounds; the ratio
// of the medians. Prints every figure; exits 1 when a bar is missed: (a) never over 50 ms,
// (b) the window at most 5% slower than the CLI.
//   bench_runmonitor [PATIENTS (default 100000)] [ROUNDS (default 3)]
#include "BenchFigures.h"
#include "MainWindow.h"
#include "MeasuredProcess.h"
#include "ProjectDocument.h"
#include "StallProbe.h"
#include "core/SqliteRuntime.h"
#include "demo/DemoGenerator.h"
#include "project/EditorArea.h"
#include "run/RunActions.h"
#include "run/RunMonitor.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace cutover;

namespace {

constexpr double kStallBarMs = 50.0;
constexpr double kCostBar = 1.05;

struct Demo
{
    QString project;
    QString target;
    QString pristine;
};

// Puts the target back as the demo wrote it: no rows, no ledger, no backups.
bool restoreTarget(const Demo &demo)
{
    const QFileInfo target(demo.target);
    const QDir dir = target.dir();
    for (const QString &name :
         dir.entryList({target.fileName() + QStringLiteral("*")}, QDir::Files))
        if (!QFile::remove(dir.filePath(name)))
            return false;
    return QFile::copy(demo.pristine, demo.target);
}

void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// One run from the window's Run menu; its seconds, and the longest stall meanwhile. 0 seconds
// when it did not succeed.
double runInWindow(MainWindow &window, test::StallProbe &probe, double &stallMs, double &stallAtMs)
{
    RunMonitor *monitor = window.editorArea()->runMonitor();
    QSignalSpy ended(monitor, &RunMonitor::runEnded);
    QElapsedTimer clock;
    probe.start();
    clock.start();
    QElapsedTimer start;
    start.start();
    window.runActions()->startAction()->trigger();
    std::printf("  the click's own work: %.1f ms\n", double(start.nsecsElapsed()) / 1e6);
    if (!ended.wait(3600 * 1000))
        return 0;
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    stallMs = probe.longestMs();
    stallAtMs = probe.longestAtMs();
    const auto run = ended.first().first().value<RunRecord>();
    if (run.status != RunStatus::Succeeded) {
        std::fprintf(stderr, "the window's run %s: %s\n", qPrintable(runStatusName(run.status)),
                     qPrintable(run.message));
        return 0;
    }
    return seconds;
}

double runInCli(const Demo &demo, const QString &log)
{
    const auto outcome =
        test::MeasuredProcess::run(QStringLiteral(CUTOVER_CLI_PATH),
                                   {QStringLiteral("run"), demo.project,
                                    QStringLiteral("--progress"), QStringLiteral("plain")},
                                   log);
    if (!outcome.ok()) {
        std::fprintf(stderr, "cutover-cli run failed:\n%s\n", qPrintable(test::tail(log)));
        return 0;
    }
    return outcome.seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("CUTOVER_NO_KEYCHAIN", "1");
    SqliteRuntime::configure();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int patients = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    const int rounds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 3;
    if (patients < 1 || rounds < 1) {
        std::fprintf(stderr, "usage: bench_runmonitor [PATIENTS] [ROUNDS]\n");
        return 2;
    }

    QTemporaryDir dir;
    DemoGenerator::Options options;
    options.directory = dir.path();
    options.patients = patients;
    if (auto made = DemoGenerator::generate(options); !made) {
        std::fprintf(stderr, "cannot write the demo: %s\n", qPrintable(made.error().toString()));
        return 2;
    }
    Demo demo;
    demo.project = QDir(dir.path()).filePath(DemoGenerator::projectFileName());
    MainWindow window(nullptr);
    window.resize(MainWindow::kPreferredSize);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openProject(demo.project);
    if (!loaded.wait(120000))
        return 2;
    demo.target = window.document()->project().targetSpec()->path();
    demo.pristine = QDir(dir.path()).filePath(QStringLiteral("pristine-target"));
    if (!QFile::copy(demo.target, demo.pristine))
        return 2;
    window.runActions()->showMonitorAction()->trigger();

    test::StallProbe probe;
    QList<double> windowSeconds;
    QList<double> cliSeconds;
    QList<double> stalls;
    const QString log = QDir(dir.path()).filePath(QStringLiteral("cli.log"));
    for (int round = 0; round < rounds; ++round) {
        double stall = 0;
        double stallAt = 0;
        if (!restoreTarget(demo))
            return 2;
        const double inWindow = runInWindow(window, probe, stall, stallAt);
        idle(1500); // the run history is read again after the run
        if (inWindow <= 0 || !restoreTarget(demo))
            return 2;
        const double inCli = runInCli(demo, log);
        if (inCli <= 0)
            return 2;
        windowSeconds.append(inWindow);
        cliSeconds.append(inCli);
        stalls.append(stall);
        std::printf("round %d: window %.1f s (longest stall %.1f ms, ending %.2f s into the run), "
                    "cutover-cli %.1f s\n",
                    round + 1, inWindow, stall, stallAt / 1000.0, inCli);
        std::fflush(stdout);
    }

    const double windowMedian = test::median(windowSeconds);
    const double cliMedian = test::median(cliSeconds);
    const double ratio = windowMedian / cliMedian;
    const double longest = *std::max_element(stalls.cbegin(), stalls.cend());
    std::printf("the demo with %d patients, run from the window's Run menu, then from cutover-cli, "
                "%d rounds\n",
                patients, rounds);
    std::printf("  window:      median %.1f s  (%s)\n", windowMedian,
                qPrintable(test::list(windowSeconds, 1)));
    std::printf("  cutover-cli: median %.1f s  (%s)\n", cliMedian,
                qPrintable(test::list(cliSeconds, 1)));
    std::printf("  window / cutover-cli: %.3f (bar: at most %.2f)\n", ratio, kCostBar);
    std::printf("  longest event-loop stall during a run: %.1f ms (bar: %.0f ms; every run: "
                "%s)\n",
                longest, kStallBarMs, qPrintable(test::list(stalls, 1)));
    const bool ok = ratio <= kCostBar && longest <= kStallBarMs;
    std::printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
