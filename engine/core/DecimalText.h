#pragma once

#include <QString>
#include <optional>

namespace cutover {

// An exact decimal number held as its digits, never as a float: what decimal(p,s) and integer
// conversion work on. Parsed from text such as "-12.50", "+7", ".5", "1e-7" or "1.5E+3"
// (surrounding spaces allowed, as PostgreSQL allows them in numeric input).
class DecimalText
{
public:
    // Empty when text is not a decimal number.
    static std::optional<DecimalText> parse(const QString &text);
    static DecimalText fromInteger(qint64 value);

    bool isNegative() const { return m_negative; }
    bool isZero() const { return m_integer.isEmpty() && m_fraction.isEmpty(); }
    // Digits before the point without leading zeros ("" for zero).
    const QString &integerDigits() const { return m_integer; }
    // Digits after the point without trailing zeros.
    const QString &fractionDigits() const { return m_fraction; }
    // Digits after the point as written, trailing zeros too ("2.50": 2, "1.500e1": 2, "25": 0):
    // the scale a PostgreSQL numeric without (p,s) keeps.
    int writtenScale() const { return m_writtenScale; }

    // "-12.50" for scale 2; the fraction is padded with zeros, never cut (check fractionDigits()
    // first). Scale -1 writes exactly the significant fraction digits.
    QString toString(int scale = -1) const;
    // The value as qint64 when it is a whole number in range.
    std::optional<qint64> toInteger() const;
    // -1, 0 or 1, exactly.
    static int compare(const DecimalText &a, const DecimalText &b);

private:
    static int compareMagnitude(const DecimalText &a, const DecimalText &b);

    bool m_negative = false;
    QString m_integer;
    QString m_fraction;
    int m_writtenScale = 0;
};

} // namespace cutover
