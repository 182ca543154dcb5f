#include "run/target/TargetBackup.h"

#include "connect/ConnectionErrorText.h"
#include "connect/PasswordProvider.h"
#include "connect/SessionPasswordProvider.h"
#include "connect/SqlConnection.h"
#include "run/target/PostgresPrograms.h"
#include "run/target/SqliteBackup.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QVersionNumber>

#include <memory>
#include <sqlite3.h>

namespace cutover {

namespace {

using Kind = ConnectionSpec::Kind;

struct SqliteCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

// Shorter passwords are not scrubbed: replacing every "ab" in a message would garble it.
constexpr qsizetype kScrubbedLength = 4;
constexpr qsizetype kErrorBufferBytes = 64 * 1024;

QString counted(int count, const QString &one, const QString &many)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? one : many);
}

bool isConnectionFailure(const QString &text)
{
    static const char *const parts[] = {
        "connection to server",           "could not connect",   "when trying to connect",
        "when selecting the database",    "Can't connect",       "Access denied",
        "password authentication failed", "no password supplied"};
    for (const char *part : parts)
        if (text.contains(QLatin1String(part), Qt::CaseInsensitive))
            return true;
    return false;
}

QString lastLines(const QByteArray &text, int count)
{
    QStringList lines;
    for (const QString &line : QString::fromLocal8Bit(text).split(QLatin1Char('\n'))) {
        const QString simplified = line.simplified();
        if (!simplified.isEmpty())
            lines.append(simplified);
    }
    return lines.mid(std::max<qsizetype>(0, lines.size() - count)).join(QStringLiteral(" / "));
}

// The name after "CREATE TABLE `" at start, with mysqldump's doubled backticks undone.
QString backtickName(const QByteArray &line, qsizetype start)
{
    QByteArray name;
    for (qsizetype i = start; i < line.size(); ++i) {
        if (line[i] != '`') {
            name.append(line[i]);
        } else if (i + 1 < line.size() && line[i + 1] == '`') {
            name.append('`');
            ++i;
        } else {
            break;
        }
    }
    return QString::fromUtf8(name);
}

int countTableData(const QByteArray &listing)
{
    // pg_restore --list: "3345; 0 16390 TABLE DATA public patients cutover"
    static const QRegularExpression entry(QStringLiteral("^\\d+; \\d+ \\d+ TABLE DATA "),
                                          QRegularExpression::MultilineOption);
    int count = 0;
    for (auto it = entry.globalMatch(QString::fromUtf8(listing)); it.hasNext(); it.next())
        ++count;
    return count;
}

void stopTool(QProcess &process, int waitMs)
{
    process.terminate();
    if (!process.waitForFinished(waitMs)) {
        process.kill();
        process.waitForFinished(waitMs);
    }
}

} // namespace

TargetBackup::TargetBackup(QString connectionName, ConnectionSpec spec,
                           const PasswordProvider *passwords)
    : m_connectionName(std::move(connectionName))
    , m_spec(std::move(spec))
    , m_passwords(passwords)
{}

QString TargetBackup::extension(ConnectionSpec::Kind kind)
{
    switch (kind) {
    case Kind::Sqlite:
        return QStringLiteral("sqlite");
    case Kind::PostgreSql:
        return QStringLiteral("dump");
    case Kind::MySql:
        return QStringLiteral("sql");
    case Kind::Csv:
        break;
    }
    return {};
}

QString TargetBackup::fileName(const QString &connectionName, ConnectionSpec::Kind kind,
                               const QDateTime &when)
{
    QString name = connectionName.isEmpty() ? QStringLiteral("target") : connectionName;
    const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name)
        if (c.unicode() < 0x20 || forbidden.contains(c))
            c = QLatin1Char('_');
    return QStringLiteral("%1-%2.%3")
        .arg(name, when.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")), extension(kind));
}

QString TargetBackup::postgresBinDir()
{
    return PostgresPrograms::binDir({QStringLiteral("pg_dump"), QStringLiteral("pg_restore")});
}

QString TargetBackup::mysqlDumpProgram()
{
    const QStringList extra = {QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin"),
                               QStringLiteral("/usr/local/mysql/bin")};
    for (const QString &name : {QStringLiteral("mariadb-dump"), QStringLiteral("mysqldump")}) {
        QString path = QStandardPaths::findExecutable(name);
        if (path.isEmpty())
            path = QStandardPaths::findExecutable(name, extra);
        if (!path.isEmpty())
            return path;
    }
    return {};
}

Result<TargetBackup::Outcome> TargetBackup::run(const QString &folder)
{
    QElapsedTimer timer;
    timer.start();
    if (extension(m_spec.kind()).isEmpty())
        return Error(Error::Code::Validation,
                     QStringLiteral("a CSV folder target cannot be backed up by Cutover"),
                     m_spec.displayName(), QStringLiteral("copy the folder"));
    auto file = reserveFile(folder);
    if (!file)
        return file.error();
    notify(QStringLiteral("Backing up %1 to %2").arg(m_spec.displayName(), *file));
    const QString part = *file + QStringLiteral(".part");
    auto verified = backUp(part);
    if (verified && !QFile::rename(part, *file))
        verified = Error(Error::Code::Io, QStringLiteral("cannot rename %1 into place").arg(part),
                         *file, QStringLiteral("check the permissions of the folder"));
    if (!verified) {
        QFile::remove(part);
        const Error error = scrub(verified.error());
        notify(QStringLiteral("Backup failed, no file kept: %1").arg(error.toString()));
        m_password.clear();
        return error;
    }
    m_password.clear();
    const Outcome result = outcome(*file, *verified, double(timer.elapsed()) / 1000.0);
    notify(result.summary);
    return result;
}

bool TargetBackup::cancelled() const
{
    return (m_cancelFlag && m_cancelFlag->load()) || (m_cancelCheck && m_cancelCheck());
}

void TargetBackup::notify(const QString &text) const
{
    if (m_notice)
        m_notice(scrub(text));
}

QString TargetBackup::scrub(QString text) const
{
    if (m_password.size() >= kScrubbedLength)
        text.replace(m_password, QStringLiteral("********"));
    return text;
}

Error TargetBackup::scrub(const Error &error) const
{
    return Error(error.code(), scrub(error.message()), scrub(error.where()), scrub(error.hint()));
}

Error TargetBackup::cancelledError() const
{
    return Error(Error::Code::Cancelled, QStringLiteral("the backup was cancelled"),
                 m_spec.displayName());
}

Result<QString> TargetBackup::reserveFile(const QString &folder) const
{
    if (folder.isEmpty() || !QDir().mkpath(folder))
        return Error(Error::Code::Io, QStringLiteral("cannot make the backup folder"), folder,
                     QStringLiteral("check its permissions"));
    const QDir dir(folder);
    const QString name = fileName(m_connectionName, m_spec.kind(), QDateTime::currentDateTimeUtc());
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    for (int n = 1;; ++n) {
        const QString candidate =
            n == 1 ? name : name.left(dot) + QStringLiteral("-%1").arg(n) + name.mid(dot);
        const QString path = dir.absoluteFilePath(candidate);
        if (!QFileInfo::exists(path) && !QFileInfo::exists(path + QStringLiteral(".part")))
            return path;
    }
}

Result<TargetBackup::Verified> TargetBackup::backUp(const QString &part)
{
    if (cancelled())
        return cancelledError();
    if (m_spec.isServer() && m_passwords)
        m_password = m_passwords->password(m_spec).value_or(QString());
    switch (m_spec.kind()) {
    case Kind::Sqlite:
        return backUpSqlite(part);
    case Kind::PostgreSql:
        return backUpPostgres(part);
    case Kind::MySql:
        return backUpMySql(part);
    case Kind::Csv:
        break;
    }
    return Error(Error::Code::Internal, QStringLiteral("no backup for this kind of target"),
                 m_spec.displayName());
}

TargetBackup::Outcome TargetBackup::outcome(const QString &file, const Verified &verified,
                                            double seconds) const
{
    Outcome result;
    result.file = file;
    result.bytes = QFileInfo(file).size();
    result.seconds = seconds;
    result.tables = verified.tables;
    result.verification = verified.text;
    result.summary =
        QStringLiteral("Backed up %1 to %2 (%3 in %4 s); verified: %5")
            .arg(m_spec.displayName(), file, QLocale::c().formattedDataSize(result.bytes),
                 QString::number(seconds, 'f', 1), verified.text);
    return result;
}

Result<TargetBackup::Verified> TargetBackup::backUpSqlite(const QString &part)
{
    notify(QStringLiteral("Copying %1 with SQLite's online backup").arg(m_spec.path()));
    auto copied =
        SqliteBackup::backup(m_spec.path(), part, [this](int, int) { return !cancelled(); });
    if (!copied)
        return copied.error().code() == Error::Code::Cancelled ? cancelledError() : copied.error();
    if (cancelled())
        return cancelledError();
    return verifySqlite(part);
}

Result<TargetBackup::Verified> TargetBackup::verifySqlite(const QString &part)
{
    notify(QStringLiteral("Verifying the backup: PRAGMA quick_check"));
    // immutable: nothing else writes the new copy, and a read-only open of a WAL-mode copy would
    // otherwise leave -wal and -shm files beside it.
    const QByteArray uri = QUrl::fromLocalFile(part).toEncoded() + "?immutable=1";
    sqlite3 *raw = nullptr;
    const int rc =
        sqlite3_open_v2(uri.constData(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    SqliteHandle db(raw);
    if (rc != SQLITE_OK)
        return Error(Error::Code::Validation,
                     QStringLiteral("cannot open the backup: %1")
                         .arg(QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))),
                     part);
    sqlite3_progress_handler(db.get(), 1000, &TargetBackup::sqliteProgress, this);
    auto check = sqliteColumn(db.get(), "PRAGMA quick_check");
    if (!check)
        return check.error();
    if (*check != QStringList{QStringLiteral("ok")})
        return Error(Error::Code::Validation,
                     QStringLiteral("PRAGMA quick_check on the backup found: %1")
                         .arg(check->mid(0, 5).join(QStringLiteral("; "))),
                     part);
    auto tables = sqliteColumn(db.get(), "SELECT count(*) FROM sqlite_schema WHERE type = "
                                         "'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (!tables)
        return tables.error();
    const int count = tables->value(0).toInt();
    return Verified{count, QStringLiteral("quick_check ok, ") +
                               counted(count, QStringLiteral("table"), QStringLiteral("tables"))};
}

Result<QStringList> TargetBackup::sqliteColumn(sqlite3 *db, const char *sql) const
{
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    QStringList values;
    if (rc == SQLITE_OK)
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            values.append(QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(statement);
    if (rc == SQLITE_INTERRUPT)
        return cancelledError();
    if (rc != SQLITE_DONE)
        return Error(Error::Code::Validation,
                     QStringLiteral("%1 on the backup failed: %2")
                         .arg(QString::fromUtf8(sql).simplified(), message));
    return values;
}

int TargetBackup::sqliteProgress(void *self)
{
    return static_cast<const TargetBackup *>(self)->cancelled() ? 1 : 0;
}

Result<TargetBackup::Verified> TargetBackup::backUpPostgres(const QString &part)
{
    const QString binDir = postgresBinDir();
    if (binDir.isEmpty())
        return toolMissing(QStringLiteral("pg_dump"),
                           QStringLiteral("/usr/lib/postgresql/*/bin and PATH"),
                           QStringLiteral("postgresql-client"));
    QStringList arguments = {QStringLiteral("--format=custom"),
                             QStringLiteral("--file=") + part,
                             QStringLiteral("--no-password"),
                             QStringLiteral("--host=") + m_spec.host(),
                             QStringLiteral("--port=%1").arg(m_spec.port()),
                             QStringLiteral("--dbname=") + m_spec.database()};
    if (!m_spec.user().isEmpty())
        arguments.append(QStringLiteral("--username=") + m_spec.user());
    const QString program = binDir + QStringLiteral("/pg_dump");
    notify(QStringLiteral("Running %1 %2").arg(program, arguments.join(QLatin1Char(' '))));
    auto dumped = runTool(program, arguments, toolEnvironment(QStringLiteral("PGPASSWORD")), false);
    if (!dumped)
        return dumped.error();
    if (dumped->exitCode != 0 || dumped->crashed)
        return toolFailed(program, *dumped,
                          isConnectionFailure(dumped->errorTail) ? Error::Code::Connection
                                                                 : Error::Code::Io);
    return verifyPostgres(part, binDir);
}

Result<TargetBackup::Verified> TargetBackup::verifyPostgres(const QString &part,
                                                            const QString &binDir)
{
    const QString program = binDir + QStringLiteral("/pg_restore");
    notify(QStringLiteral("Verifying the backup: %1 --list %2").arg(program, part));
    auto listed = runTool(program, {QStringLiteral("--list"), part}, toolEnvironment({}), true);
    if (!listed)
        return listed.error();
    if (listed->exitCode != 0 || listed->crashed)
        return toolFailed(program, *listed, Error::Code::Validation);
    const int count = countTableData(listed->output);
    return Verified{
        count, QStringLiteral("pg_restore lists ") +
                   counted(count, QStringLiteral("table's data"), QStringLiteral("tables' data"))};
}

Result<TargetBackup::Verified> TargetBackup::backUpMySql(const QString &part)
{
    const QString program = mysqlDumpProgram();
    if (program.isEmpty())
        return toolMissing(QStringLiteral("mariadb-dump (or mysqldump)"),
                           QStringLiteral("PATH, /usr/bin and /usr/local/bin"),
                           QStringLiteral("mariadb-client (default-mysql-client for MySQL)"));
    // --no-tablespaces: MySQL 8 wants the PROCESS privilege for them, which owners of a single
    // database rarely have, and a target's tables live in the default tablespace anyway.
    QStringList arguments = {QStringLiteral("--single-transaction"),
                             QStringLiteral("--routines"),
                             QStringLiteral("--no-tablespaces"),
                             QStringLiteral("--hex-blob"),
                             QStringLiteral("--default-character-set=utf8mb4"),
                             QStringLiteral("--host=") + m_spec.host(),
                             QStringLiteral("--port=%1").arg(m_spec.port()),
                             QStringLiteral("--result-file=") + part};
    if (!m_spec.user().isEmpty())
        arguments.append(QStringLiteral("--user=") + m_spec.user());
    if (m_spec.options().contains(QStringLiteral("socket")))
        arguments.append(QStringLiteral("--socket=") + m_spec.option(QStringLiteral("socket")));
    arguments.append(m_spec.database());
    notify(QStringLiteral("Running %1 %2").arg(program, arguments.join(QLatin1Char(' '))));
    auto dumped = runTool(program, arguments, toolEnvironment(QStringLiteral("MYSQL_PWD")), false);
    if (!dumped)
        return dumped.error();
    if (dumped->exitCode != 0 || dumped->crashed)
        return toolFailed(program, *dumped,
                          isConnectionFailure(dumped->errorTail) ? Error::Code::Connection
                                                                 : Error::Code::Io);
    return verifyMySql(part);
}

Result<TargetBackup::Verified> TargetBackup::verifyMySql(const QString &part)
{
    notify(QStringLiteral("Verifying the backup: its \"-- Dump completed\" trailer and a CREATE "
                          "TABLE for each table"));
    auto created = dumpedTables(part);
    if (!created)
        return created.error();
    auto tables = mySqlTables();
    if (!tables)
        return tables.error();
    QStringList missing;
    for (const QString &table : *tables)
        if (!created->contains(table))
            missing.append(table);
    if (!missing.isEmpty())
        return Error(Error::Code::Validation,
                     QStringLiteral("the dump has no CREATE TABLE for %1")
                         .arg(missing.join(QStringLiteral(", "))),
                     part);
    const int count = int(tables->size());
    return Verified{count, QStringLiteral("dump completed, a CREATE TABLE for each of ") +
                               counted(count, QStringLiteral("table"), QStringLiteral("tables"))};
}

Result<QSet<QString>> TargetBackup::dumpedTables(const QString &part) const
{
    QFile file(part);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Validation,
                     QStringLiteral("cannot read the dump: %1").arg(file.errorString()), part);
    const QByteArray create = "CREATE TABLE `";
    QSet<QString> tables;
    QByteArray last;
    for (qint64 lines = 0; !file.atEnd(); ++lines) {
        if (lines % 4096 == 0 && cancelled())
            return cancelledError();
        const QByteArray line = file.readLine();
        if (line.startsWith(create))
            tables.insert(backtickName(line, create.size()));
        if (!line.trimmed().isEmpty())
            last = line;
    }
    if (!last.startsWith("-- Dump completed"))
        return Error(Error::Code::Validation,
                     QStringLiteral("the dump does not end with the \"-- Dump completed\" line: it "
                                    "was cut short"),
                     part);
    return tables;
}

Result<QStringList> TargetBackup::mySqlTables() const
{
    // The password already asked for, so a keychain is not asked twice.
    SessionPasswordProvider known;
    if (!m_password.isEmpty())
        known.set(m_spec, m_password);
    const PasswordProvider *passwords = m_password.isEmpty() ? m_passwords : &known;
    auto connection = SqlConnection::open(m_spec, passwords, SqlConnection::Mode::ReadOnly);
    if (!connection)
        return Error(Error::Code::Validation,
                     QStringLiteral("cannot list the tables to check the dump against: %1")
                         .arg(connection.error().message()),
                     m_spec.displayName());
    QSqlQuery query((*connection)->database());
    if (!query.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                   "table_schema = DATABASE() AND table_type IN ('BASE TABLE', "
                                   "'SYSTEM VERSIONED')")))
        return Error(Error::Code::Validation,
                     QStringLiteral("cannot list the tables to check the dump against"),
                     m_spec.displayName());
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QProcessEnvironment TargetBackup::toolEnvironment(const QString &passwordVariable) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // English messages: isConnectionFailure() recognises a failed connection by its words.
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    if (!passwordVariable.isEmpty() && !m_password.isEmpty())
        environment.insert(passwordVariable, m_password);
    if (m_spec.kind() == Kind::PostgreSql) {
        environment.insert(QStringLiteral("PGCONNECT_TIMEOUT"),
                           m_spec.option(QStringLiteral("connect_timeout"), QStringLiteral("10")));
        if (m_spec.options().contains(QStringLiteral("sslmode")))
            environment.insert(QStringLiteral("PGSSLMODE"),
                               m_spec.option(QStringLiteral("sslmode")));
    }
    return environment;
}

Result<TargetBackup::ToolRun> TargetBackup::runTool(const QString &program,
                                                    const QStringList &arguments,
                                                    const QProcessEnvironment &environment,
                                                    bool keepOutput) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!keepOutput)
        process.setStandardOutputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForStarted())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot start %1: %2").arg(program, process.errorString()),
                     m_spec.displayName());
    ToolRun run;
    QByteArray errors;
    while (process.state() != QProcess::NotRunning) {
        if (cancelled()) {
            stopTool(process, kStopWaitMs);
            return cancelledError();
        }
        process.waitForFinished(kPollMs);
        errors = (errors + process.readAllStandardError()).right(kErrorBufferBytes);
        if (keepOutput)
            run.output += process.readAllStandardOutput();
    }
    errors = (errors + process.readAllStandardError()).right(kErrorBufferBytes);
    if (keepOutput)
        run.output += process.readAllStandardOutput();
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.errorTail = lastLines(errors, kErrorTailLines);
    return run;
}

Error TargetBackup::toolFailed(const QString &program, const ToolRun &run, Error::Code code) const
{
    const QString tool = QFileInfo(program).fileName();
    const QString how = run.crashed ? QStringLiteral("was killed")
                                    : QStringLiteral("exited with code %1").arg(run.exitCode);
    const QString tail = run.errorTail.isEmpty() ? QStringLiteral("(nothing)") : run.errorTail;
    if (code != Error::Code::Connection)
        return Error(code,
                     QStringLiteral("%1 %2; the last lines of its stderr: %3").arg(tool, how, tail),
                     m_spec.displayName());
    const Error explained =
        ConnectionErrorText::explain(m_spec, Error(Error::Code::Connection, run.errorTail));
    return Error(code,
                 QStringLiteral("%1 %2: %3 The last lines of its stderr: %4")
                     .arg(tool, how, explained.message(), tail),
                 m_spec.displayName(), explained.hint());
}

Error TargetBackup::toolMissing(const QString &tools, const QString &where,
                                const QString &package) const
{
    return Error(
        Error::Code::Io, QStringLiteral("%1 is not installed (looked in %2)").arg(tools, where),
        m_spec.displayName(), QStringLiteral("install the Debian package %1").arg(package));
}

} // namespace cutover
