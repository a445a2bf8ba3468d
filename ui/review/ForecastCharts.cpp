#include "ui/review/ForecastCharts.h"

#include "ui/common/ChartKit.h"
#include "ui/common/Format.h"
#include "ui/review/ReviewColors.h"

#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

// The charts and table of the forecast panel.
struct ForecastText {
    Q_DECLARE_TR_FUNCTIONS(ForecastCharts)
};

QString oneDecimal(double v)
{
    return QLocale().toString(v, 'f', 1);
}

QString slaText(int hours)
{
    if (hours <= 0)
        return ForecastText::tr("no deadline");
    if (hours % 24 == 0 && hours >= 48)
        return ForecastText::tr("deadline %1 d").arg(hours / 24);
    return ForecastText::tr("deadline %1 h").arg(hours);
}

double hourEnd(const forecast::SimHour &h)
{
    return double(forecast::hourStart(h.hour + 1).toMSecsSinceEpoch());
}

}  // namespace

// In UTC like every time the application shows ("Times in UTC" in the status bar).
QString forecastPointTime(double startMs, double days)
{
    return fmt::dateTime(QDateTime::fromMSecsSinceEpoch(qint64(startMs + days * 86400000.0), Qt::UTC));
}

namespace {

const forecast::Horizon *horizon(const forecast::Forecast &f, int hours)
{
    for (const forecast::Horizon &h : f.horizons)
        if (h.hours == hours)
            return &h;
    return nullptr;
}

}  // namespace

bool forecastCharted(const forecast::ForecastInputs &inputs, Priority p)
{
    return inputs.slaHours[static_cast<size_t>(p)] > 0;
}

std::vector<double> missedByHour(const forecast::Forecast &f, Priority p)
{
    const forecast::ForecastInputs &in = f.inputs;
    const auto i = static_cast<size_t>(p);
    const int sla = in.slaHours[i];
    const double lateShare = in.lateShare(p);
    const qint64 first = forecast::hourNumber(in.now);
    std::vector<double> out;
    out.reserve(f.run.size());
    double due = 0.0;  // deadlines in hours first + 1 … first + H − 1, as deadlinesWithin counts them
    for (size_t at = 0; at < f.run.size(); ++at) {
        const qint64 hours = qint64(at) + 1;
        if (sla > 0 && hours >= 2)
            due += in.arrivals[i][static_cast<size_t>(forecast::hourOfWeek(first + hours - 1 - sla))];
        out.push_back(std::max(f.run[at].breaches[i], lateShare * due));
    }
    return out;
}

QChart *forecastPriorityChart(const charts::ChartStyle &style, const ReviewColors &colors, const forecast::Forecast &f,
                              Priority p)
{
    using namespace charts;
    const forecast::ForecastInputs &in = f.inputs;
    const auto i = static_cast<size_t>(p);
    const QString name = priorityName(p);
    QChart *chart = newChart(style, QStringLiteral("%1 · %2").arg(name, slaText(in.slaHours[i])));
    // One legend for the three charts is under the table (forecastLegendHtml).
    chart->legend()->setVisible(false);
    // Days from now: short labels that fit a small chart; the tooltips give the time (UTC).
    auto *x = new QValueAxis;
    styleAxis(style, x, ForecastText::tr("days from now"));
    chart->addAxis(x, Qt::AlignBottom);
    const double start = double(in.now.toMSecsSinceEpoch());
    const auto days = [start](double msecs) { return (msecs - start) / 86400000.0; };

    auto *pending = new QLineSeries;
    pending->setName(ForecastText::tr("expected pending"));
    pending->setPen(QPen(colors.priority(p), 2));
    pending->append(0.0, double(in.pendingNow[i]));
    for (const forecast::SimHour &h : f.run)
        pending->append(days(hourEnd(h)), h.backlog[i]);
    attachTooltip(pending, [name, start](const QPointF &pt) {
        return ForecastText::tr("%1: %2 pending expected at %3").arg(name, oneDecimal(pt.y()), forecastPointTime(start, pt.x()));
    });

    auto *missed = new QLineSeries;
    missed->setName(ForecastText::tr("deadlines missed from now"));
    missed->setPen(QPen(ChartStyle::bad(), 1.5, Qt::DashLine));
    missed->append(0.0, 0.0);
    const std::vector<double> missedRun = missedByHour(f, p);
    for (size_t at = 0; at < f.run.size(); ++at)
        missed->append(days(hourEnd(f.run[at])), missedRun[at]);
    attachTooltip(missed, [name, start](const QPointF &pt) {
        return ForecastText::tr("%1: %2 deadlines expected missed by %3")
            .arg(name, oneDecimal(pt.y()), forecastPointTime(start, pt.x()));
    });

    double top = 0.0;
    for (const QLineSeries *s : {pending, missed})
        for (const QPointF &pt : s->points())
            top = std::max(top, pt.y());
    // Three side by side, each ~60 px of plot high: three steps keep their labels legible.
    QValueAxis *y = roundedAxis(style, ForecastText::tr("reviews"), std::max(1.0, top * 1.1), 3);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {pending, missed}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    const double end = std::ceil(days(hourEnd(f.run.back())));
    x->setRange(0.0, end);
    x->setTickCount(int(end) + 1);
    x->setLabelFormat(QStringLiteral("%.0f"));
    return chart;
}

QString forecastTableHtml(const forecast::Forecast &f)
{
    const forecast::ForecastInputs &in = f.inputs;
    const forecast::Horizon *day = horizon(f, 24);
    const forecast::Horizon *week = horizon(f, std::min(f.hours, forecast::kDefaultHours));
    auto cell = [](const QString &text) {
        return QStringLiteral("<td align=\"right\" style=\"padding-left:8px\">%1</td>").arg(text.toHtmlEscaped());
    };
    auto head = [](const QString &text, int span = 1) {
        return QStringLiteral("<th colspan=\"%1\" align=\"center\" style=\"padding-left:8px\">%2</th>")
            .arg(span)
            .arg(text.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\"><tr><th></th>")
        + head(ForecastText::tr("Pending"), 3) + head(ForecastText::tr("Overdue"))
        + head(ForecastText::tr("Deadlines missed"), 2) + QStringLiteral("</tr><tr><th></th>");
    for (const QString &h : {ForecastText::tr("now"), ForecastText::tr("24 h"), ForecastText::tr("7 days"),
                             ForecastText::tr("now"), ForecastText::tr("24 h"), ForecastText::tr("7 days")})
        html += head(h);
    html += QStringLiteral("</tr>");
    auto figure = [](const forecast::Horizon *h, auto value) {
        return h ? oneDecimal(value(*h)) : QStringLiteral("—");
    };
    for (int p = 0; p < kPriorityCount; ++p) {
        const auto prio = static_cast<Priority>(p);
        const auto i = static_cast<size_t>(p);
        const bool deadline = in.slaHours[i] > 0;
        html += QStringLiteral("<tr><td>%1 · %2</td>").arg(priorityName(prio), slaText(in.slaHours[i]).toHtmlEscaped());
        html += cell(QLocale().toString(in.pendingNow[i]));
        html += cell(figure(day, [i](const forecast::Horizon &h) { return h.planned.backlog[i]; }));
        html += cell(figure(week, [i](const forecast::Horizon &h) { return h.planned.backlog[i]; }));
        html += cell(deadline ? QLocale().toString(in.overdueNow[i]) : QStringLiteral("—"));
        html += cell(deadline ? figure(day, [i](const forecast::Horizon &h) { return h.breaches[i]; })
                              : QStringLiteral("—"));
        html += cell(deadline ? figure(week, [i](const forecast::Horizon &h) { return h.breaches[i]; })
                              : QStringLiteral("—"));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString forecastLegendHtml()
{
    return ForecastText::tr("<b>━</b> expected pending · <span style=\"color:%1\"><b>╍</b></span> deadlines "
                            "missed from now")
        .arg(charts::ChartStyle::bad().name());
}

}  // namespace atalaya
