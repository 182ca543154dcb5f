#include "VerifyOk.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "project/RunbookJson.h"
#include "project/RunbookVocabulary.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/ledger/RunHistory.h"
#include "run/ledger/RunLedger.h"
#include "runbook/AdvisorMeasurements.h"
#include "runbook/StrategyAdvisor.h"
#include "runbook/StrategyCatalog.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace cutover;

using Level = AdvisorAnswers::Level;
using Answer = AdvisorAnswers::Answer;
using Hosting = AdvisorAnswers::Hosting;

Q_DECLARE_METATYPE(cutover::AdvisorAnswers)

namespace {

AdvisorAnswers answered(std::initializer_list<std::function<void(AdvisorAnswers &)>> setters)
{
    AdvisorAnswers a;
    for (const auto &set : setters)
        set(a);
    return a;
}

auto rows(qint64 n)
{
    return [n](AdvisorAnswers &a) {
        a.rows = n;
    };
}
auto downtime(int minutes)
{
    return [minutes](AdvisorAnswers &a) {
        a.downtimeMinutes = minutes;
    };
}
auto rehearsal(double minutes)
{
    return [minutes](AdvisorAnswers &a) {
        a.rehearsalMinutes = minutes;
    };
}
auto risk(Level level)
{
    return [level](AdvisorAnswers &a) {
        a.riskTolerance = level;
    };
}
auto rollback(Level level)
{
    return [level](AdvisorAnswers &a) {
        a.rollbackNeed = level;
    };
}
auto complexity(Level level)
{
    return [level](AdvisorAnswers &a) {
        a.complexity = level;
    };
}
auto sideBySide(Answer answer)
{
    return [answer](AdvisorAnswers &a) {
        a.sideBySide = answer;
    };
}
auto hosting(Hosting where)
{
    return [where](AdvisorAnswers &a) {
        a.hosting = where;
    };
}

bool anyContains(const QStringList &texts, const QString &part)
{
    for (const QString &text : texts)
        if (text.contains(part))
            return true;
    return false;
}

RunRecord runRecord(RunMode mode, RunStatus status, const QString &phase, int minutes)
{
    RunRecord run;
    run.mode = mode;
    run.status = status;
    run.phase = phase;
    run.startedAt = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    run.finishedAt = run.startedAt.addSecs(60LL * minutes);
    return run;
}

} // namespace

// The strategy advisor: every strategy reachable by the answers its "when to use" names, with
// the documents' reasons in words; unanswered questions move nothing and are listed; scores stay
// in 0..100 and the recommended one has the highest. Its measurements on a real demo database.
class TestStrategyAdvisor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Project demo(const QString &name, QList<DemoGenerator::File> *files = nullptr)
    {
        DemoGenerator::Options options;
        options.directory = m_dir.filePath(name);
        options.patients = 60;
        auto written = DemoGenerator::generate(options);
        if (!written.ok()) {
            qWarning() << written.error().toString();
            return {};
        }
        if (files)
            *files = *written;
        auto project =
            ProjectReader::load(QDir(options.directory).filePath(DemoGenerator::projectFileName()));
        if (!project.ok()) {
            qWarning() << project.error().toString();
            return {};
        }
        project->settings.maxErrorRate = -1; // the dirty demo loads whatever the seed gives
        return *project;
    }

    static QString ledgerRun(RunLedger &ledger, const Project &project, RunMode mode,
                             int minutesAgo, bool finish)
    {
        RunRecord run;
        run.project = project.name;
        run.mode = mode;
        run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60LL * minutesAgo);
        auto id = ledger.startRun(run);
        if (!id.ok())
            return {};
        if (finish && !ledger.finishRun(*id, RunStatus::Succeeded).ok())
            return {};
        return *id;
    }

private Q_SLOTS:
    void catalogHasFourStrategies()
    {
        const QList<StrategyCatalog::Strategy> &all = StrategyCatalog::strategies();
        QCOMPARE(all.size(), 4);
        for (qsizetype i = 0; i < all.size(); ++i) {
            const StrategyCatalog::Strategy &s = all[i];
            QCOMPARE(s.name, RunbookVocabulary::strategyNames()[i]);
            QCOMPARE(s.title, RunbookVocabulary::strategyTitle(s.name));
            QVERIFY(!s.description.isEmpty());
            for (const QStringList *list : {&s.pros, &s.cons, &s.whenToUse, &s.process}) {
                QVERIFY2(!list->isEmpty(), qPrintable(s.name));
                QCOMPARE(QSet<QString>(list->begin(), list->end()).size(), list->size());
            }
        }
        QCOMPARE(StrategyCatalog::strategy(QStringLiteral("big-bang"))->process,
                 QStringList({"Stop", "Migrate", "Validate", "Start"}));
        QCOMPARE(StrategyCatalog::strategy(QStringLiteral("blue-green"))->process,
                 QStringList({"Build parallel", "Sync", "Switch", "Teardown"}));
        QVERIFY(StrategyCatalog::strategy(QStringLiteral("phased"))
                    ->pros.contains(QStringLiteral("Lower risk per phase: the safest option")));
        QVERIFY(!StrategyCatalog::strategy(QStringLiteral("waterfall")));
    }

    void eachStrategyReachable_data()
    {
        QTest::addColumn<AdvisorAnswers>("answers");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("reasons"); // parts of the recommended one's reasons

        QTest::newRow("big bang: small data, a window, high risk tolerance")
            << answered({rows(50'000), downtime(240), risk(Level::High)})
            << QStringLiteral("big-bang")
            << QStringList{"Big Bang suits small data volumes",
                           "Big Bang needs an acceptable downtime window",
                           "Big Bang's higher risk is acceptable"};
        QTest::newRow("big bang: small organisation, rehearsal fits the window")
            << answered({rows(200'000), downtime(480), rehearsal(45), risk(Level::High),
                         rollback(Level::Low), complexity(Level::Low), sideBySide(Answer::No),
                         hosting(Hosting::OnPremises)})
            << QStringLiteral("big-bang")
            << QStringList{"The last rehearsal took 45 minutes, within the 480 minutes",
                           "Medplum recommends Big Bang only for small or early-stage projects",
                           "Big Bang needs no active-active synchronization"};
        QTest::newRow("phased: large, complex, low risk tolerance, downtime in slices")
            << answered({rows(50'000'000), downtime(60), risk(Level::Low), complexity(Level::High)})
            << QStringLiteral("phased")
            << QStringList{"Phased suits large systems and databases",
                           "Phased suits minimal risk tolerance",
                           "Phased needs only one slice to fit each short window",
                           "Phased suits large systems and complex schemas"};
        QTest::newRow("phased: the rehearsal does not fit the window")
            << answered({rows(5'000'000), downtime(120), rehearsal(300), risk(Level::Low),
                         complexity(Level::Medium)})
            << QStringLiteral("phased")
            << QStringList{"more than the 120 minutes of downtime accepted: Phased needs only "
                           "one slice at a time",
                           "Medplum recommends phased adoption for moderately complex"};
        QTest::newRow("parallel run: zero downtime, critical, side by side, rollback")
            << answered({rows(20'000'000), downtime(0), complexity(Level::High),
                         sideBySide(Answer::Yes), rollback(Level::High)})
            << QStringLiteral("parallel-run")
            << QStringList{"Downtime of 0 minutes is accepted: Parallel Run suits a "
                           "zero-downtime requirement",
                           "Parallel Run suits critical systems",
                           "Parallel Run needs both systems live, with dual writes and sync",
                           "Parallel Run offers safe, easy rollback"};
        QTest::newRow("blue-green: cloud, minimal downtime, instant rollback, side by side")
            << answered({hosting(Hosting::Cloud), downtime(5), rollback(Level::High),
                         sideBySide(Answer::Yes)})
            << QStringLiteral("blue-green")
            << QStringList{"Blue-Green suits cloud environments with automated infrastructure",
                           "Blue-Green needs only minimal downtime to switch",
                           "Instant rollback must be possible: Blue-Green offers instant rollback",
                           "Blue-Green builds green beside blue"};
        QTest::newRow("blue-green: cloud, zero downtime")
            << answered({hosting(Hosting::Cloud), downtime(0), rollback(Level::High),
                         sideBySide(Answer::Yes), risk(Level::Medium)})
            << QStringLiteral("blue-green")
            << QStringList{"Blue-Green switches with minimal or zero downtime"};
        QTest::newRow("nothing answered: the lower risk, phased")
            << AdvisorAnswers{} << QStringLiteral("phased") << QStringList{};
    }

    void eachStrategyReachable()
    {
        QFETCH(AdvisorAnswers, answers);
        QFETCH(QString, expected);
        QFETCH(QStringList, reasons);
        const StrategyAdvisor::Recommendation r = StrategyAdvisor::advise(answers);
        QCOMPARE(r.recommended, expected);
        const StrategyAdvisor::Assessment *chosen = r.assessment(expected);
        QVERIFY(chosen);
        for (const QString &reason : reasons)
            QVERIFY2(anyContains(chosen->favouring(), reason),
                     qPrintable(reason + QStringLiteral("\nnot in:\n") +
                                chosen->favouring().join(QLatin1Char('\n'))));
        for (const StrategyAdvisor::Assessment &other : r.assessments)
            if (other.strategy != expected)
                QVERIFY2(other.score <= chosen->score, qPrintable(other.strategy));
    }

    void reasonsSayWhy()
    {
        const auto r = StrategyAdvisor::advise(answered({downtime(0)}));
        QVERIFY(r.assessment(QStringLiteral("big-bang"))
                    ->against()
                    .contains(QStringLiteral(
                        "Downtime of 0 minutes is accepted: Big Bang needs a downtime window")));
        for (const StrategyAdvisor::Assessment &a : r.assessments)
            for (const StrategyAdvisor::Reason &reason : a.reasons) {
                QVERIFY(reason.points != 0);
                QVERIFY2(reason.text.startsWith(QLatin1String("Downtime of 0 minutes")),
                         qPrintable(reason.text));
            }
    }

    void unknownAnswersAreListedAndNeutral()
    {
        const auto none = StrategyAdvisor::advise(AdvisorAnswers{});
        QCOMPARE(none.notAnswered.size(), 10);
        QVERIFY(none.notAnswered.contains(QStringLiteral("Risk tolerance")));
        for (const StrategyAdvisor::Assessment &a : none.assessments) {
            QCOMPARE(a.score, StrategyAdvisor::kNeutralScore);
            QVERIFY(a.reasons.isEmpty());
        }

        const auto some = StrategyAdvisor::advise(
            answered({downtime(30), risk(Level::Low), hosting(Hosting::Cloud)}));
        QCOMPARE(some.notAnswered.size(), 7);
        QVERIFY(!some.notAnswered.contains(QStringLiteral("Downtime accepted")));
        QVERIFY(!some.notAnswered.contains(QStringLiteral("Risk tolerance")));
        QVERIFY(!some.notAnswered.contains(QStringLiteral("Cloud or on-premises")));
        QVERIFY(some.notAnswered.contains(QStringLiteral("Rollback need")));
        QVERIFY(some.notAnswered.contains(QStringLiteral("Data volume (rows)")));
        const QStringList answeredPhrases = {QStringLiteral("Only 30 minutes of downtime"),
                                             QStringLiteral("Risk tolerance is low"),
                                             QStringLiteral("The systems run in the cloud")};
        for (const StrategyAdvisor::Assessment &a : some.assessments)
            for (const StrategyAdvisor::Reason &reason : a.reasons)
                QVERIFY2(std::any_of(answeredPhrases.begin(), answeredPhrases.end(),
                                     [&](const QString &p) { return reason.text.startsWith(p); }),
                         qPrintable(reason.text));

        // A rehearsal with no downtime answer to compare it with says nothing.
        const auto alone = StrategyAdvisor::advise(answered({rehearsal(30)}));
        for (const StrategyAdvisor::Assessment &a : alone.assessments)
            QCOMPARE(a.score, StrategyAdvisor::kNeutralScore);
    }

    // Every combination of the answers: scores in range, the recommended one the highest, and
    // each strategy recommended by some of them.
    void scoresInRangeAndRecommendedIsHighest()
    {
        const QList<qint64> volumes = {-1, 50'000, 3'000'000, 40'000'000};
        const QList<int> downtimes = {-1, 0, 30, 240};
        const QList<Level> levels = {Level::Unknown, Level::Low, Level::Medium, Level::High};
        const QList<Answer> yesNo = {Answer::Unknown, Answer::No, Answer::Yes};
        const QList<Hosting> hostings = {Hosting::Unknown, Hosting::Cloud, Hosting::OnPremises,
                                         Hosting::Hybrid};
        QSet<QString> recommended;
        int combinations = 0;
        for (qint64 volume : volumes)
            for (int minutes : downtimes)
                for (Level riskLevel : levels)
                    for (Level rollbackLevel : levels)
                        for (Level complexityLevel : levels)
                            for (Answer side : yesNo)
                                for (Hosting where : hostings) {
                                    const AdvisorAnswers a = answered(
                                        {rows(volume), downtime(minutes), risk(riskLevel),
                                         rollback(rollbackLevel), complexity(complexityLevel),
                                         sideBySide(side), hosting(where)});
                                    const auto r = StrategyAdvisor::advise(a);
                                    QCOMPARE(r.assessments.size(), 4);
                                    int best = -1;
                                    for (const StrategyAdvisor::Assessment &s : r.assessments) {
                                        QVERIFY(s.score >= 0 && s.score <= 100);
                                        best = std::max(best, s.score);
                                    }
                                    QCOMPARE(r.assessment(r.recommended)->score, best);
                                    recommended.insert(r.recommended);
                                    ++combinations;
                                }
        QCOMPARE(combinations, 4 * 4 * 4 * 4 * 4 * 3 * 4);
        const QStringList names = RunbookVocabulary::strategyNames();
        QCOMPARE(recommended, QSet<QString>(names.begin(), names.end()));
    }

    void tiesGoToTheLowerRisk()
    {
        QCOMPARE(StrategyAdvisor::byRisk().first(), QStringLiteral("phased"));
        QCOMPARE(StrategyAdvisor::byRisk().last(), QStringLiteral("big-bang"));
        QCOMPARE(StrategyAdvisor::advise(AdvisorAnswers{}).recommended, QStringLiteral("phased"));
    }

    void recordKeepsRecommendationAndScores()
    {
        const AdvisorAnswers a = answered({rows(50'000), downtime(240), risk(Level::High)});
        const auto r = StrategyAdvisor::advise(a);
        const QDateTime at(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
        const AdvisorRecord record = r.record(a, at);
        QCOMPARE(record.recommended, QStringLiteral("big-bang"));
        QCOMPARE(record.scores.size(), 4);
        QCOMPARE(record.scores.value(QStringLiteral("big-bang")),
                 r.assessment(QStringLiteral("big-bang"))->score);
        QCOMPARE(RunbookJson::readAdvisor(RunbookJson::advisorJson(record)), record);
    }

    void rehearsalMinutesFromRuns()
    {
        using RM = RunMode;
        using RS = RunStatus;
        // newest first
        QCOMPARE(AdvisorMeasurements::rehearsalMinutes({}), -1.0);
        QCOMPARE(
            AdvisorMeasurements::rehearsalMinutes({runRecord(RM::DryRun, RS::Succeeded, {}, 5),
                                                   runRecord(RM::Run, RS::Failed, {}, 7),
                                                   runRecord(RM::Incremental, RS::Succeeded, {}, 2),
                                                   runRecord(RM::Run, RS::Succeeded, {}, 42),
                                                   runRecord(RM::Run, RS::Succeeded, {}, 99)}),
            42.0);
        QCOMPARE(
            AdvisorMeasurements::rehearsalMinutes({runRecord(RM::Run, RS::RolledBack, {}, 30)}),
            30.0);
        RunRecord retry = runRecord(RM::Run, RS::Succeeded, {}, 1);
        retry.options.insert(QStringLiteral("retryQuarantined"), true);
        RunRecord running = runRecord(RM::Run, RS::Running, {}, 1);
        running.finishedAt = {};
        QCOMPARE(AdvisorMeasurements::rehearsalMinutes(
                     {running, retry, runRecord(RM::Run, RS::Succeeded, {}, 12)}),
                 12.0);
        // Phase by phase: the newest run of each phase, added up.
        QCOMPARE(AdvisorMeasurements::rehearsalMinutes(
                     {runRecord(RM::Run, RS::Succeeded, QStringLiteral("wave-2"), 20),
                      runRecord(RM::Run, RS::Succeeded, QStringLiteral("wave-1"), 15),
                      runRecord(RM::Run, RS::Succeeded, QStringLiteral("wave-1"), 60),
                      runRecord(RM::Run, RS::Succeeded, {}, 500),
                      runRecord(RM::Run, RS::Succeeded, QStringLiteral("reference-data"), 2)}),
                 37.0);
    }

    void rowBytesFromColumnTypes()
    {
        TableInfo table;
        for (const NormalizedType &type :
             {NormalizedType::integer(), NormalizedType::text(2), NormalizedType::text(255),
              NormalizedType(NormalizedType::Kind::Date)}) {
            ColumnInfo column;
            column.name = QStringLiteral("c%1").arg(table.columns.size());
            column.type = type;
            table.columns.append(column);
        }
        QCOMPARE(AdvisorMeasurements::estimatedRowBytes(table),
                 8.0 + 2 + AdvisorMeasurements::kTextBytes + 4);
    }

    // The demo's SQLite source and target: the mapped tables' rows as the generator wrote them,
    // and the rehearsal from the ledger, the newest finished run that loaded.
    void measuresTheDemo()
    {
        QList<DemoGenerator::File> files;
        const Project project = demo(QStringLiteral("measure"), &files);
        QVERIFY(!project.mappings.isEmpty());
        QSet<QString> mapped;
        for (const TableMapping &m : project.mappings)
            mapped.insert(m.source);
        qint64 expectedRows = 0;
        for (const DemoGenerator::File &file : files)
            if (file.role == QLatin1String("source"))
                for (const DemoTableCount &t : file.tables)
                    if (mapped.contains(t.table))
                        expectedRows += t.rows;
        QVERIFY(expectedRows > 0);

        const AdvisorMeasurements measurements(project);
        auto volume = measurements.volume();
        VERIFY_OK(volume);
        QCOMPARE(volume->rows, expectedRows);
        QVERIFY(volume->sizeMb > 0);

        auto none = measurements.rehearsalMinutes();
        VERIFY_OK(none);
        QCOMPARE(*none, -1.0); // no run yet, not even a ledger

        {
            RunHistory history(project);
            VERIFY_OK(history.open());
            VERIFY_OK(history.ledger().ensureTables());
            QVERIFY(!ledgerRun(history.ledger(), project, RunMode::Run, 42, true).isEmpty());
            QVERIFY(!ledgerRun(history.ledger(), project, RunMode::DryRun, 10, true).isEmpty());
            QVERIFY(!ledgerRun(history.ledger(), project, RunMode::Run, 1, false).isEmpty());
        }
        auto rehearsed = measurements.rehearsalMinutes();
        VERIFY_OK(rehearsed);
        QVERIFY2(qAbs(*rehearsed - 42.0) < 0.5, qPrintable(QString::number(*rehearsed)));

        AdvisorAnswers given;
        given.rows = 7; // the user's answer stays
        auto filled = measurements.fillIn(given);
        VERIFY_OK(filled);
        QCOMPARE(filled->rows, qint64(7));
        QCOMPARE(filled->sizeMb, volume->sizeMb);
        QCOMPARE(filled->rehearsalMinutes, *rehearsed);
    }

    void realRunIsTheRehearsal()
    {
        const Project project = demo(QStringLiteral("run"));
        {
            RunOptions dry;
            dry.mode = RunMode::DryRun;
            RunControl control;
            auto record = RunEngine(project, dry).run(control);
            VERIFY_OK(record);
        }
        auto afterDryRun = AdvisorMeasurements(project).rehearsalMinutes();
        VERIFY_OK(afterDryRun);
        QCOMPARE(*afterDryRun, -1.0);

        RunControl control;
        auto record = RunEngine(project, RunOptions{}).run(control);
        VERIFY_OK(record);
        QVERIFY2(record->status == RunStatus::Succeeded, qPrintable(record->message));
        auto minutes = AdvisorMeasurements(project).rehearsalMinutes();
        VERIFY_OK(minutes);
        QVERIFY(*minutes >= 0);
        QVERIFY2(qAbs(*minutes - record->seconds() / 60.0) < 1.0 / 60,
                 qPrintable(QString::number(*minutes)));
    }

    void missingTargetIsNotCreated()
    {
        const Project project = demo(QStringLiteral("no-target"));
        const QString target = QDir(project.baseDir).filePath(DemoGenerator::targetFileName());
        QVERIFY(QFile::remove(target));
        auto minutes = AdvisorMeasurements(project).rehearsalMinutes();
        VERIFY_OK(minutes);
        QCOMPARE(*minutes, -1.0);
        QVERIFY(!QFile::exists(target));
    }

    void unreadableSourceTableIsAnError()
    {
        Project project = demo(QStringLiteral("bad-source"));
        project.mappings[0].source = QStringLiteral("NO_SUCH_TABLE");
        auto volume = AdvisorMeasurements(project).volume();
        QVERIFY(!volume.ok());
        QCOMPARE(volume.error().code(), Error::Code::Schema);
        QVERIFY(volume.error().message().contains(QLatin1String("NO_SUCH_TABLE")));
        QVERIFY(!volume.error().hint().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStrategyAdvisor)
#include "tst_strategyadvisor.moc"
