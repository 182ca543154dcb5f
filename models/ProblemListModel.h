#pragma once

#include "validate/Problem.h"

#include <QAbstractTableModel>
#include <QList>

namespace cutover {

// The problems of a project check as a table (Severity, Location, Message, Code), sorted by
// severity (errors first), then location, keeping the engine's order among equals.
class ProblemListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        LocationColumn,
        MessageColumn,
        CodeColumn,
        ColumnCount
    };

    enum Role
    {
        SeverityRole = Qt::UserRole + 1, // int of Problem::Severity
        CodeRole,
        LocationRole,
        PathRole,   // JSON path in the project file
        TableRole,  // target table, may be empty
        ColumnRole, // target column, may be empty
        OffsetRole, // character offset in an expression, -1 when none
        SeverityColourRole,
    };
    Q_ENUM(Role)

    explicit ProblemListModel(QObject *parent = nullptr);

    void setProblems(const QList<Problem> &problems);
    void clear();
    const QList<Problem> &problems() const { return m_problems; }
    const Problem &problem(int row) const { return m_problems.at(row); }

    int count(Problem::Severity severity) const;
    // "No problems", "1 error", "3 errors, 5 warnings, 1 info".
    QString summary() const;

    static QString severityLabel(Problem::Severity severity);
    static QColor severityColour(Problem::Severity severity);
    static QIcon severityIcon(Problem::Severity severity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countsChanged();

private:
    QList<Problem> m_problems;
};

} // namespace cutover
