#pragma once

#include "ProjectDocument.h"
#include "schema/DatabaseSchema.h"
#include "validate/Problem.h"

#include <QAbstractTableModel>

namespace cutover {

// The columns of one table mapping as a table: every column of the target table (mapped or not)
// and every mapped column, with its type, expression, default, state and the source columns the
// expression reads. Editing an expression or a default is an edit through ProjectEdits; typing
// in one expression is one undo step.
class ColumnMappingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TargetColumn,
        TypeColumn,
        ExpressionColumn,
        DefaultColumn,
        StatusColumn,
        ReadsColumn,
        ColumnCount
    };

    enum Role
    {
        StateRole = Qt::UserRole + 1, // State
        ColumnNameRole,               // the target column's name
    };

    enum class State
    {
        Mapped,
        Unmapped,
        RequiredUnmapped, // NOT NULL, no default, not generated: the run would fail
        Warning,
        Error,
    };
    Q_ENUM(State)

    explicit ColumnMappingModel(ProjectDocument &document, QObject *parent = nullptr);

    // Which table mapping it shows; -1 for none.
    void setMapping(qsizetype mapping);
    qsizetype mapping() const { return m_mapping; }
    void setSchemas(const DatabaseSchema &source, const DatabaseSchema &target);
    void setProblems(const QList<Problem> &problems);
    // The source columns each expression reads, from the last check (ProjectCheck's lineage).
    void setLineage(const QHash<QString, QStringList> &lineage);
    // What a target column reads until the next check says (a column mapped by a drag on the
    // canvas reads the column dragged), so its line is drawn at once.
    void assumeLineage(const QString &targetColumn, const QStringList &sourceColumns);
    // The row of a target column, -1 when it has none.
    int rowOf(const QString &targetColumn) const;
    // For the canvas: the mapping's source and target tables as the schemas (or the planned
    // target tables) have them, null when unknown; a target column's state and expression, and
    // the source columns the last check found it reads.
    const TableInfo *sourceTable() const;
    const TableInfo *targetTable() const;
    const DatabaseSchema &sourceSchema() const { return m_source; }
    const DatabaseSchema &targetSchema() const { return m_target; }
    State state(const QString &targetColumn) const;
    QString expression(const QString &targetColumn) const;
    QStringList columnsRead(const QString &targetColumn) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    struct Row
    {
        QString name;
        const ColumnInfo *info = nullptr; // the target schema's column, when known
    };

    const TableMapping *tableMapping() const;
    const ColumnMapping *columnMapping(const QString &name) const;
    QList<Row> buildRows() const;
    void refresh();
    State stateOf(const Row &row) const;
    QString statusText(const Row &row) const;
    QVariant display(const Row &row, int column) const;
    bool setExpression(const Row &row, const QString &expression);
    bool setDefault(const Row &row, const QString &value);

    ProjectDocument &m_document;
    qsizetype m_mapping = -1;
    DatabaseSchema m_source;
    DatabaseSchema m_target;
    struct ColumnProblems
    {
        bool error = false;
        bool warning = false;
        QString message; // the first one's
    };
    void indexProblems();

    QList<Problem> m_problems;
    QHash<QString, ColumnProblems> m_columnProblems; // of the shown mapping, by target column
    QHash<QString, QStringList> m_lineage;
    QList<Row> m_rows;
};

} // namespace cutover
