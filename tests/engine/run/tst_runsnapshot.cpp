// What a run kept of the mappings it ran, and what changed between two runs' snapshots: a
// column's expression, a mapping's filter, a mapping or column added or removed, a rule, a lookup
// map's entries; nothing for the same project.
#include "run/ledger/RunSnapshot.h"

#include <QTest>

using namespace cutover;

namespace {

Project project()
{
    Project p;
    TableMapping patient;
    patient.target = QStringLiteral("patient");
    patient.source = QStringLiteral("PATIENTS");
    ColumnMapping name;
    name.target = QStringLiteral("full_name");
    name.expression = QStringLiteral("trim(PAT_NAME)");
    ColumnMapping born;
    born.target = QStringLiteral("born");
    born.expression = QStringLiteral("DOB");
    patient.columns = {name, born};
    p.mappings = {patient};
    LookupMap genders;
    genders.name = QStringLiteral("genders");
    genders.entries.insert(QStringLiteral("M"), QStringLiteral("male"));
    p.lookups = {genders};
    Rule rule;
    rule.name = QStringLiteral("born_past");
    rule.table = QStringLiteral("patient");
    rule.expression = QStringLiteral("born < date('now')");
    p.rules = {rule};
    return p;
}

} // namespace

class TestRunSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameProjectNoChanges()
    {
        QVERIFY(
            RunSnapshot::changes(RunSnapshot::of(project()), RunSnapshot::of(project())).isEmpty());
    }

    void namesEachChange()
    {
        Project later = project();
        TableMapping &patient = later.mappings.first();
        patient.columns[0].expression = QStringLiteral("upper(trim(PAT_NAME))");
        patient.columns.removeAt(1);
        ColumnMapping sex;
        sex.target = QStringLiteral("sex");
        sex.expression = QStringLiteral("lookup('genders', SEX)");
        patient.columns.append(sex);
        patient.filter = QStringLiteral("DELETED = 0");
        TableMapping visit;
        visit.target = QStringLiteral("visit");
        later.mappings.append(visit);
        later.lookups.first().entries.insert(QStringLiteral("F"), QStringLiteral("female"));
        later.rules.first().expression = QStringLiteral("born <= date('now')");

        const QStringList changes =
            RunSnapshot::changes(RunSnapshot::of(project()), RunSnapshot::of(later));
        const QStringList expected{
            QStringLiteral("patient: filter (none) is now `DELETED = 0`"),
            QStringLiteral("patient.born: no longer mapped"),
            QStringLiteral(
                "patient.full_name: expression `trim(PAT_NAME)` is now `upper(trim(PAT_NAME))`"),
            QStringLiteral("patient.sex: now mapped from `lookup('genders', SEX)`"),
            QStringLiteral("mapping to visit added"),
            QStringLiteral("rule born_past: expression `born < date('now')` is now "
                           "`born <= date('now')`"),
            QStringLiteral("lookup map genders changed"),
        };
        QCOMPARE(changes, expected);
    }
};

QTEST_MAIN(TestRunSnapshot)
#include "tst_runsnapshot.moc"
