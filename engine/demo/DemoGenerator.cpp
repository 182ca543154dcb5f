#include "demo/DemoGenerator.h"

#include "demo/DemoProjectBuilder.h"
#include "demo/DemoSourceWriter.h"
#include "demo/DemoTargetSchema.h"
#include "project/ProjectWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>
#include <filesystem>
#include <memory>

namespace cutover {

namespace {

Error ioError(const QString &what, const QString &where)
{
    return Error(Error::Code::Io, what, where,
                 QStringLiteral("choose a folder you can write to, with enough free space"));
}

// A database being written under a temporary name next to its final one.
struct PendingFile
{
    std::unique_ptr<QTemporaryFile> temporary;
    QString finalPath;
};

Result<PendingFile> startFile(const QDir &dir, const QString &fileName)
{
    PendingFile pending{std::make_unique<QTemporaryFile>(dir.filePath(
                            QStringLiteral(".") + fileName + QStringLiteral(".XXXXXX.tmp"))),
                        dir.filePath(fileName)};
    if (!pending.temporary->open())
        return ioError(
            QStringLiteral("cannot create a file: %1").arg(pending.temporary->errorString()),
            dir.path());
    pending.temporary->close(); // SQLite opens it by name; an empty file is an empty database
    return pending;
}

Result<void> finishFile(PendingFile &pending)
{
    const QString from = pending.temporary->fileName();
    QFile::setPermissions(from, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser |
                                    QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther);
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(from.toStdString()),
                            std::filesystem::path(pending.finalPath.toStdString()), error);
    if (error)
        return ioError(QStringLiteral("cannot replace the file: %1")
                           .arg(QString::fromStdString(error.message())),
                       pending.finalPath);
    pending.temporary->setAutoRemove(false);
    return {};
}

Result<void> validate(const DemoGenerator::Options &options)
{
    if (options.patients < 1 || options.patients > DemoGenerator::kMaxPatients)
        return Error(Error::Code::Usage,
                     QStringLiteral("the number of patients must be between 1 and %1, not %2")
                         .arg(DemoGenerator::kMaxPatients)
                         .arg(options.patients));
    if (options.directory.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no folder given for the demo"));
    return {};
}

bool exists(const QString &path)
{
    return QFileInfo::exists(path);
}

} // namespace

Result<QList<DemoGenerator::File>> DemoGenerator::generate(const Options &options)
{
    if (auto valid = validate(options); !valid)
        return valid.error();
    QDir dir(options.directory);
    if (!dir.mkpath(QStringLiteral(".")))
        return ioError(QStringLiteral("cannot create the folder"), options.directory);
    dir.setPath(dir.absolutePath());

    auto source = startFile(dir, sourceFileName());
    if (!source)
        return source.error();
    auto target = startFile(dir, targetFileName());
    if (!target)
        return target.error();
    auto sourceCounts = DemoSourceWriter(options.seed, options.patients)
                            .write(source->temporary->fileName(), options.progress, options.cancel);
    if (!sourceCounts)
        return sourceCounts.error();
    if (options.progress)
        options.progress({targetFileName(), options.patients, options.patients});
    auto targetCounts = DemoTargetSchema::write(target->temporary->fileName());
    if (!targetCounts)
        return targetCounts.error();

    const QString projectPath = dir.filePath(projectFileName());
    QList<File> files = {
        {source->finalPath, QStringLiteral("source"), exists(source->finalPath), *sourceCounts},
        {target->finalPath, QStringLiteral("target"), exists(target->finalPath), *targetCounts},
        {projectPath, QStringLiteral("project"), exists(projectPath), {}},
    };
    if (auto done = finishFile(*source); !done)
        return done.error();
    if (auto done = finishFile(*target); !done)
        return done.error();
    if (options.progress)
        options.progress({projectFileName(), options.patients, options.patients});
    const Project project = DemoProjectBuilder::build(options.patients, options.seed);
    if (auto saved = ProjectWriter::save(project, projectPath); !saved)
        return saved.error();
    return files;
}

} // namespace cutover
