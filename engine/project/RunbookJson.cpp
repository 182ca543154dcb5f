#include "project/RunbookJson.h"

#include "project/ProjectJson.h"
#include "project/ProjectVocabulary.h"
#include "project/RunbookVocabulary.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <functional>

namespace cutover {

namespace {

using projectjson::arrayOf;
using projectjson::choice;
using projectjson::putText;
using projectjson::readList;

const QString kSteps = QStringLiteral("steps");

QDateTime readTime(const JsonObjectReader &r, const QString &key)
{
    const QString text = r.text(key);
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        throw JsonReadError{r.memberPath(key),
                            QStringLiteral("'%1' is not an ISO 8601 time such as "
                                           "2026-12-12T22:00:00Z")
                                .arg(text)};
    return time.toUTC();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

RunbookOwner readOwner(const JsonObjectReader &step)
{
    const QJsonValue value = step.value(QStringLiteral("owner"));
    if (value.isUndefined())
        return {};
    JsonObjectReader r(value, step.memberPath(QStringLiteral("owner")));
    RunbookOwner owner{r.text("name"), r.text("role")};
    r.refuseUnknownMembers();
    return owner;
}

RunbookGate readGate(const JsonObjectReader &step)
{
    const QJsonValue value = step.value(QStringLiteral("gate"));
    if (value.isUndefined())
        return {};
    JsonObjectReader r(value, step.memberPath(QStringLiteral("gate")));
    RunbookGate gate;
    gate.enabled = true;
    gate.passReport = r.flag("passReport", true);
    gate.signoffs = r.textList("signoffs");
    gate.maxErrorRate = r.number("maxErrorRate", -1);
    if (gate.maxErrorRate != -1 && (gate.maxErrorRate < 0 || gate.maxErrorRate > 1))
        throw JsonReadError{r.memberPath(QStringLiteral("maxErrorRate")),
                            QStringLiteral("expected a share between 0 and 1, or -1 for the "
                                           "project's maxErrorRate")};
    r.refuseUnknownMembers();
    return gate;
}

RunbookStep readStep(const JsonObjectReader &r)
{
    RunbookStep s;
    s.id = r.nonEmptyText("id");
    s.title = r.nonEmptyText("title");
    s.description = r.text("description");
    s.section = choice(r, "section", RunbookStep::Section::Execution, &RunbookVocabulary::section,
                       RunbookVocabulary::sectionNames());
    s.owner = readOwner(r);
    s.action = choice(r, "action", RunbookStep::Action::Manual, &ProjectVocabulary::action,
                      ProjectVocabulary::actionNames());
    s.phase = r.text("phase");
    s.durationMinutes = r.wholeNumber("durationMinutes", 0, 0);
    s.durationFromRehearsals = r.flag("durationFromRehearsals");
    s.after = r.textList("after");
    s.gate = readGate(r);
    return s;
}

QJsonObject stepJson(const RunbookStep &s)
{
    QJsonObject o;
    o[QStringLiteral("id")] = s.id;
    o[QStringLiteral("title")] = s.title;
    putText(o, "description", s.description);
    o[QStringLiteral("section")] = RunbookVocabulary::sectionName(s.section);
    if (!s.owner.isEmpty()) {
        QJsonObject owner;
        putText(owner, "name", s.owner.name);
        putText(owner, "role", s.owner.role);
        o[QStringLiteral("owner")] = owner;
    }
    o[QStringLiteral("action")] = ProjectVocabulary::actionName(s.action);
    putText(o, "phase", s.phase);
    if (s.durationMinutes > 0)
        o[QStringLiteral("durationMinutes")] = s.durationMinutes;
    if (s.durationFromRehearsals)
        o[QStringLiteral("durationFromRehearsals")] = true;
    if (!s.after.isEmpty())
        o[QStringLiteral("after")] = QJsonArray::fromStringList(s.after);
    if (s.gate.enabled) {
        QJsonObject gate;
        if (!s.gate.passReport)
            gate[QStringLiteral("passReport")] = false;
        if (!s.gate.signoffs.isEmpty())
            gate[QStringLiteral("signoffs")] = QJsonArray::fromStringList(s.gate.signoffs);
        if (s.gate.maxErrorRate >= 0)
            gate[QStringLiteral("maxErrorRate")] = s.gate.maxErrorRate;
        o[QStringLiteral("gate")] = gate;
    }
    return o;
}

// Throws naming the first step in a cycle of "after" references.
void refuseCycles(const RunbookPlan &plan)
{
    enum class Mark
    {
        None,
        Visiting,
        Done
    };
    QHash<QString, Mark> marks;
    std::function<void(const RunbookStep &, QStringList &)> visit = [&](const RunbookStep &step,
                                                                        QStringList &trail) {
        marks[step.id] = Mark::Visiting;
        trail.append(step.id);
        for (const QString &before : step.after) {
            if (marks.value(before) == Mark::Visiting) {
                trail.append(before);
                throw JsonReadError{
                    QStringLiteral("runbook.steps"),
                    QStringLiteral("the steps wait for each other in a circle: %1")
                        .arg(trail.mid(trail.indexOf(before)).join(QStringLiteral(" -> ")))};
            }
            if (marks.value(before) == Mark::None)
                visit(*plan.step(before), trail);
        }
        trail.removeLast();
        marks[step.id] = Mark::Done;
    };
    for (const RunbookStep &step : plan.steps) {
        QStringList trail;
        if (marks.value(step.id) == Mark::None)
            visit(step, trail);
    }
}

} // namespace

RunbookPlan RunbookJson::readPlan(const QJsonValue &value)
{
    RunbookPlan plan;
    if (value.isUndefined())
        return plan;
    JsonObjectReader r(value, QStringLiteral("runbook"));
    plan.strategy = choice<QString>(
        r, "strategy", QString(),
        [](const QString &name) -> std::optional<QString> {
            if (RunbookVocabulary::strategyNames().contains(name))
                return name;
            return std::nullopt;
        },
        RunbookVocabulary::strategyNames());
    plan.windowMinutes = r.wholeNumber("windowMinutes", 0, 0);
    plan.plannedStart = readTime(r, QStringLiteral("plannedStart"));
    plan.rehearsalsForDuration = r.wholeNumber("rehearsalsForDuration", 3, 1);
    plan.steps = readList<RunbookStep>(r, kSteps, readStep);
    r.refuseUnknownMembers();
    checkSteps(plan);
    return plan;
}

QJsonObject RunbookJson::planJson(const RunbookPlan &plan)
{
    QJsonObject o;
    putText(o, "strategy", plan.strategy);
    if (plan.windowMinutes > 0)
        o[QStringLiteral("windowMinutes")] = plan.windowMinutes;
    putText(o, "plannedStart", timeText(plan.plannedStart));
    if (plan.rehearsalsForDuration != 3)
        o[QStringLiteral("rehearsalsForDuration")] = plan.rehearsalsForDuration;
    o[kSteps] = arrayOf(plan.steps, stepJson);
    return o;
}

void RunbookJson::checkSteps(const RunbookPlan &plan)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const RunbookStep &step = plan.steps[i];
        const QString path = JsonObjectReader::itemPath(QStringLiteral("runbook.steps"), i);
        if (seen.contains(step.id))
            throw JsonReadError{path, QStringLiteral("a second step with id '%1'").arg(step.id)};
        seen.insert(step.id);
        for (const QString &before : step.after) {
            if (!plan.step(before))
                throw JsonReadError{path + QStringLiteral(".after"),
                                    QStringLiteral("no step with id '%1'").arg(before)};
            if (before == step.id)
                throw JsonReadError{path + QStringLiteral(".after"),
                                    QStringLiteral("a step cannot wait for itself")};
        }
    }
    refuseCycles(plan);
}

AdvisorRecord RunbookJson::readAdvisor(const QJsonValue &value)
{
    AdvisorRecord record;
    if (value.isUndefined())
        return record;
    JsonObjectReader r(value, QStringLiteral("advisor"));
    AdvisorAnswers &a = record.answers;
    const QJsonValue answersValue = r.value(QStringLiteral("answers"));
    if (!answersValue.isUndefined()) {
        JsonObjectReader q(answersValue, r.memberPath(QStringLiteral("answers")));
        a.rows = qint64(q.number("rows", -1));
        a.sizeMb = q.number("sizeMb", -1);
        a.growthPercentPerMonth = q.number("growthPercentPerMonth", -1);
        if (!q.value(QStringLiteral("downtimeMinutes")).isUndefined())
            a.downtimeMinutes = q.wholeNumber("downtimeMinutes", 0, 0);
        a.riskTolerance = choice(q, "riskTolerance", AdvisorAnswers::Level::Unknown,
                                 &RunbookVocabulary::level, RunbookVocabulary::levelNames());
        a.rollbackNeed = choice(q, "rollbackNeed", AdvisorAnswers::Level::Unknown,
                                &RunbookVocabulary::level, RunbookVocabulary::levelNames());
        a.complexity = choice(q, "complexity", AdvisorAnswers::Level::Unknown,
                              &RunbookVocabulary::level, RunbookVocabulary::levelNames());
        a.sideBySide = choice(q, "sideBySide", AdvisorAnswers::Answer::Unknown,
                              &RunbookVocabulary::answer, RunbookVocabulary::answerNames());
        a.hosting = choice(q, "hosting", AdvisorAnswers::Hosting::Unknown,
                           &RunbookVocabulary::hosting, RunbookVocabulary::hostingNames());
        a.rehearsalMinutes = q.number("rehearsalMinutes", -1);
        q.refuseUnknownMembers();
    }
    record.recommended = r.text("recommended");
    const QJsonValue scores = r.value(QStringLiteral("scores"));
    if (!scores.isUndefined()) {
        JsonObjectReader s(scores, r.memberPath(QStringLiteral("scores")));
        for (const QString &name : RunbookVocabulary::strategyNames())
            if (!s.value(name).isUndefined())
                record.scores.insert(name, s.wholeNumber(name, 0, 0));
        s.refuseUnknownMembers();
    }
    record.decidedAt = readTime(r, QStringLiteral("decidedAt"));
    r.refuseUnknownMembers();
    return record;
}

QJsonObject RunbookJson::advisorJson(const AdvisorRecord &record)
{
    const AdvisorAnswers &a = record.answers;
    QJsonObject answers;
    const auto putNumber = [&answers](const char *key, double value) {
        if (value >= 0)
            answers[QLatin1String(key)] = value;
    };
    putNumber("rows", double(a.rows));
    putNumber("sizeMb", a.sizeMb);
    putNumber("growthPercentPerMonth", a.growthPercentPerMonth);
    putNumber("downtimeMinutes", a.downtimeMinutes);
    putNumber("rehearsalMinutes", a.rehearsalMinutes);
    putText(answers, "riskTolerance", RunbookVocabulary::levelName(a.riskTolerance));
    putText(answers, "rollbackNeed", RunbookVocabulary::levelName(a.rollbackNeed));
    putText(answers, "complexity", RunbookVocabulary::levelName(a.complexity));
    putText(answers, "sideBySide", RunbookVocabulary::answerName(a.sideBySide));
    putText(answers, "hosting", RunbookVocabulary::hostingName(a.hosting));

    QJsonObject o;
    o[QStringLiteral("answers")] = answers;
    putText(o, "recommended", record.recommended);
    if (!record.scores.isEmpty()) {
        QJsonObject scores;
        for (auto it = record.scores.cbegin(); it != record.scores.cend(); ++it)
            scores[it.key()] = it.value();
        o[QStringLiteral("scores")] = scores;
    }
    putText(o, "decidedAt", timeText(record.decidedAt));
    return o;
}

void RunbookJson::upgradeFromFormat1(QJsonObject &root)
{
    const QJsonValue old = root.value(QStringLiteral("runbook"));
    if (!old.isArray())
        return; // absent, or wrong: the reader names what is wrong
    QJsonArray steps;
    for (const QJsonValue &value : old.toArray()) {
        QJsonObject step = value.toObject();
        if (step.value(QStringLiteral("owner")).isString())
            step[QStringLiteral("owner")] =
                QJsonObject{{QStringLiteral("name"), step.value(QStringLiteral("owner"))}};
        const QJsonValue gate = step.value(QStringLiteral("gate"));
        if (gate.isBool()) {
            if (gate.toBool())
                step[QStringLiteral("gate")] = QJsonObject{};
            else
                step.remove(QStringLiteral("gate"));
        }
        steps.append(value.isObject() ? QJsonValue(step) : value);
    }
    root[QStringLiteral("runbook")] = QJsonObject{{kSteps, steps}};
}

QStringList RunbookJson::keyOrder()
{
    return {QStringLiteral("strategy"),        QStringLiteral("windowMinutes"),
            QStringLiteral("plannedStart"),    QStringLiteral("section"),
            QStringLiteral("owner"),           QStringLiteral("role"),
            QStringLiteral("action"),          QStringLiteral("phase"),
            QStringLiteral("durationMinutes"), QStringLiteral("durationFromRehearsals"),
            QStringLiteral("after"),           QStringLiteral("gate"),
            QStringLiteral("passReport"),      QStringLiteral("signoffs"),
            QStringLiteral("steps"),           QStringLiteral("answers"),
            QStringLiteral("recommended"),     QStringLiteral("scores")};
}

} // namespace cutover
