#pragma once

#include "core/Result.h"
#include "core/Violation.h"
#include "transform/TransformedBatch.h"
#include "transform/convert/ConvertedBatch.h"
#include "transform/rules/RuleChecker.h"

#include <QBitArray>
#include <QList>

namespace cutover {

// A batch after every stage that judges its rows: the transform program, the conversion to the
// target types and the project's rules, with each row's violations of all three in one list, in
// that order. A run and a preview both judge their rows here, so a row is judged one way only.
struct CheckedBatch
{
    ConvertedBatch converted;
    QList<QList<Violation>> violations; // per row, every stage's
    RuleChecker::Check check;           // what the rules found and claimed

    bool blocked(qsizetype row) const;

    // The rules are not checked when checker is null. unclaimed: see RuleChecker::checkBatch.
    static Result<CheckedBatch> of(const TransformedBatch &transformed, ConvertedBatch converted,
                                   RuleChecker *checker, const QBitArray &unclaimed = {});
};

} // namespace cutover
