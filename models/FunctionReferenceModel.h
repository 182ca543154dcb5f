#pragma once

#include "transform/functions/FunctionCatalog.h"

#include <QAbstractTableModel>

namespace cutover {

// The functions a transform expression can call, as the reference panel lists them: Cutover's
// (the engine's FunctionCatalog) and then SQLite's most used, each with its signature, what it
// does and an example: the content of docs/functions.md.
class FunctionReferenceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        FunctionColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, // the name to call, e.g. "to_utc"
        SignatureRole,
        SummaryRole,
        ExampleRole,
        OriginRole, // "Cutover" or "SQLite"
        SearchRole, // everything a search looks in, lower case
    };

    explicit FunctionReferenceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The row of a function (any case), -1 when unknown.
    int rowOf(const QString &name) const;

private:
    struct Entry
    {
        FunctionCatalog::Function function;
        bool sqlite = false;
    };
    QList<Entry> m_entries;
};

} // namespace cutover
