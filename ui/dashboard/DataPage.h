#pragma once

#include "ui/common/DatabasePool.h"
#include "core/common/Result.h"
#include "ui/common/Page.h"
#include "ui/common/ErrorBanner.h"

#include <QFutureWatcher>
#include <QtConcurrent>

class QLabel;
class QVBoxLayout;

namespace atalaya {

// The shared shape of the dashboard pages: a header (title, loading state), an error banner
// with Retry, and the content. load() runs a core read on the thread pool and shows its
// immutable result; results of an older refresh (another filter) are dropped by generation.
class DataPage : public Page {
    Q_OBJECT
public:
    explicit DataPage(const AppContext &context, QWidget *parent = nullptr);

    void refresh() final;
    bool isLoading() const { return m_loading; }
    ErrorBanner *errorBanner() const { return m_banner; }
    quint64 generation() const { return m_generation; }

protected:
    // Starts this page's load with the resolved query (db is non-null here).
    virtual void startLoad(const StatsQuery &query) = 0;
    // Re-applies translated texts; pages re-show their last data so charts follow too.
    virtual void retranslate() { }
    QVBoxLayout *contentLayout() const { return m_content; }
    void setHeader(const QString &title);
    // A clicked agent row or alert: narrow every page to that agent.
    void requestAgentFilter(const QString &agentId);
    void changeEvent(QEvent *event) override;

    template <typename T, typename Work, typename Show> void load(Work work, Show show)
    {
        const quint64 generation = ++m_generation;
        setLoading(true);
        auto *watcher = new QFutureWatcher<Result<T>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, show] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            const Result<T> result = watcher->result();
            setLoading(false);
            if (!result) {
                fail(result.error().message);
                return;
            }
            m_banner->hide();
            show(*result);
            emit loadFinished(true, {});
        });
        watcher->setFuture(QtConcurrent::run(databasePool(), std::move(work)));
    }

    void fail(const QString &message);

private:
    void setLoading(bool loading);

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    ErrorBanner *m_banner = nullptr;
    QVBoxLayout *m_content = nullptr;
    quint64 m_generation = 0;
    bool m_loading = false;
};

}  // namespace atalaya
