#include "project/RunbookVocabulary.h"

#include "project/VocabularyTable.h"

namespace cutover {

namespace {

using vocabulary::nameOf;
using vocabulary::namesOf;
using vocabulary::Table;
using vocabulary::valueOf;

using Section = RunbookStep::Section;
constexpr Table<Section, 8> kSections{{
    {Section::PreMigration, "pre-migration"},
    {Section::Execution, "execution"},
    {Section::IncrementalSync, "incremental-sync"},
    {Section::Validation, "validation"},
    {Section::Decision, "decision"},
    {Section::Monitoring, "monitoring"},
    {Section::Rollback, "rollback"},
    {Section::Decommission, "decommission"},
}};
constexpr Table<Section, 8> kSectionTitles{{
    {Section::PreMigration, "Pre-migration"},
    {Section::Execution, "Execution"},
    {Section::IncrementalSync, "Incremental sync"},
    {Section::Validation, "Post-migration validation"},
    {Section::Decision, "Cutover decision"},
    {Section::Monitoring, "Monitoring"},
    {Section::Rollback, "Rollback (contingency)"},
    {Section::Decommission, "Decommission"},
}};
constexpr Table<AdvisorAnswers::Level, 3> kLevels{{
    {AdvisorAnswers::Level::Low, "low"},
    {AdvisorAnswers::Level::Medium, "medium"},
    {AdvisorAnswers::Level::High, "high"},
}};
constexpr Table<AdvisorAnswers::Hosting, 3> kHostings{{
    {AdvisorAnswers::Hosting::Cloud, "cloud"},
    {AdvisorAnswers::Hosting::OnPremises, "on-premises"},
    {AdvisorAnswers::Hosting::Hybrid, "hybrid"},
}};
constexpr Table<AdvisorAnswers::Answer, 2> kAnswers{{
    {AdvisorAnswers::Answer::No, "no"},
    {AdvisorAnswers::Answer::Yes, "yes"},
}};
constexpr std::array<std::pair<const char *, const char *>, 4> kStrategies{{
    {"big-bang", "Big Bang"},
    {"phased", "Phased"},
    {"parallel-run", "Parallel Run"},
    {"blue-green", "Blue-Green"},
}};

} // namespace

QString RunbookVocabulary::sectionName(Section v)
{
    return nameOf(kSections, v);
}
std::optional<Section> RunbookVocabulary::section(const QString &n)
{
    return valueOf(kSections, n);
}
QStringList RunbookVocabulary::sectionNames()
{
    return namesOf(kSections);
}
QString RunbookVocabulary::sectionTitle(Section v)
{
    return nameOf(kSectionTitles, v);
}

QString RunbookVocabulary::levelName(AdvisorAnswers::Level v)
{
    return nameOf(kLevels, v);
}
std::optional<AdvisorAnswers::Level> RunbookVocabulary::level(const QString &n)
{
    return valueOf(kLevels, n);
}
QStringList RunbookVocabulary::levelNames()
{
    return namesOf(kLevels);
}

QString RunbookVocabulary::hostingName(AdvisorAnswers::Hosting v)
{
    return nameOf(kHostings, v);
}
std::optional<AdvisorAnswers::Hosting> RunbookVocabulary::hosting(const QString &n)
{
    return valueOf(kHostings, n);
}
QStringList RunbookVocabulary::hostingNames()
{
    return namesOf(kHostings);
}

QString RunbookVocabulary::answerName(AdvisorAnswers::Answer v)
{
    return nameOf(kAnswers, v);
}
std::optional<AdvisorAnswers::Answer> RunbookVocabulary::answer(const QString &n)
{
    return valueOf(kAnswers, n);
}
QStringList RunbookVocabulary::answerNames()
{
    return namesOf(kAnswers);
}

QStringList RunbookVocabulary::strategyNames()
{
    QStringList names;
    for (const auto &[name, title] : kStrategies)
        names.append(QLatin1String(name));
    return names;
}

QString RunbookVocabulary::strategyTitle(const QString &name)
{
    for (const auto &[n, title] : kStrategies)
        if (name == QLatin1String(n))
            return QLatin1String(title);
    return name;
}

} // namespace cutover
