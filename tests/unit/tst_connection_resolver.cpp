#include "core/secrets/SecretStore.h"
#include "core/session/ConnectionResolver.h"

#include <QtTest>

using namespace atalaya;

namespace {

const QString kServer = QStringLiteral("mysql://app@db.example:3306/atalaya");

// The in-memory store, counting reads: "ask at each start" must not even look.
class CountingStore final : public SecretStore {
public:
    Result<QString> read(const QString &key) override
    {
        ++reads;
        return m_inner.read(key);
    }
    Status write(const QString &key, const QString &secret) override { return m_inner.write(key, secret); }
    Status remove(const QString &key) override { return m_inner.remove(key); }
    int reads = 0;

private:
    InMemorySecretStore m_inner;
};

// Sets or clears an environment variable for one test function.
class EnvGuard {
public:
    EnvGuard(const char *name, const QString &value) : m_name(name)
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value.toUtf8());
    }
    ~EnvGuard() { qunsetenv(m_name); }

private:
    const char *m_name;
};

}  // namespace

Q_DECLARE_METATYPE(atalaya::PasswordSource)

// The documented password order (docs/CLI.md §Choosing the database): $ATALAYA_DB_PASSWORD, then
// --password-stdin, then the keychain; a password in the URL works, after stdin, with a
// warning; "ask at each start" replaces the keychain.
class TestConnectionResolver : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        qunsetenv("ATALAYA_DB");
        qunsetenv("ATALAYA_DB_PASSWORD");
        qunsetenv("ATALAYA_CHAT_URL");
        qunsetenv("ATALAYA_READ_DB");
        qunsetenv("ATALAYA_READ_DB_PASSWORD");
    }

    void passwordOrder_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("env");  // null: unset
        QTest::addColumn<QString>("stdinLine");  // null: no --password-stdin
        QTest::addColumn<QString>("keychain");  // null: no entry
        QTest::addColumn<bool>("ask");
        QTest::addColumn<QString>("password");
        QTest::addColumn<PasswordSource>("source");
        QTest::addColumn<bool>("warned");
        QTest::addColumn<int>("keychainReads");

        const QString url = kServer;
        const QString inUrl = QStringLiteral("mysql://app:from-url@db.example:3306/atalaya");
        const QString none;
        QTest::newRow("env beats stdin and keychain")
            << url << "from-env"
            << "from-stdin"
            << "from-keychain" << false << "from-env" << PasswordSource::Environment << false << 0;
        QTest::newRow("stdin beats keychain")
            << url << none << "from-stdin"
            << "from-keychain" << false << "from-stdin" << PasswordSource::Stdin << false << 0;
        QTest::newRow("keychain last") << url << none << none << "from-keychain" << false << "from-keychain"
                                       << PasswordSource::Keychain << false << 1;
        QTest::newRow("empty env still wins")
            << url << ""
            << "from-stdin"
            << "from-keychain" << false << "" << PasswordSource::Environment << false << 0;
        QTest::newRow("empty stdin line still wins")
            << url << none << ""
            << "from-keychain" << false << "" << PasswordSource::Stdin << false << 0;
        QTest::newRow("nothing anywhere")
            << url << none << none << none << false << "" << PasswordSource::None << false << 1;
        QTest::newRow("env beats url, warned")
            << inUrl << "from-env" << none << none << false << "from-env" << PasswordSource::Environment << true << 0;
        QTest::newRow("stdin beats url, warned")
            << inUrl << none << "from-stdin" << none << false << "from-stdin" << PasswordSource::Stdin << true << 0;
        QTest::newRow("url beats keychain, warned")
            << inUrl << none << none << "from-keychain" << false << "from-url" << PasswordSource::Url << true << 0;
        QTest::newRow("ask instead of keychain")
            << url << none << none << "from-keychain" << true << "" << PasswordSource::Ask << false << 0;
        QTest::newRow("env beats ask") << url << "from-env" << none << "from-keychain" << true << "from-env"
                                       << PasswordSource::Environment << false << 0;
        QTest::newRow("stdin beats ask") << url << none << "from-stdin" << none << true << "from-stdin"
                                         << PasswordSource::Stdin << false << 0;
        QTest::newRow("sqlite needs none") << "sqlite:/tmp/x.db"
                                           << "from-env"
                                           << "from-stdin"
                                           << "from-keychain" << true << "" << PasswordSource::None << false << 0;
    }

    void passwordOrder()
    {
        QFETCH(QString, url);
        QFETCH(QString, env);
        QFETCH(QString, stdinLine);
        QFETCH(QString, keychain);
        QFETCH(bool, ask);
        QFETCH(QString, password);
        QFETCH(PasswordSource, source);
        QFETCH(bool, warned);
        QFETCH(int, keychainReads);

        CountingStore store;
        auto parsed = DbUrl::parse(url);
        QVERIFY(parsed.ok());
        if (!keychain.isNull())
            QVERIFY(store.write(SecretStore::databaseKey(parsed->toString()), keychain).ok());
        const EnvGuard guard("ATALAYA_DB_PASSWORD", env);
        ConnectionRequest request;
        request.urlFlag = url;
        if (!stdinLine.isNull())
            request.stdinPassword = stdinLine;
        request.askPasswordEachStart = ask;

        auto resolved = ConnectionResolver(&store).resolve(request);
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->password, password);
        QCOMPARE(resolved->source, source);
        QCOMPARE(!resolved->warnings.isEmpty(), warned);
        QCOMPARE(store.reads, keychainReads);
        QVERIFY(!resolved->url.toString().contains(QStringLiteral("from-url")));
    }

    void urlOrder_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("saved");
        QTest::addColumn<QString>("expected");  // empty: the embedded default
        QTest::newRow("flag first") << "sqlite:/tmp/flag.db"
                                    << "sqlite:/tmp/env.db"
                                    << "sqlite:/tmp/saved.db"
                                    << "sqlite:/tmp/flag.db";
        QTest::newRow("then env") << ""
                                  << "sqlite:/tmp/env.db"
                                  << "sqlite:/tmp/saved.db"
                                  << "sqlite:/tmp/env.db";
        QTest::newRow("then saved") << ""
                                    << ""
                                    << "sqlite:/tmp/saved.db"
                                    << "sqlite:/tmp/saved.db";
        QTest::newRow("then embedded") << ""
                                       << ""
                                       << ""
                                       << "";
    }

    void urlOrder()
    {
        QFETCH(QString, flag);
        QFETCH(QString, env);
        QFETCH(QString, saved);
        QFETCH(QString, expected);
        const EnvGuard guard("ATALAYA_DB", env.isEmpty() ? QString() : env);
        ConnectionRequest request;
        request.urlFlag = flag;
        request.savedUrl = saved;
        auto url = ConnectionResolver::resolveUrl(request);
        QVERIFY(url.ok());
        QCOMPARE(url->toString(), expected.isEmpty() ? DbUrl::embeddedDefault().toString() : expected);
    }

    void badUrlIsAnError()
    {
        ConnectionRequest request;
        request.urlFlag = QStringLiteral("postgres://x");
        auto resolved = ConnectionResolver().resolve(request);
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().code, ErrorCode::Usage);
    }

    // The read replica (docs/DEPLOYMENTS.md §Primary + replicas): --read-db, then
    // $ATALAYA_READ_DB, then the saved URL; its password from $ATALAYA_READ_DB_PASSWORD, its URL,
    // its keychain entry, else the primary's.
    void readReplica_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("saved");
        QTest::addColumn<QString>("envPassword");
        QTest::addColumn<QString>("keychain");
        QTest::addColumn<QString>("expectedUrl");  // empty: no replica
        QTest::addColumn<QString>("expectedPassword");
        QTest::addColumn<PasswordSource>("expectedSource");
        const QString a = QStringLiteral("mysql://app@replica-a:3306/atalaya");
        const QString b = QStringLiteral("mysql://app@replica-b:3306/atalaya");
        const QString c = QStringLiteral("mysql://app@replica-c:3306/atalaya");
        QTest::newRow("none") << QString() << QString() << QString() << QString() << QString() << QString() << QString()
                              << PasswordSource::None;
        QTest::newRow("flag wins, primary's password") << a << b << c << QString() << QString() << a
                                                       << QStringLiteral("primary-pw") << PasswordSource::Environment;
        QTest::newRow("env over saved") << QString() << b << c << QString() << QString() << b
                                        << QStringLiteral("primary-pw") << PasswordSource::Environment;
        QTest::newRow("saved, its keychain entry")
            << QString() << QString() << c << QString() << QStringLiteral("replica-pw") << c
            << QStringLiteral("replica-pw") << PasswordSource::Keychain;
        QTest::newRow("its own env password first")
            << a << QString() << QString() << QStringLiteral("env-pw") << QStringLiteral("replica-pw") << a
            << QStringLiteral("env-pw") << PasswordSource::Environment;
    }

    void readReplica()
    {
        QFETCH(QString, flag);
        QFETCH(QString, env);
        QFETCH(QString, saved);
        QFETCH(QString, envPassword);
        QFETCH(QString, keychain);
        QFETCH(QString, expectedUrl);
        QFETCH(QString, expectedPassword);
        QFETCH(PasswordSource, expectedSource);
        const EnvGuard readDb("ATALAYA_READ_DB", env.isEmpty() ? QString() : env);
        const EnvGuard readPassword("ATALAYA_READ_DB_PASSWORD", envPassword.isEmpty() ? QString() : envPassword);
        const EnvGuard primaryPassword("ATALAYA_DB_PASSWORD", QStringLiteral("primary-pw"));
        InMemorySecretStore store;
        if (!keychain.isEmpty())
            QVERIFY(store.write(SecretStore::databaseKey(expectedUrl), keychain).ok());
        ConnectionRequest request;
        request.urlFlag = kServer;
        request.readUrlFlag = flag;
        request.savedReadUrl = saved;
        auto resolved = ConnectionResolver(&store).resolve(request);
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->readUrl.has_value(), !expectedUrl.isEmpty());
        if (expectedUrl.isEmpty())
            return;
        QCOMPARE(resolved->readUrl->toString(), expectedUrl);
        QCOMPARE(resolved->readPassword, expectedPassword);
        QCOMPARE(resolved->readSource, expectedSource);
    }

    void readReplicaNeedsAServer()
    {
        ConnectionRequest request;
        request.urlFlag = QStringLiteral("sqlite:/tmp/a.db");
        request.readUrlFlag = QStringLiteral("mysql://app@replica:3306/atalaya");
        auto resolved = ConnectionResolver().resolve(request);
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().code, ErrorCode::Usage);
        request.urlFlag = kServer;
        request.readUrlFlag = QStringLiteral("sqlite:/tmp/b.db");
        resolved = ConnectionResolver().resolve(request);
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().code, ErrorCode::Usage);
    }

    void chatToken()
    {
        InMemorySecretStore store;
        const QUrl feed(QStringLiteral("wss://chat.example/ws"));
        const ConnectionResolver resolver(&store);
        QCOMPARE(resolver.chatToken(feed), QString());
        QVERIFY(store.write(SecretStore::chatTokenKey(feed.toString()), QStringLiteral("saved-token")).ok());
        QCOMPARE(resolver.chatToken(feed), QStringLiteral("saved-token"));
        QCOMPARE(resolver.chatToken(feed, QStringLiteral("stdin-token")), QStringLiteral("stdin-token"));
        QCOMPARE(resolver.chatToken(QUrl(QStringLiteral("wss://other.example/ws"))), QString());
    }

    void chatFeedUrl()
    {
        QCOMPARE(ConnectionResolver::chatFeedUrl(QString(), QStringLiteral("wss://saved/ws")),
                 QStringLiteral("wss://saved/ws"));
        const EnvGuard guard("ATALAYA_CHAT_URL", QStringLiteral("wss://env/ws"));
        QCOMPARE(ConnectionResolver::chatFeedUrl(QString(), QStringLiteral("wss://saved/ws")),
                 QStringLiteral("wss://env/ws"));
        QCOMPARE(ConnectionResolver::chatFeedUrl(QStringLiteral("wss://flag/ws"), QStringLiteral("wss://saved/ws")),
                 QStringLiteral("wss://flag/ws"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionResolver)
#include "tst_connection_resolver.moc"
