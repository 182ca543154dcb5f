#pragma once

#include "core/TextEncoding.h"
#include "source/RowSource.h"

#include <QHash>
#include <memory>
#include <utility>
#include <vector>

namespace cutover {

// A RowSource whose named columns are decoded with the encodings the mapping's column mappings
// give them (ColumnEncodings): their bytes as the source holds them (a text the inner source
// decoded is encoded back with its encoding, exactly; a value that was no text, or a blob, is
// taken as it is) are decoded with the column's encoding instead. Bytes that are not valid there
// stay bytes, as everywhere (TextEncoding). Numbers and NULL pass unchanged.
class DecodingRowSource : public RowSource
{
public:
    // inner wrapped, or an Error when an encoding is unknown or inner's database decodes its text
    // itself (PostgreSQL but SQL_ASCII, MySQL: then there are no bytes to decode).
    static Result<std::unique_ptr<RowSource>> wrap(std::unique_ptr<RowSource> inner,
                                                   const QHash<QString, QString> &encodings);

    QStringList columns() const override { return m_inner->columns(); }
    Result<RowBatch> next(int maxRows) override;
    void cancel() override { m_inner->cancel(); }
    const TextEncoding *textEncoding() const override { return m_inner->textEncoding(); }

private:
    explicit DecodingRowSource(std::unique_ptr<RowSource> inner);
    QVariant decoded(const QVariant &value, const TextEncoding &encoding) const;

    std::unique_ptr<RowSource> m_inner;
    std::vector<std::pair<qsizetype, TextEncoding>> m_decoded; // column, its encoding
};

} // namespace cutover
