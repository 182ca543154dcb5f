#pragma once

#include <QString>

namespace cutover {

// Which source rows a preview looks at. `filter` narrows every kind (for Filter it is the
// point); it is SQL in the source's dialect, or a SQLite expression for a CSV source.
struct SampleSpec
{
    enum class Kind
    {
        First,     // the first rows in source key order
        Random,    // rows drawn uniformly with a seed: the same rows for a seed, on every database
        Filter,    // the first rows matching filter
        EdgeCases, // NULLs, longest values, extremes, values missing from lookups; one scan
    };

    Kind kind = Kind::First;
    int rows = 500;
    quint64 seed = 1;
    QString filter;

    static SampleSpec first(int rows) { return {Kind::First, rows, 1, {}}; }
    static SampleSpec random(int rows, quint64 seed) { return {Kind::Random, rows, seed, {}}; }
    static SampleSpec matching(const QString &filter, int rows)
    {
        return {Kind::Filter, rows, 1, filter};
    }
    static SampleSpec edgeCases(int rows) { return {Kind::EdgeCases, rows, 1, {}}; }

    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::First:
            return QStringLiteral("first");
        case Kind::Random:
            return QStringLiteral("random");
        case Kind::Filter:
            return QStringLiteral("filter");
        case Kind::EdgeCases:
            return QStringLiteral("edge");
        }
        return {};
    }

    bool operator==(const SampleSpec &) const = default;
};

} // namespace cutover
