#include "transform/CheckedBatch.h"

#include <algorithm>

namespace cutover {

bool CheckedBatch::blocked(qsizetype row) const
{
    const QList<Violation> &found = violations.at(row);
    return std::any_of(found.cbegin(), found.cend(), [](const Violation &v) { return v.blocking; });
}

Result<CheckedBatch> CheckedBatch::of(const TransformedBatch &transformed, ConvertedBatch converted,
                                      RuleChecker *checker, const QBitArray &unclaimed)
{
    const qsizetype rows = converted.values.size();
    CheckedBatch out;
    out.violations.reserve(rows);
    for (qsizetype r = 0; r < rows; ++r)
        out.violations.append(transformed.violations.value(r) + converted.violations.value(r));
    if (checker) {
        auto checked = checker->checkBatch(converted.values, converted.databaseDefaults,
                                           out.violations, unclaimed);
        if (!checked)
            return checked.error();
        out.check = std::move(checked.value());
        for (qsizetype r = 0; r < rows; ++r)
            out.violations[r] += out.check.violations.value(r);
    }
    out.converted = std::move(converted);
    return out;
}

} // namespace cutover
