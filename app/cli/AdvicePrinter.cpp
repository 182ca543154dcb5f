#include "AdvicePrinter.h"

#include "project/RunbookJson.h"
#include "project/RunbookVocabulary.h"
#include "runbook/StrategyCatalog.h"

#include <QJsonArray>
#include <QLocale>

namespace cutover::cli {

namespace {

QString orUnknown(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("not answered") : text;
}

QString number(double value, const QString &unit)
{
    if (value < 0)
        return QStringLiteral("not answered");
    return QLocale(QLocale::English).toString(value, 'f', value == qint64(value) ? 0 : 1) + unit;
}

void list(QTextStream &out, const char *heading, const QStringList &items)
{
    if (items.isEmpty())
        return;
    out << "  " << heading << ":\n";
    for (const QString &item : items)
        out << "    - " << item << '\n';
}

} // namespace

void AdvicePrinter::printAnswers(QTextStream &out, const AdvisorAnswers &a)
{
    out << "Answers\n"
        << "  Rows:                    " << number(double(a.rows), QString()) << '\n'
        << "  Size:                    " << number(a.sizeMb, QStringLiteral(" MB")) << '\n'
        << "  Growth:                  "
        << number(a.growthPercentPerMonth, QStringLiteral(" % a month")) << '\n'
        << "  Downtime accepted:       " << number(a.downtimeMinutes, QStringLiteral(" min"))
        << '\n'
        << "  Risk tolerance:          " << orUnknown(RunbookVocabulary::levelName(a.riskTolerance))
        << '\n'
        << "  Rollback need:           " << orUnknown(RunbookVocabulary::levelName(a.rollbackNeed))
        << '\n'
        << "  Organisation complexity: " << orUnknown(RunbookVocabulary::levelName(a.complexity))
        << '\n'
        << "  Side by side possible:   " << orUnknown(RunbookVocabulary::answerName(a.sideBySide))
        << '\n'
        << "  Hosting:                 " << orUnknown(RunbookVocabulary::hostingName(a.hosting))
        << '\n'
        << "  Last rehearsal:          " << number(a.rehearsalMinutes, QStringLiteral(" min"))
        << '\n';
}

void AdvicePrinter::printStrategy(QTextStream &out, const QString &name)
{
    const StrategyCatalog::Strategy *s = StrategyCatalog::strategy(name);
    if (!s)
        return;
    out << '\n' << s->title << ": " << s->description << '\n';
    list(out, "Pros", s->pros);
    list(out, "Cons", s->cons);
    list(out, "When to use", s->whenToUse);
    if (!s->process.isEmpty())
        out << "  Process: " << s->process.join(QStringLiteral(" → ")) << '\n';
}

void AdvicePrinter::print(QTextStream &out, const AdvisorAnswers &answers,
                          const StrategyAdvisor::Recommendation &r)
{
    printAnswers(out, answers);
    out << "\nScores (out of 100)\n";
    for (const StrategyAdvisor::Assessment &a : r.assessments) {
        out << "  " << (a.strategy == r.recommended ? "► " : "  ")
            << RunbookVocabulary::strategyTitle(a.strategy).leftJustified(13)
            << QString::number(a.score).rightJustified(4) << '\n';
        for (const StrategyAdvisor::Reason &reason : a.reasons)
            out << "        " << (reason.points > 0 ? "+" : "") << reason.points << "  "
                << reason.text << '\n';
    }
    if (!r.notAnswered.isEmpty())
        out << "\nNot answered (they move no score): " << r.notAnswered.join(QStringLiteral("; "))
            << '\n';
    out << "\nRecommended: " << RunbookVocabulary::strategyTitle(r.recommended) << '\n';
    printStrategy(out, r.recommended);
    out << "\nThe other strategies, as the planning documents describe them:\n";
    for (const StrategyAdvisor::Assessment &a : r.assessments)
        if (a.strategy != r.recommended)
            printStrategy(out, a.strategy);
    out.flush();
}

QJsonObject AdvicePrinter::toJson(const AdvisorAnswers &answers,
                                  const StrategyAdvisor::Recommendation &r)
{
    AdvisorRecord record = r.record(answers, {});
    QJsonObject o = RunbookJson::advisorJson(record);
    QJsonArray assessments;
    for (const StrategyAdvisor::Assessment &a : r.assessments) {
        QJsonArray reasons;
        for (const StrategyAdvisor::Reason &reason : a.reasons)
            reasons.append(QJsonObject{{QStringLiteral("text"), reason.text},
                                       {QStringLiteral("points"), reason.points}});
        QJsonObject assessment{{QStringLiteral("strategy"), a.strategy},
                               {QStringLiteral("score"), a.score},
                               {QStringLiteral("reasons"), reasons}};
        if (const StrategyCatalog::Strategy *s = StrategyCatalog::strategy(a.strategy)) {
            assessment[QStringLiteral("description")] = s->description;
            assessment[QStringLiteral("pros")] = QJsonArray::fromStringList(s->pros);
            assessment[QStringLiteral("cons")] = QJsonArray::fromStringList(s->cons);
            assessment[QStringLiteral("whenToUse")] = QJsonArray::fromStringList(s->whenToUse);
        }
        assessments.append(assessment);
    }
    o[QStringLiteral("assessments")] = assessments;
    o[QStringLiteral("notAnswered")] = QJsonArray::fromStringList(r.notAnswered);
    return o;
}

} // namespace cutover::cli
