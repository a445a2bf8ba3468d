#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QStringList>

namespace atalaya::test {

struct FreshDatabase;

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

// Runs the real atalaya-cli binary (ATALAYA_CLI) with `args`, optional stdin and extra
// environment (e.g. ATALAYA_DB_PASSWORD).
CliRun runCli(const QStringList &args, const QByteArray &stdinData = {}, const QProcessEnvironment &extraEnv = {},
              int timeoutMs = 120000);

// runCli with `--db URL` of `db` first and its password in ATALAYA_DB_PASSWORD.
CliRun runCliOn(const FreshDatabase &db, const QStringList &args, const QByteArray &stdinData = {},
                QProcessEnvironment extraEnv = {});

}  // namespace atalaya::test
