#include "CliApplication.h"
#include "connect/ChainedPasswordProvider.h"
#include "connect/EnvPasswordProvider.h"
#include "connect/keychain/KeychainPasswordProvider.h"
#include "core/SqliteRuntime.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>
#include <cstdio>
#include <memory>

namespace {

// A PDF report needs Qt Gui (fonts, QPdfWriter); everything else runs on QCoreApplication, so
// the command line needs no display. The offscreen platform draws a PDF without one.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (!cutover::cli::CliApplication::needsGui(arguments))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    cutover::SqliteRuntime::configure(); // before anything opens a database
    const auto app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cutover-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUTOVER_VERSION));

    cutover::EnvPasswordProvider environment;
    cutover::KeychainPasswordProvider keychain;
    cutover::ChainedPasswordProvider passwords;
    passwords.append(&environment);
    passwords.append(&keychain);

    QTextStream out(stdout);
    QTextStream err(stderr);
    cutover::cli::CliApplication cli;
    return cli.run(QCoreApplication::arguments(), out, err, &passwords);
}
