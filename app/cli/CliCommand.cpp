#include "CliCommand.h"

namespace cutover::cli {

int CliCommand::fail(CliContext &context, const Error &error)
{
    context.err << "cutover-cli: " << error.toString() << Qt::endl;
    switch (error.code()) {
    case Error::Code::Usage:
        return UsageError;
    case Error::Code::Connection:
    case Error::Code::Io:
        return CannotConnect;
    case Error::Code::Parse:
        return CannotConnect;
    case Error::Code::Validation:
        return CheckFailed;
    case Error::Code::Busy:
        return Busy;
    default:
        return CheckFailed;
    }
}

} // namespace cutover::cli
