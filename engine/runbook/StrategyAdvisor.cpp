#include "runbook/StrategyAdvisor.h"

#include "project/RunbookVocabulary.h"

#include <QLocale>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace cutover {

namespace {

using Level = AdvisorAnswers::Level;
using Answer = AdvisorAnswers::Answer;
using Hosting = AdvisorAnswers::Hosting;

// In RunbookVocabulary::strategyNames() order.
enum StrategyIndex
{
    BigBang,
    Phased,
    ParallelRun,
    BlueGreen,
    kStrategyCount
};

// What one answer means for one strategy; no points: it means nothing for it.
struct Effect
{
    int points = 0;
    const char *why = "";
};

// One answer, in words, and its effect on each strategy.
struct Finding
{
    QString answer;
    std::array<Effect, kStrategyCount> effects;
};

using OptionalFinding = std::optional<Finding>;

enum class Volume
{
    Unknown,
    Small,
    Medium,
    Large
};

QString count(double value)
{
    return QLocale(QLocale::English).toString(qint64(std::llround(value)));
}

Volume volumeOf(const AdvisorAnswers &a)
{
    const bool rowsKnown = a.rows >= 0;
    const bool sizeKnown = a.sizeMb >= 0;
    if (!rowsKnown && !sizeKnown)
        return Volume::Unknown;
    if ((rowsKnown && a.rows >= StrategyAdvisor::kLargeRows) ||
        (sizeKnown && a.sizeMb >= StrategyAdvisor::kLargeMb))
        return Volume::Large;
    if ((!rowsKnown || a.rows < StrategyAdvisor::kSmallRows) &&
        (!sizeKnown || a.sizeMb < StrategyAdvisor::kSmallMb))
        return Volume::Small;
    return Volume::Medium;
}

// "1,200 rows (3 MB) in the mapped tables"
QString volumeText(const AdvisorAnswers &a)
{
    QString text;
    if (a.rows >= 0)
        text = QStringLiteral("%1 rows").arg(count(double(a.rows)));
    if (a.sizeMb >= 0) {
        const QString size = QStringLiteral("%1 MB").arg(count(a.sizeMb));
        text = text.isEmpty() ? size : QStringLiteral("%1 (%2)").arg(text, size);
    }
    return text + QStringLiteral(" in the mapped tables");
}

OptionalFinding volumeFinding(const AdvisorAnswers &a)
{
    const QString volume = volumeText(a);
    switch (volumeOf(a)) {
    case Volume::Unknown:
        return std::nullopt;
    case Volume::Small:
        return Finding{volume + QStringLiteral(" are a small data volume"),
                       {{{12, "Big Bang suits small data volumes"},
                         {-4, "phasing a small migration adds coordination for little gain"},
                         {},
                         {}}}};
    case Volume::Medium:
        return Finding{volume + QStringLiteral(" are a medium data volume"),
                       {{{-4, "Big Bang is for small data volumes"},
                         {4, "Phased keeps each slice small as the volume grows"},
                         {},
                         {}}}};
    case Volume::Large:
        return Finding{
            volume + QStringLiteral(" are a large data volume"),
            {{{-12, "Big Bang is for small data volumes"},
              {10, "Phased suits large systems and databases"},
              {6, "Parallel Run suits a high data volume"},
              {-4, "Blue-Green doubles the resources, which a large volume makes costly"}}}};
    }
    return std::nullopt;
}

OptionalFinding growthFinding(const AdvisorAnswers &a)
{
    if (a.growthPercentPerMonth < StrategyAdvisor::kFastGrowthPercentPerMonth)
        return std::nullopt; // slow growth, or not answered: it changes nothing
    return Finding{QStringLiteral("The data grows %1% a month").arg(a.growthPercentPerMonth),
                   {{{-5, "the window a Big Bang needs grows with the data"},
                     {3, "Phased moves the data slice by slice as it grows"},
                     {},
                     {}}}};
}

OptionalFinding rehearsalFinding(const AdvisorAnswers &a)
{
    if (a.rehearsalMinutes < 0 || a.downtimeMinutes <= 0)
        return std::nullopt;
    const QString took = QStringLiteral("The last rehearsal took %1 minutes")
                             .arg(count(std::ceil(a.rehearsalMinutes)));
    if (a.rehearsalMinutes <= a.downtimeMinutes)
        return Finding{took + QStringLiteral(", within the %1 minutes of downtime accepted")
                                  .arg(a.downtimeMinutes),
                       {{{8, "the whole migration fits one Big Bang window"}, {}, {}, {}}}};
    return Finding{took + QStringLiteral(", more than the %1 minutes of downtime accepted")
                              .arg(a.downtimeMinutes),
                   {{{-15, "the whole migration does not fit one Big Bang window"},
                     {6, "Phased needs only one slice at a time to fit a window"},
                     {},
                     {}}}};
}

OptionalFinding downtimeFinding(const AdvisorAnswers &a)
{
    if (a.downtimeMinutes < 0)
        return std::nullopt;
    if (a.downtimeMinutes == 0)
        return Finding{
            QStringLiteral("Downtime of 0 minutes is accepted"),
            {{{-25, "Big Bang needs a downtime window"},
              {3, "Phased suits a zero-downtime requirement, one small cutover at a time"},
              {15, "Parallel Run suits a zero-downtime requirement"},
              {12, "Blue-Green switches with minimal or zero downtime"}}}};
    if (a.downtimeMinutes <= StrategyAdvisor::kShortWindowMinutes)
        return Finding{
            QStringLiteral("Only %1 minutes of downtime are accepted").arg(a.downtimeMinutes),
            {{{-5, "Big Bang needs a window long enough for all the data"},
              {10, "Phased needs only one slice to fit each short window"},
              {3, "Parallel Run needs no downtime"},
              {10, "Blue-Green needs only minimal downtime to switch"}}}};
    return Finding{
        QStringLiteral("%1 minutes of downtime are accepted").arg(a.downtimeMinutes),
        {{{15, "Big Bang needs an acceptable downtime window, and there is one"},
          {3, "each phase fits the window easily"},
          {-8, "Parallel Run's sync and dual writes buy zero downtime, which is not needed"},
          {-5, "Blue-Green's double resources buy minimal downtime, which is not needed"}}}};
}

OptionalFinding riskFinding(const AdvisorAnswers &a)
{
    switch (a.riskTolerance) {
    case Level::Unknown:
        return std::nullopt;
    case Level::Low:
        return Finding{
            QStringLiteral("Risk tolerance is low"),
            {{{-15, "Big Bang is the most risky option, with a high penalty for failure"},
              {12, "Phased suits minimal risk tolerance, with lower risk per phase (the safest "
                   "option)"},
              {6, "Parallel Run validates on live data and rolls back safely"},
              {6, "Blue-Green is fully tested before the switch and rolls back instantly"}}}};
    case Level::Medium:
        return Finding{QStringLiteral("Risk tolerance is medium"),
                       {{{-3, "Big Bang carries the higher risk"},
                         {3, "Phased is the lowest risk to business operations"},
                         {},
                         {}}}};
    case Level::High:
        return Finding{
            QStringLiteral("Risk tolerance is high"),
            {{{12, "Big Bang's higher risk is acceptable, and it is simple and can be the "
                   "fastest option"},
              {-6, "Phased's longer timeline and complex coordination buy safety that is not "
                   "needed"},
              {-6, "Parallel Run's complex sync and extra resources buy safety that is not "
                   "needed"},
              {-3, "Blue-Green's double resources buy safety that is not needed"}}}};
    }
    return std::nullopt;
}

OptionalFinding rollbackFinding(const AdvisorAnswers &a)
{
    switch (a.rollbackNeed) {
    case Level::Unknown:
        return std::nullopt;
    case Level::Low:
        return Finding{
            QStringLiteral("The need for rollback is low"),
            {{{6, "restoring a backup is rollback enough for a Big Bang"},
              {},
              {-6, "Parallel Run's dual writes buy a rollback that is not needed"},
              {-6, "Blue-Green's second environment buys a rollback that is not needed"}}}};
    case Level::Medium:
        return Finding{QStringLiteral("The need for rollback is medium"),
                       {{{},
                         {6, "Phased has a smaller rollback scope"},
                         {3, "Parallel Run offers easy rollback"},
                         {3, "Blue-Green offers easy rollback"}}}};
    case Level::High:
        return Finding{
            QStringLiteral("Instant rollback must be possible"),
            {{{-12, "Big Bang is all-or-nothing; rolling back means restoring backups"},
              {3, "Phased has a smaller rollback scope"},
              {12, "Parallel Run offers safe, easy rollback, as the old system stays live"},
              {15, "Blue-Green offers instant rollback, switching traffic back to blue"}}}};
    }
    return std::nullopt;
}

OptionalFinding complexityFinding(const AdvisorAnswers &a)
{
    switch (a.complexity) {
    case Level::Unknown:
        return std::nullopt;
    case Level::Low:
        return Finding{
            QStringLiteral("The organisation is small, without significant operational "
                           "complexity"),
            {{{12, "Medplum recommends Big Bang only for small or early-stage projects like this"},
              {-6, "Phased's coordination and active-active synchronization cost more than they "
                   "save here"},
              {-4, "Parallel Run's complex application logic is hard to justify here"},
              {}}}};
    case Level::Medium:
        return Finding{
            QStringLiteral("The organisation is moderately complex"),
            {{{-3, "Big Bang is for projects without significant operational complexity"},
              {10, "Medplum recommends phased adoption for moderately complex deployments"},
              {},
              {}}}};
    case Level::High:
        return Finding{QStringLiteral("The organisation is large and complex"),
                       {{{-15, "Medplum does not recommend Big Bang for large organisations "
                               "with significant active operations"},
                         {12, "Phased suits large systems and complex schemas"},
                         {8, "Parallel Run suits critical systems"},
                         {}}}};
    }
    return std::nullopt;
}

OptionalFinding sideBySideFinding(const AdvisorAnswers &a)
{
    switch (a.sideBySide) {
    case Answer::Unknown:
        return std::nullopt;
    case Answer::Yes:
        return Finding{QStringLiteral("Source and target can run side by side"),
                       {{{},
                         {3, "Phased runs both systems while the phases move"},
                         {12, "Parallel Run needs both systems live, with dual writes and sync"},
                         {10, "Blue-Green builds green beside blue"}}}};
    case Answer::No:
        return Finding{QStringLiteral("Source and target cannot run side by side"),
                       {{{8, "Big Bang needs no active-active synchronization"},
                         {-10, "Phased runs both systems in parallel between the phases"},
                         {-25, "Parallel Run needs both systems live, with dual writes and sync"},
                         {-25, "Blue-Green needs green built beside blue"}}}};
    }
    return std::nullopt;
}

OptionalFinding hostingFinding(const AdvisorAnswers &a)
{
    switch (a.hosting) {
    case Hosting::Unknown:
        return std::nullopt;
    case Hosting::Cloud:
        return Finding{
            QStringLiteral("The systems run in the cloud"),
            {{{},
              {},
              {},
              {15, "Blue-Green suits cloud environments with automated infrastructure"}}}};
    case Hosting::OnPremises:
        return Finding{QStringLiteral("The systems run on premises"),
                       {{{},
                         {},
                         {},
                         {-12, "Blue-Green needs double resources and a load balancer, costly to "
                               "provide on premises"}}}};
    case Hosting::Hybrid:
        return Finding{QStringLiteral("The systems run partly in the cloud"),
                       {{{},
                         {},
                         {},
                         {4, "Blue-Green suits the cloud part, with automated "
                             "infrastructure"}}}};
    }
    return std::nullopt;
}

QList<Finding> findingsOf(const AdvisorAnswers &a)
{
    QList<Finding> findings;
    for (const OptionalFinding &f : {volumeFinding(a), growthFinding(a), downtimeFinding(a),
                                     rehearsalFinding(a), riskFinding(a), rollbackFinding(a),
                                     complexityFinding(a), sideBySideFinding(a), hostingFinding(a)})
        if (f)
            findings.append(*f);
    return findings;
}

StrategyAdvisor::Assessment assess(const QString &strategy, StrategyIndex index,
                                   const QList<Finding> &findings, int &unclamped)
{
    StrategyAdvisor::Assessment assessment;
    assessment.strategy = strategy;
    int sum = 0;
    for (const Finding &f : findings) {
        const Effect &effect = f.effects[index];
        if (effect.points == 0)
            continue;
        assessment.reasons.append(
            {QStringLiteral("%1: %2").arg(f.answer, QString::fromUtf8(effect.why)), effect.points});
        sum += effect.points;
    }
    unclamped = StrategyAdvisor::kNeutralScore + sum;
    assessment.score = std::clamp(unclamped, 0, 100);
    return assessment;
}

QStringList reasonTexts(const QList<StrategyAdvisor::Reason> &reasons, int sign)
{
    QStringList texts;
    for (const StrategyAdvisor::Reason &r : reasons)
        if (r.points * sign > 0)
            texts.append(r.text);
    return texts;
}

} // namespace

QStringList StrategyAdvisor::Assessment::favouring() const
{
    return reasonTexts(reasons, 1);
}

QStringList StrategyAdvisor::Assessment::against() const
{
    return reasonTexts(reasons, -1);
}

const StrategyAdvisor::Assessment *
StrategyAdvisor::Recommendation::assessment(const QString &strategy) const
{
    for (const Assessment &a : assessments)
        if (a.strategy == strategy)
            return &a;
    return nullptr;
}

QMap<QString, int> StrategyAdvisor::Recommendation::scores() const
{
    QMap<QString, int> result;
    for (const Assessment &a : assessments)
        result.insert(a.strategy, a.score);
    return result;
}

AdvisorRecord StrategyAdvisor::Recommendation::record(const AdvisorAnswers &answers,
                                                      const QDateTime &decidedAt) const
{
    return {answers, recommended, scores(), decidedAt.toUTC()};
}

StrategyAdvisor::Recommendation StrategyAdvisor::advise(const AdvisorAnswers &answers)
{
    const QList<Finding> findings = findingsOf(answers);
    const QStringList names = RunbookVocabulary::strategyNames();
    Recommendation recommendation;
    QMap<QString, int> unclamped;
    for (int i = 0; i < kStrategyCount; ++i) {
        int score = 0;
        recommendation.assessments.append(
            assess(names[i], static_cast<StrategyIndex>(i), findings, score));
        unclamped.insert(names[i], score);
    }
    recommendation.recommended = recommend(unclamped);
    recommendation.notAnswered = unanswered(answers);
    return recommendation;
}

// Medplum calls phased adoption the safest option; Parallel Run and Blue-Green keep the old
// system to fall back on; Big Bang is the most risky.
QStringList StrategyAdvisor::byRisk()
{
    return {QStringLiteral("phased"), QStringLiteral("parallel-run"), QStringLiteral("blue-green"),
            QStringLiteral("big-bang")};
}

QString StrategyAdvisor::recommend(const QMap<QString, int> &unclamped)
{
    QString best;
    for (const QString &strategy : byRisk())
        if (best.isEmpty() || unclamped.value(strategy) > unclamped.value(best))
            best = strategy;
    return best;
}

QStringList StrategyAdvisor::unanswered(const AdvisorAnswers &a)
{
    QStringList questions;
    const auto ask = [&questions](bool missing, const char *question) {
        if (missing)
            questions.append(QString::fromUtf8(question));
    };
    ask(a.rows < 0, "Data volume (rows)");
    ask(a.sizeMb < 0, "Data size (MB)");
    ask(a.growthPercentPerMonth < 0, "Growth per month");
    ask(a.downtimeMinutes < 0, "Downtime accepted");
    ask(a.riskTolerance == Level::Unknown, "Risk tolerance");
    ask(a.rollbackNeed == Level::Unknown, "Rollback need");
    ask(a.complexity == Level::Unknown, "Organisation size and complexity");
    ask(a.sideBySide == Answer::Unknown, "Source and target side by side");
    ask(a.hosting == Hosting::Unknown, "Cloud or on-premises");
    ask(a.rehearsalMinutes < 0, "Duration of the last rehearsal");
    return questions;
}

} // namespace cutover
