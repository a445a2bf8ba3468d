// Review queue figures (docs/PERFORMANCE.md §Targets, issue 4) on a throwaway MariaDB with
// N decisions (default 1 000 000): first page of 200 items, counts, key press → next item,
// feedback → written, with the load average around the key presses. Prints one JSON object.
// Usage: queue_bench [--rows N] [--keep DIR] [--profile-paint] (1000 table repaints, to run
// under perf).
#include "bench/thread_cpu.h"
#include "core/demo/DemoGenerator.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewQueuePage.h"
#include "core/queue/FeedbackSender.h"
#include "ui/review/PriorityCountChips.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/queue/QueueCountsStore.h"
#include "core/queue/ReviewQueue.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace atalaya;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double maxOf(const std::vector<double> &v)
{
    return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
}

template <typename Fn> std::vector<double> timeRuns(int runs, Fn fn)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    return ms;
}

QMap<QString, QString> readInfo(const QString &path)
{
    QMap<QString, QString> info;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                info.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
    }
    return info;
}

// The machine's load average (1, 5, 15 min): the wall-clock figures depend on it.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

struct PaintCounter : QObject {
    int fullPaints = 0;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            // The rows below the removed one moved up: the whole viewport, not only the
            // selection change, was painted.
            if (static_cast<QPaintEvent *>(event)->region().boundingRect().height()
                >= static_cast<QWidget *>(watched)->height() - 30)
                ++fullPaints;
        }
        return false;
    }
};

void fail(const QString &what)
{
    std::fprintf(stderr, "queue_bench: %s\n", qPrintable(what));
    std::exit(1);
}

}  // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("queue_bench"));
    const QStringList args = app.arguments();
    int rows = 1000000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--rows")); i >= 0 && i + 1 < args.size())
        rows = args.at(i + 1).toInt();
    QTemporaryDir tmp;
    const QString serverDir = tmp.filePath(QStringLiteral("server"));
    if (QProcess::execute(QStringLiteral(ATALAYA_FIXTURE_SCRIPT), {QStringLiteral("start"), serverDir}) != 0)
        fail(QStringLiteral("cannot start MariaDB"));
    const auto info = readInfo(serverDir + QStringLiteral("/info.env"));
    struct Stop {
        QString dir;
        ~Stop() { QProcess::execute(QStringLiteral(ATALAYA_FIXTURE_SCRIPT), {QStringLiteral("stop"), dir}); }
    } stop{serverDir};
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("bench-admin"));
        admin.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + info.value(QStringLiteral("SOCKET")));
        admin.setUserName(info.value(QStringLiteral("USER")));
        admin.setPassword(info.value(QStringLiteral("PASSWORD")));
        if (!admin.open())
            fail(QStringLiteral("admin connection"));
        QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE bench CHARACTER SET utf8mb4"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    auto url = DbUrl::parse(QStringLiteral("mysql://%1@127.0.0.1:%2/bench")
                                .arg(info.value(QStringLiteral("USER")), info.value(QStringLiteral("PORT"))));
    auto opened = Database::open(*url, info.value(QStringLiteral("PASSWORD")));
    if (!opened)
        fail(opened.error().message);
    std::shared_ptr<Database> db = *opened;
    InitOptions init;
    init.addIndexes = true;
    if (auto r = initialize(*db, init); !r)
        fail(r.error().message);

    QElapsedTimer loadTimer;
    loadTimer.start();
    DemoOptions demo;
    demo.decisions = rows;
    demo.days = 365;
    const auto decisions = generateDemoDecisions(demo);
    if (auto r = DecisionRecorder(db).recordBatch(decisions); !r)
        fail(r.error().message);
    const double loadSeconds = loadTimer.elapsed() / 1000.0;
    execStatement(*db, QStringLiteral("ANALYZE TABLE ai_telemetry"), {}, QStringLiteral("analyze"));

    const ReviewRules rules = ReviewRules::defaults();
    const ReviewQueue queue(db, rules);
    QueueFilter filter;
    filter.limit = 200;
    queue.items(filter);  // warm the buffer pool the way a reviewer's first load does
    const auto firstPage = timeRuns(15, [&] { queue.items(filter); });
    QueueFilter p3 = filter;
    p3.priority = Priority::P3;
    const auto p3Page = timeRuns(5, [&] { queue.items(p3); });
    QueueFilter agent = filter;
    agent.agentId = QStringLiteral("incident-summarizer");
    const auto agentPage = timeRuns(5, [&] { queue.items(agent); });
    const auto counts = timeRuns(3, [&] { queue.counts(filter, QDateTime::currentDateTimeUtc()); });

    // Rules edited in Settings: counts from the rows until the counts table is rebuilt for
    // them (what the page does in the background), then from the table again.
    ReviewRules edited = rules;
    edited.priority(Priority::P0).rules.back().value = 0.75;
    const ReviewQueue editedQueue(db, edited);
    const auto editedRawCounts = timeRuns(3, [&] { editedQueue.counts(filter, QDateTime::currentDateTimeUtc()); });
    const auto editedRebuild = timeRuns(1, [&] { queuecounts::rebuild(*db, edited); });
    const auto editedKeptCounts = timeRuns(3, [&] { editedQueue.counts(filter, QDateTime::currentDateTimeUtc()); });
    queuecounts::rebuild(*db, rules);

    // EXPLAIN of the P0 branch: which index walks the pending rows in due order.
    const SqlFragment expr = priorityExpression(rules, db->dialect(), false);
    QVariantList values = expr.values;
    values << 0 << 200;
    auto explain = execQuery(*db,
                             QStringLiteral("EXPLAIN SELECT id FROM ai_telemetry WHERE human_feedback IS NULL AND ")
                                 + expr.sql + QStringLiteral(" = ? ORDER BY created_at, id LIMIT ?"),
                             values, QStringLiteral("explain"));
    QString plan;
    if (explain && explain->next())
        plan = QStringLiteral("type=%1 key=%2 extra=%3")
                   .arg(explain->value(QStringLiteral("type")).toString(),
                        explain->value(QStringLiteral("key")).toString(),
                        explain->value(QStringLiteral("Extra")).toString());

    // The page: key press → next item shown, then feedback → written.
    ReviewQueuePage page({db, nullptr});
    page.resize(1400, 900);
    page.show();
    QSignalSpy loaded(&page, &Page::loadFinished);
    QSignalSpy shown(&page, &ReviewQueuePage::itemsShown);
    auto *table = page.findChild<QTableView *>(QStringLiteral("reviewTable"));
    auto *queueModel = qobject_cast<ReviewQueueModel *>(table->model());
    QElapsedTimer pageTimer;
    pageTimer.start();
    page.refresh();
    shown.wait(60000);
    const double firstPaintMs = pageTimer.elapsed();
    if (loaded.isEmpty())
        loaded.wait(120000);
    const double pageLoadMs = pageTimer.elapsed();
    // Key → next item as the reviewer sees it: the key handled, then what the event loop does
    // next, once (layouts, then one paint of the regions the key made dirty: table, detail,
    // chips, status line).
    PaintCounter paints;
    table->viewport()->installEventFilter(&paints);
    std::vector<double> frameMs;
    std::vector<double> frameCpuMs;
    std::vector<double> settleMs;
    int keysWithoutFullTablePaint = 0;
    const QString loadBeforeKeys = loadAverage();
    for (int i = 0; i < 50 && queueModel->rowCount() > 1; ++i) {
        QSignalSpy settled(&page, &ReviewQueuePage::feedbackSettled);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, QStringLiteral("1"));
        const int fullBefore = paints.fullPaints;
        QElapsedTimer t;
        t.start();
        const double cpu0 = bench::threadCpuMs();
        QApplication::sendEvent(table, &press);
        QElapsedTimer cap;
        cap.start();
        while (paints.fullPaints == fullBefore && cap.elapsed() < 1000)
            QCoreApplication::processEvents();
        frameMs.push_back(t.nsecsElapsed() / 1e6);
        frameCpuMs.push_back(bench::threadCpuMs() - cpu0);
        keysWithoutFullTablePaint += paints.fullPaints == fullBefore ? 1 : 0;
        if (settled.isEmpty())
            settled.wait(5000);
        settleMs.push_back(t.nsecsElapsed() / 1e6);
    }
    // The same keys with every part repainted by force (an upper bound: the table paints twice).
    std::vector<double> keyMs;
    std::vector<double> handledMs;
    std::vector<double> pagePaintedMs;
    std::vector<double> pagePaintedCpuMs;
    for (int i = 0; i < 50 && queueModel->rowCount() > 1; ++i) {
        QSignalSpy settled(&page, &ReviewQueuePage::feedbackSettled);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_1, Qt::NoModifier, QStringLiteral("1"));
        QElapsedTimer t;
        t.start();
        const double cpu0 = bench::threadCpuMs();
        QApplication::sendEvent(table, &press);
        handledMs.push_back(t.nsecsElapsed() / 1e6);
        table->viewport()->repaint();
        keyMs.push_back(t.nsecsElapsed() / 1e6);
        // Everything the key changed on screen: table, detail pane, count chips.
        page.repaint();
        pagePaintedMs.push_back(t.nsecsElapsed() / 1e6);
        pagePaintedCpuMs.push_back(bench::threadCpuMs() - cpu0);
        if (settled.isEmpty())
            settled.wait(5000);
    }
    const QString loadAfterKeys = loadAverage();
    // What one repaint costs with nothing changed, per part of the page.
    const int paintRuns = args.contains(QStringLiteral("--profile-paint")) ? 1000 : 20;
    const auto paintTable = timeRuns(paintRuns, [&] { table->viewport()->repaint(); });
    // The model's share of a table paint: the roles the delegate asks for, for 30 queueModel.
    const auto modelData = timeRuns(20, [&] {
        for (int r = 0; r < std::min(30, queueModel->rowCount()); ++r) {
            for (int c = 0; c < ReviewQueueModel::ColumnCount; ++c) {
                for (int role : {Qt::DisplayRole, Qt::DecorationRole, Qt::FontRole, Qt::TextAlignmentRole,
                                 Qt::ForegroundRole, Qt::BackgroundRole, Qt::CheckStateRole})
                    queueModel->index(r, c).data(role);
            }
        }
    });
    auto *detail = page.findChild<QTextBrowser *>();
    const auto paintDetail = timeRuns(20, [&] { detail->viewport()->repaint(); });
    QWidget *chips = page.findChild<PriorityCountChips *>();
    const auto paintChips = timeRuns(20, [&] { chips->repaint(); });
    FeedbackSender sender(db, nullptr);
    std::vector<double> writeMs;
    auto pending = queue.items(filter);
    for (int i = 0; i < 30 && pending && i < static_cast<int>(pending->size()); ++i) {
        OutboxEntry e;
        e.telemetryId = (*pending)[static_cast<size_t>(i) + 100].id;
        e.value = Feedback::Correct;
        e.expectedPrevious = QString();
        e.reviewer = QStringLiteral("bench");
        QElapsedTimer t;
        t.start();
        sender.send(e);
        writeMs.push_back(t.nsecsElapsed() / 1e6);
    }

    const QJsonObject out{
        {QStringLiteral("backend"), QStringLiteral("mariadb ") + db->serverVersion()},
        {QStringLiteral("decisions"), rows},
        {QStringLiteral("load_seconds"), loadSeconds},
        {QStringLiteral("first_page_200_ms_median"), median(firstPage)},
        {QStringLiteral("first_page_200_ms_max"), maxOf(firstPage)},
        {QStringLiteral("p3_page_ms_median"), median(p3Page)},
        {QStringLiteral("agent_filtered_page_ms_median"), median(agentPage)},
        {QStringLiteral("counts_ms_median"), median(counts)},
        {QStringLiteral("edited_rules_counts_from_rows_ms_median"), median(editedRawCounts)},
        {QStringLiteral("edited_rules_rebuild_ms"), maxOf(editedRebuild)},
        {QStringLiteral("edited_rules_counts_from_table_ms_median"), median(editedKeptCounts)},
        {QStringLiteral("p0_plan"), plan},
        {QStringLiteral("page_first_paint_ms"), firstPaintMs},
        {QStringLiteral("page_load_with_counts_ms"), pageLoadMs},
        {QStringLiteral("load_average_before_keys"), loadBeforeKeys},
        {QStringLiteral("load_average_after_keys"), loadAfterKeys},
        {QStringLiteral("key_to_frame_ms_median"), median(frameMs)},
        {QStringLiteral("key_to_frame_ms_max"), maxOf(frameMs)},
        {QStringLiteral("key_to_frame_ui_cpu_ms_median"), median(frameCpuMs)},
        {QStringLiteral("key_to_frame_ui_cpu_ms_max"), maxOf(frameCpuMs)},
        {QStringLiteral("keys_without_full_table_paint"), keysWithoutFullTablePaint},
        {QStringLiteral("key_to_next_item_ms_median"), median(keyMs)},
        {QStringLiteral("key_to_next_item_ms_max"), maxOf(keyMs)},
        {QStringLiteral("key_handled_ms_median"), median(handledMs)},
        {QStringLiteral("key_handled_ms_max"), maxOf(handledMs)},
        {QStringLiteral("key_to_page_painted_ms_median"), median(pagePaintedMs)},
        {QStringLiteral("key_to_page_painted_ms_max"), maxOf(pagePaintedMs)},
        {QStringLiteral("key_to_page_painted_ui_cpu_ms_median"), median(pagePaintedCpuMs)},
        {QStringLiteral("key_to_page_painted_ui_cpu_ms_max"), maxOf(pagePaintedCpuMs)},
        {QStringLiteral("repaint_table_ms_median"), median(paintTable)},
        {QStringLiteral("model_data_30_rows_ms_median"), median(modelData)},
        {QStringLiteral("repaint_detail_ms_median"), median(paintDetail)},
        {QStringLiteral("repaint_chips_ms_median"), median(paintChips)},
        {QStringLiteral("key_to_written_ms_median"), median(settleMs)},
        {QStringLiteral("key_to_written_ms_max"), maxOf(settleMs)},
        {QStringLiteral("feedback_write_ms_median"), median(writeMs)},
        {QStringLiteral("targets"),
         QJsonObject{{QStringLiteral("first_page_200_ms"), 50},
                     {QStringLiteral("key_to_next_item_ms"), 16},
                     {QStringLiteral("feedback_written_and_counts_ms"), 300}}},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
