#pragma once

#include "core/Violation.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>

namespace cutover {

// Violations as JSON for the quarantine ledger and exports:
// [{"kind": "rule", "column": ..., "source": ..., "value": ..., "valueForm": "text",
//   "reason": ..., "blocking": true}]
class ViolationJson
{
public:
    static QJsonArray toJson(const QList<Violation> &violations);
    // Entries that are not objects are skipped; unknown kinds read as Function.
    static QList<Violation> fromJson(const QJsonArray &array);
    static QString kindName(Violation::Kind kind);
    static Violation::Kind parseKind(const QString &name);
    // "text", "literal" or "none".
    static QString formName(Violation::ValueForm form);

private:
    static Violation::ValueForm parseForm(const QJsonValue &name, const Violation &v);
};

} // namespace cutover
