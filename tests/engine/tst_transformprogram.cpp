#include "TransformProgram.h"

#include <QTest>

using namespace cutover;

namespace {

using Output = TransformProgram::Output;

RowBatch patients()
{
    RowBatch batch;
    batch.columns = {QStringLiteral("PAT_ID"), QStringLiteral("PAT_NAME"),
                     QStringLiteral("Date of Birth"), QStringLiteral("select")};
    batch.rows = {{qint64(1), QStringLiteral("  anna  "), QStringLiteral("1984-03-07"), QVariant()},
                  {qint64(2), QStringLiteral("Bob"), QVariant(), 2.5},
                  {qint64(3), QStringLiteral("Zoë"), QStringLiteral("2001-12-31"),
                   QByteArray("\x00\x01", 2)}};
    return batch;
}

std::unique_ptr<TransformProgram> compile(const QList<Output> &outputs,
                                          QList<TransformProgram::CompileError> *errors = nullptr,
                                          const QList<LookupMap> &lookups = {})
{
    QList<TransformProgram::CompileError> ignored;
    return TransformProgram::compile(patients().columns, outputs, lookups,
                                     errors ? errors : &ignored);
}

} // namespace

class TestTransformProgram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluatesEveryOutputForEveryRowInOrder()
    {
        auto program = compile({{QStringLiteral("id"), QStringLiteral("PAT_ID * 10")},
                                {QStringLiteral("name"), QStringLiteral("trim(PAT_NAME)")},
                                {QStringLiteral("dob"), QStringLiteral("[Date of Birth]")},
                                {QStringLiteral("raw"), QStringLiteral("\"select\"")}});
        QVERIFY(program);
        const auto result = program->run(patients());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        const RowBatch &out = result->values;
        QCOMPARE(out.columns, (QStringList{"id", "name", "dob", "raw"}));
        QCOMPARE(out.rows.size(), 3);
        QCOMPARE(out.rows[0][0], QVariant(qint64(10)));
        QCOMPARE(out.rows[0][1], QVariant(QStringLiteral("anna")));
        QCOMPARE(out.rows[2][1], QVariant(QStringLiteral("Zoë")));
        QVERIFY(out.rows[1][2].isNull());
        QCOMPARE(out.rows[1][3], QVariant(2.5));
        QCOMPARE(out.rows[2][3], QVariant(QByteArray("\x00\x01", 2)));
        QVERIFY(out.rows[0][3].isNull());
        for (const auto &violations : result->violations)
            QVERIFY(violations.isEmpty());
    }

    void runsManyBatchesAndAcceptsAnyColumnOrder()
    {
        auto program = compile({{QStringLiteral("n"), QStringLiteral("PAT_ID + 1")}});
        QVERIFY(program);
        for (int round = 0; round < 3; ++round) {
            RowBatch batch = patients();
            // Reverse the columns of the batch: the program maps them by name.
            std::reverse(batch.columns.begin(), batch.columns.end());
            for (QVariantList &row : batch.rows)
                std::reverse(row.begin(), row.end());
            const auto result = program->run(batch);
            QVERIFY(result.ok());
            QCOMPARE(result->values.rows.size(), 3);
            QCOMPARE(result->values.rows[2][0], QVariant(qint64(4)));
        }
        QVERIFY(program->run(RowBatch{patients().columns, {}}).ok());
    }

    void aMissingBatchColumnIsAnError()
    {
        auto program = compile({{QStringLiteral("n"), QStringLiteral("PAT_ID")}});
        RowBatch batch;
        batch.columns = {QStringLiteral("PAT_ID")};
        batch.rows = {{qint64(1)}};
        const auto result = program->run(batch);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message().contains(QLatin1String("no column 'PAT_NAME'")));
    }

    void reportsLineagePerOutput()
    {
        auto program = compile({{QStringLiteral("a"), QStringLiteral("PAT_NAME || PAT_ID")},
                                {QStringLiteral("b"), QStringLiteral("'constant'")},
                                {QStringLiteral("c"),
                                 QStringLiteral("coalesce([Date of Birth], \"select\", PAT_ID)")}});
        QVERIFY(program);
        QCOMPARE(program->lineage(0), (QStringList{"PAT_NAME", "PAT_ID"}));
        QCOMPARE(program->lineage(QStringLiteral("b")), QStringList());
        QCOMPARE(program->lineage(QStringLiteral("c")),
                 (QStringList{"Date of Birth", "select", "PAT_ID"}));
    }

    void reportsEveryCompileErrorWithItsOutputAndOffset()
    {
        QList<TransformProgram::CompileError> errors;
        auto program = compile({{QStringLiteral("ok"), QStringLiteral("PAT_ID")},
                                {QStringLiteral("typo"), QStringLiteral("upper(PAT_NAM)")},
                                {QStringLiteral("syntax"), QStringLiteral("PAT_ID +* 2")},
                                {QStringLiteral("empty"), QStringLiteral("")}},
                               &errors);
        QVERIFY(!program);
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0].output, QStringLiteral("typo"));
        QVERIFY(errors[0].message.contains(QLatin1String("no such column: PAT_NAM")));
        QCOMPARE(errors[0].offset, 6);
        QCOMPARE(errors[1].output, QStringLiteral("syntax"));
        QCOMPARE(errors[1].offset, 8);
        QCOMPARE(errors[2].output, QStringLiteral("empty"));
    }

    void sandboxRefuses_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("schema") << "(SELECT name FROM sqlite_schema LIMIT 1)"
                                << "may only read the source row";
        QTest::newRow("pragma function") << "(SELECT count(*) FROM pragma_database_list)"
                                         << "only reading";
        QTest::newRow("second statement") << "1); ATTACH 'x.db' AS x; SELECT (1"
                                          << "single SQL expression";
        QTest::newRow("extension") << "load_extension('evil.so')"
                                   << "not allowed";
        QTest::newRow("aggregate") << "max(PAT_ID)"
                                   << "aggregate";
        QTest::newRow("count") << "count(*)"
                               << "aggregate";
    }
    void sandboxRefuses()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        QList<TransformProgram::CompileError> errors;
        QVERIFY(!compile({{QStringLiteral("x"), expression}}, &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().message));
    }

    void anSqlErrorInOneRowBecomesAViolationOfThatRow()
    {
        auto program = compile(
            {{QStringLiteral("id"), QStringLiteral("PAT_ID")},
             {QStringLiteral("j"),
              QStringLiteral(
                  "json_extract(CASE WHEN PAT_ID = 2 THEN '{bad' ELSE '{\"a\":1}' END, '$.a')")}});
        QVERIFY(program);
        const auto result = program->run(patients());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->values.rows.size(), 3);
        QCOMPARE(result->values.rows[0][1], QVariant(qint64(1)));
        QCOMPARE(result->values.rows[2][1], QVariant(qint64(1)));
        QCOMPARE(result->values.rows[2][0], QVariant(qint64(3)));
        QVERIFY(result->violations[0].isEmpty());
        QCOMPARE(result->violations[1].size(), 1);
        QVERIFY(result->violations[1].first().reason.contains(QLatin1String("JSON")));
        QVERIFY(result->violations[2].isEmpty());
    }

    void anInterruptBeforeABatchStopsIt()
    {
        auto program = compile({{QStringLiteral("id"), QStringLiteral("PAT_ID")}});
        QVERIFY(program);
        program->interrupt();
        const auto result = program->run(patients());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), Error::Code::Cancelled);
    }

    // SQLite never checks text: an expression can make text that is not UTF-8 from a blob. It
    // stays bytes for the target column to judge (a binary column keeps them), never a text with
    // U+FFFD in it; a leading U+FEFF stays; a function given it as text refuses the row.
    void textThatIsNotUtf8StaysBytes()
    {
        auto program = compile(
            {{QStringLiteral("cast"), QStringLiteral("CAST(x'426f6296' AS TEXT)")},
             {QStringLiteral("bom"), QStringLiteral("CAST(x'efbbbf5a6f65' AS TEXT)")},
             {QStringLiteral("trimmed"), QStringLiteral("trim(CAST(x'20618062' AS BLOB))")},
             {QStringLiteral("titled"), QStringLiteral("title_case(CAST(x'626f6296' AS TEXT))")},
             {QStringLiteral("lone"), QStringLiteral("CAST(x'80' AS TEXT) || 'x'")}});
        QVERIFY(program);
        const auto result = program->run(patients());
        QVERIFY(result.ok());
        const QVariantList &row = result->values.rows[0];
        QCOMPARE(row[0].typeId(), QMetaType::QByteArray);
        QCOMPARE(row[0].toByteArray(), QByteArray("Bob\x96"));
        QCOMPARE(row[1], QVariant(QChar(0xfeff) + QStringLiteral("Zoe")));
        QCOMPARE(row[2].typeId(), QMetaType::QByteArray);
        QCOMPARE(row[2].toByteArray(), QByteArray("a\x80"
                                                  "b"));
        QCOMPARE(row[4].typeId(), QMetaType::QByteArray);
        QCOMPARE(row[4].toByteArray(), QByteArray("\x80x"));
        QCOMPARE(result->violations[0].size(), 1);
        const Violation &refused = result->violations[0].first();
        QCOMPARE(refused.column, QStringLiteral("titled"));
        QCOMPARE(refused.value, QStringLiteral("x'626f6296'"));
        QCOMPARE(refused.reason, QStringLiteral("not valid UTF-8 at byte offset 3: 62 6f 62 96"));
    }

    // A lookup key that is not text is refused, not looked up as U+FFFD (and given the default).
    void aLookupKeyThatIsNotUtf8IsRefused()
    {
        LookupMap status{QStringLiteral("status"),
                         {{QStringLiteral("A"), QStringLiteral("active")}},
                         QStringLiteral("unknown"),
                         true};
        auto program = compile(
            {{QStringLiteral("status"), QStringLiteral("lookup('status', CAST(x'96' AS TEXT))")}},
            nullptr, {status});
        QVERIFY(program);
        const auto result = program->run(patients());
        QVERIFY(result.ok());
        for (const QList<Violation> &row : result->violations) { // the cached map's rows too
            QCOMPARE(row.size(), 1);
            QCOMPARE(row.first().reason, QStringLiteral("not valid UTF-8 at byte offset 0: 96"));
        }
    }

    void functionViolationsBelongToTheirRowAndColumn()
    {
        LookupMap status{QStringLiteral("status"),
                         {{QStringLiteral("1"), QStringLiteral("active")},
                          {QStringLiteral("3"), QStringLiteral("closed")}},
                         {},
                         false};
        auto program =
            compile({{QStringLiteral("id"), QStringLiteral("PAT_ID")},
                     {QStringLiteral("status"), QStringLiteral("lookup('status', PAT_ID)")},
                     {QStringLiteral("constant"), QStringLiteral("lookup('status', 'ZZ')")}},
                    nullptr, {status});
        QVERIFY(program);
        const auto result = program->run(patients());
        QVERIFY(result.ok());
        QCOMPARE(result->values.rows[0][1], QVariant(QStringLiteral("active")));
        QVERIFY(result->values.rows[1][1].isNull());
        // Row 2 has no status mapping; every row has the constant's violation: nothing hoisted.
        QCOMPARE(result->violations[0].size(), 1);
        QCOMPARE(result->violations[1].size(), 2);
        QCOMPARE(result->violations[2].size(), 1);
        QCOMPARE(result->violations[1][0].column, QStringLiteral("status"));
        QCOMPARE(result->violations[1][0].source, QStringLiteral("lookup"));
        QCOMPARE(result->violations[1][1].column, QStringLiteral("constant"));
        QCOMPARE(result->violations[0][0].column, QStringLiteral("constant"));
    }
};

QTEST_GUILESS_MAIN(TestTransformProgram)
#include "tst_transformprogram.moc"
