#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace cutover::test {

// Runs the real cutover-cli binary (path from $CUTOVER_CLI, set by CTest) as a user would.
class CliRunner
{
public:
    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static QString binary();
    static Outcome
    run(const QStringList &arguments, const QString &workingDirectory = {},
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 120000);
};

} // namespace cutover::test
