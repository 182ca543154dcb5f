#include "transform/BatchTable.h"

#include "dialect/SqlDialect.h"

#include <climits>
#include <cstring>
#include <sqlite3.h>

namespace cutover {

namespace {

constexpr qsizetype kBlockBytes = 256 * 1024;

struct Table
{
    sqlite3_vtab base{};
    BatchTable *owner = nullptr;
};

struct Cursor
{
    sqlite3_vtab_cursor base{};
    qsizetype row = 0; // 0-based position in the batch
};

BatchTable *ownerOf(sqlite3_vtab_cursor *cursor)
{
    return reinterpret_cast<Table *>(cursor->pVtab)->owner;
}

qsizetype rowCount(BatchTable *owner)
{
    return owner->batch() ? owner->batch()->size() : 0;
}

int connect(sqlite3 *db, void *aux, int, const char *const *, sqlite3_vtab **out, char **)
{
    auto *owner = static_cast<BatchTable *>(aux);
    QStringList columns;
    for (const QString &name : owner->columns())
        columns.append(SqlDialect::quoteIdentifier(name, ConnectionSpec::Kind::Sqlite));
    if (columns.isEmpty())
        columns.append(QStringLiteral("\"__no_columns__\""));
    const QByteArray ddl =
        QStringLiteral("CREATE TABLE x(%1)").arg(columns.join(QStringLiteral(", "))).toUtf8();
    const int rc = sqlite3_declare_vtab(db, ddl.constData());
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto *table = new Table;
    table->owner = owner;
    *out = &table->base;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *vtab)
{
    delete reinterpret_cast<Table *>(vtab);
    return SQLITE_OK;
}

// Uses "rowid > ?" when offered and delivers rows in rowid order.
int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
{
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto &c = info->aConstraint[i];
        if (c.usable && c.iColumn == -1 && c.op == SQLITE_INDEX_CONSTRAINT_GT) {
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->idxNum = 1;
            break;
        }
    }
    if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == -1 && !info->aOrderBy[0].desc)
        info->orderByConsumed = 1;
    info->estimatedCost = info->idxNum ? 10 : 1000;
    return SQLITE_OK;
}

int open(sqlite3_vtab *, sqlite3_vtab_cursor **out)
{
    *out = &(new Cursor)->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor *cursor)
{
    delete reinterpret_cast<Cursor *>(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *cursor, int idxNum, const char *, int, sqlite3_value **argv)
{
    // rowid > n means starting at position n (rowids are positions + 1).
    reinterpret_cast<Cursor *>(cursor)->row =
        idxNum == 1 ? qsizetype(sqlite3_value_int64(argv[0])) : 0;
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor *cursor)
{
    ++reinterpret_cast<Cursor *>(cursor)->row;
    return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor *cursor)
{
    return reinterpret_cast<Cursor *>(cursor)->row >= rowCount(ownerOf(cursor));
}

void resultText(sqlite3_context *context, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_result_text64(context, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                          SQLITE_UTF8);
}

int column(sqlite3_vtab_cursor *cursor, sqlite3_context *context, int index)
{
    const QVariant &value = ownerOf(cursor)->value(reinterpret_cast<Cursor *>(cursor)->row, index);
    if (value.isNull()) {
        sqlite3_result_null(context);
        return SQLITE_OK;
    }
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::UInt:
    case QMetaType::Short:
    case QMetaType::UShort:
        sqlite3_result_int64(context, value.toLongLong());
        break;
    case QMetaType::Bool:
        sqlite3_result_int(context, value.toBool() ? 1 : 0);
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_result_double(context, value.toDouble());
        break;
    case QMetaType::QString: {
        const QByteArrayView utf8 =
            ownerOf(cursor)->utf8(*static_cast<const QString *>(value.constData()));
        // A NUL follows the text: length -1 tells SQLite, which then never copies the text to
        // add one (functions read their arguments NUL-terminated).
        if (utf8.size() < INT_MAX && !memchr(utf8.data(), 0, size_t(utf8.size())))
            sqlite3_result_text(context, utf8.data(), -1, SQLITE_STATIC);
        else
            sqlite3_result_text64(context, utf8.data(), sqlite3_uint64(utf8.size()), SQLITE_STATIC,
                                  SQLITE_UTF8);
        break;
    }
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        sqlite3_result_blob64(context, bytes.constData(), sqlite3_uint64(bytes.size()),
                              SQLITE_TRANSIENT);
        break;
    }
    default:
        resultText(context, value.toString());
        break;
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *out)
{
    *out = reinterpret_cast<Cursor *>(cursor)->row + 1;
    return SQLITE_OK;
}

sqlite3_module makeModule()
{
    sqlite3_module m{};
    m.iVersion = 1;
    m.xCreate = connect;
    m.xConnect = connect;
    m.xBestIndex = bestIndex;
    m.xDisconnect = disconnect;
    m.xDestroy = disconnect;
    m.xOpen = open;
    m.xClose = close;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
}

const sqlite3_module kModule = makeModule();

} // namespace

bool BatchTable::create(sqlite3 *db, const char *name, const QStringList &columns)
{
    m_columns = columns;
    if (sqlite3_create_module_v2(db, "cutover_batch", &kModule, this, nullptr) != SQLITE_OK)
        return false;
    const QByteArray sql = QByteArray("CREATE VIRTUAL TABLE ") + name + " USING cutover_batch";
    return sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

void BatchTable::setBatch(const RowBatch *batch, QList<int> order)
{
    m_batch = batch;
    m_order = std::move(order);
}

void BatchTable::clear()
{
    m_batch = nullptr;
    m_order.clear();
    m_block = 0;
    m_used = 0;
}

char *BatchTable::reserve(qsizetype bytes)
{
    while (m_block < m_blocks.size() && m_used + bytes > m_blocks[m_block].second) {
        ++m_block;
        m_used = 0;
    }
    if (m_block == m_blocks.size()) {
        const qsizetype size = qMax(kBlockBytes, bytes);
        m_blocks.emplace_back(std::make_unique<char[]>(size_t(size)), size);
        m_used = 0;
    }
    return m_blocks[m_block].first.get() + m_used;
}

QByteArrayView BatchTable::utf8(const QString &text)
{
    const qsizetype size = text.size();
    if (size == 0)
        return QByteArrayView("", 0);
    if (QtPrivate::isAscii(QStringView(text))) {
        char *out = reserve(size + 1);
        const ushort *chars = text.utf16();
        for (qsizetype i = 0; i < size; ++i)
            out[i] = char(chars[i]);
        out[size] = 0;
        m_used += size + 1;
        return QByteArrayView(out, size);
    }
    const QByteArray bytes = text.toUtf8();
    char *out = reserve(bytes.size() + 1);
    memcpy(out, bytes.constData(), size_t(bytes.size()));
    out[bytes.size()] = 0;
    m_used += bytes.size() + 1;
    return QByteArrayView(out, bytes.size());
}

} // namespace cutover
