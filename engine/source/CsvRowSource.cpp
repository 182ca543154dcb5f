#include "source/CsvRowSource.h"

#include "connect/csv/CsvTypeInferrer.h"
#include "transform/TransformProgram.h"

#include <QDir>
#include <QFileInfo>

namespace cutover {

namespace {

const QString kKeep = QStringLiteral("__keep");

bool isTrue(const QVariant &value)
{
    return !value.isNull() && value.toLongLong() != 0;
}

bool isPlainInteger(const QString &text)
{
    const qsizetype start = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    if (text.size() == start || (text.size() > start + 1 && text.at(start) == QLatin1Char('0')))
        return false;
    for (qsizetype i = start; i < text.size(); ++i)
        if (!text.at(i).isDigit() || text.at(i).unicode() > 127)
            return false;
    return true;
}

QString canonical(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("\x01NULL");
    return value.toString();
}

} // namespace

CsvRowSource::~CsvRowSource() = default;

Result<std::unique_ptr<CsvRowSource>> CsvRowSource::open(const ConnectionSpec &spec,
                                                         const TableMapping &mapping,
                                                         const RowQuery &query,
                                                         const QList<LookupMap> &lookups)
{
    if (!mapping.query.trimmed().isEmpty())
        return Error(Error::Code::Usage,
                     QStringLiteral("the mapping of '%1' reads a query, but a CSV folder cannot "
                                    "run SQL")
                         .arg(mapping.target),
                     spec.displayName(),
                     QStringLiteral("map the CSV file as the source table and use expressions"));
    std::unique_ptr<CsvRowSource> source(new CsvRowSource);
    if (auto started = source->start(spec, mapping, query, lookups); !started)
        return started.error();
    return source;
}

Result<void> CsvRowSource::start(const ConnectionSpec &spec, const TableMapping &mapping,
                                 const RowQuery &query, const QList<LookupMap> &lookups)
{
    auto options = CsvOptions::fromSpec(spec);
    if (!options)
        return options.error();
    const QDir dir(spec.path());
    for (const QString &suffix : {QStringLiteral(".csv"), QStringLiteral(".tsv")})
        if (QFileInfo::exists(dir.filePath(mapping.source + suffix)))
            m_path = dir.filePath(mapping.source + suffix);
    if (m_path.isEmpty())
        return Error(
            Error::Code::Connection,
            QStringLiteral("no file %1.csv or %1.tsv in the CSV folder").arg(mapping.source),
            spec.path(), QStringLiteral("check the mapping's source table"));
    m_options = options->forFile(QFileInfo(m_path).fileName());
    if (auto encoding = TextEncoding::named(m_options.encoding());
        encoding && encoding->isAsciiCompatible())
        m_encoding = *encoding;
    if (auto inferred = inferIntegerColumns(); !inferred)
        return inferred;

    const QStringList wanted = query.columns.isEmpty() ? m_fileColumns : query.columns;
    for (const QString &column : wanted) {
        const qsizetype at = m_fileColumns.indexOf(column);
        if (at < 0)
            return Error(Error::Code::Schema,
                         QStringLiteral("no column '%1' in %2").arg(column, m_path));
        m_project.append(at);
        m_columns.append(column);
    }
    for (const QString &column : query.keyColumns) {
        const qsizetype at = m_fileColumns.indexOf(column);
        if (at < 0)
            return Error(Error::Code::Schema,
                         QStringLiteral("no key column '%1' in %2").arg(column, m_path));
        m_keyColumns.append(at);
    }
    m_restrictKeys = !query.keyColumns.isEmpty();
    for (const QVariantList &tuple : query.keyIn)
        m_keys.insert(keyOfTuple(tuple));
    m_limit = query.limit;
    return compileFilter(QStringList{mapping.filter} + query.filters, lookups);
}

Result<void> CsvRowSource::inferIntegerColumns()
{
    m_reader = std::make_unique<CsvReader>(m_options);
    if (auto opened = m_reader->open(m_path); !opened)
        return opened;
    m_fileColumns = m_reader->columnNames();
    QList<CsvTypeInferrer> inferrers(m_fileColumns.size());
    CsvRecord record;
    for (int read = 0; read < m_options.sampleRows() && m_reader->readRecord(record); ++read)
        if (record.ok())
            for (qsizetype i = 0; i < inferrers.size(); ++i)
                inferrers[i].add(record.fields.at(i));
    if (m_reader->hasError())
        return m_reader->error();
    for (const CsvTypeInferrer &inferrer : inferrers) {
        m_integer.append(inferrer.type().kind() == NormalizedType::Kind::Integer);
        m_fractional.append(inferrer.type().kind() == NormalizedType::Kind::Decimal ||
                            inferrer.type().kind() == NormalizedType::Kind::Real);
    }
    m_reader = std::make_unique<CsvReader>(m_options); // read again from the start
    return m_reader->open(m_path);
}

Result<void> CsvRowSource::compileFilter(const QStringList &filters,
                                         const QList<LookupMap> &lookups)
{
    QStringList conditions;
    for (const QString &filter : filters)
        if (!filter.trimmed().isEmpty())
            conditions.append(QStringLiteral("(%1\n)").arg(filter.trimmed()));
    if (conditions.isEmpty())
        return {};
    const QString expression = QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END")
                                   .arg(conditions.join(QStringLiteral(" AND ")));
    QList<TransformProgram::CompileError> errors;
    m_filter = TransformProgram::compile(m_fileColumns, {{kKeep, expression}}, lookups, &errors);
    if (!m_filter)
        return Error(Error::Code::Usage,
                     QStringLiteral("the filter does not compile: %1").arg(errors.value(0).message),
                     m_path,
                     QStringLiteral("filters on CSV sources are SQLite expressions over the row"));
    return {};
}

void CsvRowSource::cancel()
{
    m_cancelled = true;
    if (m_filter)
        m_filter->interrupt();
}

Result<RowBatch> CsvRowSource::next(int maxRows)
{
    RowBatch batch;
    batch.columns = m_columns;
    while (!m_done && batch.size() < maxRows) {
        if (m_cancelled)
            return Error(Error::Code::Cancelled, QStringLiteral("reading was cancelled"));
        qint64 want = maxRows - batch.size();
        if (m_limit >= 0)
            want = std::min(want, m_limit - m_returned);
        if (want <= 0) {
            m_done = true;
            break;
        }
        auto chunk = readChunk(int(want));
        if (!chunk)
            return chunk.error();
        for (QVariantList &row : chunk->rows) {
            if (m_limit >= 0 && m_returned >= m_limit)
                break;
            QVariantList projected;
            projected.reserve(m_project.size());
            for (qsizetype at : m_project)
                projected.append(row.at(at));
            batch.rows.append(std::move(projected));
            ++m_returned;
        }
    }
    return batch;
}

// Up to maxRows matching rows with every file column; fewer at the end of the file.
Result<RowBatch> CsvRowSource::readChunk(int maxRows)
{
    RowBatch chunk;
    chunk.columns = m_fileColumns;
    CsvRecord record;
    while (chunk.size() < maxRows) {
        if (!m_reader->readRecord(record)) {
            m_done = true;
            if (m_reader->hasError())
                return m_reader->error();
            break;
        }
        if (!record.ok()) // not a row to leave out without a word
            return record.error(m_path);
        QVariantList row;
        row.reserve(record.fields.size());
        for (qsizetype i = 0; i < record.fields.size(); ++i)
            row.append(typed(i, record.fields.at(i)));
        if (m_restrictKeys && !m_keys.contains(keyOfRow(row)))
            continue;
        chunk.rows.append(std::move(row));
    }
    return keepMatching(std::move(chunk));
}

Result<RowBatch> CsvRowSource::keepMatching(RowBatch chunk)
{
    if (!m_filter || chunk.isEmpty())
        return chunk;
    auto evaluated = m_filter->run(numericView(chunk));
    if (!evaluated)
        return evaluated.error();
    RowBatch kept;
    kept.columns = chunk.columns;
    for (qsizetype i = 0; i < chunk.size(); ++i)
        if (isTrue(evaluated->values.rows.at(i).value(0)))
            kept.rows.append(std::move(chunk.rows[i]));
    return kept;
}

// The chunk as the filter sees it: decimal and real columns as numbers, so `amount > 80`
// compares numerically (the rows themselves keep the exact text).
RowBatch CsvRowSource::numericView(const RowBatch &chunk) const
{
    if (!m_fractional.contains(true))
        return chunk;
    RowBatch view = chunk;
    for (QVariantList &row : view.rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (!m_fractional.value(i) || row.at(i).typeId() != QMetaType::QString)
                continue;
            bool ok = false;
            const double number = row.at(i).toString().toDouble(&ok);
            if (ok)
                row[i] = number;
        }
    }
    return view;
}

QVariant CsvRowSource::typed(qsizetype column, const QString &field) const
{
    if (field.isNull())
        return QVariant();
    if (m_encoding)
        if (auto bytes = m_encoding->escapedBytes(field))
            return QVariant(*bytes); // not text in the file's encoding: its bytes
    if (m_integer.value(column) && isPlainInteger(field)) {
        bool ok = false;
        const qint64 value = field.toLongLong(&ok);
        if (ok)
            return QVariant(value);
    }
    return QVariant(field);
}

QString CsvRowSource::keyOfRow(const QVariantList &row) const
{
    QVariantList tuple;
    for (qsizetype at : m_keyColumns)
        tuple.append(row.value(at));
    return keyOfTuple(tuple);
}

QString CsvRowSource::keyOfTuple(const QVariantList &tuple)
{
    QStringList parts;
    for (const QVariant &value : tuple)
        parts.append(canonical(value));
    return parts.join(QChar(0x1f));
}

} // namespace cutover
