#pragma once

#include "ui/shell/AppContext.h"

#include <QWidget>

namespace atalaya {

// One page of the main window (docs/DASHBOARD.md §Pages). Pages load off the UI thread, show only
// their latest request's result (LatestLoader), and say when the data is on screen, which the
// `--screenshot` mode and the GUI tests wait for.
class Page : public QWidget {
    Q_OBJECT
public:
    explicit Page(AppContext context, QWidget *parent = nullptr) : QWidget(parent), m_context(std::move(context)) { }

    // Stable id used by --page, settings and tests: overview, insights, accuracy, confidence, latency,
    // feedback, queue, chat, risk, audit.
    virtual QString pageId() const = 0;
    // Translated name for the navigation list (from the page catalogue, PageFactory.cpp).
    QString title() const;

    // Applies the filter bar and reloads. Pages that ignore a filter may do nothing with it.
    virtual void setFilter(const DashboardFilter &filter)
    {
        m_filter = filter;
        refresh();
    }
    virtual void refresh() = 0;
    // When a page reads the context it is given: now, or at its next refresh(), which the main
    // window calls when it shows the page, so a hidden page does not read for nobody.
    enum class Reload { Now, WhenShown };
    // The database changed (connection dialog, reconnect).
    void setContext(const AppContext &context, Reload reload = Reload::Now)
    {
        adoptContext(context);
        if (reload == Reload::Now)
            refresh();
    }

    // Shows the item `argument` names, after another page's navigateRequested (the review
    // queue: a decision id). Pages without items ignore it.
    virtual void openItem(const QVariant &argument) { Q_UNUSED(argument) }

    const DashboardFilter &filter() const { return m_filter; }
    const AppContext &context() const { return m_context; }

signals:
    // Emitted once per refresh() when its data is shown (ok) or failed (error text).
    void loadFinished(bool ok, const QString &error);
    // Ask the main window to narrow the filter (a clicked agent row) or open another page.
    void filterRequested(const atalaya::DashboardFilter &filter);
    void navigateRequested(const QString &pageId, const QVariant &argument);

protected:
    // Takes the context without reading; pages whose background work follows the database
    // (the review queue's outbox, the chat feed) start it here.
    virtual void adoptContext(const AppContext &context) { m_context = context; }

    AppContext m_context;
    DashboardFilter m_filter;
};

}  // namespace atalaya
