#pragma once

#include "runbook/StrategyAdvisor.h"

#include <QTextStream>

namespace cutover::cli {

// The advisor's recommendation as `cutover-cli runbook PROJECT advise` prints it: the answers,
// each strategy's score with its reasons, and the recommended strategy's pros, cons, "when to
// use" and process from the planning documents.
class AdvicePrinter
{
public:
    static void print(QTextStream &out, const AdvisorAnswers &answers,
                      const StrategyAdvisor::Recommendation &recommendation);
    static QJsonObject toJson(const AdvisorAnswers &answers,
                              const StrategyAdvisor::Recommendation &recommendation);

private:
    static void printAnswers(QTextStream &out, const AdvisorAnswers &answers);
    static void printStrategy(QTextStream &out, const QString &name);
};

} // namespace cutover::cli
