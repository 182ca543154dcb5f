#include "connect/csv/CsvOptions.h"
#include "connect/csv/CsvReader.h"
#include "core/TextEncoding.h"

#include <QBuffer>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

struct ReadResult
{
    QStringList columns;
    QList<CsvRecord> records;
    QString openError;
};

ReadResult readAll(const QByteArray &bytes, const CsvOptions &options = {})
{
    ReadResult result;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(options);
    if (auto ok = reader.open(&buffer, QStringLiteral("test.csv")); !ok) {
        result.openError = ok.error().toString();
        return result;
    }
    result.columns = reader.columnNames();
    CsvRecord record;
    while (reader.readRecord(record))
        result.records.append(record);
    return result;
}

// The error of a result as text, or nothing when it succeeded (QVERIFY2 evaluates its message
// even when the check passes).
template <typename T>
QString errorText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

CsvOptions optionsFrom(const QMap<QString, QString> &map)
{
    auto options = CsvOptions::fromMap(map);
    if (!options)
        qFatal("bad options in test: %s", qPrintable(options.error().toString()));
    return options.value();
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("LF") << QByteArray("id,name\n1,Ann\n2,Bob\n");
        QTest::newRow("CRLF") << QByteArray("id,name\r\n1,Ann\r\n2,Bob\r\n");
        QTest::newRow("no final line end") << QByteArray("id,name\n1,Ann\n2,Bob");
        QTest::newRow("CRLF, no final line end") << QByteArray("id,name\r\n1,Ann\r\n2,Bob");
        QTest::newRow("lone CR") << QByteArray("id,name\r1,Ann\r2,Bob\r");
        QTest::newRow("blank lines") << QByteArray("id,name\n\n1,Ann\n\r\n2,Bob\n\n\n");
    }
    void lineEndings()
    {
        QFETCH(QByteArray, bytes);
        const ReadResult r = readAll(bytes);
        QCOMPARE(r.columns, QStringList({"id", "name"}));
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records[0].fields, QStringList({"1", "Ann"}));
        QCOMPARE(r.records[1].fields, QStringList({"2", "Bob"}));
        QVERIFY(r.records[0].ok());
        QVERIFY(r.records[1].ok());
        QCOMPARE(r.records[0].number, 1);
        QCOMPARE(r.records[1].number, 2);
    }

    void quotedFields()
    {
        const ReadResult r = readAll("id,note,tail\n"
                                     "1,\"a, b\",x\n"
                                     "2,\"say \"\"hi\"\"\",y\n"
                                     "3,\"two\nlines\",z\n"
                                     "4,\"crlf\r\ninside\",w\r\n"
                                     "5,\"\",\n"
                                     "6,5\" pipe,v\n");
        QCOMPARE(r.records.size(), 6);
        for (const CsvRecord &record : r.records)
            QVERIFY2(record.ok(), qPrintable(record.problem));
        QCOMPARE(r.records[0].fields.at(1), QStringLiteral("a, b"));
        QCOMPARE(r.records[1].fields.at(1), QStringLiteral("say \"hi\""));
        QCOMPARE(r.records[2].fields.at(1), QStringLiteral("two\nlines"));
        QCOMPARE(r.records[3].fields.at(1), QStringLiteral("crlf\r\ninside"));
        QCOMPARE(r.records[3].fields.at(2), QStringLiteral("w"));
        // Physical lines: the embedded line breaks move later records down.
        QCOMPARE(r.records[0].line, 2);
        QCOMPARE(r.records[1].line, 3);
        QCOMPARE(r.records[2].line, 4);
        QCOMPARE(r.records[3].line, 6);
        QCOMPARE(r.records[4].line, 8);
        QCOMPARE(r.records[5].line, 9);
        // A quote inside an unquoted field is kept as text.
        QCOMPARE(r.records[5].fields.at(1), QStringLiteral("5\" pipe"));
    }

    void nullAndEmpty()
    {
        // Default: an unquoted empty field is NULL, a quoted "" is an empty string.
        ReadResult r = readAll("a,b,c\n,\"\",x\n");
        QCOMPARE(r.records.size(), 1);
        QVERIFY(r.records[0].fields.at(0).isNull());
        QVERIFY(r.records[0].isNull(0));
        QVERIFY(!r.records[0].fields.at(1).isNull());
        QVERIFY(r.records[0].fields.at(1).isEmpty());
        QVERIFY(!r.records[0].isNull(2));

        // null=NULL: only an unquoted NULL is NULL; empty fields are empty strings.
        r = readAll("a,b,c\nNULL,\"NULL\",\n", optionsFrom({{"null", "NULL"}}));
        QCOMPARE(r.records.size(), 1);
        QVERIFY(r.records[0].fields.at(0).isNull());
        QCOMPARE(r.records[0].fields.at(1), QStringLiteral("NULL"));
        QVERIFY(!r.records[0].fields.at(2).isNull());
        QVERIFY(r.records[0].fields.at(2).isEmpty());

        // A trailing delimiter makes a last, empty field.
        r = readAll("a,b\n1,\n");
        QCOMPARE(r.records[0].fields.size(), 2);
        QVERIFY(r.records[0].ok());
    }

    void wrongFieldCountIsReportedAndReadingGoesOn()
    {
        const ReadResult r = readAll("id,name,age\n1,Ann,30\n2,Bob\n3,Cy,40,extra\n4,Di,50\n");
        QCOMPARE(r.records.size(), 4);
        QVERIFY(r.records[0].ok());
        QCOMPARE(r.records[1].status, CsvRecord::Status::WrongFieldCount);
        QCOMPARE(r.records[1].line, 3);
        QCOMPARE(r.records[1].raw, QStringLiteral("2,Bob"));
        QVERIFY(r.records[1].problem.contains("line 3"));
        QVERIFY(r.records[1].problem.contains("2 fields, expected 3"));
        QCOMPARE(r.records[1].error("test.csv").where(), QStringLiteral("test.csv:3"));
        QCOMPARE(r.records[1].error("test.csv").code(), Error::Code::Parse);
        QCOMPARE(r.records[2].status, CsvRecord::Status::WrongFieldCount);
        QCOMPARE(r.records[2].line, 4);
        QVERIFY(r.records[3].ok());
        QCOMPARE(r.records[3].fields, QStringList({"4", "Di", "50"}));
        QCOMPARE(r.records[3].number, 4);
    }

    void unterminatedQuoteReportsWhereTheFieldStarted()
    {
        const ReadResult r = readAll("id,note\n1,ok\n2,\"never\nclosed\n3,x\n");
        QCOMPARE(r.records.size(), 2);
        QVERIFY(r.records[0].ok());
        const CsvRecord &bad = r.records[1];
        QCOMPARE(bad.status, CsvRecord::Status::UnterminatedQuote);
        QCOMPARE(bad.line, 3);
        QCOMPARE(bad.errorLine, 3);
        QVERIFY(bad.problem.contains("line 3"));
        QCOMPARE(bad.error("f.csv").where(), QStringLiteral("f.csv:3"));
        QVERIFY(bad.raw.startsWith("2,\"never"));
    }

    void strayQuote()
    {
        const ReadResult r = readAll("a,b\n\"x\"y,1\n2,3\n");
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records[0].status, CsvRecord::Status::StrayQuote);
        QCOMPARE(r.records[0].errorLine, 2);
        QCOMPARE(r.records[0].fields.size(), 2); // the record still splits where it should
        QVERIFY(r.records[1].ok());
        QCOMPARE(r.records[1].fields, QStringList({"2", "3"}));
    }

    void headerHandling()
    {
        ReadResult r = readAll("1,2,3\n4,5,6\n", optionsFrom({{"header", "false"}}));
        QCOMPARE(r.columns, QStringList({"column_1", "column_2", "column_3"}));
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records[0].fields, QStringList({"1", "2", "3"}));
        QCOMPARE(r.records[0].line, 1);
        QCOMPARE(r.records[0].number, 1);

        r = readAll(" id ,,name,name,\"na,me\"\n1,2,3,4,5\n");
        QCOMPARE(r.columns, QStringList({"id", "column_2", "name", "name_2", "na,me"}));

        r = readAll("");
        QVERIFY(r.openError.isEmpty());
        QVERIFY(r.columns.isEmpty());
        QVERIFY(r.records.isEmpty());

        r = readAll("id,name\n");
        QCOMPARE(r.columns.size(), 2);
        QVERIFY(r.records.isEmpty());

        r = readAll("id,\"name\n");
        QVERIFY(r.openError.contains("test.csv:1"));
        QVERIFY(r.openError.contains("header"));
    }

    void delimiters_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("semicolon") << ";" << QByteArray("a;b\n1,5;x\n");
        QTest::newRow("tab word") << "tab" << QByteArray("a\tb\n1,5\tx\n");
        QTest::newRow("backslash t") << "\\t" << QByteArray("a\tb\n1,5\tx\n");
        QTest::newRow("pipe") << "|" << QByteArray("a|b\n1,5|x\n");
    }
    void delimiters()
    {
        QFETCH(QString, option);
        QFETCH(QByteArray, bytes);
        const ReadResult r = readAll(bytes, optionsFrom({{"delimiter", option}}));
        QCOMPARE(r.columns, QStringList({"a", "b"}));
        QCOMPARE(r.records.size(), 1);
        QCOMPARE(r.records[0].fields, QStringList({"1,5", "x"}));
    }

    void otherQuote()
    {
        ReadResult r = readAll("a,b\n'x,y',\"z\"\n", optionsFrom({{"quote", "'"}}));
        QCOMPARE(r.records[0].fields, QStringList({"x,y", "\"z\""}));
        r = readAll("a,b\n\"x\",y\n", optionsFrom({{"quote", "none"}}));
        QCOMPARE(r.records[0].fields, QStringList({"\"x\"", "y"}));
    }

    void encodings()
    {
        // UTF-8 with a byte order mark: the BOM is not part of the first column's name.
        ReadResult r = readAll("\xEF\xBB\xBFid,name\n1,M\xC3\xBCller\n");
        QCOMPARE(r.columns.first(), QStringLiteral("id"));
        QCOMPARE(r.records[0].fields.at(1), QStringLiteral("Müller"));

        r = readAll("id,name\n1,M\xFCller\n", optionsFrom({{"encoding", "latin1"}}));
        QCOMPARE(r.records[0].fields.at(1), QStringLiteral("Müller"));
        r = readAll("id,name\n1,M\xFCller\n", optionsFrom({{"encoding", "ISO-8859-1"}}));
        QCOMPARE(r.records[0].fields.at(1), QStringLiteral("Müller"));

        // windows-1252 comes from Qt's ICU backend; 0x80 is the euro sign there.
        if (QStringDecoder("windows-1252").isValid()) {
            r = readAll("id,price\n1,5\x80\n", optionsFrom({{"encoding", "windows-1252"}}));
            QCOMPARE(r.records[0].fields.at(1), QStringLiteral("5€"));
        }

        // UTF-16 with a BOM is recognised even without the option.
        QStringEncoder toUtf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        const QByteArray utf16 = toUtf16.encode(QStringLiteral("id;name\n1;Ærø\n"));
        r = readAll(utf16, optionsFrom({{"delimiter", ";"}}));
        QCOMPARE(r.columns, QStringList({"id", "name"}));
        QCOMPARE(r.records[0].fields.at(1), QStringLiteral("Ærø"));
        r = readAll(utf16, optionsFrom({{"delimiter", ";"}, {"encoding", "utf-16"}}));
        QCOMPARE(r.records[0].fields.at(1), QStringLiteral("Ærø"));

        // Latin-1 bytes read as UTF-8: the record is read with the byte kept as an escape that
        // gives the field's bytes back exactly (the row source hands them over as bytes, which a
        // text column refuses with them in hex), never as U+FFFD.
        r = readAll("id,name\n1,Ann\n2,M\xFCller\n3,Bob\n");
        QCOMPARE(r.records.size(), 3);
        QVERIFY(r.records[0].ok());
        QVERIFY(r.records[1].ok());
        QVERIFY(!r.records[1].fields.at(1).contains(QChar::ReplacementCharacter));
        QCOMPARE(TextEncoding().escapedBytes(r.records[1].fields.at(1)), QByteArray("M\xFCller"));
        QVERIFY(r.records[1].undecodable);
        QVERIFY(!r.records[0].undecodable && !r.records[2].undecodable);
        QVERIFY(r.records[2].ok());
    }

    void multiByteCharacterAcrossChunkBoundary()
    {
        // The reader decodes 64 KiB chunks: put the two bytes of ü on either side of a boundary.
        QByteArray bytes = "name\n";
        bytes += QByteArray(65536 - 1 - bytes.size(), 'a');
        bytes += "\xC3\xBC\n\"x\n\"\n";
        QCOMPARE(bytes.indexOf('\xC3'), 65535);
        const ReadResult r = readAll(bytes);
        QCOMPARE(r.records.size(), 2);
        QVERIFY(r.records[0].ok());
        QVERIFY(r.records[0].fields.at(0).endsWith(QStringLiteral("aü")));
        QCOMPARE(r.records[1].fields.at(0), QStringLiteral("x\n"));
        QCOMPARE(r.records[1].line, 3);
    }

    void batchesOfALargeFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("big.csv");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,name,note\n");
        const int rows = 25000;
        for (int i = 1; i <= rows; ++i) {
            if (i == 12345)
                file.write("bad row\n");
            file.write(QStringLiteral("%1,Jürgen %1,\"multi\nline, %1\"\n").arg(i).toUtf8());
        }
        file.close();

        CsvReader reader;
        QVERIFY(reader.open(path));
        qint64 good = 0;
        qint64 batches = 0;
        QList<CsvRecord> bad;
        for (;;) {
            auto batch = reader.readBatch(1000);
            QVERIFY(batch.ok());
            if (batch->isEmpty())
                break;
            QVERIFY(batch->size() <= 1000);
            ++batches;
            for (const CsvRecord &record : *batch) {
                if (!record.ok()) {
                    bad.append(record);
                    continue;
                }
                ++good;
                QCOMPARE(record.fields.at(0).toLongLong(), good);
                QCOMPARE(record.fields.at(2), QStringLiteral("multi\nline, %1").arg(good));
            }
        }
        QCOMPARE(good, rows);
        QCOMPARE(batches, 26);
        QCOMPARE(reader.recordsRead(), rows + 1);
        QCOMPARE(bad.size(), 1);
        QCOMPARE(bad[0].raw, QStringLiteral("bad row"));
        QCOMPARE(bad[0].line, 2 + 2 * 12344);
        QVERIFY(!reader.hasError());
    }

    void missingFile()
    {
        CsvReader reader;
        auto ok = reader.open(QStringLiteral("/nonexistent/folder/x.csv"));
        QVERIFY(!ok);
        QCOMPARE(ok.error().code(), Error::Code::Io);
        QCOMPARE(ok.error().where(), QStringLiteral("/nonexistent/folder/x.csv"));
    }

    void options_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("header true") << "header"
                                     << "true" << true;
        QTest::newRow("header no") << "header"
                                   << "no" << true;
        QTest::newRow("header bad") << "header"
                                    << "maybe" << false;
        QTest::newRow("delimiter ;") << "delimiter"
                                     << ";" << true;
        QTest::newRow("delimiter tab") << "delimiter"
                                       << "TAB" << true;
        QTest::newRow("delimiter two chars") << "delimiter"
                                             << ";;" << false;
        QTest::newRow("delimiter letter") << "delimiter"
                                          << "x" << false;
        QTest::newRow("delimiter empty") << "delimiter"
                                         << "" << false;
        QTest::newRow("delimiter = quote") << "delimiter"
                                           << "\"" << false;
        QTest::newRow("quote ') ") << "quote"
                                   << "'" << true;
        QTest::newRow("quote two chars") << "quote"
                                         << "''" << false;
        QTest::newRow("encoding utf-8") << "encoding"
                                        << "UTF-8" << true;
        QTest::newRow("encoding latin1") << "encoding"
                                         << "latin1" << true;
        QTest::newRow("encoding utf-16le") << "encoding"
                                           << "utf-16le" << true;
        QTest::newRow("encoding bogus") << "encoding"
                                        << "klingon-42" << false;
        QTest::newRow("sample 10") << "sample"
                                   << "10" << true;
        QTest::newRow("sample 0") << "sample"
                                  << "0" << false;
        QTest::newRow("sample text") << "sample"
                                     << "many" << false;
        QTest::newRow("null") << "null"
                              << "\\N" << true;
        QTest::newRow("unknown") << "delimeter"
                                 << ";" << false;
    }
    void options()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const auto options = CsvOptions::fromMap({{name, value}}, QStringLiteral("csv:/data"));
        QCOMPARE(options.ok(), valid);
        if (!valid) {
            QCOMPARE(options.error().code(), Error::Code::Usage);
            QVERIFY2(options.error().toString().contains(name),
                     qPrintable(options.error().toString()));
            QVERIFY(!options.error().hint().isEmpty()); // the allowed values
        }
    }

    void optionsFromSpecAndTsvDefault()
    {
        auto spec = ConnectionSpec::parse(
            QStringLiteral("csv:/data?delimiter=;&quote='&encoding=latin1&header=false&sample=5"
                           "&null=NULL"));
        QVERIFY(spec.ok());
        auto options = CsvOptions::fromSpec(spec.value());
        QVERIFY2(options.ok(), qPrintable(errorText(options)));
        QCOMPARE(options->delimiter(), QChar(';'));
        QCOMPARE(options->quote(), QChar('\''));
        QCOMPARE(options->encoding(), QStringLiteral("latin1"));
        QCOMPARE(options->header(), false);
        QCOMPARE(options->sampleRows(), 5);
        QCOMPARE(options->nullText(), QStringLiteral("NULL"));
        QCOMPARE(options->forFile("x.tsv").delimiter(), QChar(';')); // explicit wins

        const CsvOptions defaults;
        QCOMPARE(defaults.delimiter(), QChar(','));
        QCOMPARE(defaults.forFile("x.tsv").delimiter(), QChar('\t'));
        QCOMPARE(defaults.forFile("x.TSV").delimiter(), QChar('\t'));
        QCOMPARE(defaults.forFile("x.csv").delimiter(), QChar(','));
        QCOMPARE(defaults.encoding(), QStringLiteral("utf-8"));
        QCOMPARE(defaults.sampleRows(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
