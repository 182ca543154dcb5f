#pragma once

#include "core/JsonReadError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

namespace cutover {

// Reads the typed members of one JSON object and throws a JsonReadError that names the member's
// path on the first one that is missing or of the wrong type. It remembers the members read, so
// that refuseUnknownMembers() can refuse the others.
//
// Two wordings, because the project file and the reconciliation report each already word their
// errors their own way (and tests and users rely on them):
//   Detailed  "expected a string, found a number"; a missing member is "missing required key
//             'name'" at the object's path.
//   Brief     "expected a string"; a missing member is "is missing" at the member's own path.
class JsonObjectReader
{
public:
    enum class Wording
    {
        Detailed,
        Brief
    };

    // Throws when value is not an object.
    JsonObjectReader(const QJsonValue &value, QString path, Wording wording = Wording::Detailed);

    // How errors name a value's type: "a string", "an object", "null", ...
    static QString typeName(const QJsonValue &value);
    // "tables[2]"
    static QString itemPath(const QString &arrayPath, qsizetype index);

    const QString &path() const { return m_path; }
    QString memberPath(const QString &key) const;

    // The member as it is, undefined when absent.
    QJsonValue value(const QString &key) const;
    QJsonValue requiredValue(const QString &key) const;

    // Optional members: an absent one gives the fallback; one of another type fails, null too.
    QString text(const QString &key) const;
    bool flag(const QString &key, bool fallback = false) const;
    double number(const QString &key, double fallback) const;
    int wholeNumber(const QString &key, int fallback, int minimum) const;
    QStringList textList(const QString &key) const;
    QJsonArray array(const QString &key) const;

    // Required members: an absent one fails.
    QString requiredText(const QString &key) const;
    // Fails on blank text too.
    QString nonEmptyText(const QString &key) const;
    bool requiredFlag(const QString &key) const;
    double requiredNumber(const QString &key) const;
    qint64 requiredWholeNumber(const QString &key) const;
    QStringList requiredTextList(const QString &key) const;
    QJsonArray requiredArray(const QString &key) const;

    // Members that may be null or absent, both read as empty.
    QString nullableText(const QString &key) const;
    QStringList nullableTextList(const QString &key) const;

    // Fails on the first member (in key order) that no call above asked for; call it last.
    void refuseUnknownMembers() const;

    // The error for a member of the wrong type, in this reader's wording.
    JsonReadError wrongType(const QString &path, const char *expected,
                            const QJsonValue &value) const;

private:
    QJsonValue member(const QString &key, bool required) const;
    QString asText(const QString &key, const QJsonValue &value) const;
    bool asFlag(const QString &key, const QJsonValue &value) const;
    double asNumber(const QString &key, const QJsonValue &value) const;
    QJsonArray asArray(const QString &key, const QJsonValue &value) const;
    QStringList asTextList(const QString &key, const QJsonArray &items) const;
    JsonReadError missing(const QString &key) const;

    QString m_path;
    Wording m_wording;
    QJsonObject m_object;
    // What was asked for, so far: reading changes nothing else.
    mutable QSet<QString> m_read;
};

} // namespace cutover
