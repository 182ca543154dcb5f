#include "SqliteFile.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace cutover::test {

namespace {
QAtomicInteger<int> s_counter;

template <typename F>
QString withDatabase(const QString &path, F work)
{
    const QString name = QStringLiteral("test-sqlite-%1").arg(++s_counter);
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            result = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        else
            result = work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

QString SqliteFile::create(const QString &path, const QStringList &statements)
{
    return withDatabase(path, [&](QSqlDatabase &db) {
        db.transaction();
        for (const QString &sql : statements) {
            QSqlQuery query(db);
            if (!query.exec(sql)) {
                const QString error = sql + QStringLiteral(": ") + query.lastError().text();
                db.rollback();
                return error;
            }
        }
        db.commit();
        return QString();
    });
}

QString SqliteFile::scalar(const QString &path, const QString &sql)
{
    return withDatabase(path, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.exec(sql) || !query.next())
            return QStringLiteral("<error: %1>").arg(query.lastError().text());
        return query.value(0).toString();
    });
}

} // namespace cutover::test
