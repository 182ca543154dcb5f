#pragma once

#include "transform/functions/TransformEnvironment.h"
#include "transform/functions/TransformFunctions.h"

#include <QTest>
#include <QVariant>
#include <sqlite3.h>

namespace cutover::test {

// An in-memory SQLite connection with the transform functions registered, for evaluating
// expressions in tests: values come back as QVariant (qint64, double, QString, QByteArray or
// an invalid QVariant for NULL), and the violations the functions reported can be claimed.
class FunctionHarness
{
public:
    FunctionHarness()
    {
        sqlite3_open(":memory:", &m_db);
        const Result<void> registered = TransformFunctions::registerAll(m_db, &env);
        if (!registered)
            qFatal("%s", qPrintable(registered.error().toString()));
    }
    ~FunctionHarness() { sqlite3_close(m_db); }
    FunctionHarness(const FunctionHarness &) = delete;
    FunctionHarness &operator=(const FunctionHarness &) = delete;

    // Every row of the first column of sql; error receives SQLite's message if it fails.
    QVariantList rows(const QString &sql, QString *error = nullptr)
    {
        QVariantList values;
        sqlite3_stmt *statement = nullptr;
        const QByteArray utf8 = sql.toUtf8();
        int rc = sqlite3_prepare_v2(m_db, utf8.constData(), -1, &statement, nullptr);
        if (rc == SQLITE_OK)
            while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
                values.append(column(statement));
        if (rc != SQLITE_DONE && error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(statement);
        return values;
    }
    // The value of SELECT expression.
    QVariant eval(const QString &expression)
    {
        QString error;
        const QVariantList values = rows(QStringLiteral("SELECT ") + expression, &error);
        if (!error.isEmpty())
            qWarning("%s: %s", qPrintable(expression), qPrintable(error));
        return values.value(0);
    }
    QList<Violation> claim()
    {
        QList<Violation> out;
        env.sink.claim(QStringLiteral("column"), out);
        return out;
    }

    TransformEnvironment env;

private:
    static QVariant column(sqlite3_stmt *statement)
    {
        switch (sqlite3_column_type(statement, 0)) {
        case SQLITE_INTEGER:
            return qint64(sqlite3_column_int64(statement, 0));
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, 0);
        case SQLITE_TEXT:
            return QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)),
                sqlite3_column_bytes(statement, 0));
        case SQLITE_BLOB:
            return QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, 0)),
                              sqlite3_column_bytes(statement, 0));
        default:
            return QVariant();
        }
    }

    sqlite3 *m_db = nullptr;
};

inline QVariant text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}
inline QVariant integer(qint64 value)
{
    return value;
}
inline QVariant null()
{
    return QVariant();
}

// The standard data columns of a function table: expression, expected value, violations.
inline void addFunctionColumns()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QVariant>("expected");
    QTest::addColumn<int>("violations");
}

// Evaluates the current row of a function table and compares type, value and violations.
inline void verifyFunctionRow(FunctionHarness &harness)
{
    QFETCH(QString, expression);
    QFETCH(QVariant, expected);
    QFETCH(int, violations);
    const QVariant actual = harness.eval(expression);
    const QList<Violation> reported = harness.claim();
    for (const Violation &v : reported)
        qDebug("%s: %s [%s]", qPrintable(v.source), qPrintable(v.reason), qPrintable(v.value));
    QCOMPARE(actual.typeId(), expected.typeId());
    QCOMPARE(actual, expected);
    QCOMPARE(reported.size(), violations);
}

} // namespace cutover::test
