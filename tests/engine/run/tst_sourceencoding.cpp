#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "PostgresServer.h"
#include "SqliteFile.h"
#include "VerifyOk.h"
#include "connect/SqlConnection.h"
#include "project/Project.h"
#include "run/target/TargetSessionFactory.h"
#include "source/RowSourceFactory.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::PostgresServer;
using cutover::test::SqliteFile;

namespace {

// Text values as a legacy database holds them, as bytes: a Windows-1252 en dash, an invalid
// sequence, a lone continuation byte, a leading byte order mark (valid UTF-8), ASCII and UTF-8.
const QList<QByteArray> kBytes = {QByteArray("Bob\x96"),
                                  QByteArray("Ren\xc3(e"),
                                  QByteArray("a\x80"
                                             "b"),
                                  QByteArray("\xef\xbb\xbfZoe"),
                                  QByteArray("Plain"),
                                  QByteArray("J\xc3\xbcrgen")};

// What a source must hand over for them: the text exactly where the bytes are UTF-8, else the
// bytes themselves (never U+FFFD, U+0096, or text without its U+FEFF).
QVariantList exactValues()
{
    return {QVariant(kBytes[0]),
            QVariant(kBytes[1]),
            QVariant(kBytes[2]),
            QVariant(QChar(0xfeff) + QStringLiteral("Zoe")),
            QVariant(QStringLiteral("Plain")),
            QVariant(QString::fromUtf8("J\xc3\xbcrgen"))};
}

// The same bytes decoded as Windows-1252.
QVariantList cp1252Values()
{
    return {QVariant(QStringLiteral("Bob") + QChar(0x2013)),
            QVariant(QStringLiteral("Ren") + QChar(0xc3) + QStringLiteral("(e")),
            QVariant(QStringLiteral("a") + QChar(0x20ac) + QStringLiteral("b")),
            QVariant(QString::fromUtf16(u"\u00ef\u00bb\u00bfZoe")),
            QVariant(QStringLiteral("Plain")),
            QVariant(QStringLiteral("J") + QChar(0xc3) + QChar(0xbc) + QStringLiteral("rgen"))};
}

QString hexOf(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

// A value and its type, so that a QString and a QByteArray of the same bytes differ.
QString shown(const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray)
        return QStringLiteral("bytes x'%1'").arg(hexOf(value.toByteArray()));
    return QStringLiteral("%1 '%2'").arg(QString::fromLatin1(value.metaType().name()),
                                         value.toString());
}

QStringList shownAll(const QVariantList &values)
{
    QStringList result;
    for (const QVariant &v : values)
        result.append(shown(v));
    return result;
}

ColumnMapping column(const QString &target, const QString &expression, const QString &encoding = {})
{
    ColumnMapping c;
    c.target = target;
    c.expression = expression;
    c.encoding = encoding;
    return c;
}

} // namespace

// Every source path hands over text exactly or as its bytes: SQLite files (which never check
// text), PostgreSQL (a SQL_ASCII database stores any bytes; Qt's driver drops a leading U+FEFF),
// MySQL (a latin1 table is converted by the server), CSV files, and the column mappings'
// encodings on top of them.
class TestSourceEncoding : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    FakePasswordProvider m_passwords;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;
    int m_files = 0;

    static Project project(const QString &sourceUrl, QList<ColumnMapping> columns = {})
    {
        Project p;
        p.name = QStringLiteral("encoding");
        p.connections = {{QStringLiteral("legacy"), sourceUrl, {}}};
        p.sourceConnection = QStringLiteral("legacy");
        TableMapping m;
        m.target = QStringLiteral("person");
        m.source = QStringLiteral("person");
        m.columns = std::move(columns);
        p.mappings = {m};
        return p;
    }

    // The `name` column of every row, in id order.
    Result<QVariantList> names(const Project &p, RowQuery query = {})
    {
        query.orderBy = {QStringLiteral("id")};
        auto source = RowSourceFactory::open(p, p.mappings.first(), query, &m_passwords);
        if (!source)
            return source.error();
        const qsizetype at = (*source)->columns().indexOf(QStringLiteral("name"));
        QVariantList values;
        for (;;) {
            auto batch = (*source)->next(2);
            if (!batch)
                return batch.error();
            if (batch->isEmpty())
                return values;
            for (const QVariantList &row : batch->rows)
                values.append(row.value(at));
        }
    }

    QString sqliteSource()
    {
        const QString path = m_root.filePath(QStringLiteral("legacy%1.sqlite").arg(++m_files));
        QStringList statements = {
            QStringLiteral("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT)")};
        for (int i = 0; i < kBytes.size(); ++i)
            statements.append(QStringLiteral("INSERT INTO person VALUES (%1, CAST(x'%2' AS TEXT))")
                                  .arg(i + 1)
                                  .arg(hexOf(kBytes[i])));
        const QString failed = SqliteFile::create(path, statements);
        if (!failed.isEmpty())
            qFatal("%s", qPrintable(failed));
        return QStringLiteral("sqlite:") + path;
    }

    QString postgresUrl(const QString &database, const QString &options = {})
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3%4")
            .arg(m_postgres->user())
            .arg(m_postgres->port())
            .arg(database, options);
    }

    bool startPostgres()
    {
        if (m_postgres)
            return true;
        if (!PostgresServer::whyUnavailable().isEmpty())
            return false;
        m_postgres = std::make_unique<PostgresServer>();
        if (auto started = m_postgres->start(); !started)
            qFatal("postgres: %s", qPrintable(started.error().toString()));
        for (const QString &db : {m_postgres->database(), QStringLiteral("legacy_ascii")})
            m_passwords.set(*ConnectionSpec::parse(postgresUrl(db)), m_postgres->password());
        return true;
    }

    bool startMariaDb()
    {
        if (m_mariadb)
            return true;
        if (!MariaDbServer::whyUnavailable().isEmpty())
            return false;
        m_mariadb = std::make_unique<MariaDbServer>();
        if (auto started = m_mariadb->start(); !started)
            qFatal("mariadb: %s", qPrintable(started.error().toString()));
        m_passwords.set(m_mariadb->spec(), m_mariadb->password());
        return true;
    }

    // Runs statements on a connection as the test user (the server's admin helper reaches only
    // the test database).
    void exec(const QString &url, const QStringList &statements)
    {
        auto spec = ConnectionSpec::parse(url);
        QVERIFY(spec);
        auto connection = SqlConnection::open(*spec, &m_passwords, SqlConnection::Mode::ReadWrite);
        VERIFY_OK(connection);
        for (const QString &sql : statements) {
            QSqlQuery query((*connection)->database());
            QVERIFY2(query.exec(sql),
                     qPrintable(sql + QStringLiteral(": ") + query.lastError().text()));
        }
    }

private Q_SLOTS:
    void sqliteTextArrivesExactlyOrAsItsBytes()
    {
        const Project p = project(sqliteSource());
        auto read = names(p);
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll(exactValues()));
    }

    // A SQLite target reads back alike (the ledger, lookups, a reconciliation's sample).
    void sqliteTargetReadsBackExactly()
    {
        auto spec = ConnectionSpec::parse(sqliteSource());
        VERIFY_OK(spec);
        auto session = TargetSessionFactory::open(*spec, &m_passwords);
        VERIFY_OK(session);
        auto rows = (*session)->query(QStringLiteral("SELECT name FROM person ORDER BY id"));
        VERIFY_OK(rows);
        QVariantList stored;
        for (const QVariantList &row : *rows)
            stored.append(row.value(0));
        QCOMPARE(shownAll(stored), shownAll(exactValues()));
    }

    // Rows fetched by key (a reconciliation's or a preview's second step, a retry) read alike.
    void sqliteRowsFetchedByKeyReadAlike()
    {
        const Project p = project(sqliteSource());
        RowQuery query;
        query.keyColumns = {QStringLiteral("id")};
        for (qint64 id = 1; id <= kBytes.size(); ++id)
            query.keyIn.append({QVariant(id)});
        auto read = names(p, query);
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll(exactValues()));
    }

    void sqliteConnectionEncodingDecodes()
    {
        const Project p = project(sqliteSource() + QStringLiteral("?encoding=cp1252"));
        auto read = names(p);
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll(cp1252Values()));

        // A decoded text finds its row again by key (a retry, a reconciliation's second step).
        RowQuery byKey;
        byKey.keyColumns = {QStringLiteral("name")};
        byKey.keyIn = {{cp1252Values()[0]}, {cp1252Values()[2]}};
        auto found = names(p, byKey);
        VERIFY_OK(found);
        QCOMPARE(shownAll(*found), shownAll({cp1252Values()[0], cp1252Values()[2]}));

        const auto unknown = names(project(sqliteSource() + QStringLiteral("?encoding=cp9999")));
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message().contains(QStringLiteral("unknown encoding 'cp9999'")),
                 qPrintable(unknown.error().toString()));
    }

    // A column mapping's encoding decodes the source columns its expression reads, for every
    // reader of the mapping.
    void columnEncodingDecodesWhatItsExpressionReads()
    {
        const ColumnMapping name = column(QStringLiteral("full_name"), QStringLiteral("trim(name)"),
                                          QStringLiteral("cp1252"));
        const Project p =
            project(sqliteSource(), {column(QStringLiteral("id"), QStringLiteral("id")), name});
        auto read = names(p);
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll(cp1252Values()));

        // Only some columns are read here: the encodings still come from the whole lineage.
        RowQuery some;
        some.columns = {QStringLiteral("id"), QStringLiteral("name")};
        auto fewer = names(p, some);
        VERIFY_OK(fewer);
        QCOMPARE(shownAll(*fewer), shownAll(cp1252Values()));

        const ColumnMapping other = column(QStringLiteral("display_name"),
                                           QStringLiteral("upper(name)"), QStringLiteral("latin1"));
        const auto conflict = names(project(sqliteSource(), {name, other}));
        QVERIFY(!conflict);
        QVERIFY2(conflict.error().message().contains(
                     QStringLiteral("source column 'name' is read as cp1252 by column "
                                    "'full_name' and as latin1 by column 'display_name'")),
                 qPrintable(conflict.error().toString()));
    }

    // A CSV file in the wrong encoding: its rows are not dropped, and the bytes that are not
    // UTF-8 arrive as bytes.
    void csvFieldsKeepTheirBytes()
    {
        const QString dir = m_root.filePath(QStringLiteral("csv"));
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/person.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray content = "\xef\xbb\xbfid,name\n"; // the file's byte order mark
        for (int i = 0; i < kBytes.size(); ++i)
            content += QByteArray::number(i + 1) + ',' + kBytes[i] + '\n';
        file.write(content);
        file.close();

        auto read = names(project(QStringLiteral("csv:") + dir));
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll(exactValues()));

        auto decoded =
            names(project(QStringLiteral("csv:") + dir + QStringLiteral("?encoding=windows-1252")));
        VERIFY_OK(decoded);
        QCOMPARE(shownAll(*decoded), shownAll(cp1252Values()));
    }

    // A record that cannot be read (UTF-16 with a lone surrogate, a wrong number of fields) is
    // no row to drop without a word: reading stops there with the file and the line.
    void csvRecordsThatCannotBeReadAreNotDropped_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("problem");
        QByteArray utf16 = QByteArray("\xff\xfe", 2);
        for (const char16_t c : u"id,name\n1,Ann\n2,")
            if (c)
                utf16 += QByteArray(reinterpret_cast<const char *>(&c), 2);
        utf16 += QByteArray("\x00\xd8", 2); // a lone high surrogate
        utf16 += QByteArray("\n\x00", 2);
        QTest::newRow("UTF-16") << utf16 << QStringLiteral("?encoding=utf-16")
                                << QStringLiteral("line 3 has bytes that are not valid UTF-16");
        QTest::newRow("field count") << QByteArray("id,name\n1,Ann\n2,Bob,extra\n3,Cy\n")
                                     << QString() << QStringLiteral("line 3 has 3 fields");
    }

    void csvRecordsThatCannotBeReadAreNotDropped()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, options);
        QFETCH(QString, problem);
        const QString dir = m_root.filePath(QStringLiteral("bad%1").arg(++m_files));
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/person.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const auto read = names(project(QStringLiteral("csv:") + dir + options));
        QVERIFY2(!read, read ? qPrintable(shownAll(*read).join(QLatin1Char(','))) : "");
        QVERIFY2(read.error().message().contains(problem), qPrintable(read.error().toString()));
        QCOMPARE(read.error().where(), file.fileName() + QStringLiteral(":3"));
    }

    // A SQL_ASCII database stores any bytes: they arrive exactly, or decoded by the connection's
    // encoding; a char(n) keeps its padding.
    void postgresSqlAsciiDatabase()
    {
        if (!startPostgres())
            QSKIP("no PostgreSQL server");
        VERIFY_OK(m_postgres->execAsAdmin(
            {QStringLiteral("CREATE DATABASE legacy_ascii OWNER cutover ENCODING 'SQL_ASCII' "
                            "LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")}));
        QStringList statements = {
            QStringLiteral("CREATE TABLE person (id integer PRIMARY KEY, name text, "
                           "code varchar(20), fixed char(8))")};
        for (int i = 0; i < kBytes.size(); ++i)
            statements.append(
                QStringLiteral("INSERT INTO person VALUES (%1, convert_from('\\x%2'::bytea, "
                               "'SQL_ASCII'), convert_from('\\x%2'::bytea, 'SQL_ASCII'), 'ab')")
                    .arg(i + 1)
                    .arg(hexOf(kBytes[i])));
        exec(postgresUrl(QStringLiteral("legacy_ascii")), statements);

        const Project p = project(postgresUrl(QStringLiteral("legacy_ascii")));
        auto read = names(p);
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll(exactValues()));

        auto source = RowSourceFactory::open(p, p.mappings.first(), {}, &m_passwords);
        VERIFY_OK(source);
        auto batch = (*source)->next(1);
        VERIFY_OK(batch);
        QCOMPARE(shownAll(batch->rows.first()),
                 shownAll({QVariant(qint64(1)), QVariant(kBytes[0]), QVariant(kBytes[0]),
                           QVariant(QStringLiteral("ab      "))}));

        auto decoded = names(project(
            postgresUrl(QStringLiteral("legacy_ascii"), QStringLiteral("?encoding=cp1252"))));
        VERIFY_OK(decoded);
        QCOMPARE(shownAll(*decoded), shownAll(cp1252Values()));
    }

    // A UTF8 database checks its text; Qt's driver and QString::fromUtf8 alone would drop the
    // leading U+FEFF. Its own encoding is declared, so an encoding option is refused rather than
    // ignored.
    void postgresUtf8DatabaseKeepsALeadingByteOrderMark()
    {
        if (!startPostgres())
            QSKIP("no PostgreSQL server");
        VERIFY_OK(m_postgres->execAsAdmin(
            {QStringLiteral("CREATE TABLE person (id integer PRIMARY KEY, name text)"),
             QStringLiteral("INSERT INTO person VALUES (4, E'\\uFEFFZoe'), (6, 'J\u00fcrgen')"),
             QStringLiteral("GRANT SELECT ON person TO cutover")}));
        auto read = names(project(m_postgres->url()));
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll({exactValues()[3], exactValues()[5]}));

        // As a target, read back through libpq (the ledger, reconciliation's lookups): alike.
        auto session = TargetSessionFactory::open(m_postgres->spec(), &m_passwords);
        VERIFY_OK(session);
        auto rows = (*session)->query(QStringLiteral("SELECT name FROM person ORDER BY id"));
        VERIFY_OK(rows);
        QVariantList stored;
        for (const QVariantList &row : *rows)
            stored.append(row.value(0));
        QCOMPARE(shownAll(stored), shownAll({exactValues()[3], exactValues()[5]}));

        const auto refused = names(project(m_postgres->url(QStringLiteral("encoding=cp1252"))));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("UTF8")),
                 qPrintable(refused.error().toString()));
    }

    // MySQL converts a latin1 column (its latin1 is cp1252, with the five unassigned bytes as
    // C1 controls) to the connection's utf8mb4: nothing is lost or replaced with '?'.
    void mariadbLatin1TableAndByteOrderMark()
    {
        if (!startMariaDb())
            QSKIP("no MariaDB server");
        VERIFY_OK(m_mariadb->execAsAdmin(
            {QStringLiteral("CREATE TABLE person (id int PRIMARY KEY, name varchar(20) "
                            "CHARACTER SET latin1, note text CHARACTER SET utf8mb4)"),
             QStringLiteral(
                 "INSERT INTO person VALUES (1, _latin1 x'426f6296', NULL), "
                 "(2, _latin1 x'618162', NULL), (4, 'Zoe', _utf8mb4 x'efbbbf5a6f65')")}));
        const Project p = project(m_mariadb->url());
        auto read = names(p);
        VERIFY_OK(read);
        QCOMPARE(shownAll(*read), shownAll({cp1252Values()[0], QVariant(QStringLiteral("a\u0081b")),
                                            QVariant(QStringLiteral("Zoe"))}));
        auto source = RowSourceFactory::open(p, p.mappings.first(), {}, &m_passwords);
        VERIFY_OK(source);
        auto batch = (*source)->next(3);
        VERIFY_OK(batch);
        QCOMPARE(shown(batch->rows.last().value(2)), shown(exactValues()[3]));

        const auto refused = names(project(m_mariadb->url(QStringLiteral("encoding=cp1252"))));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("character set")),
                 qPrintable(refused.error().toString()));
    }

    void cleanupTestCase()
    {
        m_postgres.reset();
        m_mariadb.reset();
    }
};

QTEST_GUILESS_MAIN(TestSourceEncoding)
#include "tst_sourceencoding.moc"
