#pragma once

#include "connect/csv/CsvOptions.h"
#include "connect/csv/CsvRecord.h"
#include "core/Result.h"
#include "core/TextEncoding.h"

#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <memory>
#include <optional>

class QFile;
class QIODevice;

namespace cutover {

// A streaming RFC 4180 reader: quoted fields with embedded delimiters, doubled quotes and line
// breaks; CRLF, LF (and lone CR) line ends; a last line with or without a line end; a UTF-8 BOM
// skipped. It decodes the bytes chunk by chunk, so memory holds one chunk plus the current record
// however large the file. In an encoding where ASCII is ASCII (UTF-8, latin1, cp1252, ...) a
// byte that does not decode is kept in its field as an escape (TextEncoding::decodeChunk), so the
// field's bytes can be had back exactly (TextEncoding::escapedBytes); in UTF-16 and UTF-32 such
// a record is bad (InvalidEncoding).
//
// Lenient where data is still unambiguous: a quote inside an unquoted field is kept as text, and
// blank lines between records are skipped. Strict where it is not: a record with the wrong number
// of fields, text after a closing quote, an unterminated quote and undecodable bytes come back as
// bad records (CsvRecord::status) which the caller can quarantine before reading on. Only an I/O
// failure stops the reader (error()).
//
//   CsvReader reader(options);
//   if (auto ok = reader.open(path); !ok) ...
//   CsvRecord record;
//   while (reader.readRecord(record)) { if (!record.ok()) quarantine(record); else load(record); }
//   if (reader.hasError()) ... reader.error()
class CsvReader
{
public:
    explicit CsvReader(CsvOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Opens a file and reads its header (or peeks at the first record for the column count).
    Result<void> open(const QString &path);
    // Reads from an open device, which must outlive the reader. sourceName names it in errors.
    Result<void> open(QIODevice *device, const QString &sourceName);

    // Column names: the header's (trimmed; empty ones become column_N, repeats get _2, _3, ...),
    // or column_1 ... column_N without a header.
    const QStringList &columnNames() const { return m_columns; }
    const QString &sourceName() const { return m_sourceName; }

    // Reads the next record, good or bad. Returns false at the end of the input, or on an I/O
    // error (then hasError()).
    bool readRecord(CsvRecord &record);
    // Up to max records (fewer only at the end), for a run reading in batches with flat memory.
    Result<QList<CsvRecord>> readBatch(qsizetype max);

    bool hasError() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error()); }

    // Data records returned so far (good and bad), and the current physical line.
    qint64 recordsRead() const { return m_recordsRead; }
    qint64 lineNumber() const { return m_line; }
    // Bytes consumed from the device, for progress.
    qint64 bytesRead() const { return m_bytesRead; }

private:
    Result<void> start();
    bool fill();
    int peek();
    int next();
    bool parseRecord(CsvRecord &record);
    void consumeLineEnd(int c);
    void finishRecord(CsvRecord &record);

    CsvOptions m_options;
    std::unique_ptr<QFile> m_file;
    QIODevice *m_device = nullptr;
    QString m_sourceName;
    QStringDecoder m_decoder;
    std::optional<TextEncoding> m_escaping; // decodes instead of m_decoder, keeping bad bytes
    QByteArray m_rest;                      // a sequence the last chunk cut off
    QString m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_recordStart = 0;
    QString m_rawPrefix; // the start of a record too long to keep whole for CsvRecord::raw
    bool m_rawOverflow = false;
    bool m_eof = false;
    std::optional<Error> m_error;
    qint64 m_line = 1;
    qint64 m_recordsRead = 0;
    qint64 m_bytesRead = 0;
    qsizetype m_expectedFields = 0;
    QStringList m_columns;
    std::optional<CsvRecord> m_pending; // first record, peeked when there is no header
};

} // namespace cutover
