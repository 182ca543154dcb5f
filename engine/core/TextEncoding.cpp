#include "core/TextEncoding.h"

#include <QStringDecoder>

#include <algorithm>
#include <cerrno>
#include <iconv.h>

namespace cutover {

namespace {

const char *const kUtf16 = QSysInfo::ByteOrder == QSysInfo::LittleEndian ? "UTF-16LE" : "UTF-16BE";
const iconv_t kNoConverter = reinterpret_cast<iconv_t>(-1);

// The name iconv_open is given. A suffix such as //IGNORE or //TRANSLIT would make iconv drop or
// replace what does not convert: exactly what an encoding must never do here.
QByteArray iconvName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char('/')))
        return {};
    return trimmed.toUpper().toLatin1();
}

// A byte decodeChunk() could not decode: U+DC80..U+DCFF, a lone surrogate no decoding makes.
bool isEscape(QChar c)
{
    return c.unicode() >= 0xdc80 && c.unicode() <= 0xdcff;
}

bool isUtf8Name(const QByteArray &name)
{
    return name == "UTF-8" || name == "UTF8";
}

// Converts in with cd into out; the offset of the first input byte that does not convert, or -1.
qsizetype convert(iconv_t cd, QByteArrayView in, QByteArray &out)
{
    iconv(cd, nullptr, nullptr, nullptr, nullptr); // a fresh shift state
    out.resize(in.size() * 2 + 16);
    char *input = const_cast<char *>(in.data());
    size_t inputLeft = size_t(in.size());
    char *output = out.data();
    size_t outputLeft = size_t(out.size());
    while (inputLeft > 0) {
        if (iconv(cd, &input, &inputLeft, &output, &outputLeft) != size_t(-1))
            break;
        if (errno != E2BIG)
            return input - in.data(); // EILSEQ, or EINVAL: a sequence cut off at the end
        const qsizetype used = output - out.data();
        out.resize(out.size() * 2);
        output = out.data() + used;
        outputLeft = size_t(out.size() - used);
    }
    // Flush a stateful encoding's closing sequence.
    if (iconv(cd, nullptr, nullptr, &output, &outputLeft) == size_t(-1))
        return in.size();
    out.resize(output - out.data());
    return -1;
}

} // namespace

struct TextEncoding::Converters
{
    QByteArray name;
    iconv_t decoder = kNoConverter;
    iconv_t encoder = kNoConverter;

    ~Converters()
    {
        if (decoder != kNoConverter)
            iconv_close(decoder);
        if (encoder != kNoConverter)
            iconv_close(encoder);
    }
    iconv_t toText()
    {
        if (decoder == kNoConverter)
            decoder = iconv_open(kUtf16, name.constData());
        return decoder;
    }
    iconv_t toBytes()
    {
        if (encoder == kNoConverter)
            encoder = iconv_open(name.constData(), kUtf16);
        return encoder;
    }
};

TextEncoding::TextEncoding()
    : TextEncoding(QStringLiteral("utf-8"), true, true)
{}

TextEncoding::TextEncoding(const QString &name, bool utf8, bool asciiCompatible)
    : m_name(name)
    , m_utf8(utf8)
    , m_asciiCompatible(asciiCompatible)
{}

TextEncoding::TextEncoding(const TextEncoding &other)
    : m_name(other.m_name)
    , m_utf8(other.m_utf8)
    , m_asciiCompatible(other.m_asciiCompatible)
{}

TextEncoding &TextEncoding::operator=(const TextEncoding &other)
{
    if (this != &other) {
        m_name = other.m_name;
        m_utf8 = other.m_utf8;
        m_asciiCompatible = other.m_asciiCompatible;
        m_converters.reset();
    }
    return *this;
}

TextEncoding::~TextEncoding() = default;

Result<TextEncoding> TextEncoding::named(const QString &name)
{
    const QByteArray iconv = iconvName(name);
    if (isUtf8Name(iconv))
        return TextEncoding(name.trimmed(), true, true);
    const iconv_t probe = iconv.isEmpty() ? kNoConverter : iconv_open(kUtf16, iconv.constData());
    if (probe == kNoConverter)
        return Error(Error::Code::Usage, QStringLiteral("unknown encoding '%1'").arg(name), {},
                     knownNamesHint());
    iconv_close(probe);
    TextEncoding encoding(name.trimmed(), false, false);
    QByteArray ascii;
    for (char c = 0; c < 0x7f; ++c)
        ascii.append(c);
    encoding.m_asciiCompatible = encoding.decode(ascii) == QString::fromLatin1(ascii);
    return encoding;
}

QString TextEncoding::knownNamesHint()
{
    return QStringLiteral("name an encoding such as utf-8, latin1, cp1252 or iso-8859-15 "
                          "(`iconv --list` prints them all)");
}

TextEncoding::Converters &TextEncoding::converters() const
{
    if (!m_converters) {
        m_converters = std::make_unique<Converters>();
        m_converters->name = m_utf8 ? QByteArray("UTF-8") : iconvName(m_name);
    }
    return *m_converters;
}

std::optional<QString> TextEncoding::utf8(QByteArrayView bytes)
{
    // Most text is ASCII, which Qt checks and widens many bytes at a time.
    const QLatin1StringView latin1(bytes.data(), bytes.size());
    if (QtPrivate::isAscii(latin1)) {
        QString text(latin1);
        if (text.isNull())
            text = QLatin1String(""); // an empty text, not NULL
        return text;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    if (text.isNull())
        text = QLatin1String(""); // an empty text, not NULL
    return text;
}

std::optional<QString> TextEncoding::decode(QByteArrayView bytes) const
{
    if (m_utf8)
        return utf8(bytes);
    const iconv_t cd = converters().toText();
    if (cd == kNoConverter)
        return std::nullopt;
    QByteArray units;
    if (convert(cd, bytes, units) >= 0)
        return std::nullopt;
    return QString(reinterpret_cast<const QChar *>(units.constData()),
                   units.size() / qsizetype(sizeof(QChar)));
}

QVariant TextEncoding::textOrBytes(QByteArrayView bytes) const
{
    if (auto text = decode(bytes))
        return QVariant(std::move(*text));
    return QVariant(bytes.toByteArray());
}

std::optional<QByteArray> TextEncoding::encode(const QString &text) const
{
    if (m_utf8)
        return text.toUtf8();
    const iconv_t cd = converters().toBytes();
    if (cd == kNoConverter)
        return std::nullopt;
    QByteArray bytes;
    const QByteArrayView units(reinterpret_cast<const char *>(text.utf16()),
                               text.size() * qsizetype(sizeof(QChar)));
    if (convert(cd, units, bytes) >= 0)
        return std::nullopt;
    return bytes;
}

QString TextEncoding::decodeChunk(QByteArrayView bytes, QByteArray &rest, bool final) const
{
    const QByteArray input = rest + bytes.toByteArray();
    rest.clear();
    QString text;
    const iconv_t cd = converters().toText();
    QByteArray units;
    const auto append = [&text](const QByteArray &converted) {
        text += QStringView(reinterpret_cast<const QChar *>(converted.constData()),
                            converted.size() / qsizetype(sizeof(QChar)));
    };
    for (qsizetype at = 0; at < input.size();) {
        const QByteArrayView left = QByteArrayView(input).sliced(at);
        const qsizetype bad = cd == kNoConverter ? 0 : convert(cd, left, units);
        if (bad < 0) {
            append(units);
            break;
        }
        if (bad > 0) { // what converted up to the bad byte, converted on its own
            convert(cd, left.first(bad), units);
            append(units);
            at += bad;
        }
        // A sequence cut off by the chunk's end waits for the next chunk (UTF-8: at most 3 bytes).
        if (!final && input.size() - at < 4 && cd != kNoConverter &&
            convert(cd, QByteArrayView(input).sliced(at), units) == 0 && errno == EINVAL) {
            rest = input.sliced(at);
            break;
        }
        text += QChar(0xdc00 + uchar(input.at(at)));
        ++at;
    }
    return text;
}

bool TextEncoding::hasEscapedBytes(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), isEscape);
}

std::optional<QByteArray> TextEncoding::escapedBytes(const QString &text) const
{
    if (!hasEscapedBytes(text))
        return std::nullopt;
    QByteArray bytes;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !isEscape(text.at(i)))
            continue;
        if (i > start)
            bytes += encode(text.mid(start, i - start)).value_or(QByteArray());
        if (i < text.size())
            bytes += char(text.at(i).unicode() - 0xdc00);
        start = i + 1;
    }
    return bytes;
}

qsizetype TextEncoding::invalidAt(QByteArrayView bytes) const
{
    const iconv_t cd = converters().toText();
    if (cd == kNoConverter)
        return 0;
    QByteArray units;
    return convert(cd, bytes, units);
}

QString TextEncoding::problem(QByteArrayView bytes) const
{
    const qsizetype at = invalidAt(bytes);
    const QString what = m_utf8 ? QStringLiteral("UTF-8") : m_name;
    if (at < 0) // valid after all (for Qt's decoder, not iconv's): say so rather than guess
        return QStringLiteral("not valid %1: %2").arg(what, hex(bytes));
    return QStringLiteral("not valid %1 at byte offset %2: %3")
        .arg(what)
        .arg(at)
        .arg(hex(bytes, at));
}

QString TextEncoding::utf8Problem(QByteArrayView bytes)
{
    return TextEncoding().problem(bytes);
}

QString TextEncoding::hex(QByteArrayView bytes, qsizetype offset, qsizetype maxBytes)
{
    qsizetype from = 0;
    qsizetype to = bytes.size();
    if (to > maxBytes) {
        from = qBound(qsizetype(0), offset - maxBytes / 2, bytes.size() - maxBytes);
        to = from + maxBytes;
    }
    QString text = from > 0 ? QStringLiteral("... ") : QString();
    text += QString::fromLatin1(bytes.sliced(from, to - from).toByteArray().toHex(' '));
    if (to < bytes.size())
        text += QStringLiteral(" ...");
    return text;
}

} // namespace cutover
