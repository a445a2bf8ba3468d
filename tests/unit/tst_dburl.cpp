#include "core/storage/DbUrl.h"

#include <QtTest>

using namespace atalaya;

class TestDbUrl : public QObject {
    Q_OBJECT
private slots:
    void parsesValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("backend");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("socket");
        QTest::addColumn<QString>("sslMode");
        QTest::newRow("mysql default port") << "mysql://ana@db.local/atalaya" << int(Backend::MySQL) << "ana"
                                            << "db.local" << 3306 << "atalaya"
                                            << ""
                                            << "";
        QTest::newRow("mariadb scheme") << "mariadb://ana@127.0.0.1:3307/t" << int(Backend::MySQL) << "ana"
                                        << "127.0.0.1" << 3307 << "t"
                                        << ""
                                        << "";
        QTest::newRow("socket option") << "mysql://ana@localhost/t?socket=/run/mysqld/mysqld.sock"
                                       << int(Backend::MySQL) << "ana"
                                       << "localhost" << 3306 << "t"
                                       << "/run/mysqld/mysqld.sock"
                                       << "";
        QTest::newRow("tls") << "mysql://ana@h/t?ssl-mode=verify-ca&ssl-ca=/etc/ca.pem" << int(Backend::MySQL) << "ana"
                             << "h" << 3306 << "t"
                             << ""
                             << "verify-ca";
        QTest::newRow("sqlite") << "sqlite:/tmp/x.db" << int(Backend::SQLite) << ""
                                << "" << 3306 << ""
                                << ""
                                << "";
    }
    void parsesValid()
    {
        QFETCH(QString, text);
        QFETCH(int, backend);
        auto url = DbUrl::parse(text);
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().message));
        QCOMPARE(int(url->backend), backend);
        QTEST(url->user, "user");
        QTEST(url->host, "host");
        if (url->backend == Backend::MySQL) {
            QTEST(url->port, "port");
            QTEST(url->database, "database");
        }
        QTEST(url->socket, "socket");
        QTEST(url->sslMode, "sslMode");
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("scheme") << "postgres://a@h/d"
                                << "postgres";
        QTest::newRow("no user") << "mysql://h/d"
                                 << "user";
        QTest::newRow("no database") << "mysql://a@h/"
                                     << "database";
        QTest::newRow("bad port") << "mysql://a@h:99999/d"
                                  << "port";
        QTest::newRow("unknown option") << "mysql://a@h/d?colour=red"
                                        << "colour";
        QTest::newRow("bad ssl mode") << "mysql://a@h/d?ssl-mode=sometimes"
                                      << "sometimes";
        QTest::newRow("verify without ca") << "mysql://a@h/d?ssl-mode=verify-ca"
                                           << "ssl-ca";
        QTest::newRow("sqlite without path") << "sqlite:"
                                             << "path";
    }
    void rejectsInvalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        auto url = DbUrl::parse(text);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, ErrorCode::Usage);
        QVERIFY2(url.error().message.contains(mentions), qPrintable(url.error().message));
    }

    void passwordNeverInCanonicalForm()
    {
        auto url = DbUrl::parse(QStringLiteral("mysql://ana:s3cret@h/d"));
        QVERIFY(url.ok());
        QCOMPARE(url->passwordInUrl, QStringLiteral("s3cret"));
        QVERIFY(!url->toString().contains(QLatin1String("s3cret")));
        QVERIFY(!url->describe().contains(QLatin1String("s3cret")));
        auto again = DbUrl::parse(url->toString());
        QVERIFY(again.ok());
        QCOMPARE(again->toString(), url->toString());
    }
};

QTEST_GUILESS_MAIN(TestDbUrl)
#include "tst_dburl.moc"
