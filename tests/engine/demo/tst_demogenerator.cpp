#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "transform/functions/FunctionCatalog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

constexpr qint64 kRows = 200;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A QSQLITE connection of its own, removed again when it goes out of scope.
class SqliteFile
{
public:
    explicit SqliteFile(const QString &path)
        : m_name(QStringLiteral("demo-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~SqliteFile()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // The first column of the first row, or -1 on an error.
    qint64 scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            qWarning() << sql << query.lastError().text();
            return -1;
        }
        return query.value(0).toLongLong();
    }
    bool exec(const QString &sql, QString *error = nullptr) const
    {
        QSqlQuery query(db());
        const bool ok = query.exec(sql);
        if (error)
            *error = query.lastError().text();
        return ok;
    }
    QStringList columns(const QString &table) const
    {
        QStringList names;
        QSqlQuery query(db());
        query.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table));
        while (query.next())
            names << query.value(0).toString();
        return names;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_demo; // one demo of kRows patients, shared by the read-only checks

    static Result<QList<DemoGenerator::File>> generate(const QString &dir, qint64 rows,
                                                       quint64 seed)
    {
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = rows;
        options.seed = seed;
        return DemoGenerator::generate(options);
    }
    QString source() const { return m_demo + QStringLiteral("/legacy.sqlite"); }
    QString target() const { return m_demo + QStringLiteral("/modern.sqlite"); }
    QString project() const { return m_demo + QStringLiteral("/demo.cutover"); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_demo = m_root.filePath(QStringLiteral("demo"));
        auto files = generate(m_demo, kRows, 7);
        QVERIFY2(files.ok(), qPrintable(files.ok() ? QString() : files.error().toString()));
        QCOMPARE(files->size(), 3);
        for (const DemoGenerator::File &file : *files) {
            QVERIFY(QFileInfo::exists(file.path));
            QVERIFY(!file.replaced);
        }
    }

    void sameSeedSameBytes()
    {
        const QString other = m_root.filePath(QStringLiteral("same"));
        QVERIFY(generate(other, kRows, 7).ok());
        for (const QString &name :
             {QStringLiteral("legacy.sqlite"), QStringLiteral("modern.sqlite"),
              QStringLiteral("demo.cutover")}) {
            const QByteArray a = readAll(m_demo + QLatin1Char('/') + name);
            QVERIFY2(!a.isEmpty(), qPrintable(name));
            QVERIFY2(a == readAll(other + QLatin1Char('/') + name), qPrintable(name));
        }
    }

    void differentSeedDifferentSource()
    {
        const QString other = m_root.filePath(QStringLiteral("seed8"));
        QVERIFY(generate(other, kRows, 8).ok());
        QVERIFY(readAll(source()) != readAll(other + QStringLiteral("/legacy.sqlite")));
        QCOMPARE(readAll(target()), readAll(other + QStringLiteral("/modern.sqlite")));
    }

    void replacesDemoFilesKeepsOthers()
    {
        const QString dir = m_root.filePath(QStringLiteral("replace"));
        QVERIFY(QDir().mkpath(dir));
        QFile notes(dir + QStringLiteral("/notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("keep me");
        notes.close();
        QVERIFY(generate(dir, 20, 1).ok());
        auto again = generate(dir, 30, 1);
        QVERIFY(again.ok());
        for (const DemoGenerator::File &file : *again)
            QVERIFY(file.replaced);
        QCOMPARE(readAll(dir + QStringLiteral("/notes.txt")), QByteArray("keep me"));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), 4);
        SqliteFile legacy(dir + QStringLiteral("/legacy.sqlite"));
        QCOMPARE(legacy.scalar(QStringLiteral("SELECT count(*) FROM PATIENTS")), 30);
    }

    void countsScaleWithRows_data()
    {
        QTest::addColumn<qint64>("rows");
        QTest::newRow("100") << qint64(100);
        QTest::newRow("1000") << qint64(1000);
    }

    void countsScaleWithRows()
    {
        QFETCH(qint64, rows);
        const QString dir = m_root.filePath(QStringLiteral("scale-%1").arg(rows));
        auto files = generate(dir, rows, 3);
        QVERIFY(files.ok());
        SqliteFile db(dir + QStringLiteral("/legacy.sqlite"));
        QVERIFY(db.isOpen());
        const qint64 patients = db.scalar(QStringLiteral("SELECT count(*) FROM PATIENTS"));
        const qint64 practitioners =
            db.scalar(QStringLiteral("SELECT count(*) FROM Practitioners"));
        const qint64 encounters = db.scalar(QStringLiteral("SELECT count(*) FROM ENCOUNTERS"));
        const qint64 observations = db.scalar(QStringLiteral("SELECT count(*) FROM obs"));
        const qint64 invoices = db.scalar(QStringLiteral("SELECT count(*) FROM tblInvoice"));
        QCOMPARE(patients, rows);
        QCOMPARE(practitioners, std::max<qint64>(5, rows / 50));
        QVERIFY2(encounters > 2.5 * rows && encounters < 3.5 * rows,
                 qPrintable(QString::number(encounters)));
        QVERIFY(observations > 3.5 * encounters && observations < 4.5 * encounters);
        QVERIFY(invoices > 0.85 * encounters && invoices < 1.15 * encounters);
        // The counts the generator reports are the counts in the file.
        QCOMPARE(files->first().tables.at(2).table, QStringLiteral("PATIENTS"));
        QCOMPARE(files->first().tables.at(3).rows, encounters);
        QCOMPARE(files->first().tables.at(4).rows, observations);
        QCOMPARE(files->first().tables.at(5).rows, invoices);
    }

    void dirtIsPresent_data()
    {
        QTest::addColumn<QString>("sql");
        const auto row = [](const char *name, const char *where, const char *from = "PATIENTS") {
            QTest::newRow(name) << QStringLiteral("SELECT count(*) FROM %1 WHERE %2")
                                       .arg(QString::fromUtf8(from), QString::fromUtf8(where));
        };
        row("name whitespace", "PAT_NAME <> trim(PAT_NAME) OR PAT_NAME LIKE '%  %'");
        row("name upper case", "PAT_NAME = upper(PAT_NAME) AND PAT_NAME <> lower(PAT_NAME)");
        row("name lower case", "PAT_NAME = lower(PAT_NAME) AND PAT_NAME <> upper(PAT_NAME)");
        row("name non-ASCII", "PAT_NAME GLOB '*[^ -~]*'");
        row("name NULL (required)", "PAT_NAME IS NULL");
        row("dob ISO", "DOB GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'");
        row("dob dd.MM.yyyy", "DOB GLOB '[0-3][0-9].[01][0-9].[12][0-9][0-9][0-9]'");
        row("dob MM/dd/yyyy", "DOB GLOB '[01][0-9]/[0-3][0-9]/[12][0-9][0-9][0-9]'");
        row("dob d MMM yyyy", "DOB GLOB '*[0-9] [A-Z][a-z][a-z] [12][0-9][0-9][0-9]'");
        row("dob NULL (required)", "DOB IS NULL");
        row("dob placeholder", "DOB = '01.01.1900'");
        row("email duplicate", "lower(trim(EMAIL)) IN (SELECT lower(trim(EMAIL)) FROM PATIENTS "
                               "WHERE trim(EMAIL) <> '' GROUP BY 1 HAVING count(*) > 1)");
        row("email messy", "EMAIL <> lower(trim(EMAIL))");
        row("email invalid", "EMAIL NOT LIKE '_%@_%._%' AND trim(EMAIL) <> ''");
        row("email missing", "EMAIL IS NULL OR trim(EMAIL) = ''");
        row("created zero date", "CREATED = '0000-00-00 00:00:00'");
        row("patient status retired",
            "STATUS IN (SELECT CODE FROM STATUS_CODES WHERE RETIRED = 'Y')");
        row("encounter status retired",
            "STATUS IN (SELECT CODE FROM STATUS_CODES WHERE RETIRED = 'Y')", "ENCOUNTERS");
        row("encounter status messy", "STATUS <> upper(trim(STATUS))", "ENCOUNTERS");
        row("visit in DST gap",
            "substr(VISIT_TS, 6, 2) = '03' AND substr(VISIT_TS, 12, 2) = '02' AND "
            "strftime('%w', substr(VISIT_TS, 1, 10)) = '0' AND substr(VISIT_TS, 9, 2) > '24'",
            "ENCOUNTERS");
        row("visit in DST overlap",
            "substr(VISIT_TS, 6, 2) = '10' AND substr(VISIT_TS, 12, 2) = '02' AND "
            "strftime('%w', substr(VISIT_TS, 1, 10)) = '0' AND substr(VISIT_TS, 9, 2) > '24'",
            "ENCOUNTERS");
        row("created in DST gap",
            "substr(CREATED, 6, 2) = '03' AND substr(CREATED, 12, 2) = '02' AND "
            "strftime('%w', substr(CREATED, 1, 10)) = '0' AND substr(CREATED, 9, 2) > '24'");
        row("visit NULL (required)", "VISIT_TS IS NULL", "ENCOUNTERS");
        row("orphaned patient reference",
            "NOT EXISTS (SELECT 1 FROM PATIENTS p WHERE p.PAT_ID = ENCOUNTERS.PAT_ID_FK)",
            "ENCOUNTERS");
        row("unknown doctor", "DOC_ID_FK = 0", "ENCOUNTERS");
        row("money as REAL", "typeof(COPAY) = 'real' AND COPAY <> round(COPAY)", "ENCOUNTERS");
        row("copay negative", "COPAY < 0", "ENCOUNTERS");
        row("money grouped with comma decimals", "Total GLOB '*[0-9].[0-9][0-9][0-9],[0-9][0-9]'",
            "tblInvoice");
        row("money comma decimals", "Total GLOB '*[0-9],[0-9][0-9]*'", "tblInvoice");
        row("money euro sign", "Total LIKE '€ %' OR Total LIKE '% €'", "tblInvoice");
        row("money currency code", "Total LIKE 'EUR %'", "tblInvoice");
        row("money plain text", "typeof(Total) = 'text' AND Total GLOB '[0-9]*.[0-9][0-9]'",
            "tblInvoice");
        row("money blank (required)", "trim(Total) = ''", "tblInvoice");
        row("money negative", "Total LIKE '-%'", "tblInvoice");
        row("currency missing", "Currency IS NULL OR Currency = ''", "tblInvoice");
        row("observation comma", "obs_value GLOB '*[0-9],[0-9]'", "obs");
        row("observation n/a", "obs_value = 'n/a'", "obs");
        row("retired codes in code table", "RETIRED = 'Y'", "STATUS_CODES");
    }

    void dirtIsPresent()
    {
        QFETCH(QString, sql);
        SqliteFile db(source());
        QVERIFY(db.isOpen());
        const qint64 count = db.scalar(sql);
        QVERIFY2(count > 0, qPrintable(QStringLiteral("%1 gave %2").arg(sql).arg(count)));
        // Dirt is the exception, not the rule.
        QVERIFY(count < kRows * 3);
    }

    void dirtRatesAreSmall()
    {
        SqliteFile db(source());
        QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM PATIENTS WHERE DOB IS NULL")) <
                kRows / 10);
        QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM PATIENTS WHERE PAT_NAME GLOB "
                                         "'*[^ -~]*'")) < kRows / 4);
    }

    void legacySchemaHasNoChecks()
    {
        SqliteFile db(source());
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE sql LIKE "
                                          "'%CHECK%' OR sql LIKE '%REFERENCES%'")),
                 0);
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA page_size")), 4096);
    }

    void targetIsEmptyWithConstraints()
    {
        SqliteFile db(target());
        QVERIFY(db.isOpen());
        const QStringList tables = {QStringLiteral("practitioner"), QStringLiteral("patient"),
                                    QStringLiteral("encounter"), QStringLiteral("observation"),
                                    QStringLiteral("invoice")};
        for (const QString &table : tables)
            QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)), 0);
        QCOMPARE(
            db.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_list('encounter')")),
            2);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('patient') "
                                          "WHERE name = 'id' AND pk = 1 AND type = 'TEXT'")),
                 1);
    }

    void targetRejectsBadRows_data()
    {
        QTest::addColumn<QString>("insert");
        const QString good =
            QStringLiteral("INSERT INTO patient (id, legacy_id, full_name, birth_date, sex, email, "
                           "insurance_number, site, status, created_at, updated_at) VALUES (%1)");
        const auto row = [&](const char *name, const char *values) {
            QTest::newRow(name) << good.arg(QLatin1String(values));
        };
        row("short uuid", "'x', 1, 'A', '1984-03-07', 'male', NULL, NULL, 'BER', 'active', "
                          "'2021-03-28T00:30:00Z', '2021-03-28T00:30:00Z'");
        row("null name", "'6f1c0b3e-8c1a-5d2e-9f00-0123456789ab', 1, NULL, '1984-03-07', 'male', "
                         "NULL, NULL, 'BER', 'active', '2021-03-28T00:30:00Z', "
                         "'2021-03-28T00:30:00Z'");
        row("local date", "'6f1c0b3e-8c1a-5d2e-9f00-0123456789ab', 1, 'A', '07.03.1984', 'male', "
                          "NULL, NULL, 'BER', 'active', '2021-03-28T00:30:00Z', "
                          "'2021-03-28T00:30:00Z'");
        row("enum", "'6f1c0b3e-8c1a-5d2e-9f00-0123456789ab', 1, 'A', '1984-03-07', 'M', NULL, "
                    "NULL, 'BER', 'active', '2021-03-28T00:30:00Z', '2021-03-28T00:30:00Z'");
        row("retired status", "'6f1c0b3e-8c1a-5d2e-9f00-0123456789ab', 1, 'A', '1984-03-07', "
                              "'male', NULL, NULL, 'BER', 'M', '2021-03-28T00:30:00Z', "
                              "'2021-03-28T00:30:00Z'");
        row("not UTC", "'6f1c0b3e-8c1a-5d2e-9f00-0123456789ab', 1, 'A', '1984-03-07', 'male', "
                       "NULL, NULL, 'BER', 'active', '2021-03-28 02:30:00', "
                       "'2021-03-28T00:30:00Z'");
        row("bad email", "'6f1c0b3e-8c1a-5d2e-9f00-0123456789ab', 1, 'A', '1984-03-07', 'male', "
                         "'n/a', NULL, 'BER', 'active', '2021-03-28T00:30:00Z', "
                         "'2021-03-28T00:30:00Z'");
    }

    void targetRejectsBadRows()
    {
        QFETCH(QString, insert);
        const QString copy = m_root.filePath(QStringLiteral("constraints.sqlite"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(target(), copy));
        SqliteFile db(copy);
        const QString good = QStringLiteral(
            "INSERT INTO patient (id, legacy_id, full_name, birth_date, sex, email, "
            "insurance_number, site, status, created_at, updated_at) VALUES "
            "('6f1c0b3e-8c1a-5d2e-9f00-0123456789ab', 1, 'Anna Müller', '1984-03-07', 'female', "
            "'anna@example.com', 'A123456789', 'BER', 'active', '2021-03-28T00:30:00Z', "
            "'2021-03-28T00:30:00Z')");
        QString error;
        QVERIFY2(db.exec(good, &error), qPrintable(error));
        QVERIFY(db.exec(QStringLiteral("DELETE FROM patient")));
        QVERIFY2(!db.exec(insert), qPrintable(insert));
    }

    void targetRejectsDuplicateEmailAndNegativeMoney()
    {
        const QString copy = m_root.filePath(QStringLiteral("constraints2.sqlite"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(target(), copy));
        SqliteFile db(copy);
        const QString patient = QStringLiteral(
            "INSERT INTO patient (id, legacy_id, full_name, birth_date, email, site, status, "
            "created_at, updated_at) VALUES ('%1', %2, 'A', '1984-03-07', 'same@example.com', "
            "'BER', 'active', '2021-03-28T00:30:00Z', '2021-03-28T00:30:00Z')");
        QVERIFY(
            db.exec(patient.arg(QStringLiteral("00000000-0000-5000-8000-000000000001")).arg(1)));
        QVERIFY(
            !db.exec(patient.arg(QStringLiteral("00000000-0000-5000-8000-000000000002")).arg(2)));
        QVERIFY(db.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        const QString encounter = QStringLiteral(
            "INSERT INTO encounter (id, legacy_id, patient_id, started_at, status, site, "
            "updated_at) VALUES ('00000000-0000-5000-8000-0000000000e1', 1, '%1', "
            "'2021-03-28T00:30:00Z', 'finished', 'BER', '2021-03-28T00:30:00Z')");
        QVERIFY(!db.exec(encounter.arg(QStringLiteral("00000000-0000-5000-8000-00000000dead"))));
        QVERIFY(db.exec(encounter.arg(QStringLiteral("00000000-0000-5000-8000-000000000001"))));
        const QString invoice =
            QStringLiteral("INSERT INTO invoice (id, legacy_number, encounter_id, amount_cents, "
                           "issued_on, status) "
                           "VALUES ('00000000-0000-5000-8000-0000000000f1', 1, "
                           "'00000000-0000-5000-8000-0000000000e1', %1, '2021-03-29', 'open')");
        QVERIFY(!db.exec(invoice.arg(-2500)));
        QVERIFY(db.exec(invoice.arg(2500)));
    }

    void projectRoundTripsByteIdentical()
    {
        auto loaded = ProjectReader::load(project());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(ProjectWriter::toBytes(*loaded), readAll(project()));
        QCOMPARE(loaded->connection(loaded->sourceConnection)->url,
                 QStringLiteral("sqlite:legacy.sqlite"));
        QCOMPARE(loaded->connection(loaded->targetConnection)->url,
                 QStringLiteral("sqlite:modern.sqlite"));
        QCOMPARE(loaded->mappings.size(), 5);
        QCOMPARE(loaded->runbook.steps.size(), 16);
        QCOMPARE(loaded->runbook.strategy, QStringLiteral("phased"));
        QVERIFY(loaded->phases.size() >= 3);
    }

    void projectMatchesBothSchemas()
    {
        auto loaded = ProjectReader::load(project());
        QVERIFY(loaded.ok());
        SqliteFile legacy(source());
        SqliteFile modern(target());
        bool anySensitive = false;
        for (const TableMapping &m : loaded->mappings) {
            const QStringList targetColumns = modern.columns(m.target);
            QVERIFY2(!targetColumns.isEmpty(), qPrintable(m.target));
            const QStringList sourceColumns = legacy.columns(m.source);
            QVERIFY2(!sourceColumns.isEmpty(), qPrintable(m.source));
            QVERIFY2(sourceColumns.contains(m.sourceKey), qPrintable(m.sourceKey));
            QVERIFY(m.watermark.isEmpty() || sourceColumns.contains(m.watermark));
            QCOMPARE(m.keyStrategy, TableMapping::KeyStrategy::RemapUuid);
            QCOMPARE(m.columns.size(), targetColumns.size()); // every target column is fed
            for (const ColumnMapping &c : m.columns) {
                QVERIFY2(targetColumns.contains(c.target), qPrintable(m.target + '.' + c.target));
                anySensitive = anySensitive || c.sensitive;
            }
        }
        QVERIFY(anySensitive);
        for (const Rule &rule : loaded->rules) {
            QVERIFY2(!modern.columns(rule.table).isEmpty(), qPrintable(rule.name));
            QVERIFY(rule.column.isEmpty() || modern.columns(rule.table).contains(rule.column));
        }
    }

    void expressionsUseKnownFunctionsAndLookups()
    {
        auto loaded = ProjectReader::load(project());
        QVERIFY(loaded.ok());
        const QStringList builtins = {QStringLiteral("date"), QStringLiteral("coalesce"),
                                      QStringLiteral("replace"), QStringLiteral("trim")};
        static const QRegularExpression call(QStringLiteral("([A-Za-z_][A-Za-z0-9_]*)\\s*\\("));
        static const QRegularExpression lookupName(QStringLiteral("lookup\\('([^']+)'"));
        for (const TableMapping &m : loaded->mappings) {
            for (const ColumnMapping &c : m.columns) {
                for (const auto &match : call.globalMatch(c.expression)) {
                    const QString name = match.captured(1);
                    QVERIFY2(FunctionCatalog::find(name) || builtins.contains(name),
                             qPrintable(name + QStringLiteral(" in ") + c.expression));
                    if (const auto *f = FunctionCatalog::find(name))
                        QVERIFY(f->minArgs > 0 || f->maxArgs == 0);
                }
                for (const auto &match : lookupName.globalMatch(c.expression))
                    QVERIFY2(loaded->lookup(match.captured(1)), qPrintable(match.captured(1)));
            }
        }
        const LookupMap *status = loaded->lookup(QStringLiteral("status_codes"));
        QVERIFY(status && !status->hasDefault);
        QVERIFY(!status->entries.contains(QStringLiteral("NS"))); // retired: left unmapped
        QVERIFY(!status->entries.contains(QStringLiteral("ZZ")));
        QVERIFY(status->entries.contains(QStringLiteral("FIN")));
    }

    void phaseFiltersRunOnTheirSourceTables()
    {
        auto loaded = ProjectReader::load(project());
        QVERIFY(loaded.ok());
        SqliteFile legacy(source());
        qint64 waves = 0;
        for (const Phase &phase : loaded->phases) {
            for (const QString &table : phase.tables) {
                const TableMapping *m = loaded->mapping(table);
                QVERIFY2(m, qPrintable(table));
                if (phase.filter.isEmpty())
                    continue;
                const qint64 rows =
                    legacy.scalar(QStringLiteral("SELECT count(*) FROM \"%1\" WHERE %2")
                                      .arg(m->source, phase.filter));
                QVERIFY2(rows > 0, qPrintable(phase.name + ' ' + table));
                if (table == QLatin1String("patient"))
                    waves += rows;
            }
        }
        QCOMPARE(waves, kRows); // wave 1 and wave 2 together hold every patient once
    }

    void progressAndCancel()
    {
        const QString dir = m_root.filePath(QStringLiteral("cancel"));
        DemoCancelFlag cancel(false);
        qint64 calls = 0;
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = 5000;
        options.cancel = &cancel;
        options.progress = [&](const DemoProgress &p) {
            ++calls;
            QVERIFY(p.done <= p.total);
            if (p.done >= 2000)
                cancel = true;
        };
        auto result = DemoGenerator::generate(options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), Error::Code::Cancelled);
        QVERIFY(calls >= 2);
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), 0); // nothing left behind

        qint64 last = -1;
        options.cancel = nullptr;
        options.patients = 1500;
        options.progress = [&](const DemoProgress &p) {
            last = p.done;
        };
        QVERIFY(DemoGenerator::generate(options).ok());
        QCOMPARE(last, 1500);
    }

    void refusesBadInput()
    {
        auto zero = generate(m_root.filePath(QStringLiteral("zero")), 0, 1);
        QVERIFY(!zero.ok());
        QCOMPARE(zero.error().code(), Error::Code::Usage);
        QFile file(m_root.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto blocked = generate(file.fileName() + QStringLiteral("/demo"), 10, 1);
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().code(), Error::Code::Io);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
