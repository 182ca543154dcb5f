#include "transform/LoadBatch.h"

#include "core/ValueText.h"

namespace cutover {

QJsonObject LoadBatch::rawValues(const QStringList &sourceColumns, const QVariantList &row)
{
    QJsonObject raw;
    for (qsizetype c = 0; c < sourceColumns.size(); ++c) {
        const QVariant &v = row.value(c);
        if (v.isNull())
            raw[sourceColumns.at(c)] = QJsonValue::Null;
        else if (ValueText::isInteger(v))
            raw[sourceColumns.at(c)] = v.toLongLong();
        else if (ValueText::isNumber(v))
            raw[sourceColumns.at(c)] = v.toDouble();
        else
            raw[sourceColumns.at(c)] = ValueText::of(v);
    }
    return raw;
}

} // namespace cutover
