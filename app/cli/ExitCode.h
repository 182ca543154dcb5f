#pragma once

namespace cutover::cli {

// Exit codes of cutover-cli, documented in README.md.
enum ExitCode : int
{
    Ok = 0,            // the command did what was asked and every check passed
    CheckFailed = 1,   // the command ran but a check failed (validation errors, reconcile Fail)
    UsageError = 2,    // bad arguments or options
    CannotConnect = 3, // a connection or file could not be opened or read
    Busy = 4,          // another run holds the target's run lock; nothing was done
};

} // namespace cutover::cli
