#include "reconcile/ScanProfiler.h"

#include "core/SqliteCell.h"
#include "core/ValueText.h"
#include "reconcile/ColumnProfiler.h"

#include <cstring>
#include <sqlite3.h>
#include <xxhash.h>

namespace cutover {

namespace {

using Kind = NormalizedType::Kind;

// Seeds that keep an integer, a real, a text and a blob with the same bytes apart.
constexpr quint64 kIntegerSeed = 'I';
constexpr quint64 kRealSeed = 'R';
constexpr quint64 kTextSeed = 'T';
constexpr quint64 kBlobSeed = 'B';

quint64 integerHash(qint64 value)
{
    return XXH3_64bits_withSeed(&value, sizeof value, kIntegerSeed);
}

quint64 realHash(double value)
{
    if (value == 0)
        value = 0; // -0.0 and 0.0 are one value, as SQLite's DISTINCT has them
    return XXH3_64bits_withSeed(&value, sizeof value, kRealSeed);
}

template <typename T>
void keepRange(T &min, T &max, bool &any, T value)
{
    min = any ? std::min(min, value) : value;
    max = any ? std::max(max, value) : value;
    any = true;
}

// Text in QString's order (UTF-16 code units) from UTF-8 bytes: byte order is code point order,
// which differs from UTF-16's only between a character above U+FFFF and one in U+E000..U+FFFF,
// whose UTF-8 both begin with a byte of 0xEE or more.
int compareText(const char *a, int aSize, const char *b, int bSize, bool utf16Order)
{
    const int common = std::min(aSize, bSize);
    for (int i = 0; i < common; ++i) {
        const auto x = uchar(a[i]);
        const auto y = uchar(b[i]);
        if (x == y)
            continue;
        if (utf16Order && x >= 0xEE && y >= 0xEE)
            return QString::compare(QString::fromUtf8(a, aSize), QString::fromUtf8(b, bSize));
        return x < y ? -1 : 1;
    }
    return aSize == bSize ? 0 : aSize < bSize ? -1 : 1;
}

} // namespace

ScanProfiler::ScanProfiler(const QList<ValueComparer> &comparers,
                           const QList<int> &statementColumns, const QList<bool> &unique,
                           const QList<bool> &keyed)
    : m_comparers(comparers)
{
    for (qsizetype c = 0; c < comparers.size(); ++c) {
        Column column;
        column.at = statementColumns.at(c);
        column.unique = unique.value(c);
        column.keyed = keyed.value(c) || column.unique;
        switch (comparers.at(c).type().kind()) {
        case Kind::Integer:
            column.native = Native::Integer;
            break;
        case Kind::Real:
            column.native = Native::Real;
            break;
        case Kind::Text:
        case Kind::Unknown:
            column.native = Native::Text;
            break;
        default:
            column.native = Native::None;
        }
        m_columns.append(column);
        m_width = std::max(m_width, column.at + 1);
    }
}

void ScanProfiler::addRow(sqlite3_stmt *statement)
{
    std::vector<SqliteCell> cells(static_cast<std::size_t>(m_width));
    for (const Column &column : std::as_const(m_columns))
        cells[std::size_t(column.at)] = SqliteCell::read(statement, column.at);
    addRow(cells.data());
}

void ScanProfiler::addRow(const SqliteCell *cells)
{
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        Column &column = m_columns[c];
        const SqliteCell &cell = cells[column.at];
        if (cell.type == SQLITE_NULL) {
            ++column.nulls;
            continue;
        }
        ++column.values;
        const bool native = (column.native == Native::Integer && cell.type == SQLITE_INTEGER) ||
                            (column.native == Native::Real && cell.type == SQLITE_FLOAT) ||
                            (column.native == Native::Text &&
                             (cell.type == SQLITE_TEXT || cell.type == SQLITE_BLOB));
        if (native) {
            addNative(column, cell);
            continue;
        }
        const ValueComparer &comparer = m_comparers.at(c);
        addCanonical(column, comparer, comparer.canonical(cell.toVariant()));
    }
}

void ScanProfiler::addNative(Column &column, const SqliteCell &cell)
{
    const bool counted = column.unique && !column.other;
    switch (cell.type) {
    case SQLITE_INTEGER:
        keepRange(column.minInteger, column.maxInteger, column.anyInteger, cell.integer);
        if (!counted)
            column.distinct.add(integerHash(cell.integer));
        return;
    case SQLITE_FLOAT:
        keepRange(column.minReal, column.maxReal, column.anyReal, cell.real);
        if (!counted)
            column.distinct.add(realHash(cell.real));
        return;
    default: {
        const bool text = cell.type == SQLITE_TEXT;
        if (text)
            keepText(column.minText, column.maxText, column.anyText, cell.bytes, cell.size, true);
        else
            keepText(column.minBlob, column.maxBlob, column.anyBlob, cell.bytes, cell.size, false);
        if (!counted)
            column.distinct.add(
                XXH3_64bits_withSeed(cell.bytes, size_t(cell.size), text ? kTextSeed : kBlobSeed));
    }
    }
}

void ScanProfiler::keepText(QByteArray &min, QByteArray &max, bool &any, const char *bytes,
                            int size, bool utf16Order)
{
    if (!any) {
        min = QByteArray(bytes, size);
        max = min;
        any = true;
        return;
    }
    if (compareText(bytes, size, min.constData(), int(min.size()), utf16Order) < 0)
        min = QByteArray(bytes, size);
    else if (compareText(bytes, size, max.constData(), int(max.size()), utf16Order) > 0)
        max = QByteArray(bytes, size);
}

void ScanProfiler::addCanonical(Column &column, const ValueComparer &comparer,
                                const QVariant &canonical)
{
    column.other = true;
    if (column.keyed)
        m_keysCanonical = false;
    if (column.minOther.isNull() || comparer.compare(canonical, column.minOther) < 0)
        column.minOther = canonical;
    if (column.maxOther.isNull() || comparer.compare(canonical, column.maxOther) > 0)
        column.maxOther = canonical;
    switch (canonical.typeId()) {
    case QMetaType::LongLong:
        column.distinct.add(integerHash(canonical.toLongLong()));
        return;
    case QMetaType::Double:
        column.distinct.add(realHash(canonical.toDouble()));
        return;
    case QMetaType::QByteArray: {
        const QByteArray bytes = canonical.toByteArray();
        column.distinct.add(
            XXH3_64bits_withSeed(bytes.constData(), size_t(bytes.size()), kBlobSeed));
        return;
    }
    default: {
        const QByteArray text = ValueText::of(canonical).toUtf8();
        column.distinct.add(XXH3_64bits_withSeed(text.constData(), size_t(text.size()), kTextSeed));
    }
    }
}

bool ScanProfiler::hasNulls(const QList<int> &comparers) const
{
    return std::any_of(comparers.cbegin(), comparers.cend(),
                       [&](int c) { return m_columns.at(c).nulls > 0; });
}

void ScanProfiler::fill(ColumnProfiler &profiler) const
{
    QList<qint64> distinct;
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        const Column &column = m_columns.at(c);
        profiler.addNulls(c, column.nulls);
        if (column.anyInteger) {
            profiler.offer(c, QVariant(column.minInteger));
            profiler.offer(c, QVariant(column.maxInteger));
        }
        if (column.anyReal) {
            profiler.offer(c, QVariant(column.minReal));
            profiler.offer(c, QVariant(column.maxReal));
        }
        if (column.anyText) {
            profiler.offer(c, QVariant(QString::fromUtf8(column.minText)));
            profiler.offer(c, QVariant(QString::fromUtf8(column.maxText)));
        }
        if (column.anyBlob) {
            profiler.offer(c, QVariant(column.minBlob));
            profiler.offer(c, QVariant(column.maxBlob));
        }
        profiler.offer(c, column.minOther);
        profiler.offer(c, column.maxOther);
        distinct.append(column.unique && !column.other ? column.values : column.distinct.count());
    }
    profiler.setDistinct(distinct);
}

qint64 ScanProfiler::memoryBytes() const
{
    qint64 bytes = 0;
    for (const Column &column : m_columns)
        bytes += column.distinct.bytes();
    return bytes;
}

} // namespace cutover
