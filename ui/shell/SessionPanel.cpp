#include "ui/shell/SessionPanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace atalaya {

SessionPanel::SessionPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sessionPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("sessionText"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setFixedWidth(560);  // a wrapped label under AlignHCenter would get only its one-line width
    m_hint = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setMaximumWidth(360);
    m_bar->setTextVisible(false);
    auto *buttons = new QHBoxLayout;
    m_cancel = new QPushButton(this);
    m_retry = new QPushButton(this);
    m_connect = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("sessionCancel"));
    m_retry->setObjectName(QStringLiteral("sessionRetry"));
    m_connect->setObjectName(QStringLiteral("sessionConnect"));
    buttons->addStretch(1);
    for (QPushButton *b : {m_cancel, m_retry, m_connect})
        buttons->addWidget(b);
    buttons->addStretch(1);
    outer->addWidget(m_text, 0, Qt::AlignHCenter);
    outer->addWidget(m_hint, 0, Qt::AlignHCenter);
    outer->addWidget(m_bar, 0, Qt::AlignHCenter);
    outer->addLayout(buttons);
    outer->addStretch(2);
    connect(m_cancel, &QPushButton::clicked, this, &SessionPanel::cancelRequested);
    connect(m_retry, &QPushButton::clicked, this, &SessionPanel::retryRequested);
    connect(m_connect, &QPushButton::clicked, this, &SessionPanel::connectRequested);
    retranslate();
}

void SessionPanel::showProgress(const QString &database, const SessionProgress &progress)
{
    m_database = database;
    m_progress = progress;
    m_failed = false;
    render();
}

void SessionPanel::showFailure(const QString &message)
{
    m_failure = message;
    m_failed = true;
    render();
}

QString SessionPanel::text() const
{
    return m_text->text();
}

void SessionPanel::render()
{
    m_bar->setVisible(!m_failed);
    m_hint->setVisible(m_failed);
    m_cancel->setVisible(!m_failed);
    m_retry->setVisible(m_failed);
    m_connect->setVisible(m_failed);
    if (m_failed) {
        m_text->setText(m_failure);
        // The layout sizes an aligned label by its one-line hint; give it the wrapped height.
        m_text->setMinimumHeight(m_text->heightForWidth(m_text->width()));
        return;
    }
    const bool counting = m_progress.phase == SessionProgress::Phase::Preparing && m_progress.percent >= 0;
    m_bar->setRange(0, counting ? 100 : 0);
    if (counting)
        m_bar->setValue(m_progress.percent);
    if (m_progress.phase == SessionProgress::Phase::Preparing)
        m_text->setText(counting ? tr("Preparing tables (rollups %1 %)…").arg(m_progress.percent)
                                 : tr("Preparing tables…"));
    else
        m_text->setText(tr("Connecting to %1…").arg(m_database));
}

void SessionPanel::retranslate()
{
    m_cancel->setText(tr("Cancel"));
    m_retry->setText(tr("Retry"));
    m_connect->setText(tr("Connect…"));
    m_hint->setText(tr("Retry, or choose another database with Connect…"));
    render();
}

void SessionPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace atalaya
