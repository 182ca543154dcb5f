#pragma once

#include "CliCommand.h"

#include <QCommandLineParser>

namespace cutover::cli {

// QCommandLineParser set up for one subcommand: "cutover-cli NAME [options] ARGS", with --help.
// parse() prints help or the usage error itself and says which exit code to use.
class CommandLine
{
public:
    CommandLine(const QString &command, const QString &description);
    QCommandLineParser &parser() { return m_parser; }
    void addPositional(const QString &name, const QString &description, const QString &syntax = {});
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }
    // Returns -1 to go on, or the exit code to return now (0 after --help, 2 on a usage error).
    int parse(CliContext &context, int positionalCount);
    QString helpText() const;

private:
    QString m_command;
    QCommandLineParser m_parser;
};

} // namespace cutover::cli
