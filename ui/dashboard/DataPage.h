#pragma once

#include "core/common/Result.h"
#include "ui/common/ErrorBanner.h"
#include "ui/common/LatestLoader.h"
#include "ui/common/Page.h"

class QLabel;
class QVBoxLayout;

namespace atalaya {

// The shared shape of the dashboard pages: a header (title, loading state), an error banner
// with Retry, and the content. load() runs a core read on the thread pool and shows its
// immutable result; the latest refresh wins (an older one, for another filter, is dropped).
class DataPage : public Page {
    Q_OBJECT
public:
    explicit DataPage(const AppContext &context, QWidget *parent = nullptr);

    void refresh() final;
    bool isLoading() const { return m_loading; }
    ErrorBanner *errorBanner() const { return m_banner; }

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
        setLoading(true);
        m_loader->run<Result<T>>(std::move(work), [this, show](const Result<T> &result) {
            setLoading(false);
            if (!result) {
                fail(result.error().message);
                return;
            }
            m_banner->hide();
            show(*result);
            emit loadFinished(true, {});
        });
    }

    void fail(const QString &message);

private:
    void setLoading(bool loading);

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    ErrorBanner *m_banner = nullptr;
    QVBoxLayout *m_content = nullptr;
    LatestLoader *m_loader = nullptr;
    bool m_loading = false;
};

}  // namespace atalaya
