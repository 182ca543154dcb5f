#pragma once

#include "dialect/ConnectionSpec.h"
#include "project/ReconcileSettings.h"
#include "schema/ColumnInfo.h"

#include <QVariant>

namespace cutover {

// How reconciliation compares one target column: the expected value (the source through the
// mapping) with the value the target holds. Both sides are first brought to one canonical form
// for the column's type, so a representation the database does not keep is never a difference:
// 43.50 and 43.5 in a decimal(p,s), a UUID in capitals, "2024-03-01 10:00:00" and
// "2024-03-01T10:00:00", a timestamp with time zone at another offset, JSON with its keys in
// another order in jsonb or MySQL's JSON (PostgreSQL's json and SQLite keep JSON as written, and
// jsonb keeps 1.50 apart from 1.5), a boolean as t/true/1. SQLite keeps every one of these as
// spelt, so there dates, times, UUIDs and booleans compare exactly (keepsSpelling). Then the rule
// decides, with defaults
// from the column's type and database:
//   - decimal, integer and real: exact; a decimal with its scale where the column keeps it as
//     written (keepsDecimalScale); a real as an IEEE value (-0.0 is not 0.0), in single
//     precision as the float the database makes of the value it is sent;
//   - timestamps and times: to the target's fractional digits (MySQL DATETIME: seconds;
//     PostgreSQL: microseconds; or the declared (n); SQLite: all nine, as it keeps the text), a
//     value with more digits as the database rounds it (MySQL: rounded or cut, which MariaDB
//     does); a timestamp without time zone written with an offset only equals one with that
//     offset;
//   - text: exact; PostgreSQL's character(n) and MySQL's CHAR(n) ignore trailing spaces (the
//     database pads or strips them), SQLite's CHAR(n) does not (SQLite keeps them);
// each overridable by the project (ColumnCompareOverride: tolerance, precision, ignoreCase,
// ignoreTrailingSpaces). A value that does not parse as its type stays as it is and compares as
// text, so it shows up as a difference rather than vanishing.
class ValueComparer
{
public:
    ValueComparer() = default;
    ValueComparer(const ColumnInfo &column, ConnectionSpec::Kind targetKind,
                  const ColumnCompareOverride &override = {});

    // The canonical form: qint64 for integers and booleans, double for reals (NaN as the text
    // "NaN": SQLite, which spools the rows, would store a NaN as NULL), decimal text,
    // ISO 8601 text for dates and times (timestamps with time zone in UTC with a Z), lower-case
    // UUID text, JSON in the form the column keeps (jsonFormOf), QByteArray for blobs, QString for
    // text (without trailing spaces where the database cannot keep them, isFixedLengthText). NULL
    // stays NULL.
    QVariant canonical(const QVariant &value) const;
    // Both values canonical.
    bool equal(const QVariant &expected, const QVariant &actual) const;
    // Orders canonical values of this column (NULL first), for profiles' min and max.
    int compare(const QVariant &a, const QVariant &b) const;
    // The rule for people: "exact", "within 0.005", "to the second", ...
    QString describe() const;

    // Whether the database pads (PostgreSQL's character(n)) or strips (MySQL's CHAR(n)) trailing
    // spaces, so that it cannot keep them apart: the canonical text then has none.
    static bool isFixedLengthText(const ColumnInfo &column, ConnectionSpec::Kind kind);
    // Whether the column keeps a decimal's scale as written (PostgreSQL's numeric without (p,s)):
    // the canonical text then keeps its trailing zeros, and 1.5 is not 1.50.
    static bool keepsDecimalScale(const ColumnInfo &column, ConnectionSpec::Kind kind);
    // Whether the database keeps a value of this kind as it was spelt: SQLite keeps dates,
    // times, UUIDs and booleans as the text (or 0 and 1) it is given, and an application's SQL
    // sees "2024-03-01T10:00" and "2024-03-01 10:00" apart. Such columns compare exactly (unless
    // the project sets a precision): the expected side is what the run writes.
    static bool keepsSpelling(NormalizedType::Kind kind, ConnectionSpec::Kind database);

    const QString &column() const { return m_column; }
    const NormalizedType &type() const { return m_type; }
    bool isTemporal() const { return m_type.isTemporal(); }

private:
    // How the database brings a time with more fractional digits than m_precision to the column.
    enum class Rounding
    {
        None,         // SQLite keeps what it is given
        Nearest,      // PostgreSQL rounds
        NearestOrDown // MySQL rounds, MariaDB truncates; and a project's coarser precision
    };
    // What a JSON column keeps of the text it is given.
    enum class JsonForm
    {
        AsWritten, // PostgreSQL's json, SQLite
        Jsonb,     // PostgreSQL's jsonb: JsonbText
        Document   // MySQL's JSON: keys sorted, numbers as doubles
    };
    __extension__ using Nanos = __int128;

    static JsonForm jsonFormOf(const ColumnInfo &column, ConnectionSpec::Kind kind);
    static int defaultPrecision(const ColumnInfo &column, ConnectionSpec::Kind kind);
    static bool isSinglePrecision(const ColumnInfo &column, ConnectionSpec::Kind kind);
    QVariant canonicalTemporal(const QString &text) const;
    QVariant canonicalReal(const QVariant &value) const;
    bool numbersEqual(const QVariant &a, const QVariant &b) const;
    bool realsEqual(const QVariant &a, const QVariant &b) const;
    bool temporalEqual(const QString &a, const QString &b) const;
    std::pair<Nanos, Nanos> roundings(Nanos t) const;
    bool textEqual(QString a, QString b) const;

    QString m_column;
    NormalizedType m_type;
    ConnectionSpec::Kind m_database = ConnectionSpec::Kind::Sqlite;
    double m_tolerance = 0;         // absolute, set by the project; 0: exact
    bool m_singlePrecision = false; // a real of 4 bytes: compared as the float stored
    bool m_keepsScale = false;      // keepsDecimalScale: compared as decimal text
    int m_precision = 6;            // fractional digits of times compared
    Rounding m_rounding = Rounding::Nearest;
    JsonForm m_json = JsonForm::AsWritten;
    bool m_fixedLength = false; // the database pads or strips trailing spaces: canonical without
    bool m_asStored = false;    // keepsSpelling: canonical is the value as stored
    bool m_ignoreCase = false;
    bool m_ignoreTrailingSpaces = false;
};

} // namespace cutover
