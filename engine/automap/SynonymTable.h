#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cutover {

// Groups of names that mean the same thing in schemas: name ~ full_name, dob ~ birth_date,
// last_upd ~ updated_at, no ~ number ~ id, ... Phrases are written as normalized names (lower
// case, singular words joined by '_'), the form NameMatcher produces, so one table serves whole
// column names ("date_of_birth") and single words ("amt") alike.
class SynonymTable
{
public:
    // The built-in table for common table and column names.
    static const SynonymTable &standard();

    explicit SynonymTable(const QList<QStringList> &groups);

    // Index of the group holding the phrase, or -1.
    int groupOf(const QString &phrase) const;
    bool areSynonyms(const QString &a, const QString &b) const;

private:
    QHash<QString, int> m_groups;
};

} // namespace cutover
