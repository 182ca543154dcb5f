#pragma once

#include "connect/SqlConnection.h"
#include "core/Result.h"
#include "preview/PreviewResult.h"
#include "preview/SampleSpec.h"
#include "project/Project.h"
#include "schema/TableInfo.h"
#include "transform/CheckedBatch.h"
#include "transform/TransformProgram.h"
#include "transform/convert/ConvertedBatch.h"

#include <QMutex>
#include <atomic>
#include <optional>

namespace cutover {

class PasswordProvider;
class SampleReader;

// Previews one table mapping on a sample (blocking; call it on any thread but the GUI's: it
// opens its own connections on the calling thread). Reads the sample (SampleReader), compiles
// the mapping's expressions into one TransformProgram, runs it, converts each value to its
// target column's type, checks the project's rules, and gives every target cell a status.
//
// A column whose expression does not compile is reported with its error and offset
// (Column::compileError) and its cells are NotEvaluated; the other columns are still previewed.
// A target that cannot be introspected leaves the values unconverted, with a note.
// One engine per preview; cancel() may be called from any thread.
class PreviewEngine
{
public:
    explicit PreviewEngine(const PasswordProvider *passwords = nullptr);
    ~PreviewEngine();

    // The target table's schema when the caller has it (skips introspecting the target).
    void setTargetTable(const TableInfo &table) { m_target = table; }

    Result<PreviewResult> run(const Project &project, const QString &table, const SampleSpec &spec);
    void cancel();

private:
    struct Compiled
    {
        std::unique_ptr<TransformProgram> program;
        QList<int> columns; // mapping column of each program output
    };

    Result<void> loadTarget(const Project &project, const TableMapping &mapping,
                            PreviewResult &result);
    void describeColumns(const TableMapping &mapping, PreviewResult &result) const;
    Compiled compile(const Project &project, const TableMapping &mapping,
                     const QStringList &sourceColumns, PreviewResult &result);
    struct RowInputs
    {
        QVariantList source;
        QVariantList raw;       // program outputs
        QVariantList converted; // the same, converted to the target types
        QStringList lossRisks;
        QBitArray databaseDefaults;
        QList<Violation> violations;
    };

    Result<TransformedBatch> transform(const RowBatch &sample, Compiled &compiled);
    ConvertedBatch convert(const Project &project, const TableMapping &mapping,
                           const Compiled &compiled, const TransformedBatch &transformed,
                           PreviewResult &result) const;
    CheckedBatch check(const Project &project, const TransformedBatch &transformed,
                       ConvertedBatch converted, PreviewResult &result) const;
    Result<std::unique_ptr<SqlConnection>> openTarget(const Project &project) const;
    Result<void> evaluate(const Project &project, const TableMapping &mapping,
                          const RowBatch &sample, Compiled &compiled, PreviewResult &result);
    static PreviewResult::Row buildRow(const PreviewResult &result, const Compiled &compiled,
                                       const RowInputs &in);
    static PreviewResult::Cell cellFor(const PreviewResult &result, qsizetype column,
                                       const RowInputs &in, int output);
    QStringList extremeTargets(const TableMapping &mapping) const;
    bool cancelled() const { return m_cancelled.load(); }

    const PasswordProvider *m_passwords;
    std::optional<TableInfo> m_target;
    QMutex m_mutex; // guards m_reader and m_program against cancel()
    SampleReader *m_reader = nullptr;
    TransformProgram *m_program = nullptr;
    std::atomic<bool> m_cancelled{false};
};

} // namespace cutover
