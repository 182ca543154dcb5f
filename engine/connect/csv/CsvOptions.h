#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QByteArray>
#include <QChar>
#include <QMap>
#include <QString>
#include <QStringDecoder>

namespace cutover {

// How the files of a CSV folder connection are read, parsed and validated from the options of a
// csv:DIR?name=value&... connection:
//   header    true|false               first record holds the column names (default true)
//   delimiter , ; | tab \t or one char  field separator (default ",", "\t" for *.tsv files)
//   quote     one char, or none         quote character (default ")
//   encoding  utf-8 utf-16[le|be] latin1 windows-1252 ... (default utf-8; a BOM is skipped)
//   sample    positive integer           records used to infer column types (default 1000)
//   null      text                       an unquoted field equal to it is NULL (default: the
//                                        empty field; a quoted "" stays an empty string)
class CsvOptions
{
public:
    CsvOptions() = default;

    // Options from a connection's query string; an unknown option or a bad value is an Error
    // naming the option and the values it allows.
    static Result<CsvOptions> fromSpec(const ConnectionSpec &spec);
    static Result<CsvOptions> fromMap(const QMap<QString, QString> &options,
                                      const QString &where = {});

    // The options for one file of the folder: a *.tsv file is tab-separated unless the
    // connection names a delimiter.
    CsvOptions forFile(const QString &fileName) const;

    bool header() const { return m_header; }
    QChar delimiter() const { return m_delimiter; }
    // The quote character; a null QChar when quoting is off.
    QChar quote() const { return m_quote; }
    // Canonical encoding name, e.g. "utf-8", "latin1", "windows-1252".
    const QString &encoding() const { return m_encoding; }
    // True when the connection named the encoding (otherwise a UTF-16/32 BOM may override it).
    bool encodingExplicit() const { return m_encodingExplicit; }
    int sampleRows() const { return m_sampleRows; }
    const QString &nullText() const { return m_nullText; }

    void setHeader(bool header) { m_header = header; }
    void setDelimiter(QChar delimiter)
    {
        m_delimiter = delimiter;
        m_delimiterExplicit = true;
    }
    void setQuote(QChar quote) { m_quote = quote; }
    // Returns an Error when Qt has no converter for the name.
    Result<void> setEncoding(const QString &name);
    void setSampleRows(int rows) { m_sampleRows = rows; }
    void setNullText(const QString &text) { m_nullText = text; }

    // A fresh decoder for the encoding (valid: the name was checked when it was set).
    QStringDecoder makeDecoder() const;

private:
    bool m_header = true;
    QChar m_delimiter = QLatin1Char(',');
    bool m_delimiterExplicit = false;
    QChar m_quote = QLatin1Char('"');
    QString m_encoding = QStringLiteral("utf-8");
    bool m_encodingExplicit = false;
    int m_sampleRows = 1000;
    QString m_nullText;
};

} // namespace cutover
