#include "tests/support/CliRunner.h"

#include "tests/support/TestDatabases.h"

#include <QProcess>

namespace atalaya::test {

CliRun runCli(const QStringList &args, const QByteArray &stdinData, const QProcessEnvironment &extraEnv, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ATALAYA_DB_PASSWORD"));
    env.remove(QStringLiteral("ATALAYA_DB"));
    for (const QString &key : extraEnv.keys())
        env.insert(key, extraEnv.value(key));
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("ATALAYA_CLI"), args);
    CliRun run;
    if (!process.waitForStarted()) {
        run.err = "cannot start atalaya-cli: " + process.errorString().toUtf8();
        return run;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "atalaya-cli timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun runCliOn(const FreshDatabase &db, const QStringList &args, const QByteArray &stdinData,
                QProcessEnvironment extraEnv)
{
    if (!db.password.isEmpty())
        extraEnv.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), db.password);
    return runCli(QStringList{QStringLiteral("--db"), db.url} + args, stdinData, extraEnv);
}

}  // namespace atalaya::test
