#include "transform/LookupCallFinder.h"

#include "transform/SqlTextScanner.h"

namespace cutover {

QList<LookupCallFinder::Call> LookupCallFinder::find(const QString &expression)
{
    QList<Call> calls;
    for (const SqlTextScanner::Call &found :
         SqlTextScanner::calls(expression, QStringLiteral("lookup"))) {
        if (found.arguments.size() < 2)
            continue;
        const std::optional<QString> map = SqlTextScanner::stringLiteral(found.arguments[0].text);
        Call call{map.value_or(QString()), found.arguments[1].text, found.arguments.size() > 2};
        if (map && !call.expression.isEmpty() && !calls.contains(call))
            calls.append(call);
    }
    return calls;
}

} // namespace cutover
