#include "connect/csv/CsvReader.h"

#include <QFile>
#include <QSet>

#include <algorithm>

namespace cutover {

namespace {

constexpr qint64 kChunkBytes = 64 * 1024;
// A bad record keeps at most this much of its text in CsvRecord::raw.
constexpr qsizetype kMaxRawChars = 64 * 1024;

bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return true;
    }
    return false;
}

const QString &emptyString()
{
    static const QString empty = QStringLiteral(""); // non-null, unlike QString()
    return empty;
}

} // namespace

CsvReader::CsvReader(CsvOptions options)
    : m_options(std::move(options))
{}

CsvReader::~CsvReader() = default;

Result<void> CsvReader::open(const QString &path)
{
    m_file = std::make_unique<QFile>(path);
    m_sourceName = path;
    if (!m_file->open(QIODevice::ReadOnly))
        return Error(Error::Code::Io, QStringLiteral("cannot open: %1").arg(m_file->errorString()),
                     path);
    m_device = m_file.get();
    return start();
}

Result<void> CsvReader::open(QIODevice *device, const QString &sourceName)
{
    m_file.reset();
    m_device = device;
    m_sourceName = sourceName;
    if (!device || !device->isReadable())
        return Error(Error::Code::Io, QStringLiteral("the device is not open for reading"),
                     sourceName);
    return start();
}

Result<void> CsvReader::start()
{
    m_buffer.clear();
    m_pos = m_recordStart = 0;
    m_eof = false;
    m_error.reset();
    m_line = 1;
    m_recordsRead = m_bytesRead = 0;
    m_expectedFields = 0;
    m_columns.clear();
    m_pending.reset();

    // A UTF-16 or UTF-32 byte order mark wins over the default encoding, not over a chosen one.
    m_decoder = m_options.makeDecoder();
    m_escaping.reset();
    m_rest.clear();
    std::optional<QStringConverter::Encoding> detected;
    if (!m_options.encodingExplicit()) {
        detected = QStringConverter::encodingForData(m_device->peek(4));
        if (detected && *detected != QStringConverter::Utf8)
            m_decoder = QStringDecoder(*detected);
    }
    if (auto encoding = TextEncoding::named(m_options.encoding());
        encoding && encoding->isAsciiCompatible() &&
        (!detected || *detected == QStringConverter::Utf8)) {
        m_escaping = *encoding;
        if (encoding->isUtf8() && m_device->peek(3) == "\xef\xbb\xbf")
            m_device->skip(3); // the file's byte order mark, not a character of its first field
    }
    if (!m_decoder.isValid())
        return Error(Error::Code::Usage,
                     QStringLiteral("no converter for encoding '%1'").arg(m_options.encoding()),
                     m_sourceName);

    CsvRecord first;
    if (!parseRecord(first)) // empty input: no columns, no records
        return m_error ? Result<void>(*m_error) : Result<void>();

    if (m_options.header()) {
        if (!first.ok()) {
            Error error = first.error(m_sourceName);
            return Error(error.code(), QStringLiteral("bad header: ") + error.message(),
                         error.where(), error.hint());
        }
        QSet<QString> seen;
        for (qsizetype i = 0; i < first.fields.size(); ++i) {
            QString name = first.fields.at(i).trimmed();
            if (name.isEmpty())
                name = QStringLiteral("column_%1").arg(i + 1);
            const QString base = name;
            for (int n = 2; seen.contains(name); ++n)
                name = QStringLiteral("%1_%2").arg(base).arg(n);
            seen.insert(name);
            m_columns.append(name);
        }
    } else {
        for (qsizetype i = 0; i < first.fields.size(); ++i)
            m_columns.append(QStringLiteral("column_%1").arg(i + 1));
        m_pending = std::move(first);
    }
    m_expectedFields = m_columns.size();
    return {};
}

bool CsvReader::readRecord(CsvRecord &record)
{
    if (m_pending) {
        record = std::move(*m_pending);
        m_pending.reset();
    } else if (!m_device || !parseRecord(record)) {
        return false;
    }
    record.number = ++m_recordsRead;
    return true;
}

Result<QList<CsvRecord>> CsvReader::readBatch(qsizetype max)
{
    QList<CsvRecord> batch;
    batch.reserve(std::min<qsizetype>(max, 4096));
    CsvRecord record;
    while (batch.size() < max && readRecord(record))
        batch.append(std::move(record));
    if (m_error)
        return *m_error;
    return batch;
}

bool CsvReader::fill()
{
    if (m_eof || m_error)
        return false;
    // Drop what was consumed, keeping the current record's text (for CsvRecord::raw) unless the
    // record has grown too long for that.
    if (!m_rawOverflow && m_pos - m_recordStart > kMaxRawChars) {
        m_rawPrefix = m_buffer.mid(m_recordStart, kMaxRawChars);
        m_rawOverflow = true;
    }
    if (m_rawOverflow)
        m_recordStart = m_pos;
    m_buffer.remove(0, m_recordStart);
    m_pos -= m_recordStart;
    m_recordStart = 0;

    const QByteArray chunk = m_device->read(kChunkBytes);
    if (chunk.isEmpty()) {
        if (m_file && m_file->error() != QFileDevice::NoError)
            m_error =
                Error(Error::Code::Io, QStringLiteral("cannot read: %1").arg(m_file->errorString()),
                      m_sourceName);
        m_eof = true;
        if (m_escaping && !m_rest.isEmpty() && !m_error) { // a sequence the file cuts off
            m_buffer.append(m_escaping->decodeChunk({}, m_rest, true));
            return true;
        }
        return false;
    }
    m_bytesRead += chunk.size();
    m_buffer.append(m_escaping ? m_escaping->decodeChunk(chunk, m_rest, false)
                               : m_decoder.decode(chunk));
    return true;
}

int CsvReader::peek()
{
    while (m_pos >= m_buffer.size())
        if (!fill())
            return -1;
    return m_buffer.at(m_pos).unicode();
}

int CsvReader::next()
{
    const int c = peek();
    if (c >= 0)
        ++m_pos;
    return c;
}

// After a consumed \r or \n: a \r\n pair is one line end.
void CsvReader::consumeLineEnd(int c)
{
    if (c == u'\r' && peek() == u'\n')
        next();
    ++m_line;
}

bool CsvReader::parseRecord(CsvRecord &record)
{
    record.fields.clear();
    record.status = CsvRecord::Status::Ok;
    record.problem.clear();
    record.raw.clear();
    record.errorLine = 0;
    record.number = 0;
    record.undecodable = false;

    int c = 0;
    for (;;) { // blank lines between records are skipped
        c = peek();
        if (c < 0)
            return false;
        if (c != u'\n' && c != u'\r')
            break;
        next();
        consumeLineEnd(c);
    }
    m_recordStart = m_pos;
    m_rawOverflow = false;
    m_rawPrefix.clear();
    record.line = m_line;

    const int delimiter = m_options.delimiter().unicode();
    const int quote = m_options.quote().isNull() ? -2 : m_options.quote().unicode();
    const auto endsField = [delimiter](int ch) {
        return ch < 0 || ch == delimiter || ch == u'\n' || ch == u'\r';
    };

    for (;;) { // one field per turn
        QString field;
        bool quoted = false;
        if (peek() == quote) {
            quoted = true;
            const qint64 fieldLine = m_line;
            next();
            bool closed = false;
            while ((c = next()) >= 0) {
                if (c == quote) {
                    if (peek() != quote) {
                        closed = true;
                        break;
                    }
                    next(); // a doubled quote is one quote character
                } else if (c == u'\n' || (c == u'\r' && peek() != u'\n')) {
                    ++m_line;
                }
                field.append(QChar(c));
            }
            if (!closed) {
                record.status = CsvRecord::Status::UnterminatedQuote;
                record.errorLine = fieldLine;
                record.problem = QStringLiteral("the quoted field %1 starting on line %2 is not "
                                                "closed before the end of the file")
                                     .arg(record.fields.size() + 1)
                                     .arg(fieldLine);
                record.fields.append(field.isNull() ? emptyString() : field);
                break;
            }
            if (!endsField(peek())) {
                if (record.ok()) {
                    record.status = CsvRecord::Status::StrayQuote;
                    record.errorLine = m_line;
                    record.problem = QStringLiteral("unexpected text after the closing quote of "
                                                    "field %1 on line %2")
                                         .arg(record.fields.size() + 1)
                                         .arg(m_line);
                }
                while (!endsField(c = peek())) { // keep the rest of the field as text
                    field.append(QChar(c));
                    next();
                }
            }
        } else {
            while (!endsField(c = peek())) { // a quote inside an unquoted field is plain text
                field.append(QChar(c));
                next();
            }
        }

        if (!quoted && field == m_options.nullText())
            field = QString();
        else if (field.isNull())
            field = emptyString();
        record.fields.append(field);

        c = next();
        if (c == delimiter)
            continue;
        if (c >= 0)
            consumeLineEnd(c);
        break;
    }
    finishRecord(record);
    return true;
}

void CsvReader::finishRecord(CsvRecord &record)
{
    if (record.ok() && m_expectedFields > 0 && record.fields.size() != m_expectedFields) {
        record.status = CsvRecord::Status::WrongFieldCount;
        record.errorLine = record.line;
        record.problem = QStringLiteral("the record on line %1 has %2 fields, expected %3")
                             .arg(record.line)
                             .arg(record.fields.size())
                             .arg(m_expectedFields);
    }
    if (record.ok() && m_escaping)
        record.undecodable = std::any_of(record.fields.cbegin(), record.fields.cend(),
                                         TextEncoding::hasEscapedBytes);
    if (record.ok() && !m_escaping) {
        for (const QString &field : std::as_const(record.fields)) {
            // Qt's UTF-16 decoder passes a lone surrogate through without an error.
            if (!(m_decoder.hasError() && field.contains(QChar::ReplacementCharacter)) &&
                !hasLoneSurrogate(field))
                continue;
            record.status = CsvRecord::Status::InvalidEncoding;
            record.errorLine = record.line;
            record.problem = QStringLiteral("the record on line %1 has bytes that are not valid "
                                            "%2")
                                 .arg(record.line)
                                 .arg(QString::fromLatin1(m_decoder.name()));
            break;
        }
    }
    if (record.ok())
        return;
    if (record.errorLine == 0)
        record.errorLine = record.line;
    record.raw = m_rawOverflow ? m_rawPrefix + QChar(0x2026)
                               : m_buffer.mid(m_recordStart, m_pos - m_recordStart);
    while (record.raw.endsWith(u'\n') || record.raw.endsWith(u'\r'))
        record.raw.chop(1);
}

} // namespace cutover
