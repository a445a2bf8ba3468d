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
        QTest::newRow("at in database") << "mysql://a:p@h/dx@"
                                        << "percent-encoded";
        QTest::newRow("empty node") << "mysql://a@h1:3306,,h3/d"
                                    << "empty entry";
        QTest::newRow("node bad port") << "mysql://a@h1,h2:70000/d"
                                       << "node 2 of the node list";
        QTest::newRow("node not a host") << "mysql://a@h1,h2:x/d"
                                         << "node 2 of the node list";
        QTest::newRow("node twice") << "mysql://a@h1:3306,h2,h1/d"
                                    << "h1:3306 is listed twice";
        QTest::newRow("socket and nodes") << "mysql://a@h1,h2/d?socket=/run/m.sock"
                                          << "node list";
        QTest::newRow("bad first node") << "mysql://a@h1:0,h2/d"
                                        << "port";
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

    // docs/DEPLOYMENTS.md §Galera cluster: the nodes in the order written, the first being
    // host and port as for one server; the canonical form lists them all and parses back.
    void parsesNodeList()
    {
        auto url = DbUrl::parse(QStringLiteral("mysql://ana:pw@h1:3307,h2,[::1]:3309/t?ssl-mode=required"));
        QVERIFY2(url.ok(), qPrintable(url.error().message));
        QVERIFY(url->isCluster());
        QCOMPARE(url->host, QStringLiteral("h1"));
        QCOMPARE(url->port, 3307);
        const QList<DbNode> expected = {
            {QStringLiteral("h1"), 3307}, {QStringLiteral("h2"), 3306}, {QStringLiteral("::1"), 3309}};
        QCOMPARE(url->nodes(), expected);
        QCOMPARE(url->passwordInUrl, QStringLiteral("pw"));
        QCOMPARE(url->sslMode, QStringLiteral("required"));
        QCOMPARE(url->toString(), QStringLiteral("mysql://ana@h1:3307,h2:3306,[::1]:3309/t?ssl-mode=required"));
        QCOMPARE(url->describe(), QStringLiteral("MySQL ana@h1:3307,h2:3306,::1:3309/t"));
        auto again = DbUrl::parse(url->toString());
        QVERIFY(again.ok());
        QCOMPARE(again->nodes(), expected);
        QCOMPARE(again->toString(), url->toString());

        const DbUrl second = url->atNode(1);
        QVERIFY(!second.isCluster());
        QCOMPARE(second.host, QStringLiteral("h2"));
        QCOMPARE(second.port, 3306);
        QCOMPARE(second.describe(), QStringLiteral("MySQL ana@h2:3306/t"));

        auto single = DbUrl::parse(QStringLiteral("mysql://ana@h1/t"));
        QVERIFY(single.ok());
        QVERIFY(!single->isCluster());
        QCOMPARE(single->nodes().size(), 1);
    }

    void passwordNeverInNodeListErrors()
    {
        for (const QString &text :
             {QStringLiteral("mysql://ana:s3cret@h1,,h2/d"), QStringLiteral("mysql://ana:s3cret@h1,h2:x/d"),
              QStringLiteral("mysql://ana:s3,cret?@h1,h2/d"), QStringLiteral("mysql://ana:s3cret@h1:0,h2/d")}) {
            auto url = DbUrl::parse(text);
            QVERIFY2(!url.ok(), qPrintable(text));
            QVERIFY2(!url.error().message.contains(QLatin1String("s3")), qPrintable(url.error().message));
        }
    }

    void canonicalFormWithSpacesParsesBack()
    {
        auto url = DbUrl::parse(QStringLiteral("mysql://u@h/d?socket=/run/my%20sql/m.sock"));
        QVERIFY(url.ok());
        QCOMPARE(url->socket, QStringLiteral("/run/my sql/m.sock"));
        auto again = DbUrl::parse(url->toString());
        QVERIFY2(again.ok(), qPrintable(url->toString()));
        QCOMPARE(again->socket, url->socket);
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
