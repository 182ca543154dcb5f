#pragma once

#include <QString>

namespace cutover {

// A column type reduced to what matters for moving data between databases:
// integer, decimal(p,s), real, text(n), boolean, date, time, timestamp, timestamptz, uuid, json,
// blob. Unknown when a declared type maps to none of them.
class NormalizedType
{
public:
    enum class Kind
    {
        Unknown,
        Integer,
        Decimal,
        Real,
        Text,
        Boolean,
        Date,
        Time,
        Timestamp,
        TimestampTz,
        Uuid,
        Json,
        Blob
    };

    NormalizedType() = default;
    explicit NormalizedType(Kind kind, int length = 0, int precision = 0, int scale = 0)
        : m_kind(kind)
        , m_length(length)
        , m_precision(precision)
        , m_scale(scale)
    {}

    static NormalizedType integer() { return NormalizedType(Kind::Integer); }
    static NormalizedType decimal(int precision, int scale)
    {
        return NormalizedType(Kind::Decimal, 0, precision, scale);
    }
    static NormalizedType text(int length = 0) { return NormalizedType(Kind::Text, length); }

    Kind kind() const { return m_kind; }
    // Maximum characters of a text(n); 0 means unbounded.
    int length() const { return m_length; }
    // Digits of a decimal(p,s); 0 means unspecified.
    int precision() const { return m_precision; }
    int scale() const { return m_scale; }

    bool isNumeric() const
    {
        return m_kind == Kind::Integer || m_kind == Kind::Decimal || m_kind == Kind::Real;
    }
    bool isTemporal() const
    {
        return m_kind == Kind::Date || m_kind == Kind::Time || m_kind == Kind::Timestamp ||
               m_kind == Kind::TimestampTz;
    }

    // "integer", "decimal(12,2)", "text(255)", "timestamptz", ...
    QString toString() const;
    static QString kindName(Kind kind);
    // Inverse of toString(); Unknown for anything else.
    static NormalizedType fromString(const QString &spelled);

    bool operator==(const NormalizedType &other) const = default;

private:
    Kind m_kind = Kind::Unknown;
    int m_length = 0;
    int m_precision = 0;
    int m_scale = 0;
};

} // namespace cutover
