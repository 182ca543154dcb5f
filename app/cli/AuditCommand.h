#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli audit PROJECT [--json]: the project's audit trail, an entry a line.
// cutover-cli audit verify PROJECT: checks its hash chain; exit 0 intact, 1 broken (naming the
// first bad entry and why), 3 when it cannot be read.
class AuditCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override
    {
        return QStringLiteral("list the audit trail, or verify that no one rewrote it");
    }
    int run(CliContext &context) override;

private:
    int list(CliContext &context);
    int verify(CliContext &context);
};

} // namespace cutover::cli
