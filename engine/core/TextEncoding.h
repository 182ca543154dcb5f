#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace cutover {

// The character encoding of text bytes a source holds, and the one way Cutover turns such bytes
// into text: exactly, or not at all. QString::fromUtf8 and a default QStringDecoder replace bytes
// that are not valid with U+FFFD and drop a leading U+FEFF, so a value read through them arrives
// changed without a word. Here a leading U+FEFF is a character like any other, and bytes that are
// not valid in the encoding are no text: callers keep them as bytes, and converting those to a
// text column is a violation that shows them (problem()).
//
// UTF-8 (the default) is decoded by Qt, strictly: no overlong forms, surrogates or code points
// past U+10FFFF. Any other encoding (latin1, cp1252, iso-8859-15, ...) is decoded by the C
// library's iconv, which knows it by the names `iconv --list` prints; cp1252's five unassigned
// bytes (0x81, 0x8d, 0x8f, 0x90, 0x9d) are not valid there.
//
// Copies are independent; one object must not be used by two threads at once.
class TextEncoding
{
public:
    TextEncoding(); // UTF-8
    TextEncoding(const TextEncoding &other);
    TextEncoding &operator=(const TextEncoding &other);
    ~TextEncoding();

    // The encoding of that name (any case: "utf-8", "cp1252", "Latin1", ...); an error naming it
    // when the C library has no converter for it.
    static Result<TextEncoding> named(const QString &name);
    // A hint for an error about an encoding name.
    static QString knownNamesHint();

    // The name as given to named() ("utf-8" for the default).
    const QString &name() const { return m_name; }
    bool isUtf8() const { return m_utf8; }
    // True when ASCII bytes mean their ASCII characters (not so in UTF-16, for one).
    bool isAsciiCompatible() const { return m_asciiCompatible; }

    // The text bytes encode; nullopt when they are not valid in this encoding.
    std::optional<QString> decode(QByteArrayView bytes) const;
    // decode(bytes) as a QString QVariant, or the bytes as a QByteArray when they are not text.
    QVariant textOrBytes(QByteArrayView bytes) const;
    // The bytes of text in this encoding (the inverse of decode()); nullopt when the encoding has
    // no bytes for one of its characters.
    std::optional<QByteArray> encode(const QString &text) const;
    // The offset of the first byte that does not decode; -1 when every byte does.
    qsizetype invalidAt(QByteArrayView bytes) const;
    // Why bytes are not text, for a violation: "not valid UTF-8 at byte offset 3: 42 6f 62 96"
    // (long values show the bytes around the offset).
    QString problem(QByteArrayView bytes) const;

    // For a stream read in chunks (a CSV file): decodes rest + bytes, each byte that does not
    // decode as the lone surrogate U+DC00 + byte (no valid input decodes to one) so the bytes can
    // be had back exactly (escapedBytes()); a sequence the chunk cuts off is left in rest for the
    // next call, unless final. Needs an ASCII-compatible encoding.
    QString decodeChunk(QByteArrayView bytes, QByteArray &rest, bool final) const;
    // The bytes of a text decodeChunk() made, when it holds an escaped byte; else nullopt.
    std::optional<QByteArray> escapedBytes(const QString &text) const;
    static bool hasEscapedBytes(const QString &text);

    // The strict UTF-8 decoding of bytes, as TextEncoding().decode(bytes) gives it.
    static std::optional<QString> utf8(QByteArrayView bytes);
    // TextEncoding().problem(bytes).
    static QString utf8Problem(QByteArrayView bytes);
    // The bytes as lower-case hexadecimal pairs, "42 6f 62 96"; past maxBytes, the bytes around
    // offset with "..." for what is left out.
    static QString hex(QByteArrayView bytes, qsizetype offset = 0, qsizetype maxBytes = 32);

private:
    struct Converters;
    explicit TextEncoding(const QString &name, bool utf8, bool asciiCompatible);
    Converters &converters() const;

    QString m_name;
    bool m_utf8 = true;
    bool m_asciiCompatible = true;
    mutable std::unique_ptr<Converters> m_converters; // iconv handles, opened on first use
};

} // namespace cutover
