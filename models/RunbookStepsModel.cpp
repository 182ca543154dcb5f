#include "RunbookStepsModel.h"

#include "project/RunbookVocabulary.h"
#include "runbook/RunbookText.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace cutover {

namespace {

// A step row's internal id is its section's row + 1; a section's row has 0.
constexpr quintptr kSectionRow = 0;

QColor statusColour(StepStatus status)
{
    switch (status) {
    case StepStatus::Done:
        return QColor(0x1b, 0x7a, 0x3a);
    case StepStatus::InProgress:
        return QColor(0x1f, 0x5f, 0xbf);
    case StepStatus::Failed:
        return QColor(0xb0, 0x20, 0x20);
    case StepStatus::Blocked:
        return QColor(0xa0, 0x5a, 0x00);
    case StepStatus::Skipped:
    case StepStatus::Pending:
        break;
    }
    return {};
}

} // namespace

RunbookStepsModel::RunbookStepsModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

QList<RunbookStepsModel::Section> RunbookStepsModel::sectionsOf(const RunbookDocument &document)
{
    QList<Section> sections;
    for (qsizetype i = 0; i < document.steps.size(); ++i) {
        const auto section = document.steps[i].plan.section;
        auto found = std::find_if(sections.begin(), sections.end(),
                                  [section](const Section &s) { return s.section == section; });
        if (found == sections.end())
            found = sections.insert(sections.end(), Section{section, {}});
        found->steps.append(i);
    }
    return sections;
}

void RunbookStepsModel::setDocument(const RunbookDocument &document)
{
    QStringList ids;
    for (const RunbookDocument::Step &step : document.steps)
        ids.append(step.plan.id);
    const QList<Section> sections = sectionsOf(document);
    if (m_document && sections == m_sections && ids == m_stepIds) {
        m_document = document;
        for (int s = 0; s < m_sections.size(); ++s) {
            const QModelIndex section = index(s, 0);
            Q_EMIT dataChanged(section, index(s, ColumnCount - 1));
            const int steps = int(m_sections[s].steps.size());
            if (steps > 0)
                Q_EMIT dataChanged(index(0, 0, section),
                                   index(steps - 1, ColumnCount - 1, section));
        }
        return;
    }
    beginResetModel();
    m_document = document;
    m_sections = sections;
    m_stepIds = ids;
    endResetModel();
}

void RunbookStepsModel::clear()
{
    beginResetModel();
    m_document.reset();
    m_sections.clear();
    m_stepIds.clear();
    endResetModel();
}

QModelIndex RunbookStepsModel::indexOf(const QString &stepId, int column) const
{
    for (int s = 0; s < m_sections.size(); ++s)
        for (int r = 0; r < m_sections[s].steps.size(); ++r)
            if (m_document->steps[m_sections[s].steps[r]].plan.id == stepId)
                return index(r, column, index(s, 0));
    return {};
}

QString RunbookStepsModel::stepId(const QModelIndex &index) const
{
    const RunbookDocument::Step *step = stepAt(index);
    return step ? step->plan.id : QString();
}

const RunbookDocument::Step *RunbookStepsModel::stepAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kSectionRow)
        return nullptr;
    const Section &section = m_sections[qsizetype(index.internalId() - 1)];
    return &m_document->steps[section.steps[index.row()]];
}

QModelIndex RunbookStepsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kSectionRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex RunbookStepsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSectionRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kSectionRow);
}

int RunbookStepsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    if (parent.column() != 0 || parent.internalId() != kSectionRow)
        return 0;
    return int(m_sections[parent.row()].steps.size());
}

int RunbookStepsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RunbookStepsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case OwnerColumn:
        return tr("Owner");
    case StatusColumn:
        return tr("Status");
    case PlannedColumn:
        return tr("Planned");
    case ActualColumn:
        return tr("Actual / forecast");
    case EvidenceColumn:
        return tr("Evidence");
    default:
        return {};
    }
}

QVariant RunbookStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const RunbookDocument::Step *step = stepAt(index))
        return stepData(*step, index.column(), role);
    return sectionData(m_sections[index.row()], index.column(), role);
}

QVariant RunbookStepsModel::sectionData(const Section &section, int column, int role) const
{
    if (role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    if (column == StepColumn)
        return RunbookVocabulary::sectionTitle(section.section);
    if (column == StatusColumn)
        return sectionProgress(section);
    return {};
}

// "3 of 5 done".
QString RunbookStepsModel::sectionProgress(const Section &section) const
{
    qsizetype finished = 0;
    for (qsizetype i : section.steps) {
        const StepStatus status = m_document->steps[i].state.status;
        finished += status == StepStatus::Done || status == StepStatus::Skipped;
    }
    return tr("%1 of %2 done").arg(finished).arg(section.steps.size());
}

QVariant RunbookStepsModel::stepData(const RunbookDocument::Step &step, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return stepText(step, column);
    case Qt::ToolTipRole:
        return tooltip(step);
    case Qt::ForegroundRole:
        if (column == StatusColumn && statusColour(step.state.status).isValid())
            return QBrush(statusColour(step.state.status));
        if (step.plan.isOutsideCutover() && column != StatusColumn)
            return QBrush(QColor(0x60, 0x60, 0x60));
        return {};
    case Qt::FontRole:
        if (column == StepColumn && step.times.critical) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case StepIdRole:
        return step.plan.id;
    case StatusRole:
        return int(step.state.status);
    case CriticalRole:
        return step.times.critical;
    case GateBlockedRole:
        return step.gate.has_value() && !step.gate->open();
    default:
        return {};
    }
}

QString RunbookStepsModel::stepText(const RunbookDocument::Step &step, int column) const
{
    const QDateTime &reference = m_document->now;
    switch (column) {
    case StepColumn: {
        QString title = step.plan.title.isEmpty() ? step.plan.id : step.plan.title;
        if (step.plan.gate.enabled)
            title = QStringLiteral("◆ ") + title;
        if (step.times.critical)
            title += QStringLiteral("  ⚑");
        return title;
    }
    case OwnerColumn:
        return RunbookText::owner(step.plan.owner);
    case StatusColumn: {
        QString text = RunbookText::statusLabel(step.state.status);
        if (step.gate && !step.gate->open() && !step.state.isFinished())
            text += tr(" · gate blocked");
        return text;
    }
    case PlannedColumn:
        return RunbookText::span(step.times.plannedStart, step.times.plannedEnd, reference);
    case ActualColumn: {
        QString text = RunbookText::progress(step.state, step.times, reference);
        if (const QString late = RunbookText::late(step.times.lateMinutes);
            !late.isEmpty() && step.state.status != StepStatus::Skipped)
            text += QStringLiteral("  ") + late;
        return text;
    }
    case EvidenceColumn:
        return evidenceText(step.state);
    default:
        return {};
    }
}

QString RunbookStepsModel::evidenceText(const StepState &state) const
{
    if (state.evidence.isEmpty())
        return {};
    const QString newest = RunbookText::evidence(state.evidence.last());
    if (state.evidence.size() == 1)
        return newest;
    return tr("%1 (+%2 more)").arg(newest).arg(state.evidence.size() - 1);
}

QString RunbookStepsModel::tooltip(const RunbookDocument::Step &step) const
{
    QStringList lines{QStringLiteral("<b>%1</b>").arg(step.plan.title.toHtmlEscaped())};
    if (!step.plan.description.isEmpty())
        lines.append(step.plan.description.toHtmlEscaped());
    if (const QString action = RunbookText::action(step.plan); !action.isEmpty())
        lines.append(action.toHtmlEscaped());
    lines.append(tr("Planned: %1").arg(RunbookText::minutes(step.times.durationMinutes)));
    if (step.times.critical)
        lines.append(tr("On the critical path"));
    else if (!step.plan.isOutsideCutover())
        lines.append(tr("Slack: %1").arg(RunbookText::minutes(step.times.slackMinutes)));
    if (step.gate) {
        for (const QString &met : step.gate->met)
            lines.append(QStringLiteral("✓ ") + met.toHtmlEscaped());
        for (const QString &blocker : step.gate->blockers)
            lines.append(QStringLiteral("✕ ") + blocker.toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace cutover
