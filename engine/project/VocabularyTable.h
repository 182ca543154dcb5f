#pragma once

#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <utility>

namespace cutover::vocabulary {

// An enumeration's values and the words a project file spells them with.
template <typename E, std::size_t N>
using Table = std::array<std::pair<E, const char *>, N>;

template <typename E, std::size_t N>
QString nameOf(const Table<E, N> &table, E value)
{
    for (const auto &[e, name] : table)
        if (e == value)
            return QLatin1String(name);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Table<E, N> &table, const QString &name)
{
    for (const auto &[e, text] : table)
        if (name == QLatin1String(text))
            return e;
    return std::nullopt;
}

template <typename E, std::size_t N>
QStringList namesOf(const Table<E, N> &table)
{
    QStringList names;
    for (const auto &[e, name] : table)
        names.append(QLatin1String(name));
    return names;
}

} // namespace cutover::vocabulary
