#include "transform/TransformProgram.h"

#include <QElapsedTimer>
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
        // An expression reads its own row and nothing else: whatever reads other rows of the
        // batch would make a value depend on the batch size (preview and run would disagree).
        const char *manyRows = "an expression sees one row at a time";
        const char *beyondRow = "reads beyond the current row";
        QTest::newRow("window row_number") << "row_number() OVER ()" << manyRows;
        QTest::newRow("window sum") << "sum(PAT_ID) OVER (ORDER BY PAT_ID)" << manyRows;
        QTest::newRow("window lag") << "lag(PAT_NAME) OVER ()" << manyRows;
        QTest::newRow("aggregate subquery") << "(SELECT max(PAT_ID) FROM batch)" << manyRows;
        QTest::newRow("cross join") << "(SELECT count(*) FROM batch a, batch b)" << manyRows;
        QTest::newRow("scalar subquery") << "(SELECT PAT_NAME FROM batch LIMIT 1)" << beyondRow;
        QTest::newRow("correlated subquery") << "(SELECT upper(PAT_NAME))" << beyondRow;
        QTest::newRow("in subquery") << "PAT_ID IN (SELECT PAT_ID FROM batch)" << beyondRow;
        QTest::newRow("exists") << "EXISTS (SELECT 1)" << beyondRow;
        QTest::newRow("recursive cte")
            << "(WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT n FROM c "
               "LIMIT 1)"
            << beyondRow;
        // SQLite's "double-quoted string" misfeature is off: a quoted name is always a name.
        QTest::newRow("unknown quoted name") << "\"PHONEX\""
                                             << "no such column: PHONEX";
        QTest::newRow("unknown quoted name in a call") << "upper(\"PAT_NAM\")"
                                                       << "no such column: PAT_NAM";
        // A pattern written as a literal that cannot compile fails every row: the expression
        // is wrong, not the rows.
        QTest::newRow("bad pattern in regexp_replace") << "regexp_replace(PAT_NAME, '[a-', '')"
                                                       << "not a valid regular expression";
        QTest::newRow("bad pattern in regexp_extract") << "regexp_extract(PAT_NAME, '(x', 1)"
                                                       << "not a valid regular expression";
        QTest::newRow("bad pattern in regexp") << "regexp('a{2,1}', PAT_NAME)"
                                               << "not a valid regular expression";
        QTest::newRow("bad pattern after REGEXP") << "PAT_NAME REGEXP '(' AND PAT_ID > 1"
                                                  << "not a valid regular expression";
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

    void anUnknownQuotedNameIsAnErrorAtTheName()
    {
        QList<TransformProgram::CompileError> errors;
        QVERIFY(!compile({{QStringLiteral("phone"), QStringLiteral("trim(\"PHONEX\")")}}, &errors));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].offset, 5);
        QVERIFY2(errors[0].message.contains(QLatin1String("single quotes: 'PHONEX'")),
                 qPrintable(errors[0].message));
    }

    void aBadPatternLiteralIsAnErrorAtTheLiteral()
    {
        const QString expression = QStringLiteral("upper(regexp_replace(PAT_NAME, '(x', ''))");
        QList<TransformProgram::CompileError> errors;
        QVERIFY(!compile({{QStringLiteral("n"), expression}}, &errors));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].offset, int(expression.indexOf(QLatin1String("'(x'"))));
        QVERIFY2(errors[0].message.contains(QLatin1String("missing closing parenthesis")),
                 qPrintable(errors[0].message));
    }

    void patternsThatAreNotLiteralsCompile_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("computed") << "PAT_NAME REGEXP '[a' || ']'";
        QTest::newRow("from a column") << "regexp(PAT_NAME, 'x')";
        QTest::newRow("pattern in a comment") << "regexp('a', PAT_NAME) -- regexp('(', x)";
        QTest::newRow("quoted word") << "regexp('a', \"PAT_NAME\") = 1 OR 'regexp(''('', x)' = ''";
        QTest::newRow("escaped quote") << "regexp_replace(PAT_NAME, 'it''s', 'x')";
    }
    void patternsThatAreNotLiteralsCompile()
    {
        QFETCH(QString, expression);
        QList<TransformProgram::CompileError> errors;
        QVERIFY2(compile({{QStringLiteral("x"), expression}}, &errors),
                 qPrintable(errors.value(0).message));
    }

    // A value on which the pattern backtracks past PCRE2's match limit has no answer: "no match"
    // would be a wrong one. It is a violation of that row, with the reason.
    void aPatternThatGivesUpIsAViolationNotAnAnswer_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("regexp") << "regexp('^(a+)+$', PAT_NAME)";
        QTest::newRow("REGEXP") << "PAT_NAME REGEXP '^(a+)+$'";
        QTest::newRow("regexp_replace") << "regexp_replace(PAT_NAME, '(a+)+$', 'x')";
        QTest::newRow("regexp_extract") << "regexp_extract(PAT_NAME, '(a+)+$')";
    }
    void aPatternThatGivesUpIsAViolationNotAnAnswer()
    {
        QFETCH(QString, expression);
        auto program = compile({{QStringLiteral("x"), expression}});
        QVERIFY(program);
        RowBatch batch = patients();
        batch.rows[1][1] = QString(40, QLatin1Char('a')) + QLatin1Char('!');
        const auto result = program->run(batch);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY(result->violations[0].isEmpty());
        QCOMPARE(result->violations[1].size(), 1);
        QVERIFY2(result->violations[1][0].reason.contains(QLatin1String("match limit")),
                 qPrintable(result->violations[1][0].reason));
        QVERIFY(result->violations[1][0].blocking);
        QVERIFY(result->values.rows[1][0].isNull());
    }

    // What one row may cost is bounded: a value past the limit is a violation of its row at once,
    // not gigabytes of memory and minutes; the other rows go on.
    void aValueTooLargeIsAViolationOfItsRow_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("randomblob") << "randomblob(1000000000)";
        QTest::newRow("zeroblob") << "zeroblob(1000000000)";
        QTest::newRow("printf") << "printf('%.*c', 999999999, 'x')";
        QTest::newRow("printf width") << "printf('%20000000d', PAT_ID)";
        QTest::newRow("format from an argument") << "format('%*s', 20000000, PAT_NAME)";
        QTest::newRow("printf of a large value") << "printf('%s%s', printf('%.*c', 9000000, 'x'), "
                                                    "printf('%.*c', 9000000, 'x'))";
        QTest::newRow("replace") << "replace(printf('%.*c', 1000, 'x'), 'x', "
                                    "printf('%.*c', 100000, 'y'))";
        QTest::newRow("regexp_replace") << "regexp_replace(PAT_NAME, '', "
                                           "printf('%.*c', 10000000, 'y'))";
    }
    void aValueTooLargeIsAViolationOfItsRow()
    {
        QFETCH(QString, expression);
        auto program =
            compile({{QStringLiteral("id"), QStringLiteral("PAT_ID")},
                     {QStringLiteral("big"), QStringLiteral("CASE WHEN PAT_ID = 2 THEN ") +
                                                 expression + QStringLiteral(" END")}});
        QVERIFY(program);
        QElapsedTimer timer;
        timer.start();
        const auto result = program->run(patients());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        // Well under a second alone; unbounded, these ran for minutes past 4 GB. The margin is
        // for a machine busy with other builds.
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(result->violations[0].isEmpty());
        QCOMPARE(result->violations[1].size(), 1);
        QVERIFY2(result->violations[1][0].reason.contains(QLatin1String("larger than an expression "
                                                                        "may make")),
                 qPrintable(result->violations[1][0].reason));
        QVERIFY(result->violations[2].isEmpty());
        QCOMPARE(result->values.rows[2][0], QVariant(qint64(3)));
    }

    void printfStillFormats()
    {
        auto program = compile(
            {{QStringLiteral("code"), QStringLiteral("printf('%05d-%s', PAT_ID, PAT_NAME)")},
             {QStringLiteral("cut"), QStringLiteral("format('%.2s|%-4s|', PAT_NAME, 'ab')")},
             {QStringLiteral("none"), QStringLiteral("printf(NULL, PAT_ID)")}});
        QVERIFY(program);
        const auto result = program->run(patients());
        QVERIFY(result.ok());
        QCOMPARE(result->values.rows[1][0], QVariant(QStringLiteral("00002-Bob")));
        QCOMPARE(result->values.rows[1][1], QVariant(QStringLiteral("Bo|ab  |")));
        QVERIFY(result->values.rows[1][2].isNull());
        QVERIFY(result->violations[1].isEmpty());
    }

    // The limit grows with the row: a large value read and passed on is not refused.
    void largeSourceValuesPassThrough()
    {
        auto program =
            compile({{QStringLiteral("copy"), QStringLiteral("PAT_NAME")},
                     {QStringLiteral("twice"), QStringLiteral("length(PAT_NAME || PAT_NAME)")}});
        QVERIFY(program);
        RowBatch batch = patients();
        const QString large(20 * 1024 * 1024, QLatin1Char('z'));
        batch.rows[1][1] = large;
        const auto result = program->run(batch);
        QVERIFY(result.ok());
        QVERIFY(result->violations[1].isEmpty());
        QCOMPARE(result->values.rows[1][0].toString().size(), large.size());
        QCOMPARE(result->values.rows[1][1], QVariant(qint64(2 * large.size())));
    }

    void aRowThatRunsTooLongIsStopped()
    {
        QStringList terms;
        for (int i = 0; i < 400; ++i) // each about 5 ms: 2 s a row unbounded
            terms.append(QStringLiteral("length(printf('%.*c', 1000000 + PAT_ID, 'x'))"));
        auto program = compile({{QStringLiteral("id"), QStringLiteral("PAT_ID")},
                                {QStringLiteral("slow"), terms.join(QStringLiteral(" + "))}});
        QVERIFY(program);
        program->setRowTimeLimit(50);
        QElapsedTimer timer;
        timer.start();
        const auto result = program->run(patients());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(result->violations[row].size(), 1);
            QVERIFY2(result->violations[row][0].reason.contains(QLatin1String("ran longer than")),
                     qPrintable(result->violations[row][0].reason));
            QCOMPARE(result->values.rows[row][0], QVariant()); // the row's values are not kept
        }
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    }

    // Names a user's schema may have: quotes, spaces, non-ASCII letters, SQL keywords.
    void readsColumnsOfAnyName_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expression");
        QTest::newRow("double quote") << "quo\"te"
                                      << "\"quo\"\"te\"";
        QTest::newRow("single quote") << "it's"
                                      << "\"it's\"";
        QTest::newRow("space") << "my col"
                               << "[my col]";
        QTest::newRow("unicode") << "naïve"
                                 << "`naïve`";
        QTest::newRow("keyword") << "order"
                                 << "\"order\"";
        QTest::newRow("bracket") << "a]b"
                                 << "\"a]b\"";
        QTest::newRow("backtick") << "a`b"
                                  << "\"a`b\"";
    }
    void readsColumnsOfAnyName()
    {
        QFETCH(QString, column);
        QFETCH(QString, expression);
        QList<TransformProgram::CompileError> errors;
        auto program = TransformProgram::compile(
            {QStringLiteral("id"), column},
            {{QStringLiteral("out"), QStringLiteral("upper(") + expression + QLatin1Char(')')}}, {},
            &errors);
        QVERIFY2(program, qPrintable(errors.value(0).message));
        QCOMPARE(program->lineage(0), QStringList{column});
        const auto result = program->run(
            RowBatch{{QStringLiteral("id"), column}, {{qint64(1), QStringLiteral("value")}}});
        QVERIFY(result.ok());
        QCOMPARE(result->values.rows[0][0], QVariant(QStringLiteral("VALUE")));
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
