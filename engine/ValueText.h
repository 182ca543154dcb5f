#pragma once

#include <QString>
#include <QVariant>

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
    // For a person: like of(), but NULL reads "NULL" and blobs and very long texts are cut.
    static QString display(const QVariant &value);

    static bool isInteger(const QVariant &value);
    static bool isBinary(const QVariant &value) { return value.typeId() == QMetaType::QByteArray; }
    static bool isNumber(const QVariant &value)
    {
        return isInteger(value) || value.typeId() == QMetaType::Double;
    }
};

} // namespace cutover
