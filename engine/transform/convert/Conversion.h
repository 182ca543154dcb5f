#pragma once

#include <QString>
#include <QVariant>

namespace cutover {

// The outcome of converting one value to a target column's type: the canonical value to write,
// or the reason it cannot convert. A value can also convert with a loss risk: it was accepted
// but a person should look (for example a floating-point value turned into a decimal through
// its shortest decimal form); the preview shows those cells as "converted with loss risk".
struct Conversion
{
    QVariant value;   // canonical value; a null QVariant for NULL or when failed
    QString reason;   // why it cannot convert; empty on success
    QString lossRisk; // why a person should look; empty when the conversion is plainly exact

    bool ok() const { return reason.isEmpty(); }
    bool hasLossRisk() const { return !lossRisk.isEmpty(); }

    static Conversion success(QVariant value, QString lossRisk = {})
    {
        return {std::move(value), QString(), std::move(lossRisk)};
    }
    static Conversion failure(QString reason) { return {QVariant(), std::move(reason), QString()}; }
};

} // namespace cutover
