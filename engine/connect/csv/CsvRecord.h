#pragma once

#include "core/Error.h"

#include <QString>
#include <QStringList>

namespace cutover {

// One record of a CSV file as CsvReader returns it. A bad record is still returned, with a
// status, a message and its raw text, so a run can quarantine it and go on with the next one.
//
// Fields: a NULL field (unquoted and equal to the connection's null text, by default the empty
// field) is a null QString (isNull()); a quoted "" is an empty, non-null QString.
struct CsvRecord
{
    enum class Status
    {
        Ok,
        WrongFieldCount,   // more or fewer fields than the header (or first record) has
        UnterminatedQuote, // a quoted field still open at the end of the file
        StrayQuote,        // text after a closing quote, e.g. "abc"x
        InvalidEncoding,   // bytes that are not valid in the file's encoding
    };

    QStringList fields;
    qint64 line = 0;      // physical line (1-based) where the record starts
    qint64 errorLine = 0; // line the problem points at (a field's start for UnterminatedQuote)
    qint64 number = 0;    // 1-based record number, the header not counted
    Status status = Status::Ok;
    QString problem; // what is wrong, for a bad record
    QString raw;     // the record's text as read, for a bad record (capped for huge records)
    // A good record with bytes that are not valid in the file's encoding, kept in their fields
    // (TextEncoding::decodeChunk): the row source hands those fields over as bytes.
    bool undecodable = false;

    bool ok() const { return status == Status::Ok; }
    bool isNull(qsizetype column) const
    {
        return column < 0 || column >= fields.size() || fields.at(column).isNull();
    }

    // The problem as an Error whose place is "source:line".
    Error error(const QString &source) const
    {
        return Error(Error::Code::Parse, problem,
                     QStringLiteral("%1:%2").arg(source).arg(errorLine > 0 ? errorLine : line),
                     hint());
    }

    QString hint() const
    {
        switch (status) {
        case Status::Ok:
            return {};
        case Status::WrongFieldCount:
            return QStringLiteral("quote fields that contain the delimiter, or check the "
                                  "delimiter option");
        case Status::UnterminatedQuote:
            return QStringLiteral("close the quoted field, or double quotes inside it (\"\")");
        case Status::StrayQuote:
            return QStringLiteral("a quote inside a quoted field must be doubled (\"\")");
        case Status::InvalidEncoding:
            return QStringLiteral("set the encoding option, e.g. encoding=latin1 or "
                                  "encoding=windows-1252");
        }
        return {};
    }
};

} // namespace cutover
