#include "transform/TransformProgram.h"

#include "core/SqliteValue.h"
#include "core/TextEncoding.h"
#include "dialect/SqlDialect.h"
#include "transform/SqlTextScanner.h"
#include "transform/functions/FunctionCall.h"
#include "transform/functions/FunctionCatalog.h"
#include "transform/functions/TransformEnvironment.h"
#include "transform/functions/TransformFunctions.h"

#include <QRegularExpression>
#include <QSet>
#include <climits>
#include <sqlite3.h>

namespace cutover {

namespace {

const char kBatchTable[] = "batch";
const char kExpressionPrefix[] = "SELECT (";
// Virtual machine steps between two looks at the clock and the cancel flag.
constexpr int kProgressSteps = 100;
const char kClaimFunction[] = "__cutover_claim";

QString quoted(const QString &name)
{
    return SqlDialect::quoteIdentifier(name, ConnectionSpec::Kind::Sqlite);
}

Error sqliteError(sqlite3 *db, const QString &what)
{
    return Error(Error::Code::Internal,
                 QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db))));
}

// sqlite3_error_offset counts bytes of UTF-8; editors want characters.
int characterOffset(const QByteArray &utf8, int byteOffset)
{
    return int(QString::fromUtf8(utf8.left(byteOffset)).size());
}

// SQLite's "no such column: X" for a double-quoted name says nothing about quotes; the user most
// likely meant a text, which SQL writes in single quotes.
QString withQuotingHint(const QString &message, const QString &expression)
{
    const QString prefix = QStringLiteral("no such column: ");
    if (!message.startsWith(prefix))
        return message;
    const QString name = message.mid(prefix.size());
    if (!expression.contains(QLatin1Char('"') + name + QLatin1Char('"')))
        return message;
    return message + QStringLiteral(" (a name in double quotes is a column; a text is written "
                                    "in single quotes: '%1')")
                         .arg(name);
}

// The first regular expression written as a literal that does not compile, as an error at the
// literal: it would fail on every row, so it is the expression that is wrong, not the rows.
std::optional<TransformProgram::CompileError> badPatternLiteral(const QString &output,
                                                                const QString &expression)
{
    QList<SqlTextScanner::Argument> patterns =
        SqlTextScanner::rightOperands(expression, QStringLiteral("regexp"));
    const QList<std::pair<QString, int>> functions = {{QStringLiteral("regexp"), 0},
                                                      {QStringLiteral("regexp_replace"), 1},
                                                      {QStringLiteral("regexp_extract"), 1}};
    for (const auto &[function, index] : functions)
        for (const SqlTextScanner::Call &call : SqlTextScanner::calls(expression, function))
            if (index < call.arguments.size())
                patterns.append(call.arguments[index]);
    for (const SqlTextScanner::Argument &pattern : patterns) {
        const std::optional<QString> text = SqlTextScanner::stringLiteral(pattern.text);
        if (!text)
            continue;
        const QRegularExpression re(*text, QRegularExpression::UseUnicodePropertiesOption);
        if (!re.isValid())
            return TransformProgram::CompileError{
                output,
                QStringLiteral("%1 is not a valid regular expression: %2 at character %3")
                    .arg(pattern.text, re.errorString())
                    .arg(re.patternErrorOffset()),
                int(pattern.offset)};
    }
    return std::nullopt;
}

// Whether a function can report a violation: Cutover's own, and SQLite's printf, which
// BoundedPrintf replaces.
bool reportsViolations(const char *function)
{
    return function && (qstricmp(function, "printf") == 0 || qstricmp(function, "format") == 0 ||
                        FunctionCatalog::find(QString::fromUtf8(function)));
}

bool isBanned(const char *function)
{
    for (const char *banned : {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"})
        if (function && qstricmp(function, banned) == 0)
            return true;
    return false;
}

} // namespace

TransformProgram::TransformProgram() = default;

TransformProgram::~TransformProgram()
{
    sqlite3_finalize(m_select);
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_delete);
    sqlite3_close(m_db);
}

std::unique_ptr<TransformProgram> TransformProgram::compile(const QStringList &inputColumns,
                                                            const QList<Output> &outputs,
                                                            const QList<LookupMap> &lookups,
                                                            QList<CompileError> *errors,
                                                            Storage storage)
{
    QList<CompileError> found;
    std::unique_ptr<TransformProgram> program(new TransformProgram);
    program->m_storage = storage;
    program->m_inputs = inputColumns;
    program->m_outputs = outputs;
    if (auto opened = program->open(lookups); !opened) {
        found.append({QString(), opened.error().message(), -1});
    } else {
        for (int i = 0; i < outputs.size(); ++i) {
            CompileError error = program->compileOne(i, outputs[i]);
            if (!error.message.isEmpty())
                found.append(error);
        }
        if (found.isEmpty())
            if (auto prepared = program->prepareBatchStatements(); !prepared)
                found.append({QString(), prepared.error().message(), -1});
    }
    if (errors)
        *errors = found;
    return found.isEmpty() ? std::move(program) : nullptr;
}

Result<void> TransformProgram::open(const QList<LookupMap> &lookups)
{
    if (QSet<QString>(m_inputs.begin(), m_inputs.end()).size() != m_inputs.size())
        return Error(Error::Code::Schema, QStringLiteral("the input has two columns of one name"));
    // NOMUTEX: the connection never leaves its thread, and SQLite's locking cost 13% of a batch.
    if (sqlite3_open_v2(":memory:", &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
        return Error(Error::Code::Internal, QStringLiteral("cannot open an in-memory database"));
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    // Without this, a double-quoted name that matches no column is taken as a string literal:
    // "PHONEX" would load the text PHONEX into every row instead of failing to compile.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_limit(m_db, SQLITE_LIMIT_ATTACHED, 0);

    m_env = std::make_unique<TransformEnvironment>();
    m_env->rowClock.cancelled = &m_interrupted;
    for (const LookupMap &lookup : lookups)
        m_env->lookups.insert(lookup.name, lookup);
    if (auto registered = TransformFunctions::registerAll(m_db, m_env.get()); !registered)
        return registered;
    sqlite3_create_function_v2(m_db, kClaimFunction, 2, SQLITE_UTF8, this,
                               &TransformProgram::claimColumn, nullptr, nullptr, nullptr);

    if (auto created = createBatchTable(); !created)
        return created;
    sqlite3_set_authorizer(m_db, &TransformProgram::authorize, this);
    sqlite3_progress_handler(m_db, kProgressSteps, &TransformProgram::progress, this);
    return {};
}

Result<void> TransformProgram::createBatchTable()
{
    if (m_storage == Storage::VirtualTable) {
        if (!m_batchTable.create(m_db, kBatchTable, m_inputs))
            return sqliteError(m_db, QStringLiteral("cannot create the batch table"));
        return {};
    }
    QStringList columns;
    for (const QString &name : m_inputs)
        columns.append(quoted(name));
    if (columns.isEmpty())
        columns.append(QStringLiteral("\"__no_columns__\""));
    const QByteArray ddl = QStringLiteral("CREATE TABLE %1 (%2)")
                               .arg(QLatin1String(kBatchTable), columns.join(QStringLiteral(", ")))
                               .toUtf8();
    if (sqlite3_exec(m_db, ddl.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(m_db, QStringLiteral("cannot create the batch table"));
    return {};
}

TransformProgram::CompileError TransformProgram::compileOne(int index, const Output &output)
{
    m_lineage.append(QStringList());
    m_reports.append(false);
    QStringList reads;
    bool callsCatalogFunction = false;
    const CompileError error = compileExpression(output, reads, callsCatalogFunction);
    if (error.message.isEmpty()) {
        m_lineage[index] = reads;
        m_reports[index] = callsCatalogFunction;
    }
    return error;
}

std::unique_ptr<TransformProgram> TransformProgram::checker(const QStringList &inputColumns,
                                                            const QList<LookupMap> &lookups,
                                                            QString *error)
{
    std::unique_ptr<TransformProgram> program(new TransformProgram);
    program->m_inputs = inputColumns;
    if (auto opened = program->open(lookups); !opened) {
        if (error)
            *error = opened.error().message();
        return nullptr;
    }
    return program;
}

TransformProgram::CompileError TransformProgram::check(const QString &expression,
                                                       QStringList *lineage)
{
    QStringList reads;
    bool reports = false;
    const CompileError error =
        compileExpression({QStringLiteral("expression"), expression}, reads, reports);
    if (lineage)
        *lineage = reads;
    return error;
}

// Compiles one output's expression on this program's connection without keeping it: its error,
// or the input columns it reads and whether it calls a function that reports violations.
TransformProgram::CompileError TransformProgram::compileExpression(const Output &output,
                                                                   QStringList &reads,
                                                                   bool &callsCatalogFunction)
{
    if (output.expression.trimmed().isEmpty())
        return {output.name, QStringLiteral("the expression is empty"), 0};
    const QByteArray body = output.expression.toUtf8();
    const QByteArray sql = kExpressionPrefix + body + "\n) FROM " + kBatchTable;
    m_reads = &reads;
    m_callsCatalogFunction = &callsCatalogFunction;
    const Prepared prepared = prepareSandboxed(sql);
    m_reads = nullptr;
    m_callsCatalogFunction = nullptr;
    CompileError error{output.name, prepared.error, -1};
    if (prepared.errorOffset >= 0 && prepared.errorOffset <= body.size())
        error.offset = characterOffset(body, prepared.errorOffset);
    if (prepared.errorOffset >= body.size() && prepared.error.contains(QLatin1String("syntax"))) {
        // SQLite stumbled on the statement around the expression: the expression stopped early
        error.message = QStringLiteral("the expression ends too soon: is a closing parenthesis, "
                                       "an argument or an operand missing?");
        error.offset = int(output.expression.size());
    }
    if (!error.message.isEmpty()) {
        error.message = withQuotingHint(error.message, output.expression);
        return error;
    }
    error.message = rowOnlyRefusal(sql, prepared.selects);
    if (error.message.isEmpty())
        if (auto bad = badPatternLiteral(output.name, output.expression))
            error = *bad;
    m_env->sink.clear();
    return error;
}

// Prepares sql (an expression inside kExpressionPrefix) under the sandbox and finalizes it: its
// error and the error's byte offset in the expression, and how many SELECTs it has.
TransformProgram::Prepared TransformProgram::prepareSandboxed(const QByteArray &sql)
{
    Prepared prepared;
    m_sandboxed = true;
    m_selects = 0;
    m_refusal.clear();
    sqlite3_stmt *statement = nullptr;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), 0, &statement, &tail);
    m_sandboxed = false;
    prepared.selects = m_selects;
    const int prefix = int(qstrlen(kExpressionPrefix));
    if (rc != SQLITE_OK) {
        prepared.error = m_refusal.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_refusal;
        prepared.errorOffset = sqlite3_error_offset(m_db) - prefix;
    } else if (tail && !QByteArray(tail).trimmed().isEmpty()) {
        prepared.error = QStringLiteral("an expression must be a single SQL expression");
        prepared.errorOffset = int(tail - sql.constData()) - prefix;
    }
    sqlite3_finalize(statement);
    return prepared;
}

// Why a compiled expression would read more than its own row, or empty. Aggregate and window
// functions show as aggregate steps in the statement's bytecode (EXPLAIN); a subquery as a
// second SELECT the authorizer saw. Either makes a value depend on the other rows of the batch,
// so preview and run (and two batch sizes) would disagree.
QString TransformProgram::rowOnlyRefusal(const QByteArray &sql, int selects)
{
    const QByteArray explain = "EXPLAIN " + sql;
    sqlite3_stmt *statement = nullptr;
    m_sandboxed = true;
    const int rc =
        sqlite3_prepare_v2(m_db, explain.constData(), int(explain.size()), &statement, nullptr);
    m_sandboxed = false;
    bool aggregates = false;
    while (rc == SQLITE_OK && !aggregates && sqlite3_step(statement) == SQLITE_ROW)
        aggregates = qstrncmp(reinterpret_cast<const char *>(sqlite3_column_text(statement, 1)),
                              "Agg", 3) == 0;
    sqlite3_finalize(statement);
    if (aggregates)
        return QStringLiteral("aggregate and window functions such as count(), max(x) or "
                              "row_number() OVER () read many rows; an expression sees one row at "
                              "a time");
    if (selects > 1)
        return QStringLiteral("a subquery (SELECT ...) reads beyond the current row; an "
                              "expression may read only its own row (use lookup() for a code "
                              "list)");
    return {};
}

Result<void> TransformProgram::prepareBatchStatements()
{
    QStringList selected;
    // Only outputs that call a reporting function need the claim wrapper (it costs 9%).
    for (int i = 0; i < m_outputs.size(); ++i)
        selected.append(m_reports[i] ? QStringLiteral("%1(%2, (%3\n))")
                                           .arg(QLatin1String(kClaimFunction))
                                           .arg(i)
                                           .arg(m_outputs[i].expression)
                                     : QStringLiteral("(%1\n)").arg(m_outputs[i].expression));
    if (selected.isEmpty())
        selected.append(QStringLiteral("NULL"));
    // ?1 lets a batch resume after a row whose evaluation raised an SQL error.
    const QByteArray select =
        QStringLiteral("SELECT %1 FROM %2 WHERE rowid > ?1 ORDER BY rowid")
            .arg(selected.join(QStringLiteral(", ")), QLatin1String(kBatchTable))
            .toUtf8();
    QStringList placeholders;
    for (int i = 0; i < std::max<qsizetype>(1, m_inputs.size()); ++i)
        placeholders.append(QStringLiteral("?"));
    const QByteArray insert =
        QStringLiteral("INSERT INTO %1 VALUES (%2)")
            .arg(QLatin1String(kBatchTable), placeholders.join(QLatin1Char(',')))
            .toUtf8();
    const QByteArray remove = QByteArray("DELETE FROM ") + kBatchTable;
    m_sandboxed = true;
    const int rc = sqlite3_prepare_v3(m_db, select.constData(), -1, SQLITE_PREPARE_PERSISTENT,
                                      &m_select, nullptr);
    m_sandboxed = false;
    if (rc != SQLITE_OK)
        return sqliteError(m_db, QStringLiteral("cannot prepare the transform"));
    if (m_storage == Storage::VirtualTable)
        return {};
    if (sqlite3_prepare_v3(m_db, insert.constData(), -1, SQLITE_PREPARE_PERSISTENT, &m_insert,
                           nullptr) != SQLITE_OK ||
        sqlite3_prepare_v3(m_db, remove.constData(), -1, SQLITE_PREPARE_PERSISTENT, &m_delete,
                           nullptr) != SQLITE_OK)
        return sqliteError(m_db, QStringLiteral("cannot prepare the batch statements"));
    return {};
}

int TransformProgram::authorize(void *self, int action, const char *a, const char *b, const char *,
                                const char *)
{
    auto *program = static_cast<TransformProgram *>(self);
    if (!program->m_sandboxed)
        return SQLITE_OK;
    auto refuse = [program](const QString &why) {
        program->m_refusal = why;
        return SQLITE_DENY;
    };
    switch (action) {
    case SQLITE_SELECT:
        ++program->m_selects; // refused after prepare: see rowOnlyRefusal()
        return SQLITE_OK;
    case SQLITE_RECURSIVE: // a recursive CTE is a subquery, refused as one
        return SQLITE_OK;
    case SQLITE_FUNCTION:
        // b is the function's name.
        if (isBanned(b))
            return refuse(QStringLiteral("function %1() is not allowed in an expression")
                              .arg(QString::fromUtf8(b)));
        if (program->m_callsCatalogFunction && reportsViolations(b))
            *program->m_callsCatalogFunction = true;
        return SQLITE_OK;
    case SQLITE_READ:
        if (qstrcmp(a, kBatchTable) != 0)
            return refuse(QStringLiteral("reads table '%1', but an expression may only read the "
                                         "source row")
                              .arg(QString::fromUtf8(a)));
        if (program->m_reads && b && *b && !program->m_reads->contains(QString::fromUtf8(b)))
            program->m_reads->append(QString::fromUtf8(b));
        return SQLITE_OK;
    default:
        return refuse(QStringLiteral("only reading the source row is allowed in an expression"));
    }
}

void TransformProgram::claimColumn(sqlite3_context *context, int, sqlite3_value **argv)
{
    auto *program = static_cast<TransformProgram *>(sqlite3_user_data(context));
    if (program->m_rowViolations && program->m_env->sink.hasPending()) {
        const int index = sqlite3_value_int(argv[0]);
        program->m_env->sink.claim(program->m_outputs.value(index).name, *program->m_rowViolations);
    }
    sqlite3_result_value(context, argv[1]);
}

QStringList TransformProgram::outputNames() const
{
    QStringList names;
    for (const Output &output : m_outputs)
        names.append(output.name);
    return names;
}

QStringList TransformProgram::lineage(const QString &outputName) const
{
    for (int i = 0; i < m_outputs.size(); ++i)
        if (m_outputs[i].name == outputName)
            return m_lineage.value(i);
    return {};
}

void TransformProgram::setKeyRecorder(KeyRecorder *recorder)
{
    m_env->keys = recorder;
}

void TransformProgram::interrupt()
{
    m_interrupted = true;
    sqlite3_interrupt(m_db);
}

Result<QList<int>> TransformProgram::columnOrder(const RowBatch &batch) const
{
    QList<int> order; // batch column of each input column
    for (const QString &input : m_inputs) {
        const int at = int(batch.columns.indexOf(input));
        if (at < 0)
            return Error(Error::Code::Schema,
                         QStringLiteral("the batch has no column '%1'").arg(input));
        order.append(at);
    }
    return order;
}

Result<void> TransformProgram::loadBatch(const RowBatch &batch)
{
    auto found = columnOrder(batch);
    if (!found)
        return found.error();
    const QList<int> &order = *found;
    if (m_storage == Storage::VirtualTable) {
        m_batchTable.setBatch(&batch, order);
        return {};
    }
    sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    for (const QVariantList &row : batch.rows) {
        for (int i = 0; i < order.size(); ++i)
            SqliteValue::bind(m_insert, i + 1, row.value(order[i]));
        const int rc = sqlite3_step(m_insert);
        sqlite3_reset(m_insert);
        if (rc != SQLITE_DONE) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            return sqliteError(m_db, QStringLiteral("cannot load the batch"));
        }
    }
    sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    return {};
}

Result<void> TransformProgram::clearBatch()
{
    if (m_storage == Storage::VirtualTable) {
        m_batchTable.clear();
        return {};
    }
    const int rc = sqlite3_step(m_delete);
    sqlite3_reset(m_delete);
    return rc == SQLITE_DONE ? Result<void>()
                             : sqliteError(m_db, QStringLiteral("cannot clear the batch"));
}

Result<TransformedBatch> TransformProgram::run(const RowBatch &batch)
{
    // interrupt() is sticky: one that arrives between batches still stops the next one.
    if (m_interrupted)
        return Error(Error::Code::Cancelled, QStringLiteral("the transform was cancelled"));
    if (m_storage == Storage::TemporaryTable) { // the batch is copied in first
        sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, INT_MAX);
        m_valueLimit = -1;
    }
    if (auto loaded = loadBatch(batch); !loaded)
        return loaded.error();
    TransformedBatch out;
    out.values.columns = outputNames();
    out.values.rows.reserve(batch.size());
    out.violations.resize(batch.size());
    sqlite3_bind_int64(m_select, 1, 0);
    Result<void> stepped;
    for (qsizetype row = 0; row < batch.size() && stepped; ++row)
        stepped = stepRow(batch.rows.at(row), row, out);
    sqlite3_reset(m_select);
    m_rowViolations = nullptr;
    const auto cleared = clearBatch();
    if (!stepped)
        return stepped.error();
    if (!cleared)
        return cleared.error();
    return out;
}

// Why stepping a row failed with rc, when the row alone is to blame (empty otherwise).
QString TransformProgram::rowFailure(int rc) const
{
    switch (rc) {
    case SQLITE_ERROR:
        return QString::fromUtf8(sqlite3_errmsg(m_db));
    case SQLITE_TOOBIG:
        return FunctionCall::tooLongReason();
    case SQLITE_NOMEM:
        return QStringLiteral("the expression ran out of memory on this row");
    case SQLITE_INTERRUPT:
        return QStringLiteral("the expression ran longer than %L1 s on this row")
            .arg(m_env->rowClock.limitMilliseconds / 1000.0);
    default:
        return {};
    }
}

// SQLite's progress handler: stops a cancelled run, or a row that runs too long, at once.
int TransformProgram::progress(void *self)
{
    return static_cast<TransformProgram *>(self)->m_env->rowClock.stopped() ? 1 : 0;
}

// SQLITE_LIMIT_LENGTH for one row: kInputFactor times its largest value, at least
// kMinValueBytes (a UTF-16 text counted at three bytes a unit, its most in UTF-8). The row's own
// values alone set it, so whether a value is too large never depends on the batch it is in.
void TransformProgram::limitValues(const QVariantList &row)
{
    qint64 largest = 0;
    for (const QVariant &value : row)
        if (value.typeId() == QMetaType::QString)
            largest = std::max<qint64>(largest,
                                       static_cast<const QString *>(value.constData())->size() * 3);
        else if (value.typeId() == QMetaType::QByteArray)
            largest = std::max<qint64>(largest,
                                       static_cast<const QByteArray *>(value.constData())->size());
    const qint64 limit = std::min<qint64>(std::max(TransformEnvironment::kMinValueBytes,
                                                   largest * TransformEnvironment::kInputFactor),
                                          INT_MAX);
    if (limit != m_valueLimit) {
        sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, int(limit));
        m_valueLimit = limit;
    }
}

Result<void> TransformProgram::stepRow(const QVariantList &input, qsizetype row,
                                       TransformedBatch &out)
{
    limitValues(input);
    const int columnCount = int(m_outputs.size());
    m_env->sink.clear();
    m_rowViolations = &out.violations[row];
    m_env->rowClock.start();
    const int rc = sqlite3_step(m_select);
    if (m_interrupted || (rc == SQLITE_INTERRUPT && !m_env->rowClock.overran))
        return Error(Error::Code::Cancelled, QStringLiteral("the transform was cancelled"));
    QVariantList values;
    values.reserve(columnCount);
    if (rc == SQLITE_ROW) {
        if (m_env->sink.hasPending()) // reported outside any output: belongs to the row
            m_env->sink.claim(QString(), out.violations[row]);
        if (m_texts.size() != size_t(columnCount))
            m_texts.resize(size_t(columnCount));
        for (int c = 0; c < columnCount; ++c) {
            const auto *text =
                sqlite3_column_type(m_select, c) == SQLITE_TEXT
                    ? reinterpret_cast<const char *>(sqlite3_column_text(m_select, c))
                    : nullptr;
            if (!text) {
                values.append(SqliteValue::column(m_select, c));
                continue;
            }
            // What SqliteValue::column gives, a repeated text shared: text that is not valid
            // UTF-8 (CAST(blob AS TEXT), say) stays bytes, for the target column to judge.
            const int size = sqlite3_column_bytes(m_select, c);
            const QString shared =
                m_texts[size_t(c)].text(text, size, [](const char *utf8, int bytes) {
                    return TextEncoding::utf8(QByteArrayView(utf8, bytes)).value_or(QString());
                });
            values.append(shared.isNull() ? QVariant(QByteArray(text, size)) : QVariant(shared));
        }
    } else if (const QString reason = rowFailure(rc); !reason.isEmpty()) {
        // A built-in function raised an error (malformed JSON, integer overflow, a value too
        // large), or the row ran too long: the row gets a violation and the batch goes on.
        out.violations[row].append({Violation::Kind::Function, QString(), QStringLiteral("sqlite"),
                                    QString(), reason, true, Violation::ValueForm::None});
        for (int c = 0; c < columnCount; ++c)
            values.append(QVariant());
        sqlite3_reset(m_select);
        sqlite3_bind_int64(m_select, 1, row + 1);
    } else {
        return sqliteError(m_db, QStringLiteral("the transform failed"));
    }
    out.values.rows.append(std::move(values));
    return {};
}

} // namespace cutover
