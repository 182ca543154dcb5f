#pragma once

#include "ExitCode.h"
#include "core/Error.h"

#include <QStringList>
#include <QTextStream>

namespace cutover {
class PasswordProvider;
}

namespace cutover::cli {

// What a subcommand gets: its arguments (without the program and subcommand names), where to
// write, and how to find passwords.
struct CliContext
{
    QStringList arguments;
    QTextStream &out;
    QTextStream &err;
    const PasswordProvider *passwords = nullptr;
};

// One subcommand of cutover-cli: demo, inspect, validate, ...
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual int run(CliContext &context) = 0;

    // Prints an engine error and returns the matching exit code.
    static int fail(CliContext &context, const Error &error);
};

} // namespace cutover::cli
