// Another application's writer for scripts/bench-init.sh: one plain INSERT into ai_telemetry
// every 20 ms over its own connection (none of Atalaya's session settings), until STOPFILE
// exists; then one JSON line with the longest INSERT and the failures.
//   bench_init_writer HOST PORT USER DATABASE STOPFILE [--prepared]   (password in ATALAYA_DB_PASSWORD)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>
#include <QTime>

#include <algorithm>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 6) {
        QTextStream(stderr) << "usage: bench_init_writer HOST PORT USER DATABASE STOPFILE [--prepared]\n";
        return 2;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"));
    db.setHostName(args[1]);
    db.setPort(args[2].toInt());
    db.setUserName(args[3]);
    db.setDatabaseName(args[4]);
    db.setPassword(qEnvironmentVariable("ATALAYA_DB_PASSWORD"));
    if (!db.open()) {
        QTextStream(stderr) << "error: the writer could not connect: " << db.lastError().text() << '\n';
        return 1;
    }
    // Text protocol by default, as the mariadb client sends a plain INSERT; --prepared (6th
    // argument) keeps one server-side prepared statement for the whole run instead.
    const bool prepared = args.size() > 6 && args[6] == QLatin1String("--prepared");
    QSqlQuery insert(db);
    const QString sql = QStringLiteral(
        "INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score, human_feedback, accuracy,"
        " execution_time_ms, metadata, created_at) VALUES ('%1', 'writer', '{}', 0.8, NULL, NULL, %2, '{}',"
        " UTC_TIMESTAMP(6))");
    if (prepared)
        insert.prepare(sql.arg(QStringLiteral("writer")).arg(7));
    qint64 rows = 0, failures = 0, maxMs = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 next = 0;
    while (!QFile::exists(args[5])) {
        QElapsedTimer t;
        t.start();
        const bool ok =
            prepared ? insert.exec() : insert.exec(sql.arg(QStringLiteral("writer-%1").arg(rows % 4)).arg(rows % 1000));
        if (ok) {
            ++rows;
        } else {
            ++failures;
            QTextStream(stderr) << "writer: INSERT failed after " << t.elapsed() << " ms: " << insert.lastError().text()
                                << '\n';
        }
        const qint64 ms = t.elapsed();
        if (ms > maxMs) {
            maxMs = ms;
            QTextStream(stderr) << "writer " << QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz"))
                                << ": longest INSERT so far " << ms << " ms\n";
        }
        next += 20;
        const qint64 wait = next - clock.elapsed();
        if (wait > 0)
            QThread::msleep(static_cast<unsigned long>(wait));
        else
            next = clock.elapsed();
    }
    const QJsonObject out{{QStringLiteral("writer_rows"), rows},
                          {QStringLiteral("writer_failures"), failures},
                          {QStringLiteral("max_writer_stall_ms"), maxMs}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
