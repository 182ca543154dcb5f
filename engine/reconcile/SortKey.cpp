#include "reconcile/SortKey.h"

#include "core/ValueText.h"

#include <QtEndian>
#include <cstring>

namespace cutover {

namespace {

enum Tag : char
{
    Null = 0x01,
    Integer = 0x02,
    Real = 0x03,
    Text = 0x04,
    Blob = 0x05
};

void appendBigEndian(QByteArray &out, quint64 bits)
{
    char bytes[8];
    qToBigEndian(bits, bytes);
    out.append(bytes, 8);
}

// Bytes with 0x00 escaped as 0x00 0xFF and ended by 0x00 0x00, so a shorter part sorts first
// and a part never runs into the next.
void appendEscaped(QByteArray &out, const QByteArray &bytes)
{
    for (const char c : bytes) {
        out.append(c);
        if (c == 0)
            out.append(char(0xFF));
    }
    out.append(char(0));
    out.append(char(0));
}

void appendReal(QByteArray &out, double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    // IEEE 754 order: flip every bit of a negative number, only the sign bit of a positive one.
    bits = (bits & (quint64(1) << 63)) ? ~bits : bits | (quint64(1) << 63);
    appendBigEndian(out, bits);
}

} // namespace

QByteArray SortKey::encode(const QVariantList &parts)
{
    QByteArray out;
    for (const QVariant &part : parts) {
        if (part.isNull()) {
            out.append(char(Null));
        } else if (ValueText::isInteger(part)) {
            out.append(char(Integer));
            appendBigEndian(out, quint64(part.toLongLong()) ^ (quint64(1) << 63));
        } else if (part.typeId() == QMetaType::Double) {
            out.append(char(Real));
            appendReal(out, part.toDouble());
        } else if (part.typeId() == QMetaType::QByteArray) {
            out.append(char(Blob));
            appendEscaped(out, part.toByteArray());
        } else {
            out.append(char(Text));
            appendEscaped(out, ValueText::of(part).toUtf8());
        }
    }
    return out;
}

QString SortKey::display(const QVariantList &parts)
{
    QStringList texts;
    for (const QVariant &part : parts)
        texts.append(ValueText::display(part));
    return texts.join(QStringLiteral(", "));
}

} // namespace cutover
