#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

namespace cutover::cli {

// Dispatches "cutover-cli SUBCOMMAND ..." to its command; handles --help and --version.
class CliApplication
{
public:
    CliApplication();
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err,
            const PasswordProvider *passwords);

private:
    void printHelp(QTextStream &out) const;
    CliCommand *find(const QString &name) const;

    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace cutover::cli
