#include "source/DecodingRowSource.h"

namespace cutover {

DecodingRowSource::DecodingRowSource(std::unique_ptr<RowSource> inner)
    : m_inner(std::move(inner))
{}

Result<std::unique_ptr<RowSource>> DecodingRowSource::wrap(std::unique_ptr<RowSource> inner,
                                                           const QHash<QString, QString> &encodings)
{
    if (encodings.isEmpty())
        return inner;
    if (!inner->textEncoding())
        return Error(Error::Code::Usage,
                     QStringLiteral("the source database decodes its text itself, so a column "
                                    "mapping's encoding does not apply"),
                     {},
                     QStringLiteral("remove the column mappings' encoding; it names the encoding "
                                    "of a SQLite file's, a CSV file's or a SQL_ASCII database's "
                                    "text"));
    std::unique_ptr<DecodingRowSource> source(new DecodingRowSource(std::move(inner)));
    const QStringList columns = source->columns();
    for (auto it = encodings.cbegin(); it != encodings.cend(); ++it) {
        const qsizetype at = columns.indexOf(it.key());
        if (at < 0)
            continue; // not read by this query
        auto encoding = TextEncoding::named(it.value());
        if (!encoding)
            return encoding.error();
        source->m_decoded.emplace_back(at, *encoding);
    }
    return std::unique_ptr<RowSource>(std::move(source));
}

Result<RowBatch> DecodingRowSource::next(int maxRows)
{
    auto batch = m_inner->next(maxRows);
    if (!batch)
        return batch;
    for (QVariantList &row : batch->rows)
        for (const auto &[column, encoding] : m_decoded)
            if (column < row.size())
                row[column] = decoded(row.at(column), encoding);
    return batch;
}

QVariant DecodingRowSource::decoded(const QVariant &value, const TextEncoding &encoding) const
{
    if (value.typeId() == QMetaType::QByteArray)
        return encoding.textOrBytes(*static_cast<const QByteArray *>(value.constData()));
    if (value.typeId() != QMetaType::QString)
        return value;
    const auto bytes = m_inner->textEncoding()->encode(value.toString());
    return bytes ? encoding.textOrBytes(*bytes) : value;
}

} // namespace cutover
