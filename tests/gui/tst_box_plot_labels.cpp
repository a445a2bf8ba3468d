#include "ui/dashboard/DashboardCharts.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QtTest>

using namespace atalaya;

namespace {

std::vector<ExecutionBox> boxes(const QStringList &agents)
{
    std::vector<ExecutionBox> out;
    qint64 base = 150;
    for (const QString &agent : agents) {
        ExecutionBox b;
        b.key = agent;
        b.count = 1000;
        b.minMs = base / 3;
        b.p5Ms = base / 2;
        b.q1Ms = base * 3 / 4;
        b.medianMs = base;
        b.q3Ms = base * 3 / 2;
        b.p95Ms = base * 3;
        b.maxMs = base * 5;
        out.push_back(b);
        base += 50;
    }
    return out;
}

// The bench's and the demo's agents: 12 of them, some short, some long.
QStringList twelveAgents()
{
    return {"agent-planner", "agent-reviewer",          "agent-deployer", "agent-triage", "agent-support",
            "agent-billing", "agent-security",          "agent-data",     "agent-search", "deployment-risk-predictor",
            "agent-qa",      "codereviewassistantprime"};
}

}  // namespace

// The Execution-time page's box plot keeps one readable label per agent: at 12 agents the
// labels used to run into one line.
class TestBoxPlotLabels : public QObject {
    Q_OBJECT
private slots:
    void labelsDoNotOverlap_data()
    {
        QTest::addColumn<QStringList>("agents");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("firstLabel");
        QTest::newRow("12 agents, page width") << twelveAgents() << 780 << "Agent"
                                               << "agent-\nplanner";
        QTest::newRow("12 agents, narrow window") << twelveAgents() << 560 << "Agent"
                                                  << "";
        QTest::newRow("12 agents, wide window") << twelveAgents() << 1300 << "Agent"
                                                << "agent-planner";
        QTest::newRow("3 agents stay whole")
            << QStringList{"agent-planner", "agent-reviewer", "agent-ops"} << 780 << "Agent"
            << "agent-planner";
        QStringList bench;
        for (const QString &a : twelveAgents().mid(0, 9) + QStringList{"ops", "qa", "docs"})
            bench << (a.startsWith(QLatin1String("agent-")) ? a : QStringLiteral("agent-") + a);
        QTest::newRow("the bench's agents: shared prefix dropped")
            << bench << 780 << QString::fromUtf8("Agent (agent-…)") << "planner";
        QTest::newRow("the demo's agents: shared suffix dropped")
            << QStringList{"code-review-agent",   "test-triage-agent", "deploy-gate-agent",   "incident-agent",
                           "security-scan-agent", "cost-agent",        "release-notes-agent", "perf-agent",
                           "data-quality-agent",  "support-agent",     "billing-agent",       "search-agent"}
            << 780 << QString::fromUtf8("Agent (…-agent)") << "code-\nreview";
        QTest::newRow("ids elided alike stay distinct")
            << QStringList{"aaaaaaaaaaaaaaaaaaaa1bbbbbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaaaaaa2bbbbbbbbbbbbbbbbbbbb",
                           "aaaaaaaaaaaaaaaaaaaa3bbbbbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaaaaaa4bbbbbbbbbbbbbbbbbbbb",
                           "aaaaaaaaaaaaaaaaaaaa5bbbbbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaaaaaa6bbbbbbbbbbbbbbbbbbbb",
                           "aaaaaaaaaaaaaaaaaaaa7bbbbbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaaaaaa8bbbbbbbbbbbbbbbbbbbb"}
            << 560 << "Agent"
            << "";
    }

    void labelsDoNotOverlap()
    {
        QFETCH(QStringList, agents);
        QFETCH(int, width);
        QFETCH(QString, title);
        QFETCH(QString, firstLabel);
        QChartView view(charts::latencyBoxChart(charts::ChartStyle::forPrint(), boxes(agents)));
        view.resize(width, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QCoreApplication::processEvents();
        const QString dir = qEnvironmentVariable("ATALAYA_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            view.grab().save(QDir(dir).filePath(
                QStringLiteral("box-plot-%1.png")
                    .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')))));

        auto *axis = qobject_cast<QBarCategoryAxis *>(view.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->count(), agents.size());
        QStringList plain;
        for (const QString &c : axis->categories()) {
            QTextDocument doc;
            doc.setHtml(c);
            plain << doc.toPlainText();
        }
        std::vector<QRectF> rects;
        for (QGraphicsItem *item : view.scene()->items()) {
            auto *text = dynamic_cast<QGraphicsTextItem *>(item);
            if (text && item->isVisible() && plain.contains(text->toPlainText()))
                rects.push_back(item->sceneBoundingRect());
        }
        QCOMPARE(int(rects.size()), int(agents.size()));
        for (size_t i = 0; i < rects.size(); ++i) {
            QVERIFY(rects[i].width() > 0);
            // Inside the view: no label cut off at the left or right edge.
            QVERIFY2(rects[i].left() >= 0 && rects[i].right() <= width,
                     qPrintable(QStringLiteral("label %1 at %2–%3").arg(i).arg(rects[i].left()).arg(rects[i].right())));
            for (size_t j = i + 1; j < rects.size(); ++j)
                QVERIFY2(!rects[i].intersects(rects[j]),
                         qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
        }
        QCOMPARE(axis->titleText(), title);
        if (!firstLabel.isEmpty())
            QCOMPARE(plain.first(), firstLabel);
        if (agents.size() <= 3) {
            for (const QString &agent : agents)
                QVERIFY(plain.contains(agent));
        }
    }
};

QTEST_MAIN(TestBoxPlotLabels)
#include "tst_box_plot_labels.moc"
