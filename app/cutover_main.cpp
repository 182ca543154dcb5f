// cutover [PROJECT]: the workbench window.
#include "MainWindow.h"
#include "connect/ChainedPasswordProvider.h"
#include "connect/EnvPasswordProvider.h"
#include "connect/SessionPasswordProvider.h"
#include "connect/keychain/KeychainPasswordProvider.h"
#include "connect/keychain/KeychainPasswordStore.h"
#include "core/SqliteRuntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

bool hasArgument(int argc, char *argv[], std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i)
        for (const char *name : names)
            if (std::strcmp(argv[i], name) == 0)
                return true;
    return false;
}

// Qt aborts when no platform plugin can start; say what to do instead.
bool platformAvailable(int argc, char *argv[])
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") ||
           !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           hasArgument(argc, argv, {"-platform"});
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Cutover: map a source database onto a target one, check the mapping, and run the "
        "migration.\nOpens the workbench window, on PROJECT if given."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QStringLiteral("The *.cutover project file to open."),
                                 QStringLiteral("[PROJECT]"));
    parser.addOption(QCommandLineOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Once the project has loaded, save the window as a PNG to FILE and quit."),
        QStringLiteral("FILE")));
}

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Cutover"));
    QCoreApplication::setApplicationName(QStringLiteral("cutover"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUTOVER_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    cutover::SqliteRuntime::configure(); // before anything opens a database
    // --help and --version need no display.
    if (hasArgument(argc, argv, {"-h", "--help", "-v", "--version", "-?", "--help-all"})) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    if (!platformAvailable(argc, argv)) {
        std::fprintf(stderr,
                     "cutover: no display to open the window on (neither DISPLAY nor "
                     "WAYLAND_DISPLAY is set).\n"
                     "Run it under a virtual X server:\n"
                     "    xvfb-run -a cutover PROJECT\n"
                     "or without any display, e.g. to take a screenshot:\n"
                     "    QT_QPA_PLATFORM=offscreen cutover PROJECT --screenshot window.png\n"
                     "The headless command line needs no display: cutover-cli validate PROJECT\n");
        return 2;
    }

    // Declared before the application: a load still running when the window closes uses them
    // until the thread pool has finished, which happens when the application is destroyed.
    // Passwords typed in this session come first, then the environment, then the keychain.
    cutover::SessionPasswordProvider session;
    cutover::EnvPasswordProvider environment;
    cutover::KeychainPasswordProvider keychain;
    cutover::KeychainPasswordStore keychainStore;
    cutover::ChainedPasswordProvider passwords;
    passwords.append(&session);
    passwords.append(&environment);
    passwords.append(&keychain);

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Cutover"));
    Q_INIT_RESOURCE(cutover);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/cutover.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("cutover"));

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fprintf(stderr, "cutover: give one project file at most\n%s",
                     qPrintable(parser.helpText()));
        return 2;
    }
    const QString projectFile = positional.value(0);
    const QString screenshot = parser.value(QStringLiteral("screenshot"));

    cutover::MainWindow window(&passwords, &session, &keychainStore);
    if (screenshot.isEmpty())
        window.restoreLayout();
    else
        window.resize(cutover::MainWindow::kPreferredSize); // pictures of one size on any screen
    window.show();

    if (!screenshot.isEmpty()) {
        // Grab once the project has loaded (or at once without a project), after the event loop
        // has laid out and painted the result.
        const auto grab = [&window, screenshot] {
            QTimer::singleShot(300, &window, [&window, screenshot] {
                const bool saved = window.grab().save(screenshot, "PNG");
                if (!saved)
                    std::fprintf(stderr, "cutover: cannot write the screenshot %s\n",
                                 qPrintable(screenshot));
                QCoreApplication::exit(saved ? 0 : 3);
            });
        };
        if (projectFile.isEmpty())
            grab();
        else
            QObject::connect(&window, &cutover::MainWindow::loadFinished, &window, grab);
        // Never hang a script: give up when loading takes unreasonably long.
        QTimer::singleShot(120000, &window, [] {
            std::fprintf(stderr, "cutover: the project did not load within 2 minutes\n");
            QCoreApplication::exit(3);
        });
    }
    if (!projectFile.isEmpty())
        window.openProject(projectFile);
    return app.exec();
}
