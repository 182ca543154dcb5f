// Find and replace across every expression of a project: column expressions, source filters and
// expression rules; plain text in any case, whole words, regular expressions with groups; one
// match or all of them, as one undoable edit of the document.
#include "ExpressionSearch.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"

#include <QTest>
#include <QUndoStack>

using namespace cutover;
using Place = ExpressionSearch::Place;

class TestExpressionSearch : public QObject
{
    Q_OBJECT

private:
    static ColumnMapping mapped(const char *target, const char *expression)
    {
        ColumnMapping column;
        column.target = QLatin1String(target);
        column.expression = QLatin1String(expression);
        return column;
    }

    static Project project()
    {
        Project p;
        TableMapping patient;
        patient.target = QStringLiteral("patient");
        patient.source = QStringLiteral("PATIENTS");
        patient.filter = QStringLiteral("STATUS <> 'X'");
        patient.columns = {mapped("full_name", "trim(PAT_NAME)"), mapped("status", "lower(STATUS)"),
                           mapped("note", "upper(PAT_NAME_OLD)")};
        TableMapping visit;
        visit.target = QStringLiteral("visit");
        visit.source = QStringLiteral("VISITS");
        visit.query = QStringLiteral("SELECT id, status FROM VISITS");
        visit.columns = {mapped("status", "trim(Status)")};
        p.mappings = {patient, visit};
        Rule rule;
        rule.name = QStringLiteral("named");
        rule.table = QStringLiteral("patient");
        rule.kind = Rule::Kind::Expression;
        rule.expression = QStringLiteral("length(full_name) > 1 AND status <> 'x'");
        p.rules = {rule};
        return p;
    }

    static QStringList places(const Project &p, const QList<ExpressionSearch::Match> &matches)
    {
        QStringList names;
        for (const auto &m : matches)
            names.append(ExpressionSearch::placeName(p, m));
        return names;
    }

private Q_SLOTS:
    void findsInColumnsQueriesFiltersAndRules()
    {
        const Project p = project();
        const ExpressionSearch search(QStringLiteral("status"), {});
        const auto found = search.find(p);
        QCOMPARE(
            places(p, found),
            (QStringList{QStringLiteral("patient.status"), QStringLiteral("patient: source filter"),
                         QStringLiteral("visit.status"), QStringLiteral("visit: source query"),
                         QStringLiteral("rule named")}));
        QCOMPARE(found.at(0).start, 6);
        QCOMPARE(found.at(0).length, 6);
        QCOMPARE(found.at(0).place, Place::Column);
        QCOMPARE(found.at(1).place, Place::Filter);

        ExpressionSearch::Options matchCase;
        matchCase.matchCase = true;
        QCOMPARE(ExpressionSearch(QStringLiteral("STATUS"), matchCase).find(p).size(), 2);
    }

    void wholeWordsLeaveLongerNamesAlone()
    {
        const Project p = project();
        ExpressionSearch::Options words;
        words.wholeWords = true;
        QCOMPARE(ExpressionSearch(QStringLiteral("PAT_NAME"), {}).find(p).size(), 2);
        const auto found = ExpressionSearch(QStringLiteral("PAT_NAME"), words).find(p);
        QCOMPARE(places(p, found), QStringList{QStringLiteral("patient.full_name")});
    }

    void replaceAllIsOneUndoableEdit()
    {
        ProjectDocument document;
        document.reset(project());
        ExpressionSearch::Options words;
        words.wholeWords = true;
        const ExpressionSearch search(QStringLiteral("PAT_NAME"), words);
        int count = 0;
        const Project after = search.replaceAll(document.project(), QStringLiteral("NAME"), &count);
        QCOMPARE(count, 1);
        ProjectEdits(document).replaceProject(after, QStringLiteral("Replace"));
        QCOMPARE(document.project().mappings.at(0).columns.at(0).expression,
                 QStringLiteral("trim(NAME)"));
        QCOMPARE(document.project().mappings.at(0).columns.at(2).expression,
                 QStringLiteral("upper(PAT_NAME_OLD)"));
        document.undoStack()->undo();
        QCOMPARE(document.project(), project());
    }

    void aRegularExpressionReplacesWithItsGroups()
    {
        const Project p = project();
        ExpressionSearch::Options regex;
        regex.regularExpression = true;
        const ExpressionSearch search(QStringLiteral("(lower|upper)\\(([A-Z_]+)\\)"), regex);
        int count = 0;
        const Project after = search.replaceAll(p, QStringLiteral("\\1(trim(\\2))"), &count);
        QCOMPARE(count, 2);
        QCOMPARE(after.mappings.at(0).columns.at(1).expression,
                 QStringLiteral("lower(trim(STATUS))"));
        QCOMPARE(after.mappings.at(0).columns.at(2).expression,
                 QStringLiteral("upper(trim(PAT_NAME_OLD))"));
        // plain text: a backslash is a backslash
        const ExpressionSearch plain(QStringLiteral("'X'"), {});
        QCOMPARE(plain.replaceAll(p, QStringLiteral("'\\1'"), nullptr).mappings.at(0).filter,
                 QStringLiteral("STATUS <> '\\1'"));
        // a pattern that does not compile says why and finds nothing
        const ExpressionSearch broken(QStringLiteral("lower("), regex);
        QVERIFY(!broken.isValid());
        QVERIFY(broken.error().contains(QStringLiteral("does not compile")));
        QVERIFY(broken.find(p).isEmpty());
        QVERIFY(!ExpressionSearch(QString(), {}).isValid());
    }

    void replaceOneChangesOnlyThatMatch()
    {
        const Project p = project();
        const ExpressionSearch search(QStringLiteral("status"), {});
        const auto found = search.find(p);
        const Project after = search.replaceOne(p, found.at(2), QStringLiteral("state"));
        QCOMPARE(after.mappings.at(1).columns.at(0).expression, QStringLiteral("trim(state)"));
        QCOMPARE(after.mappings.at(0).columns.at(1).expression, QStringLiteral("lower(STATUS)"));
        QCOMPARE(after.rules.at(0).expression, p.rules.at(0).expression);
        QCOMPARE(after.mappings.at(1).query, p.mappings.at(1).query);
        // a match found before the expression changed replaces nothing
        const Project again = search.replaceOne(after, found.at(2), QStringLiteral("x"));
        QCOMPARE(again, after);
    }
};

QTEST_GUILESS_MAIN(TestExpressionSearch)
#include "tst_expressionsearch.moc"
