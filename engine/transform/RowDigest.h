#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace cutover {

// An order-independent digest of a multiset of rows: the number of rows and the sums (modulo
// 2^64) of the two halves of each row's 128-bit hash (RowHasher). Two multisets with the same
// digest are equal but for a chance of about 2^-64, whatever order the rows came in, so a run can
// digest its rows batch by batch on several threads and reconciliation can digest the same rows
// in one table scan. Kept as text: "xxh3-128:ROWS:HIGHLOW" (hex).
class RowDigest
{
public:
    struct Hash
    {
        quint64 low = 0;
        quint64 high = 0;
    };

    void add(const Hash &row);
    void add(const RowDigest &other);

    qint64 rows() const { return m_rows; }
    QString toText() const;
    static std::optional<RowDigest> fromText(const QString &text);

    bool operator==(const RowDigest &other) const = default;

private:
    qint64 m_rows = 0;
    quint64 m_low = 0;
    quint64 m_high = 0;
};

} // namespace cutover
