#pragma once

#include "core/Violation.h"

#include <QString>

namespace cutover {

// A violation in words, the one way Cutover writes it for a person: the CLI's quarantine
// listing and CSV, and the window's preview and quarantine browser.
class ViolationText
{
public:
    // "birth_date (rule born_required): is empty; value ''", "(warning)" at the end of one that
    // does not block.
    static QString describe(const Violation &violation);
    // A violation's value as SQL writes it: text in quotes ('O''Brien'), a literal as it is
    // (NULL, 42, x'ff', 'Lorem…' (9000 characters)); empty for a violation without a value.
    static QString shownValue(const Violation &violation);
};

} // namespace cutover
