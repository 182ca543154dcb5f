#pragma once

#include "project/AdvisorAnswers.h"
#include "project/RunbookStep.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// The words the project file and the CLI use for the runbook's and the advisor's enumerations.
class RunbookVocabulary
{
public:
    static QString sectionName(RunbookStep::Section value);
    static std::optional<RunbookStep::Section> section(const QString &name);
    static QStringList sectionNames();
    // "Pre-migration", "Incremental sync": for headings.
    static QString sectionTitle(RunbookStep::Section value);

    static QString levelName(AdvisorAnswers::Level value);
    static std::optional<AdvisorAnswers::Level> level(const QString &name);
    static QStringList levelNames();

    static QString hostingName(AdvisorAnswers::Hosting value);
    static std::optional<AdvisorAnswers::Hosting> hosting(const QString &name);
    static QStringList hostingNames();

    static QString answerName(AdvisorAnswers::Answer value);
    static std::optional<AdvisorAnswers::Answer> answer(const QString &name);
    static QStringList answerNames();

    // The strategies' names as RunbookPlan::strategy holds them, and their titles.
    static QStringList strategyNames();
    static QString strategyTitle(const QString &name);
};

} // namespace cutover
