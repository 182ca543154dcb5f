#pragma once

#include "core/Result.h"
#include "core/SqliteValue.h"
#include "project/LookupMap.h"
#include "transform/BatchTable.h"
#include "transform/TransformedBatch.h"
#include "transform/functions/TransformEnvironment.h"

#include <QList>
#include <QStringList>
#include <atomic>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_context;
struct sqlite3_value;

namespace cutover {

class KeyRecorder;

// A set of named SQLite-SQL expressions over a fixed set of input columns, compiled once into one
// prepared statement in a private in-memory database and then run batch after batch. Used for a
// table mapping (source columns in, target columns out) and for expression rules (target
// columns in, one boolean per rule out).
//
// Sandbox: while user expressions are compiled, the authorizer allows reading the batch table and
// calling functions, nothing else: no ATTACH, no pragmas, no writes, no extension loading. An
// expression reads its own row and nothing else: subqueries, aggregate and window functions are
// compile errors, and a double-quoted name is always a column, never a string literal. What one
// row may cost is bounded (TransformEnvironment): a value larger than the batch's limit, or a row
// still running after the time limit, is a violation of that row, and the batch goes on.
// Lineage: the input columns each output reads, reported by the authorizer during prepare.
// Not thread-safe: one program per worker thread; interrupt() may be called from any thread.
class TransformProgram
{
public:
    struct Output
    {
        QString name;       // target column (or rule) the expression produces
        QString expression; // SQLite SQL over the input columns
    };
    struct CompileError
    {
        QString output;  // the output whose expression is wrong
        QString message; // SQLite's message, or the sandbox's refusal
        int offset = -1; // character offset in the expression, when known
    };
    // Where the batch lives while the statement reads it. Both are kept so that
    // tests/bench/bench_transform.cpp can measure one against the other in the same run.
    enum class Storage
    {
        VirtualTable,
        TemporaryTable
    };

    ~TransformProgram();
    TransformProgram(const TransformProgram &) = delete;
    TransformProgram &operator=(const TransformProgram &) = delete;

    // Compiles every output; on failure returns all errors, not just the first.
    static std::unique_ptr<TransformProgram> compile(const QStringList &inputColumns,
                                                     const QList<Output> &outputs,
                                                     const QList<LookupMap> &lookups,
                                                     QList<CompileError> *errors,
                                                     Storage storage = Storage::VirtualTable);

    // A program with no outputs whose connection stays open, for checking many expressions
    // against one set of input columns (check()); null, with the reason, when it cannot open.
    static std::unique_ptr<TransformProgram>
    checker(const QStringList &inputColumns, const QList<LookupMap> &lookups, QString *error);
    // Compiles expression as an output would be, without keeping it: its error (an empty
    // message when it compiles) and the input columns it reads.
    CompileError check(const QString &expression, QStringList *lineage);

    const QStringList &inputColumns() const { return m_inputs; }
    QStringList outputNames() const;
    // The input columns output i reads, in first-read order.
    const QStringList &lineage(int output) const { return m_lineage.at(output); }
    QStringList lineage(const QString &outputName) const;

    // Evaluates every output for every row of batch (whose columns must be inputColumns(), in
    // any order). Function violations are attributed to their row and output.
    Result<TransformedBatch> run(const RowBatch &batch);
    // Stops a running batch from another thread; run() then returns Error::Code::Cancelled.
    void interrupt();
    // How long one row's expressions may run before the row is stopped and gets a violation
    // (TransformEnvironment::kRowMilliseconds unless set).
    void setRowTimeLimit(int milliseconds) { m_env->rowClock.limitMilliseconds = milliseconds; }
    // Records uuid5's old-key to new-key pairs; may be null.
    void setKeyRecorder(KeyRecorder *recorder);

private:
    TransformProgram();
    Result<void> open(const QList<LookupMap> &lookups);
    struct Prepared
    {
        QString error;
        int errorOffset = -1; // in bytes of the expression
        int selects = 0;      // SELECTs the authorizer saw: more than one is a subquery
    };
    CompileError compileOne(int index, const Output &output);
    CompileError compileExpression(const Output &output, QStringList &reads,
                                   bool &callsCatalogFunction);
    Prepared prepareSandboxed(const QByteArray &sql);
    QString rowOnlyRefusal(const QByteArray &sql, int selects);
    Result<void> prepareBatchStatements();
    Result<void> loadBatch(const RowBatch &batch);
    Result<void> clearBatch();
    Result<void> createBatchTable();
    Result<QList<int>> columnOrder(const RowBatch &batch) const;
    Result<void> stepRow(const QVariantList &input, qsizetype row, TransformedBatch &out);
    QString rowFailure(int rc) const;
    void limitValues(const QVariantList &row);
    static int progress(void *self);
    static int authorize(void *self, int action, const char *a, const char *b, const char *c,
                         const char *d);
    static void claimColumn(sqlite3_context *context, int argc, sqlite3_value **argv);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_select = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_delete = nullptr;
    std::unique_ptr<TransformEnvironment> m_env;
    QStringList m_inputs;
    QList<Output> m_outputs;
    QList<QStringList> m_lineage;
    QList<bool> m_reports; // whether output i calls a function that can report violations
    Storage m_storage = Storage::VirtualTable;
    BatchTable m_batchTable;
    // Authorizer state while compiling one expression.
    bool m_sandboxed = false;
    int m_selects = 0;
    QStringList *m_reads = nullptr;
    bool *m_callsCatalogFunction = nullptr;
    QString m_refusal;
    // Violations of the row being stepped, claimed output by output.
    QList<Violation> *m_rowViolations = nullptr;
    std::atomic<bool> m_interrupted{false};
    qint64 m_valueLimit = -1;             // SQLITE_LIMIT_LENGTH as last set
    std::vector<SqliteTextCache> m_texts; // per output, shared repeated texts (SqliteValue.h)
};

} // namespace cutover
