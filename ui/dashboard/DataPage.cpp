#include "ui/dashboard/DataPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace atalaya {

DataPage::DataPage(const AppContext &context, QWidget *parent) : Page(context, parent), m_loader(new LatestLoader(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 8, 12, 8);
    outer->setSpacing(8);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_state = new QLabel(this);
    m_state->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_state);
    outer->addLayout(header);
    m_banner = new ErrorBanner(this);
    outer->addWidget(m_banner);
    connect(m_banner, &ErrorBanner::retryRequested, this, &DataPage::refresh);
    m_content = new QVBoxLayout;
    m_content->setSpacing(10);
    outer->addLayout(m_content, 1);
}

void DataPage::refresh()
{
    if (!m_context.db) {
        m_loader->drop();
        fail(tr("Not connected to a database. Use File → Connect… to choose one."));
        return;
    }
    startLoad(m_filter.toQuery());
}

void DataPage::setHeader(const QString &title)
{
    m_title->setText(title);
}

void DataPage::requestAgentFilter(const QString &agentId)
{
    DashboardFilter f = filter();
    f.agentId = agentId;
    emit filterRequested(f);
}

void DataPage::fail(const QString &message)
{
    setLoading(false);
    m_banner->showError(tr("Could not load this page: %1").arg(message));
    emit loadFinished(false, message);
}

void DataPage::setLoading(bool loading)
{
    m_loading = loading;
    m_state->setText(loading ? tr("Loading…") : QString());
}

void DataPage::changeEvent(QEvent *event)
{
    // A new theme re-shows the data too: charts take their colours from the palette.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) {
        setHeader(title());
        retranslate();
    }
    Page::changeEvent(event);
}

}  // namespace atalaya
