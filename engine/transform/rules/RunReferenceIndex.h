#pragma once

#include "core/Error.h"
#include "core/RowBatch.h"
#include "transform/rules/ReferenceLookup.h"

#include <QHash>
#include <QMutex>
#include <QStringView>
#include <QVarLengthArray>
#include <memory>
#include <optional>
#include <vector>

namespace cutover {

class KeySpill;

// An exact set of texts in a fraction of the memory of a QSet<QString> (about 150 bytes a key
// there): a lower-case UUID text (8-4-4-4-12 hexadecimal digits, as uuid5 and RowConverter write
// them) is kept as its 16 bytes, any other text as its characters (one byte each when they are
// all Latin-1, else its UTF-16) in chunks of a growing store, each in open-addressing tables
// filled to at most 80% that grow by half. Every text
// has exactly one encoding, so membership is exact. Removed texts leave their bytes in the buffer
// until the set is gone. Not thread-safe. Used by RunReferenceIndex and for RuleChecker's unique
// claims, the two things that grow with the rows of a run.
class CompactKeySet
{
public:
    bool insert(QStringView text); // false when it was there already
    bool contains(QStringView text) const;
    bool remove(QStringView text); // false when it was not there
    qsizetype size() const { return m_uuids.count + m_texts.count; }

private:
    struct Uuid
    {
        quint64 high = 0;
        quint64 low = 0;
        bool operator==(const Uuid &) const = default;
    };
    struct Text
    {
        quint64 offset = 0; // chunk << 32 | position in it
        quint32 size = 0;
        quint32 hash = 0;
    };
    enum State : quint8
    {
        Empty,
        Full,
        Removed
    };
    template <typename Slot>
    struct Table
    {
        std::vector<Slot> entries;
        std::vector<quint8> states;
        qsizetype count = 0;
        qsizetype removed = 0;
    };
    using Encoded = QVarLengthArray<char, 256>;

    static bool uuidOf(QStringView text, Uuid &out);
    static size_t hashOf(const Uuid &uuid);
    static void encode(QStringView text, Encoded &out);
    // The slot holding the key, or -1; free: where it would go.
    qsizetype findUuid(const Uuid &uuid, qsizetype *free) const;
    qsizetype findText(const Encoded &bytes, quint32 hash, qsizetype *free) const;
    void growUuids();
    void growTexts();
    quint64 store(const Encoded &bytes);
    const char *textAt(const Text &slot) const;

    Table<Uuid> m_uuids;
    Table<Text> m_texts;
    // The texts' encodings, back to back in chunks filled up to their capacity, never beyond.
    std::vector<std::vector<char>> m_chunks;
};

// The key values this run loaded, per target table.column, so that a reference-exists rule on a
// child table finds the parents loaded earlier in the same run (tables load in foreign-key
// order). The run feeds it after each batch is written; values are compared by their canonical
// text (ValueText::of), so both columns must have the same normalized type.
// Memory: one CompactKeySet entry per distinct key value of each indexed column (about 25 bytes
// for a UUID, where a QSet<QString> took about 150), for the first memoryKeys keys; later keys go
// to a KeySpill on disk, so memory stays bounded at any size. Thread-safe: the writer adds while
// checkers on other threads ask.
class RunReferenceIndex : public ReferenceLookup
{
public:
    static constexpr qsizetype kMemoryKeys = 250'000;

    explicit RunReferenceIndex(qsizetype memoryKeys = kMemoryKeys);
    ~RunReferenceIndex() override;
    void add(const QString &table, const QString &column, const QVariant &value);
    // Adds column's values of the given rows (all rows when rows is empty) of a written batch.
    void addBatch(const QString &table, const QString &column, const RowBatch &batch,
                  const QList<qsizetype> &rows = {});
    Result<bool> exists(const QString &table, const QString &column,
                        const QVariant &value) override;
    qsizetype size(const QString &table, const QString &column) const;

private:
    void insertLocked(CompactKeySet &keys, const QString &table, const QString &column,
                      const QString &text);

    mutable QMutex m_mutex;
    QHash<QString, QHash<QString, CompactKeySet>> m_keys; // table -> column -> value texts
    const qsizetype m_memoryKeys;
    qsizetype m_inMemory = 0;
    std::unique_ptr<KeySpill> m_spill;
    QHash<QString, qsizetype> m_spilled; // keys in the spill, by "table\x1fcolumn"
    std::optional<Error> m_spillError;   // a key could not be kept: every answer is an error
};

} // namespace cutover
