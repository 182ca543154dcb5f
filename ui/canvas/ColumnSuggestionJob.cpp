#include "canvas/ColumnSuggestionJob.h"

#include "automap/SqlSampleProvider.h"
#include "connect/SqlConnection.h"
#include "source/RowSourceFactory.h"

#include <exception>
#include <memory>

namespace cutover {

ColumnSuggestionJob::Outcome ColumnSuggestionJob::run(const Input &input,
                                                      const PasswordProvider *passwords)
{
    Outcome outcome;
    std::unique_ptr<SqlConnection> connection;
    std::unique_ptr<SqlSampleProvider> samples;
    const auto spec = RowSourceFactory::sourceSpec(input.project);
    if (!spec)
        outcome.notice = spec.error().message();
    else if (input.sampleSize > 0 && spec->kind() != ConnectionSpec::Kind::Csv) {
        auto opened = SqlConnection::open(*spec, passwords);
        if (opened) {
            connection = std::move(*opened);
            samples = std::make_unique<SqlSampleProvider>(*connection);
        } else {
            outcome.notice = opened.error().message();
        }
    }
    AutoMapper::Options options;
    options.sampleSize = input.sampleSize;
    options.lookups = input.project.lookups;
    try {
        const AutoMapper mapper(input.sourceSchema, input.targetSchema, samples.get(), options);
        outcome.suggestions = mapper.suggestColumns(input.sourceTable, input.targetTable);
    } catch (const std::exception &e) {
        outcome.notice = QString::fromLocal8Bit(e.what());
    }
    return outcome;
}

} // namespace cutover
