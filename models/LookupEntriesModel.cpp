#include "LookupEntriesModel.h"

#include "ProjectEdits.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <algorithm>

namespace cutover {

namespace {

QStringList lookupNames(const Project &project)
{
    QStringList names;
    for (const LookupMap &lookup : project.lookups)
        names.append(lookup.name);
    return names;
}

} // namespace

LookupEntriesModel::LookupEntriesModel(ProjectDocument &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Lookups)
            refresh();
    });
    connect(&document, &ProjectDocument::projectReplaced, this, &LookupEntriesModel::refresh);
}

void LookupEntriesModel::setLookup(qsizetype index)
{
    m_tracker.track(index, lookupNames(m_document.project()));
    beginResetModel();
    m_rows.clear();
    m_shown = lookup() != nullptr;
    if (m_shown)
        for (auto it = lookup()->entries.begin(); it != lookup()->entries.end(); ++it)
            m_rows.append({it.key(), it.value()});
    endResetModel();
    Q_EMIT refreshed();
}

const LookupMap *LookupEntriesModel::lookup() const
{
    const qsizetype index = m_tracker.index();
    return index >= 0 ? &m_document.project().lookups.at(index) : nullptr;
}

void LookupEntriesModel::refresh()
{
    m_tracker.update(lookupNames(m_document.project()));
    QList<Entry> rows;
    if (const LookupMap *map = lookup())
        for (auto it = map->entries.begin(); it != map->entries.end(); ++it)
            rows.append({it.key(), it.value()});
    const bool shown = lookup() != nullptr;
    if (shown != m_shown) {
        beginResetModel();
        m_rows = rows;
        m_shown = shown;
        endResetModel();
    } else if (!renameInPlace(rows)) {
        removeMissing(rows);
        insertNew(rows);
    }
    updateValues(rows);
    Q_EMIT refreshed();
}

// One key renamed, nothing else: the rows are reordered (a layout change), so an open editor and
// the selection stay with their entries.
bool LookupEntriesModel::renameInPlace(const QList<Entry> &rows)
{
    if (rows.size() != m_rows.size())
        return false;
    QStringList gone;
    QStringList came;
    for (const Entry &entry : m_rows)
        if (std::none_of(rows.begin(), rows.end(),
                         [&](const Entry &e) { return e.first == entry.first; }))
            gone.append(entry.first);
    for (const Entry &entry : rows)
        if (rowOfKey(entry.first) < 0)
            came.append(entry.first);
    if (gone.size() != 1 || came.size() != 1)
        return false;
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<int> newRows;
    for (const QModelIndex &old : before) {
        const QString key = keyAt(old.row()) == gone.first() ? came.first() : keyAt(old.row());
        int row = old.row() == newEntryRow() ? int(rows.size()) : -1;
        for (qsizetype i = 0; row < 0 && i < rows.size(); ++i)
            if (rows.at(i).first == key)
                row = int(i);
        newRows.append(row);
    }
    m_rows = rows;
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(newRows.at(i), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
    return true;
}

void LookupEntriesModel::removeMissing(const QList<Entry> &rows)
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const QString &key = m_rows.at(i).first;
        if (std::any_of(rows.begin(), rows.end(), [&](const Entry &e) { return e.first == key; }))
            continue;
        beginRemoveRows({}, int(i), int(i));
        m_rows.removeAt(i);
        endRemoveRows();
    }
}

void LookupEntriesModel::insertNew(const QList<Entry> &rows)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i < m_rows.size() && m_rows.at(i).first == rows.at(i).first)
            continue;
        beginInsertRows({}, int(i), int(i));
        m_rows.insert(i, rows.at(i));
        endInsertRows();
    }
}

void LookupEntriesModel::updateValues(const QList<Entry> &rows)
{
    for (qsizetype i = 0; i < rows.size() && i < m_rows.size(); ++i) {
        if (rows.at(i) == m_rows.at(i))
            continue;
        m_rows[i] = rows.at(i);
        Q_EMIT dataChanged(index(int(i), KeyColumn), index(int(i), ValueColumn));
    }
}

int LookupEntriesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_shown)
        return 0;
    return int(m_rows.size()) + 1;
}

int LookupEntriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int LookupEntriesModel::newEntryRow() const
{
    return m_shown ? int(m_rows.size()) : -1;
}

QString LookupEntriesModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).first : QString();
}

int LookupEntriesModel::rowOfKey(const QString &key) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).first == key)
            return int(i);
    return -1;
}

QVariant LookupEntriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    const bool isNew = index.row() == newEntryRow();
    if (isNew) {
        if (role == Qt::DisplayRole && index.column() == KeyColumn)
            return tr("(new key)");
        if (role == Qt::ForegroundRole)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        if (role == Qt::FontRole) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (role == Qt::ToolTipRole)
            return tr("Type a new key here to add an entry");
        return {};
    }
    const Entry &entry = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == KeyColumn ? entry.first : entry.second;
    return {};
}

bool LookupEntriesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !checkIndex(index) || !lookup())
        return false;
    const QString text = value.toString();
    return index.column() == KeyColumn ? setKey(index.row(), text) : setValue(index.row(), text);
}

bool LookupEntriesModel::setKey(int row, const QString &key)
{
    const bool isNew = row == newEntryRow();
    const QString before = keyAt(row);
    if (!isNew && key == before)
        return true;
    if (key.isEmpty()) {
        if (!isNew)
            Q_EMIT editRejected(tr("A key cannot be empty; delete the row instead."));
        return false;
    }
    LookupMap map = *lookup();
    if (map.entries.contains(key)) {
        Q_EMIT editRejected(tr("The map already has the key \u201c%1\u201d.").arg(key));
        return false;
    }
    const QString mapped = isNew ? QString() : map.entries.take(before);
    map.entries.insert(key, mapped);
    push(map, isNew ? tr("entry %1").arg(key) : tr("key %1").arg(before));
    Q_EMIT entryEdited(key, isNew ? ValueColumn : KeyColumn);
    return true;
}

bool LookupEntriesModel::setValue(int row, const QString &value)
{
    if (row == newEntryRow()) {
        Q_EMIT editRejected(tr("Type the key first, then its value."));
        return false;
    }
    const QString key = keyAt(row);
    LookupMap map = *lookup();
    if (map.entries.value(key) == value)
        return true;
    map.entries.insert(key, value);
    push(map, tr("entry %1").arg(key));
    Q_EMIT entryEdited(key, ValueColumn);
    return true;
}

void LookupEntriesModel::removeKeys(const QStringList &keys)
{
    if (!lookup())
        return;
    LookupMap map = *lookup();
    QStringList removed;
    for (const QString &key : keys)
        if (map.entries.remove(key) > 0)
            removed.append(key);
    if (!removed.isEmpty())
        push(map, tr("entries (removed %1)").arg(removed.join(QStringLiteral(", "))));
}

void LookupEntriesModel::mergeEntries(const QMap<QString, QString> &entries, const QString &what)
{
    if (!lookup())
        return;
    LookupMap map = *lookup();
    for (auto it = entries.begin(); it != entries.end(); ++it)
        map.entries.insert(it.key(), it.value());
    if (map != *lookup())
        push(map, what);
}

void LookupEntriesModel::push(const LookupMap &lookup, const QString &what)
{
    ProjectEdits(m_document).replaceLookup(m_tracker.index(), lookup, what);
}

Qt::ItemFlags LookupEntriesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() == KeyColumn || index.row() != newEntryRow())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant LookupEntriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Source value") : tr("Maps to");
}

} // namespace cutover
