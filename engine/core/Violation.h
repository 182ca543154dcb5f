#pragma once

#include <QString>

namespace cutover {

// Why a value or a row cannot be loaded as it is: a transform function refused it, it does not
// convert to the target column's type, it breaks a rule, or the target database refuses it.
// Blocking violations quarantine the row; warnings are counted and reported.
struct Violation
{
    enum class Kind
    {
        Function,
        Conversion,
        Rule,
        Database // the target database refused the row (a CHECK, a foreign key, a length)
    };

    // How value reads: text (shown in quotes), a literal shown as it is (NULL, a number, or bytes
    // that are not text as x'0a1b'), or no value at all (a row rule, a row the database refused).
    enum class ValueForm
    {
        Text,
        Literal,
        None
    };

    Kind kind = Kind::Function;
    QString column; // target column; empty for a row rule
    QString source; // the function, "conversion", or the rule's name
    QString value;  // the offending value as text (may be masked later for sensitive columns)
    QString reason; // what is wrong, for a person
    bool blocking = true;
    ValueForm valueForm = ValueForm::Text;

    bool operator==(const Violation &) const = default;
};

} // namespace cutover
