#include "CliRunner.h"

#include <QProcess>

namespace cutover::test {

QString CliRunner::binary()
{
    return qEnvironmentVariable("CUTOVER_CLI");
}

CliRunner::Outcome CliRunner::run(const QStringList &arguments, const QString &workingDirectory,
                                  const QProcessEnvironment &environment, int timeoutMs)
{
    Outcome outcome;
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(binary(), arguments);
    if (!process.waitForStarted()) {
        outcome.err = QStringLiteral("cannot start %1: %2").arg(binary(), process.errorString());
        return outcome;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        outcome.err = QStringLiteral("timed out");
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

} // namespace cutover::test
