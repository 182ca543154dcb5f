#pragma once

#include "project/Project.h"

#include <QJsonObject>
#include <QStringList>

namespace cutover {

// What a run ran, kept in its options in the ledger (key kKey) so two runs can say what changed
// between them: the project's table mappings and rules as the project file writes them, and a
// digest of each lookup map's entries (a map can be large; that it changed is what matters).
class RunSnapshot
{
public:
    static constexpr char kKey[] = "snapshot";

    static QJsonObject of(const Project &project);
    // What differs from earlier to later, a line each ("patient.full_name: expression `a` is now
    // `b`", "mapping to visit added", "lookup map genders changed"); empty when nothing does.
    static QStringList changes(const QJsonObject &earlier, const QJsonObject &later);

private:
    static void compareMappings(const QJsonObject &earlier, const QJsonObject &later,
                                QStringList &changes);
    static void compareColumns(const QString &table, const QJsonObject &earlier,
                               const QJsonObject &later, QStringList &changes);
    static void compareNamed(const QString &what, const QJsonObject &earlier,
                             const QJsonObject &later, QStringList &changes);
};

} // namespace cutover
