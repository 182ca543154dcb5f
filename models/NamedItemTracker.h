#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// Follows one item of a named list (a lookup map, a rule, a phase) across the document's
// changes, so an editor keeps showing the same item: by its name when it moved, by its place
// when it was renamed (the list kept its length), and as gone when it was deleted, until an undo
// brings it back under its name.
class NamedItemTracker
{
public:
    // Starts following the item at index of names; -1 follows nothing.
    void track(qsizetype index, const QStringList &names);
    // Finds the item again after the list changed; returns exists().
    bool update(const QStringList &names);

    qsizetype index() const { return m_exists ? m_index : -1; }
    QString name() const { return m_name; }
    bool exists() const { return m_exists; }
    // Something was tracked (it may be gone now).
    bool isTracking() const { return m_tracking; }

private:
    qsizetype m_index = -1;
    QString m_name;
    qsizetype m_count = 0;
    bool m_exists = false;
    bool m_tracking = false;
};

} // namespace cutover
