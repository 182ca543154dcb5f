#include "transform/ExpressionChecker.h"

#include <QTest>

using namespace cutover;

class TestExpressionChecker : public QObject
{
    Q_OBJECT

    const QStringList m_columns{QStringLiteral("PAT_ID"), QStringLiteral("PAT_NAME"),
                                QStringLiteral("select"), QStringLiteral("Date of Birth")};

private Q_SLOTS:
    void reportsLineage_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("read");
        QTest::newRow("one column") << "PAT_NAME" << QStringList{"PAT_NAME"};
        QTest::newRow("function of two")
            << "title_case(PAT_NAME) || PAT_ID" << QStringList{"PAT_NAME", "PAT_ID"};
        QTest::newRow("reserved word, quoted") << "upper(\"select\")" << QStringList{"select"};
        QTest::newRow("spaces in a name")
            << "parse_datetime([Date of Birth], 'dd.MM.yyyy')" << QStringList{"Date of Birth"};
        QTest::newRow("case insensitive names") << "pat_id + 1" << QStringList{"PAT_ID"};
        QTest::newRow("constant") << "'fixed'" << QStringList{};
        QTest::newRow("case expression")
            << "CASE WHEN PAT_ID > 3 THEN PAT_NAME END" << QStringList{"PAT_ID", "PAT_NAME"};
        QTest::newRow("catalog function, variadic")
            << "uuid5('patient', PAT_ID, PAT_NAME)" << QStringList{"PAT_ID", "PAT_NAME"};
    }
    void reportsLineage()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, read);
        ExpressionChecker checker(m_columns);
        const auto outcome = checker.check(expression);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(outcome.columnsRead, read);
    }

    void reportsErrorsWithTheirOffset_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("offset");
        QTest::newRow("unknown column") << "upper(PAT_NAM)"
                                        << "no such column: PAT_NAM" << 6;
        QTest::newRow("syntax") << "PAT_ID +* 2"
                                << "syntax error" << 8;
        QTest::newRow("unclosed parenthesis") << "lower(trim(PAT_NAM"
                                              << "ends too soon: is a closing parenthesis" << 18;
        QTest::newRow("missing operand") << "PAT_ID ||"
                                         << "ends too soon" << 9;
        QTest::newRow("offset counts characters, not bytes") << "'Müller' || PAT_NAM"
                                                             << "no such column: PAT_NAM" << 12;
        QTest::newRow("unknown function") << "frobnicate(PAT_ID)"
                                          << "no such function: frobnicate" << 0;
        QTest::newRow("wrong arity") << "to_utc(PAT_ID)"
                                     << "wrong number of arguments" << 0;
        QTest::newRow("empty") << "   "
                               << "empty" << 0;
    }
    void reportsErrorsWithTheirOffset()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        QFETCH(int, offset);
        ExpressionChecker checker(m_columns);
        const auto outcome = checker.check(expression);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(message), qPrintable(outcome.message));
        QCOMPARE(outcome.offset, offset);
    }

    void refusesEverythingButReadingTheRow_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("reading the schema") << "(SELECT group_concat(name) FROM sqlite_schema)"
                                            << "may only read the source row";
        QTest::newRow("a second statement") << "1); DROP TABLE source_row; SELECT (1"
                                            << "single SQL expression";
        QTest::newRow("extension loading") << "load_extension('/tmp/evil.so')"
                                           << "not allowed";
        QTest::newRow("pragma function") << "(SELECT * FROM pragma_table_info('source_row'))"
                                         << "only reading the source row";
    }
    void refusesEverythingButReadingTheRow()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        ExpressionChecker checker(m_columns);
        const auto outcome = checker.check(expression);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(message), qPrintable(outcome.message));
        // The checker is still usable afterwards, with its row table intact.
        QVERIFY(checker.check(QStringLiteral("PAT_ID")).ok);
    }
};

QTEST_GUILESS_MAIN(TestExpressionChecker)
#include "tst_expressionchecker.moc"
