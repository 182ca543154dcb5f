#pragma once

#include "NamedItemTracker.h"
#include "ProjectDocument.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>
#include <utility>

namespace cutover {

// The entries of one lookup map of the document as an editable key/value table, sorted by key,
// with one empty row at the end where a new key is typed. Every edit is pushed through
// ProjectEdits::replaceLookup (one undo step per entry); the model refreshes from the document's
// signals, undo included, and follows its lookup map when it is renamed or moved.
class LookupEntriesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        ColumnCount
    };

    explicit LookupEntriesModel(ProjectDocument &document, QObject *parent = nullptr);

    // Shows the lookup map at index of the document's lookups; -1 shows none.
    void setLookup(qsizetype index);
    // The shown map's index now, or -1 when there is none (or it was deleted).
    qsizetype lookupIndex() const { return m_tracker.index(); }
    const NamedItemTracker &tracker() const { return m_tracker; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The row where a new key is typed (after the entries), or -1 when no map is shown.
    int newEntryRow() const;
    QString keyAt(int row) const;
    int rowOfKey(const QString &key) const;
    // Removes the entries with these keys in one undo step.
    void removeKeys(const QStringList &keys);
    // Adds entries (replacing the values of keys already there) in one undo step named what.
    void mergeEntries(const QMap<QString, QString> &entries, const QString &what);

Q_SIGNALS:
    // An edit was refused (an empty or repeated key); why says it in words.
    void editRejected(const QString &why);
    // An entry was added, renamed or changed: the view may move to it.
    void entryEdited(const QString &key, int column);
    // The shown map was read again from the document (it may be gone: lookupIndex() is -1).
    void refreshed();

private:
    using Entry = std::pair<QString, QString>;

    void refresh();
    bool renameInPlace(const QList<Entry> &rows);
    void removeMissing(const QList<Entry> &rows);
    void insertNew(const QList<Entry> &rows);
    void updateValues(const QList<Entry> &rows);
    const LookupMap *lookup() const;
    bool setKey(int row, const QString &key);
    bool setValue(int row, const QString &value);
    void push(const LookupMap &lookup, const QString &what);

    ProjectDocument &m_document;
    NamedItemTracker m_tracker;
    QList<Entry> m_rows;  // what the view shows: the map's entries when it was last read
    bool m_shown = false; // a map is shown (with its new-key row)
};

} // namespace cutover
