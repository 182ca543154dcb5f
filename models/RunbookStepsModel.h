#pragma once

#include "runbook/RunbookDocument.h"

#include <QAbstractItemModel>

namespace cutover {

// The runbook as a checklist: one row per section of the plan (in the order the plan first uses
// them) and under it the section's steps in plan order, with owner, status, planned and actual
// (or forecast) times and evidence. A new document with the same sections and steps changes the
// cells only, so selection and expanded sections survive the session's refreshes; a changed plan
// resets the model.
class RunbookStepsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        StepColumn,
        OwnerColumn,
        StatusColumn,
        PlannedColumn,
        ActualColumn,
        EvidenceColumn,
        ColumnCount
    };
    enum Role
    {
        StepIdRole = Qt::UserRole + 1, // empty on a section's row
        StatusRole,                    // StepStatus as int, on a step's row
        CriticalRole,                  // bool: the step is on the critical path
        GateBlockedRole,               // bool: a gate with blockers now
    };

    explicit RunbookStepsModel(QObject *parent = nullptr);

    void setDocument(const RunbookDocument &document);
    void clear();
    const RunbookDocument *document() const { return m_document ? &*m_document : nullptr; }

    QModelIndex indexOf(const QString &stepId, int column = StepColumn) const;
    QString stepId(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Section
    {
        RunbookStep::Section section;
        QList<qsizetype> steps; // indexes into the document's steps
        bool operator==(const Section &) const = default;
    };
    static QList<Section> sectionsOf(const RunbookDocument &document);
    const RunbookDocument::Step *stepAt(const QModelIndex &index) const;
    QVariant sectionData(const Section &section, int column, int role) const;
    QVariant stepData(const RunbookDocument::Step &step, int column, int role) const;
    QString stepText(const RunbookDocument::Step &step, int column) const;
    QString evidenceText(const StepState &state) const;
    QString tooltip(const RunbookDocument::Step &step) const;
    QString sectionProgress(const Section &section) const;

    std::optional<RunbookDocument> m_document;
    QList<Section> m_sections;
    QStringList m_stepIds; // to tell a changed plan from new state
};

} // namespace cutover
