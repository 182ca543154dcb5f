#pragma once

#include "schema/NormalizedType.h"

#include <QString>
#include <QStringList>

namespace cutover {

// Infers one column's NormalizedType from sample values, one value at a time (so a sample is
// never held in memory).
//
// Each value is classified as the narrowest kind it spells exactly, then the kinds seen are
// joined: integer < decimal < real widen into each other, date widens into timestamp, and any
// other mix becomes text. The rules, chosen so that a loaded value never changes meaning:
//   integer     -?digits within int64, no leading zero ("007" is an id or zip code: text)
//   decimal     -?digits.digits, exact: "12.50" gives scale 2; an integer beyond int64 is a
//               decimal(p,0). precision = the most integer digits + the largest scale
//   real        an exponent form (1e10, -2.5E-3)
//   boolean     true/false/yes/no/t/f/y/n in any case; 0 and 1 stay integer
//   date        yyyy-MM-dd;  time  HH:mm[:ss[.fff]]
//   timestamp   yyyy-MM-dd{T| }HH:mm[:ss[.fff]];  timestamptz  the same with Z or +hh[:mm]
//   uuid        8-4-4-4-12 hex digits;  json  an object or array that parses
//   text        anything else, unbounded (a sample's longest value says little about the rest)
// No trimming: " 42" is text, so stray whitespace shows up instead of being silently lost.
// A null or empty value counts as missing: it makes the column nullable and does not vote.
// A column with no value at all is nullable text.
class CsvTypeInferrer
{
public:
    void add(const QString &value);

    NormalizedType type() const;
    bool nullable() const { return m_missing > 0 || m_values == 0; }
    qint64 valueCount() const { return m_values; }
    qint64 missingCount() const { return m_missing; }
    // Longest value seen, in characters (for information; text stays unbounded).
    int maxLength() const { return m_maxLength; }

    // Convenience for a whole sample.
    static NormalizedType infer(const QStringList &values, bool *nullable = nullptr);

private:
    NormalizedType::Kind m_kind = NormalizedType::Kind::Unknown; // Unknown: nothing seen yet
    int m_integerDigits = 0;
    int m_scale = 0;
    int m_maxLength = 0;
    qint64 m_values = 0;
    qint64 m_missing = 0;
};

} // namespace cutover
