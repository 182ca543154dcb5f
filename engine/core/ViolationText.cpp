#include "core/ViolationText.h"

#include "core/ValueText.h"
#include "core/ViolationJson.h"

namespace cutover {

QString ViolationText::describe(const Violation &v)
{
    QString text = v.column.isEmpty() ? QStringLiteral("(row)") : v.column;
    const QString kind = ViolationJson::kindName(v.kind);
    const QString source =
        v.source.isEmpty() || v.source == kind ? kind : kind + QLatin1Char(' ') + v.source;
    text += QStringLiteral(" (%1): %2").arg(source, v.reason);
    if (v.valueForm != Violation::ValueForm::None)
        text += QStringLiteral("; value ") + shownValue(v);
    if (!v.blocking)
        text += QStringLiteral(" (warning)");
    return text;
}

QString ViolationText::shownValue(const Violation &v)
{
    return v.valueForm == Violation::ValueForm::Text ? ValueText::quoted(v.value) : v.value;
}

} // namespace cutover
