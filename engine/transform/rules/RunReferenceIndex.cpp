#include "transform/rules/RunReferenceIndex.h"

#include "core/ValueText.h"
#include "transform/rules/KeySpill.h"

#include <cstring>

namespace cutover {

namespace {

constexpr qsizetype kFirstCapacity = 64;
constexpr qsizetype kChunkBytes = 64 * 1024; // text storage grows by this much

// A slot in [0, capacity) from a hash, without a power-of-two capacity (Lemire's reduction).
qsizetype slotOf(quint64 hash, qsizetype capacity)
{
    return qsizetype((__uint128_t(hash) * quint64(capacity)) >> 64);
}

// The capacity after growing from capacity, for count keys: 1.5 times when full of keys, the
// same when full of removed ones.
size_t grown(size_t capacity, qsizetype count)
{
    if (capacity == 0)
        return size_t(kFirstCapacity);
    return qsizetype(capacity) <= count * 2 ? capacity + capacity / 2 : capacity;
}

int hexDigit(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    return -1; // upper case too: 'A' and 'a' are different texts
}

quint64 mix(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

} // namespace

bool CompactKeySet::uuidOf(QStringView text, Uuid &out)
{
    if (text.size() != 36)
        return false;
    quint64 words[2] = {0, 0};
    int digits = 0;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = text[i].unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
            continue;
        }
        const int value = hexDigit(c);
        if (value < 0)
            return false;
        words[digits / 16] = (words[digits / 16] << 4) | quint64(value);
        ++digits;
    }
    out = {words[0], words[1]};
    return true;
}

size_t CompactKeySet::hashOf(const Uuid &uuid)
{
    return size_t(mix(uuid.high ^ mix(uuid.low)));
}

// One byte a character when all are Latin-1, else the UTF-16 code units; a leading tag keeps the
// two kinds apart.
void CompactKeySet::encode(QStringView text, Encoded &out)
{
    out.clear();
    if (QtPrivate::isLatin1(text)) {
        out.resize(text.size() + 1);
        out[0] = 'L';
        for (qsizetype i = 0; i < text.size(); ++i)
            out[i + 1] = char(text[i].unicode());
        return;
    }
    out.resize(text.size() * 2 + 1);
    out[0] = 'U';
    memcpy(out.data() + 1, text.utf16(), size_t(text.size()) * 2);
}

qsizetype CompactKeySet::findUuid(const Uuid &uuid, qsizetype *free) const
{
    if (free)
        *free = -1;
    const qsizetype capacity = qsizetype(m_uuids.entries.size());
    if (capacity == 0)
        return -1;
    qsizetype at = slotOf(hashOf(uuid), capacity);
    for (;;) {
        const quint8 state = m_uuids.states[size_t(at)];
        if (state == Empty) {
            if (free && *free < 0)
                *free = at;
            return -1;
        }
        if (state == Full && m_uuids.entries[size_t(at)] == uuid)
            return at;
        if (state == Removed && free && *free < 0)
            *free = at;
        if (++at == capacity)
            at = 0;
    }
}

qsizetype CompactKeySet::findText(const Encoded &bytes, quint32 hash, qsizetype *free) const
{
    if (free)
        *free = -1;
    const qsizetype capacity = qsizetype(m_texts.entries.size());
    if (capacity == 0)
        return -1;
    qsizetype at = slotOf(mix(hash), capacity);
    for (;;) {
        const quint8 state = m_texts.states[size_t(at)];
        if (state == Empty) {
            if (free && *free < 0)
                *free = at;
            return -1;
        }
        const Text &slot = m_texts.entries[size_t(at)];
        if (state == Full && slot.hash == hash && slot.size == quint32(bytes.size()) &&
            memcmp(textAt(slot), bytes.constData(), size_t(bytes.size())) == 0)
            return at;
        if (state == Removed && free && *free < 0)
            *free = at;
        if (++at == capacity)
            at = 0;
    }
}

void CompactKeySet::growUuids()
{
    Table<Uuid> old = std::move(m_uuids);
    const size_t capacity = grown(old.entries.size(), old.count);
    m_uuids = Table<Uuid>();
    m_uuids.entries.resize(capacity);
    m_uuids.states.assign(capacity, Empty);
    for (size_t i = 0; i < old.entries.size(); ++i) {
        if (old.states[i] != Full)
            continue;
        qsizetype free = -1;
        findUuid(old.entries[i], &free);
        m_uuids.entries[size_t(free)] = old.entries[i];
        m_uuids.states[size_t(free)] = Full;
        ++m_uuids.count;
    }
}

void CompactKeySet::growTexts()
{
    Table<Text> old = std::move(m_texts);
    const size_t capacity = grown(old.entries.size(), old.count);
    m_texts = Table<Text>();
    m_texts.entries.resize(capacity);
    m_texts.states.assign(capacity, Empty);
    for (size_t i = 0; i < old.entries.size(); ++i) {
        if (old.states[i] != Full)
            continue;
        qsizetype at = slotOf(mix(old.entries[i].hash), qsizetype(capacity));
        while (m_texts.states[size_t(at)] != Empty)
            if (++at == qsizetype(capacity))
                at = 0;
        m_texts.entries[size_t(at)] = old.entries[i];
        m_texts.states[size_t(at)] = Full;
        ++m_texts.count;
    }
}

quint64 CompactKeySet::store(const Encoded &bytes)
{
    const size_t size = size_t(bytes.size());
    if (m_chunks.empty() || m_chunks.back().size() + size > m_chunks.back().capacity()) {
        m_chunks.emplace_back();
        m_chunks.back().reserve(qMax(size_t(kChunkBytes), size));
    }
    std::vector<char> &chunk = m_chunks.back();
    const quint64 offset = (quint64(m_chunks.size() - 1) << 32) | quint64(chunk.size());
    chunk.insert(chunk.end(), bytes.constData(), bytes.constData() + size);
    return offset;
}

const char *CompactKeySet::textAt(const Text &slot) const
{
    return m_chunks[size_t(slot.offset >> 32)].data() + (slot.offset & 0xffffffffu);
}

bool CompactKeySet::insert(QStringView text)
{
    Uuid uuid;
    if (uuidOf(text, uuid)) {
        if ((m_uuids.count + m_uuids.removed + 1) * 5 > qsizetype(m_uuids.entries.size()) * 4)
            growUuids();
        qsizetype free = -1;
        if (findUuid(uuid, &free) >= 0)
            return false;
        if (m_uuids.states[size_t(free)] == Removed)
            --m_uuids.removed;
        m_uuids.entries[size_t(free)] = uuid;
        m_uuids.states[size_t(free)] = Full;
        ++m_uuids.count;
        return true;
    }
    Encoded bytes;
    encode(text, bytes);
    const quint32 hash = quint32(qHash(QByteArrayView(bytes.constData(), bytes.size())));
    if ((m_texts.count + m_texts.removed + 1) * 5 > qsizetype(m_texts.entries.size()) * 4)
        growTexts();
    qsizetype free = -1;
    if (findText(bytes, hash, &free) >= 0)
        return false;
    if (m_texts.states[size_t(free)] == Removed)
        --m_texts.removed;
    Text &slot = m_texts.entries[size_t(free)];
    slot.offset = store(bytes);
    slot.size = quint32(bytes.size());
    slot.hash = hash;
    m_texts.states[size_t(free)] = Full;
    ++m_texts.count;
    return true;
}

bool CompactKeySet::contains(QStringView text) const
{
    Uuid uuid;
    if (uuidOf(text, uuid))
        return findUuid(uuid, nullptr) >= 0;
    Encoded bytes;
    encode(text, bytes);
    const quint32 hash = quint32(qHash(QByteArrayView(bytes.constData(), bytes.size())));
    return findText(bytes, hash, nullptr) >= 0;
}

bool CompactKeySet::remove(QStringView text)
{
    Uuid uuid;
    if (uuidOf(text, uuid)) {
        const qsizetype at = findUuid(uuid, nullptr);
        if (at < 0)
            return false;
        m_uuids.states[size_t(at)] = Removed;
        --m_uuids.count;
        ++m_uuids.removed;
        return true;
    }
    Encoded bytes;
    encode(text, bytes);
    const quint32 hash = quint32(qHash(QByteArrayView(bytes.constData(), bytes.size())));
    const qsizetype at = findText(bytes, hash, nullptr);
    if (at < 0)
        return false;
    m_texts.states[size_t(at)] = Removed;
    --m_texts.count;
    ++m_texts.removed;
    return true;
}

namespace {

QString scopeOf(const QString &table, const QString &column)
{
    return table + QChar(0x1f) + column;
}

} // namespace

RunReferenceIndex::RunReferenceIndex(qsizetype memoryKeys)
    : m_memoryKeys(memoryKeys)
{}

RunReferenceIndex::~RunReferenceIndex() = default;

void RunReferenceIndex::add(const QString &table, const QString &column, const QVariant &value)
{
    if (value.isNull())
        return;
    const QMutexLocker lock(&m_mutex);
    insertLocked(m_keys[table][column], table, column, ValueText::of(value));
}

void RunReferenceIndex::addBatch(const QString &table, const QString &column, const RowBatch &batch,
                                 const QList<qsizetype> &rows)
{
    const qsizetype index = batch.columns.indexOf(column);
    if (index < 0)
        return;
    const QMutexLocker lock(&m_mutex);
    CompactKeySet &keys = m_keys[table][column];
    const auto addRow = [&](qsizetype row) {
        const QVariant &value = batch.rows.at(row).at(index);
        if (value.isNull())
            return;
        if (value.typeId() == QMetaType::QString) // ValueText::of is the string itself
            insertLocked(keys, table, column, *static_cast<const QString *>(value.constData()));
        else
            insertLocked(keys, table, column, ValueText::of(value));
    };
    if (rows.isEmpty()) {
        for (qsizetype row = 0; row < batch.size(); ++row)
            addRow(row);
    } else {
        for (const qsizetype row : rows)
            addRow(row);
    }
}

// Under m_mutex. A key goes to memory while fewer than m_memoryKeys are there, else to the
// spill; a key in memory is never spilled too, so the sizes add up.
void RunReferenceIndex::insertLocked(CompactKeySet &keys, const QString &table,
                                     const QString &column, const QString &text)
{
    if (keys.contains(text))
        return;
    if (m_inMemory < m_memoryKeys) {
        keys.insert(text);
        ++m_inMemory;
        return;
    }
    if (m_spillError)
        return;
    if (!m_spill) {
        auto made = KeySpill::create();
        if (!made) {
            m_spillError = made.error();
            return;
        }
        m_spill = std::move(made.value());
    }
    const QString scope = scopeOf(table, column);
    auto added = m_spill->insert(scope, text);
    if (!added)
        m_spillError = added.error();
    else if (*added)
        ++m_spilled[scope];
}

Result<bool> RunReferenceIndex::exists(const QString &table, const QString &column,
                                       const QVariant &value)
{
    const QString text = ValueText::of(value);
    const QMutexLocker lock(&m_mutex);
    if (m_spillError)
        return *m_spillError;
    const auto columns = m_keys.constFind(table);
    if (columns == m_keys.constEnd())
        return false;
    const auto keys = columns->constFind(column);
    if (keys == columns->constEnd())
        return false;
    if (keys->contains(text))
        return true;
    if (!m_spill || !m_spilled.contains(scopeOf(table, column)))
        return false;
    return m_spill->contains(scopeOf(table, column), text);
}

qsizetype RunReferenceIndex::size(const QString &table, const QString &column) const
{
    const QMutexLocker lock(&m_mutex);
    const auto columns = m_keys.constFind(table);
    if (columns == m_keys.constEnd())
        return 0;
    const auto keys = columns->constFind(column);
    return (keys == columns->constEnd() ? 0 : keys->size()) +
           m_spilled.value(scopeOf(table, column));
}

} // namespace cutover
