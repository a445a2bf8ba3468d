#include "ui/chat/ChatConversationsPanel.h"

#include "ui/chat/ChatConversationModel.h"
#include "ui/chat/ChatTranscriptView.h"
#include "ui/common/LatestLoader.h"
#include "core/chat/ChatHistory.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace atalaya {

ChatConversationsPanel::ChatConversationsPanel(ChatMonitor *monitor,
                                               std::function<std::shared_ptr<const Database>()> database,
                                               QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_monitor(monitor), m_database(std::move(database)),
      m_transcriptLoader(new LatestLoader(this))
{
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_model = new ChatConversationModel(this);
    m_table = new QTableView(left);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Fixed widths: measuring contents on every live update would cost more than the update.
    const int widths[] = {130, 70, 118, 70, 85, 85};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    m_note = new QLabel(left);
    m_note->setWordWrap(true);
    leftLayout->addWidget(m_table);
    leftLayout->addWidget(m_note);
    m_transcript = new ChatTranscriptView(this);
    addWidget(left);
    addWidget(m_transcript);
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selectedId = current.data(ChatConversationModel::IdRole).toString();
                m_selectedLastTs = -1;
                m_monitor->setPinnedConversation(m_selectedId);
                showTranscript();
            });
    connect(m_transcript, &ChatTranscriptView::decisionRequested, this, &ChatConversationsPanel::decisionRequested);
}

void ChatConversationsPanel::showLive(const std::vector<ChatConversationSummary> &conversations)
{
    // The view keeps the selection itself (the model moves rows, never resets). Scrolled
    // away from the top, the first visible conversation stays first: rows inserted or
    // removed above it do not slide the list under the reader's eyes.
    QScrollBar *bar = m_table->verticalScrollBar();
    const QString anchor =
        bar->value() > 0 ? m_table->indexAt(QPoint(0, 0)).data(ChatConversationModel::IdRole).toString() : QString();
    m_model->setLive(conversations);
    if (const int row = m_model->rowOf(anchor); row >= 0) {
        m_table->doItemsLayout();
        m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
    }
    if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));  // something to read from the first second
    else
        showTranscript();
}

void ChatConversationsPanel::showHistory(const std::vector<ChatConversationSummary> &history)
{
    m_model->setHistory(history);
}

void ChatConversationsPanel::setNote(const QString &text)
{
    m_note->setText(text);
}

int ChatConversationsPanel::rowCount() const
{
    return m_model->rowCount();
}

void ChatConversationsPanel::showTranscript()
{
    const int row = m_model->rowOf(m_selectedId);
    const ChatConversationSummary *summary = m_model->summary(row);
    if (!summary) {
        m_transcript->clearLines();
        return;
    }
    if (summary->lastTsMs == m_selectedLastTs)
        return;  // unchanged since it was last drawn
    m_selectedLastTs = summary->lastTsMs;
    auto render = [this](const QString &id, const std::vector<ChatTranscriptLine> &lines) {
        if (id == m_selectedId)
            m_transcript->showLines(id, lines);
    };
    if (!m_model->isHistory(row)) {
        render(m_selectedId, m_monitor->transcript(m_selectedId));
        return;
    }
    auto db = m_database();
    if (!db)
        return;
    const QString id = m_selectedId;
    m_transcriptLoader->run<Result<std::vector<ChatTranscriptLine>>>(
        [db, id] { return loadChatTranscript(*db, id, 500); },
        [render, id](const Result<std::vector<ChatTranscriptLine>> &result) {
            if (result)
                render(id, *result);
        });
}

}  // namespace atalaya
