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
    // Whether the program arguments ask for something that needs Qt Gui (a PDF report), so
    // main() creates a QGuiApplication instead of a QCoreApplication.
    static bool needsGui(const QStringList &arguments);

private:
    void printHelp(QTextStream &out) const;
    CliCommand *find(const QString &name) const;

    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace cutover::cli
