#include "ChainedPasswordProvider.h"
#include "CliApplication.h"
#include "EnvPasswordProvider.h"
#include "KeychainPasswordProvider.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
