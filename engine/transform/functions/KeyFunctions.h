#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_value;

namespace cutover {

class FunctionCall;
struct TransformEnvironment;

// uuid4() and uuid5(namespace, key, ...).
//
// uuid5 is deterministic: the namespace name becomes a v5 UUID under Cutover's fixed root
// (rootNamespace()), and the key parts, canonicalised and length-prefixed, become a v5 UUID under
// that. Numbers are canonicalised so 42, 42.0 and '42' give the same id (legacy foreign keys are
// often text); other text is taken exactly ('042' and ' 42' differ from '42'). A NULL key part
// gives NULL without a violation, so a NULL foreign key stays NULL. The result is lower-case
// text without braces. When the environment has a KeyRecorder, each (namespace, key, uuid) is
// recorded.
class KeyFunctions
{
public:
    static int registerOn(sqlite3 *db, TransformEnvironment *env);

    // Cutover's root namespace: v5 of "https://cutover.dev/uuid5" in the RFC 4122 URL namespace.
    static QUuid rootNamespace();
    // The UUID uuid5(keyNamespace, parts...) gives for parts already in canonical text form.
    static QString uuid5(const QString &keyNamespace, const QStringList &canonicalParts);
    // The source_key text a crosswalk holds for these canonical parts: the part itself for one
    // part, a JSON array of the parts for several.
    static QString sourceKey(const QStringList &canonicalParts);
    // Argument i as uuid5 canonicalises it (numbers in shortest decimal form, blobs as hex).
    static QString canonicalPart(const FunctionCall &call, int i);

private:
    static void uuid4(sqlite3_context *context, int argc, sqlite3_value **argv);
    static void uuid5(sqlite3_context *context, int argc, sqlite3_value **argv);
};

} // namespace cutover
