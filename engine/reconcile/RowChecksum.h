#pragma once

#include <QByteArray>
#include <QVariantList>

namespace cutover {

// The checksum of one row of canonical values (ValueComparer::canonical), computed the same way
// in C++ and, by ChecksumSql, inside PostgreSQL and MySQL: the row's text is, per value, "N" for
// NULL or a type tag ('i' integer, 's' text, 'd' real, 'b' bytes), the UTF-8 byte length, ':'
// and the UTF-8 text; the row's hash is the low 60 bits of the text's MD5 (as data-diff does),
// and a segment's checksum the sum of its rows' hashes modulo 2^64. The text is unambiguous, so
// equal texts mean equal canonical values of equal types.
class RowChecksum
{
public:
    static QByteArray rowText(const QVariantList &canonical);
    static quint64 hash(const QByteArray &rowText);
    static quint64 ofRow(const QVariantList &canonical) { return hash(rowText(canonical)); }
    // A decimal sum as the database returns it, modulo 2^64; nullopt when it is not a number.
    static std::optional<quint64> parseSum(const QString &text);
};

} // namespace cutover
