// The widgets of the review page and their palette-dependent look; the page's behaviour is
// in ReviewQueuePage.cpp. The widgets tests and the bench reach have object names.
#include "ui/review/ReviewQueuePage.h"

#include "ui/shell/SettingsDialog.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewDetailPane.h"
#include "ui/review/CachedTextDelegate.h"
#include "ui/review/ForecastPanel.h"
#include "ui/review/PriorityCountChips.h"
#include "ui/review/ReviewColors.h"
#include "ui/review/ReviewQueueController.h"

#include "core/telemetry/Feedback.h"
#include "ui/common/ElidedLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QShortcut>
#include <QTabBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace atalaya {

void ReviewQueuePage::buildUi()
{
    auto *root = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_chips = new PriorityCountChips(this);
    m_chips->setRules(m_controller->rules());
    m_chips->setState(PriorityCountChips::State::Unavailable);
    top->addWidget(m_chips, 1);
    m_rulesButton = new QPushButton(tr("Rules…"), this);
    m_rulesButton->setFocusPolicy(Qt::NoFocus);
    m_rulesButton->setToolTip(tr("Edit the P0–P3 rules, deadlines and the P3 sample (Settings)"));
    connect(m_rulesButton, &QPushButton::clicked, this, [this] {
        SettingsDialog dialog(m_context.settings, this);
        dialog.exec();
    });
    top->addWidget(m_rulesButton, 0, Qt::AlignTop);
    root->addLayout(top);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("reviewBanner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    root->addWidget(m_banner);

    m_views = new QTabBar(this);
    m_views->setObjectName(QStringLiteral("reviewViews"));
    m_views->setFocusPolicy(Qt::NoFocus);
    m_views->setDrawBase(false);
    const QString viewNames[3] = {viewName(0), viewName(1), viewName(2)};
    const QString viewTips[3] = {tr("Decisions waiting for their first review — Alt+1"),
                                 tr("Reviewed decisions picked for a blind second review by another reviewer — Alt+2"),
                                 tr("Decisions whose first and second reviews disagree — Alt+3")};
    for (int i = 0; i < 3; ++i) {
        m_views->addTab(viewNames[i]);
        m_views->setTabToolTip(i, viewTips[i]);
        auto *shortcut = new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, i] { m_views->setCurrentIndex(i); });
    }
    connect(m_views, &QTabBar::currentChanged, this, &ReviewQueuePage::switchView);
    root->addWidget(m_views);
    m_viewNote = new QLabel(this);
    m_viewNote->setObjectName(QStringLiteral("reviewViewNote"));
    m_viewNote->setWordWrap(true);
    m_viewNote->setVisible(false);
    root->addWidget(m_viewNote);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new CachedTextDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::ReasonColumn, QHeaderView::Stretch);
    m_table->installEventFilter(this);
    m_table->setToolTip(tr("Arrows move, 1 correct, 2 incorrect, 3 partially correct, Ctrl+Z undo"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showSelected(); });

    m_detail = new ReviewDetailPane(this);
    m_detail->setObjectName(QStringLiteral("reviewDetail"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({1000, 300});
    m_detail->setMinimumWidth(280);
    // The forecast below the queue: the queue keeps most of the height, the reviewer drags more.
    m_forecast = new ForecastPanel(this);
    m_forecast->setObjectName(QStringLiteral("reviewForecast"));
    auto *columns = new QSplitter(Qt::Vertical, this);
    columns->addWidget(split);
    columns->addWidget(m_forecast);
    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 1);
    columns->setSizes({620, 320});
    root->addWidget(columns, 1);

    auto *actions = new QHBoxLayout;
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setPlaceholderText(tr("Optional note for the audit log"));
    // Counted in UTF-16 units, each at most 3 bytes of UTF-8: any note typed here fits the column.
    m_note->setMaxLength(kMaxNoteBytes / 4);
    m_note->setToolTip(tr("Saved with the next verdict; press Tab or click the table to use the keys again"));
    actions->addWidget(m_note, 1);
    const QString labels[3] = {tr("1  Correct"), tr("2  Incorrect"), tr("3  Partially correct")};
    const QString tips[3] = {tr("The decision was right (accuracy 1.0) — key 1"),
                             tr("The decision was wrong (accuracy 0.0) — key 2"),
                             tr("Partly right (accuracy 0.5) — key 3")};
    const Feedback values[3] = {Feedback::Correct, Feedback::Incorrect, Feedback::PartiallyCorrect};
    for (int i = 0; i < 3; ++i) {
        auto *b = new QPushButton(labels[i], this);
        b->setToolTip(tips[i]);
        b->setObjectName(QStringLiteral("verdict%1").arg(i + 1));
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, this, [this, v = values[i]] { recordFeedback(v); });
        m_buttons[static_cast<size_t>(i)] = b;
        actions->addWidget(b);
    }
    root->addLayout(actions);

    // The outbox size is in the window's status bar; this line says what just happened.
    auto *statusRow = new QHBoxLayout;
    m_status = new ElidedLabel(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_rebuildProgress = new QProgressBar(this);
    m_rebuildProgress->setObjectName(QStringLiteral("rebuildProgress"));
    m_rebuildProgress->setRange(0, 0);
    m_rebuildProgress->setMaximumWidth(160);
    m_rebuildProgress->setMaximumHeight(12);
    m_rebuildProgress->setTextVisible(false);
    m_rebuildProgress->setVisible(false);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_rebuildProgress);
    root->addLayout(statusRow);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_tick->start();
    applyLook();
    setWritable(false, {});
}

// Colours from the palette, again on every theme change.
void ReviewQueuePage::applyLook()
{
    const ReviewColors colors = ReviewColors::of(palette());
    m_model->setColors(colors);
    QColor bannerBack = colors.warning;
    bannerBack.setAlpha(40);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: %1; border: 1px solid %2; border-radius: 4px;"
                                           " padding: 6px; color: palette(window-text); }")
                                .arg(bannerBack.name(QColor::HexArgb), colors.warning.name()));
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(colors.muted.name()));
    m_viewNote->setStyleSheet(QStringLiteral("color: %1;").arg(colors.muted.name()));
    for (int i = 0; i < 3; ++i) {
        m_buttons[static_cast<size_t>(i)]->setStyleSheet(
            QStringLiteral("QPushButton { color: white; background: %1; border: none; border-radius: 4px;"
                           " padding: 6px 14px; font-weight: 600; }"
                           " QPushButton:disabled { color: palette(window); background: %2; }")
                .arg(colors.verdict(i).name(), colors.muted.name()));
    }
}

void ReviewQueuePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyLook();
        m_detail->refreshLook();
    } else if (event->type() == QEvent::LanguageChange) {
        fitColumns();
        showViewCounts();
    }
    Page::changeEvent(event);
}

void ReviewQueuePage::fitColumns()
{
    // Sized once per load and language, never per key press (a content-sized header would
    // measure every row on each removal): wide enough for the header, translated ones
    // included, and for the loaded cells; agent and task names are capped (elided, full
    // text in the detail pane) so the reason, which takes the rest, stays readable.
    QHeaderView *header = m_table->horizontalHeader();
    const int x = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    int others = 0;
    for (int c = 0; c < ReviewQueueModel::ColumnCount; ++c) {
        if (c == ReviewQueueModel::ReasonColumn)
            continue;
        m_table->resizeColumnToContents(c);
        int width = std::max(header->sectionSize(c), header->sectionSizeHint(c));
        if (c == ReviewQueueModel::AgentColumn || c == ReviewQueueModel::TaskColumn)
            width = std::min(width, std::max(x * 17, header->sectionSizeHint(c)));
        header->resizeSection(c, width);
        others += width;
    }
    // On a narrow table (a laptop screen, a wide detail pane) the names give up width first,
    // down to 11 characters, so the reason keeps ~32.
    const int shortfall = x * 32 - (m_table->viewport()->width() - others);
    for (int c : {int(ReviewQueueModel::AgentColumn), int(ReviewQueueModel::TaskColumn)}) {
        if (shortfall <= 0)
            break;
        const int floor = std::max(x * 11, header->sectionSizeHint(c));
        header->resizeSection(c, std::max(floor, header->sectionSize(c) - (shortfall + 1) / 2));
    }
}

}  // namespace atalaya
