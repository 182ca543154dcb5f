#pragma once

#include "project/AdvisorAnswers.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cutover {

// Recommends Big Bang, Phased, Parallel Run or Blue-Green from the advisor's answers, by the
// planning documents' "when to use" of each (StrategyCatalog). Every strategy starts at 50 of
// 100; each answer moves it up or down and says why in words. An answer not given moves nothing
// and is listed as not answered. A pure function: AdvisorMeasurements fills in what the engine
// can measure beforehand.
class StrategyAdvisor
{
public:
    static constexpr int kNeutralScore = 50;
    // Data volume: small below both, large from either.
    static constexpr qint64 kSmallRows = 1'000'000;
    static constexpr qint64 kLargeRows = 10'000'000;
    static constexpr double kSmallMb = 1024;
    static constexpr double kLargeMb = 10240;
    // Downtime up to this is a short window: enough for a slice, rarely for everything.
    static constexpr int kShortWindowMinutes = 60;
    static constexpr double kFastGrowthPercentPerMonth = 5;

    // One answer's effect on one strategy: points up (positive) or down, and why.
    struct Reason
    {
        QString text;
        int points = 0;

        bool operator==(const Reason &) const = default;
    };

    struct Assessment
    {
        QString strategy;          // a RunbookVocabulary::strategyNames() name
        int score = kNeutralScore; // 0..100
        QList<Reason> reasons;     // in the order of the questions

        QStringList favouring() const;
        QStringList against() const;
    };

    struct Recommendation
    {
        QString recommended;
        QList<Assessment> assessments; // in RunbookVocabulary::strategyNames() order
        QStringList notAnswered;       // the questions without an answer, in words

        const Assessment *assessment(const QString &strategy) const;
        QMap<QString, int> scores() const;
        // What the project keeps of it.
        AdvisorRecord record(const AdvisorAnswers &answers, const QDateTime &decidedAt) const;
    };

    static Recommendation advise(const AdvisorAnswers &answers);
    // The strategies, lowest risk first: the documents' preference breaks a tie.
    static QStringList byRisk();
    static QStringList unanswered(const AdvisorAnswers &answers);

private:
    // The highest unclamped score; on a tie, the lower risk.
    static QString recommend(const QMap<QString, int> &unclamped);
};

} // namespace cutover
