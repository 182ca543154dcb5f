#pragma once

#include "core/Violation.h"

#include <QString>
#include <QVariant>
#include <utility>

namespace cutover {

// The text of an engine value (null, qint64, double, QString, QByteArray, bool), as conversion
// messages, violations, uniqueness keys and reference lookups need it.
class ValueText
{
public:
    // Exact text: numbers in their shortest round-trip form, blobs as x'0a1b', bools as 1/0,
    // NULL as an empty string (check isNull() first where it matters).
    static QString of(const QVariant &value);
    // of() for a value read back from a database, as the batches have it (QPSQL reads a uuid as
    // a QUuid).
    static QString ofStored(const QVariant &value);
    // For a person: like of(), but NULL reads "NULL" and long blobs and texts are cut, with
    // their size: x'0a1b…' (5000 bytes), Lorem… (9000 characters).
    static QString display(const QVariant &value);
    // A value as a violation keeps it: text as it is (a printer quotes it), or a literal shown
    // as it is: NULL, a number, x'0a1b' bytes, or a cut text already in quotes with its size
    // outside them ('Lorem…' (9000 characters)).
    static std::pair<QString, Violation::ValueForm> shown(const QVariant &value);
    // text as SQL writes it: in single quotes, each ' doubled ('O''Brien').
    static QString quoted(const QString &text);

    static bool isInteger(const QVariant &value);
    static bool isBinary(const QVariant &value) { return value.typeId() == QMetaType::QByteArray; }
    static bool isNumber(const QVariant &value)
    {
        return isInteger(value) || value.typeId() == QMetaType::Double;
    }

private:
    static QString displayBytes(const QByteArray &bytes);
    static QString cut(const QString &text);
};

} // namespace cutover
