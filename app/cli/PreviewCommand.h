#pragma once

#include "CliCommand.h"
#include "preview/SampleSpec.h"

#include <optional>

class QCommandLineParser;

namespace cutover::cli {

// cutover-cli preview PROJECT --table T [--rows N] [--sample first|random|edge] [--seed S]
//                     [--filter EXPR] [--json]
// Previews one table mapping on a sample: source and target side by side, violations marked.
// Exit code 0 when no sampled row has a blocking violation (and every expression compiles),
// 1 when one does, 2 on a usage error, 3 when the project or a connection cannot be read.
class PreviewCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("preview"); }
    QString summary() const override
    {
        return QStringLiteral("preview a table mapping on sample rows, source beside target");
    }
    int run(CliContext &context) override;

private:
    static std::optional<SampleSpec> sampleSpec(CliContext &context,
                                                const QCommandLineParser &parser, int defaultRows);
    static int exitCodeFor(const Error &error);
};

} // namespace cutover::cli
