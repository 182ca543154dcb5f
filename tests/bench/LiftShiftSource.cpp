#include "LiftShiftSource.h"

#include "BenchFigures.h"
#include "MeasuredProcess.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimeZone>

#include <sqlite3.h>

namespace cutover::bench {

namespace {

using test::MeasuredProcess;
using test::tail;

QTextStream out(stdout);

// The source schema, SQLite's declared types. Secondary indexes are made after the rows.
const char kSqliteSchema[] = R"SQL(
CREATE TABLE customer (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  city TEXT,
  balance REAL,
  created_at TIMESTAMP NOT NULL,
  birth_date DATE
);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer (id),
  ordered_at TIMESTAMP NOT NULL,
  status TEXT NOT NULL,
  total REAL NOT NULL,
  note TEXT
);
CREATE TABLE order_line (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders (id),
  line_no INTEGER NOT NULL,
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price REAL NOT NULL,
  discount REAL,
  shipped_on DATE
);
)SQL";

const char kSqliteIndexes[] = R"SQL(
CREATE UNIQUE INDEX customer_email ON customer (email);
CREATE INDEX customer_city ON customer (city);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_ordered_at ON orders (ordered_at);
CREATE INDEX order_line_order ON order_line (order_id);
CREATE INDEX order_line_sku ON order_line (sku);
)SQL";

// The same tables in MariaDB (loaded without secondary indexes and foreign keys, which follow).
const QStringList kMariaDbSchema = {
    QStringLiteral("CREATE TABLE customer (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT "
                   "NULL, email VARCHAR(200), city VARCHAR(100), balance DOUBLE, created_at "
                   "DATETIME NOT NULL, birth_date DATE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"),
    QStringLiteral("CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT "
                   "NULL, ordered_at DATETIME NOT NULL, status VARCHAR(20) NOT NULL, total DOUBLE "
                   "NOT NULL, note TEXT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"),
    QStringLiteral("CREATE TABLE order_line (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT "
                   "NULL, line_no INT NOT NULL, sku VARCHAR(40) NOT NULL, quantity INT NOT NULL, "
                   "unit_price DOUBLE NOT NULL, discount DOUBLE, shipped_on DATE) ENGINE=InnoDB "
                   "DEFAULT CHARSET=utf8mb4")};
const QStringList kMariaDbKeys = {
    QStringLiteral("SET foreign_key_checks = 0"),
    QStringLiteral("ALTER TABLE customer ADD UNIQUE INDEX customer_email (email), ADD INDEX "
                   "customer_city (city)"),
    QStringLiteral("ALTER TABLE orders ADD INDEX orders_customer (customer_id), ADD INDEX "
                   "orders_ordered_at (ordered_at), ADD CONSTRAINT orders_customer_fk FOREIGN "
                   "KEY (customer_id) REFERENCES customer (id)"),
    QStringLiteral("ALTER TABLE order_line ADD INDEX order_line_order (order_id), ADD INDEX "
                   "order_line_sku (sku), ADD CONSTRAINT order_line_order_fk FOREIGN KEY "
                   "(order_id) REFERENCES orders (id)")};

// A deterministic pseudo-random sequence (64-bit LCG), so every size gives the same rows.
class Random
{
public:
    quint64 next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return m_state >> 17;
    }
    qint64 below(qint64 n) { return qint64(next() % quint64(n)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    quint64 m_state = 20230523;
};

const char *const kFirstNames[] = {"Anna",    "José",  "Zoë",   "Łukasz",   "Søren",  "Ελένη",
                                   "Дмитрий", "美咲",  "Chloé", "Ahmet",    "Ingrid", "Nuño",
                                   "Marie",   "Björn", "Aoife", "François", "Paul",   "Ümit"};
const char *const kLastNames[] = {"Müller",   "O'Brien", "García", "Kowalski", "Nørgaard",
                                  "Παπαδάκη", "Иванов",  "佐藤",   "Dubois",   "Yılmaz",
                                  "Smith",    "Straße",  "Núñez",  "van Dijk", "Lefèvre"};
const char *const kCities[] = {"Berlin", "Köln",     "Zürich",  "Kraków", "Århus",  "São Paulo",
                               "Tōkyō",  "Москва",   "Αθήνα",   "Paris",  "Dublin", "İzmir",
                               "Madrid", "Göteborg", "Orléans", "Łódź"};
const char *const kStatuses[] = {"open", "paid", "shipped", "cancelled", "returned"};
const char *const kNotes[] = {"leave at the door",         "Lieferung an Nachbarn, bitte klingeln",
                              "call before, \"urgent\"",   "gift wrap; no invoice in the box",
                              "fragile, handle with care", "2nd floor\nring twice",
                              "payé d'avance — merci",     "tab\there",
                              "back\\slash in a note",     "配達は午前中に 🚀"};

template <size_t N>
const char *pick(Random &random, const char *const (&values)[N])
{
    return values[random.below(qint64(N))];
}

QByteArray timestampText(qint64 secondsSince2015)
{
    return QDateTime(QDate(2015, 1, 1), QTime(0, 0), Qt::UTC)
        .addSecs(secondsSince2015)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        .toLatin1();
}

QByteArray dateText(qint64 daysSince1940)
{
    return QDate(1940, 1, 1).addDays(daysSince1940).toString(Qt::ISODate).toLatin1();
}

bool exec(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    out << "sqlite: " << message << Qt::endl;
    sqlite3_free(message);
    return false;
}

struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    int column = 0;
    ~Statement() { sqlite3_finalize(stmt); }
    void text(const QByteArray &value)
    {
        sqlite3_bind_text(stmt, ++column, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    }
    void text(const char *value) { sqlite3_bind_text(stmt, ++column, value, -1, SQLITE_STATIC); }
    void integer(qint64 value) { sqlite3_bind_int64(stmt, ++column, value); }
    void real(double value) { sqlite3_bind_double(stmt, ++column, value); }
    void null() { sqlite3_bind_null(stmt, ++column); }
    bool step()
    {
        column = 0;
        const bool done = sqlite3_step(stmt) == SQLITE_DONE;
        sqlite3_reset(stmt);
        return done;
    }
};

// Money with two decimals as the nearest double, as an application would have stored it.
double money(Random &random, qint64 maxCents)
{
    return double(random.below(maxCents)) / 100.0;
}

} // namespace

const QStringList &LiftShiftSource::tables()
{
    static const QStringList names = {QStringLiteral("customer"), QStringLiteral("orders"),
                                      QStringLiteral("order_line")};
    return names;
}

SourceCounts LiftShiftSource::plannedCounts(qint64 rows)
{
    SourceCounts c;
    c.customers = qMax<qint64>(1, rows / 10);
    c.orders = qMax<qint64>(1, rows * 3 / 10);
    c.lines = qMax<qint64>(1, rows - c.customers - c.orders);
    return c;
}

bool LiftShiftSource::writeSqlite(const QString &path, const SourceCounts &counts)
{
    QFile::remove(path);
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    const auto closer = qScopeGuard([&] { sqlite3_close(db); });
    if (!exec(db,
              "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON") ||
        !exec(db, kSqliteSchema) || !exec(db, "BEGIN"))
        return false;
    Random random;
    Statement customer, order, line;
    sqlite3_prepare_v2(db, "INSERT INTO customer VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &customer.stmt,
                       nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?)", -1, &order.stmt,
                       nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO order_line VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &line.stmt,
                       nullptr);
    for (qint64 id = 1; id <= counts.customers; ++id) {
        const QByteArray first(pick(random, kFirstNames));
        const QByteArray last(pick(random, kLastNames));
        customer.integer(id);
        customer.text(first + ' ' + last);
        if (random.chance(12))
            customer.null();
        else
            customer.text("c" + QByteArray::number(id) + '.' +
                          QByteArray::number(random.below(1000)) + "@example.org");
        if (random.chance(5))
            customer.null();
        else
            customer.text(pick(random, kCities));
        if (random.chance(8))
            customer.null();
        else
            customer.real(money(random, 2000000) - 5000.0);
        customer.text(timestampText(random.below(8LL * 365 * 86400)));
        if (random.chance(20))
            customer.null();
        else
            customer.text(dateText(random.below(65LL * 365)));
        if (!customer.step())
            return false;
    }
    qint64 lineId = 0;
    for (qint64 id = 1; id <= counts.orders; ++id) {
        order.integer(id);
        order.integer(1 + random.below(counts.customers));
        const qint64 at = random.below(8LL * 365 * 86400);
        order.text(timestampText(at));
        order.text(pick(random, kStatuses));
        order.real(money(random, 10000000));
        if (random.chance(70))
            order.null();
        else
            order.text(pick(random, kNotes));
        if (!order.step())
            return false;
        // Lines spread so that the table reaches its planned size with the last order.
        const qint64 target = counts.lines * id / counts.orders;
        for (int n = 1; lineId < target; ++n) {
            line.integer(++lineId);
            line.integer(id);
            line.integer(n);
            line.text("SKU-" + QByteArray::number(random.below(50000)).rightJustified(6, '0'));
            line.integer(1 + random.below(20));
            line.real(money(random, 100000));
            if (random.chance(85))
                line.null();
            else
                line.real(double(5 * (1 + random.below(6))) / 100.0);
            if (random.chance(15))
                line.null();
            else
                line.text(timestampText(at + random.below(30LL * 86400)).left(10));
            if (!line.step())
                return false;
        }
    }
    return exec(db, "COMMIT") && exec(db, kSqliteIndexes) && exec(db, "ANALYZE");
}

// The SQLite database's rows in MariaDB: CSV files loaded with LOAD DATA INFILE, then the
// indexes and foreign keys.
bool LiftShiftSource::loadMariaDb(test::MariaDbServer &mariadb, const QString &sqlitePath,
                                  const QString &dir)
{
    QElapsedTimer timer;
    timer.start();
    if (auto made = mariadb.execAsAdmin(kMariaDbSchema); !made) {
        out << made.error().toString() << Qt::endl;
        return false;
    }
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    for (const QString &table : tables()) {
        const QString csv = QDir(dir).filePath(table + QStringLiteral(".csv"));
        const QString log = QDir(dir).filePath(QStringLiteral("mariadb-load.log"));
        // stdout into the log file: the CSV.
        const auto exported = MeasuredProcess::run(
            sqlite3,
            {QStringLiteral("-csv"), QStringLiteral("-nullvalue"), QStringLiteral("NULL"),
             sqlitePath, QStringLiteral("SELECT * FROM %1").arg(table)},
            csv);
        if (!exported.ok()) {
            out << "sqlite3 export failed: " << tail(csv) << Qt::endl;
            return false;
        }
        if (auto loaded = mariadb.execAsAdmin(
                {QStringLiteral("LOAD DATA INFILE '%1' INTO TABLE %2 CHARACTER SET utf8mb4 FIELDS "
                                "TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '' "
                                "LINES TERMINATED BY '\\n'")
                     .arg(csv, table)});
            !loaded) {
            out << loaded.error().toString() << Qt::endl;
            return false;
        }
        QFile::remove(csv);
        Q_UNUSED(log);
    }
    if (auto keyed = mariadb.execAsAdmin(
            kMariaDbKeys +
            QStringList{
                QStringLiteral("ANALYZE TABLE customer, "
                               "orders, order_line"),
                QStringLiteral("GRANT FILE ON *.* TO '%1'@'127.0.0.1'").arg(mariadb.user())});
        !keyed) {
        out << keyed.error().toString() << Qt::endl;
        return false;
    }
    out << QStringLiteral("MariaDB source loaded in %1 s\n")
               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
        << Qt::flush;
    return true;
}

// Checks that MariaDB holds the rows the SQLite database holds.
bool LiftShiftSource::checkMariaDb(const test::MariaDbServer &mariadb, const SourceCounts &counts)
{
    bool ok = true;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("mariadb-check"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(mariadb.port());
        db.setUserName(mariadb.user());
        db.setPassword(mariadb.password());
        db.setDatabaseName(mariadb.database());
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &table : tables())
            if (!ok || !q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next() ||
                q.value(0).toLongLong() != counts.of(table)) {
                out << "MariaDB's " << table << " does not hold the source's rows" << Qt::endl;
                ok = false;
            }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("mariadb-check"));
    return ok;
}

} // namespace cutover::bench
