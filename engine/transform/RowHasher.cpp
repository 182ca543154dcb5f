#include "transform/RowHasher.h"

#include "core/SqliteCell.h"

#include "core/SqlLiteral.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <sqlite3.h>
#include <xxhash.h>

namespace cutover {

namespace {

enum Tag : char
{
    kNull = 0,
    kInteger = 1,
    kReal = 2,
    kText = 3,
    kBlob = 4,
    kOther = 5
};

// Text SQLite turns into INTEGER in an INTEGER or NUMERIC column, exactly: a plain decimal
// integer that fits in 64 bits, written the way SQLite writes it back.
// -?(0|[1-9][0-9]{0,17})
std::optional<qint64> plainInteger(const QString &text)
{
    const qsizetype first = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    const qsizetype digits = text.size() - first;
    if (digits < 1 || digits > 18 || (digits > 1 && text.at(first) == QLatin1Char('0')))
        return std::nullopt;
    for (qsizetype i = first; i < text.size(); ++i)
        if (text.at(i) < QLatin1Char('0') || text.at(i) > QLatin1Char('9'))
            return std::nullopt;
    return text.toLongLong();
}

// Text that SQLite might read as a number (its own parser decides): the first character that is
// not a space is a digit, a sign or a point.
bool mayBeNumeric(const QString &text)
{
    for (QChar c : text) {
        if (c.isSpace())
            continue;
        return c.isDigit() || c == QLatin1Char('+') || c == QLatin1Char('-') ||
               c == QLatin1Char('.');
    }
    return false;
}

} // namespace

RowHasher::Affinity RowHasher::affinityOf(const QString &declaredType)
{
    const QString type = declaredType.toUpper();
    if (type.contains(QLatin1String("INT")))
        return Affinity::Integer;
    if (type.contains(QLatin1String("CHAR")) || type.contains(QLatin1String("CLOB")) ||
        type.contains(QLatin1String("TEXT")))
        return Affinity::Text;
    if (type.contains(QLatin1String("BLOB")) || type.trimmed().isEmpty())
        return Affinity::Blob;
    if (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA")) ||
        type.contains(QLatin1String("DOUB")))
        return Affinity::Real;
    return Affinity::Numeric;
}

QVariant RowHasher::literalDefault(const QString &defaultSql)
{
    QString sql = defaultSql.trimmed();
    while (sql.startsWith(QLatin1Char('(')) && sql.endsWith(QLatin1Char(')')))
        sql = sql.mid(1, sql.size() - 2).trimmed();
    auto literal = SqlLiteral::parse(sql);
    return literal ? *literal : QVariant();
}

void RowHasher::grow(std::size_t size)
{
    m_row.resize(std::max(2 * m_row.size(), m_size + size + 256));
}

void RowHasher::addBytes(char tag, const char *bytes, qsizetype size)
{
    const auto length = quint32(size);
    putTag(tag);
    put(&length, sizeof length);
    if (size > 0)
        put(bytes, std::size_t(size));
}

void RowHasher::addNull()
{
    putTag(kNull);
}

void RowHasher::addInteger(qint64 value)
{
    putTag(kInteger);
    put(&value, sizeof value);
}

void RowHasher::addReal(double value)
{
    putTag(kReal);
    put(&value, sizeof value);
}

void RowHasher::addText(const char *utf8, qsizetype size)
{
    addBytes(kText, utf8, size);
}

// Encodes straight into the row, as QString::toUtf8 does (a lone surrogate as '?'): a run
// hashes every text cell it reads and loads, and a QByteArray for each was a tenth of the work.
void RowHasher::addText(const QString &text)
{
    putTag(kText);
    const std::size_t lengthAt = m_size;
    const quint32 placeholder = 0;
    put(&placeholder, sizeof placeholder);
    const qsizetype units = text.size();
    if (m_size + std::size_t(units) * 3 > m_row.size())
        grow(std::size_t(units) * 3);
    auto *out = reinterpret_cast<unsigned char *>(m_row.data() + m_size);
    const auto *in = reinterpret_cast<const char16_t *>(text.utf16());
    for (qsizetype i = 0; i < units; ++i) {
        const char32_t c = in[i];
        if (c < 0x80) {
            *out++ = uchar(c);
        } else if (c < 0x800) {
            *out++ = uchar(0xC0 | (c >> 6));
            *out++ = uchar(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && i + 1 < units && QChar::isLowSurrogate(in[i + 1])) {
            const char32_t code = QChar::surrogateToUcs4(char16_t(c), in[++i]);
            *out++ = uchar(0xF0 | (code >> 18));
            *out++ = uchar(0x80 | ((code >> 12) & 0x3F));
            *out++ = uchar(0x80 | ((code >> 6) & 0x3F));
            *out++ = uchar(0x80 | (code & 0x3F));
        } else if (QChar::isSurrogate(c)) {
            *out++ = '?';
        } else {
            *out++ = uchar(0xE0 | (c >> 12));
            *out++ = uchar(0x80 | ((c >> 6) & 0x3F));
            *out++ = uchar(0x80 | (c & 0x3F));
        }
    }
    const std::size_t end = std::size_t(reinterpret_cast<char *>(out) - m_row.data());
    const auto length = quint32(end - lengthAt - sizeof placeholder);
    std::memcpy(m_row.data() + lengthAt, &length, sizeof length);
    m_size = end;
}

void RowHasher::addBlob(const char *bytes, qsizetype size)
{
    addBytes(kBlob, bytes, size);
}

void RowHasher::addSource(const QVariant &value)
{
    if (value.isNull())
        return addNull();
    switch (value.typeId()) {
    case QMetaType::LongLong:
        return addInteger(value.toLongLong());
    case QMetaType::Double:
        return addReal(value.toDouble());
    case QMetaType::QString:
        return addText(*static_cast<const QString *>(value.constData()));
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        return addBlob(bytes->constData(), bytes->size());
    }
    default: {
        const QByteArray text =
            QByteArray::number(value.typeId()) + ':' + value.toString().toUtf8();
        return addBytes(kOther, text.constData(), text.size());
    }
    }
}

bool RowHasher::addStoredText(const QString &text, Affinity affinity)
{
    if (affinity == Affinity::Integer || affinity == Affinity::Numeric) {
        if (const auto whole = plainInteger(text)) {
            addInteger(*whole);
            return true;
        }
    }
    if (affinity != Affinity::Text && affinity != Affinity::Blob && mayBeNumeric(text))
        return false;
    addText(text);
    return true;
}

bool RowHasher::addStored(const QVariant &value, Affinity affinity)
{
    if (value.isNull()) {
        addNull();
        return true;
    }
    switch (value.typeId()) {
    case QMetaType::QString:
        return addStoredText(*static_cast<const QString *>(value.constData()), affinity);
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        addBlob(bytes->constData(), bytes->size());
        return true;
    }
    case QMetaType::Double:
    case QMetaType::Float:
        // Into TEXT SQLite prints the number its own way; into INTEGER or NUMERIC a whole number
        // may become an integer.
        if (affinity == Affinity::Text ||
            ((affinity == Affinity::Integer || affinity == Affinity::Numeric) &&
             value.toDouble() == double(qint64(value.toDouble()))))
            return false;
        // A REAL column keeps a whole number as an integer on disk: -0.0 reads back as 0.0.
        // A column of BLOB affinity keeps -0.0.
        addReal(affinity == Affinity::Real && value.toDouble() == 0 ? 0.0 : value.toDouble());
        return true;
    case QMetaType::ULongLong:
    case QMetaType::ULong:
        if (value.toULongLong() > quint64(std::numeric_limits<qint64>::max()))
            return addStoredText(value.toString(), affinity);
        break;
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        break;
    case QMetaType::QDate:
        return addStoredText(value.toDate().toString(Qt::ISODate), affinity);
    case QMetaType::QTime:
        return addStoredText(value.toTime().toString(Qt::ISODateWithMs), affinity);
    case QMetaType::QDateTime:
        return addStoredText(value.toDateTime().toString(Qt::ISODateWithMs), affinity);
    default:
        return addStoredText(value.toString(), affinity);
    }
    const qint64 whole =
        value.typeId() == QMetaType::Bool ? (value.toBool() ? 1 : 0) : value.toLongLong();
    if (affinity == Affinity::Text) {
        addText(QString::number(whole));
        return true;
    }
    if (affinity == Affinity::Real) {
        if (std::abs(whole) > (qint64(1) << 53))
            return false;
        addReal(double(whole));
        return true;
    }
    addInteger(whole);
    return true;
}

void RowHasher::addColumn(sqlite3_stmt *statement, int column)
{
    addCell(SqliteCell::read(statement, column));
}

void RowHasher::addCell(const SqliteCell &cell)
{
    switch (cell.type) {
    case SQLITE_INTEGER:
        return addInteger(cell.integer);
    case SQLITE_FLOAT:
        return addReal(cell.real);
    case SQLITE_TEXT:
        return addText(cell.bytes, cell.size);
    case SQLITE_BLOB:
        return addBlob(cell.bytes, cell.size);
    default:
        return addNull();
    }
}

RowDigest::Hash RowHasher::finish()
{
    const XXH128_hash_t hash = XXH3_128bits(m_row.data(), m_size);
    m_size = 0;
    return RowDigest::Hash{hash.low64, hash.high64};
}

} // namespace cutover
