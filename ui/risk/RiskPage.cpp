#include "ui/risk/RiskPage.h"

#include "ui/common/AsyncRun.h"
#include "ui/common/DatabasePool.h"
#include "ui/common/LatestLoader.h"
#include "ui/risk/ReleaseCheckDialog.h"
#include "ui/risk/RiskBatchPanel.h"
#include "ui/risk/RiskMonitorPanel.h"
#include "ui/risk/RiskCharts.h"
#include "core/dashboard/PageReads.h"
#include "core/ingest/ReleaseCheckRecorder.h"
#include "core/ingest/RiskCheckRecorder.h"
#include "core/release/ReleaseCheck.h"
#include "core/risk/RiskDataSource.h"
#include "ui/risk/RiskForm.h"
#include "ui/risk/RiskModelPanel.h"
#include "core/risk/RiskModelStore.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QElapsedTimer>
#include <QLocale>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace atalaya {
namespace {

struct PageData {
    std::optional<RiskModel> model;
    QStringList cycles;
    std::vector<StoredModelInfo> versions;
};

Result<PageData> loadPageData(const std::shared_ptr<const Database> &db)
{
    PageData data;
    auto model = RiskModelStore(db).loadActive();
    if (model)
        data.model = std::move(*model);
    else if (model.error().code != ErrorCode::NoModel)
        return model.error();
    auto cycles = RiskDataSource(db).recentCycles(kRiskRecentCycles);
    if (!cycles)
        return cycles.error();
    data.cycles = *cycles;
    auto versions = RiskModelStore(db).list();
    if (!versions)
        return versions.error();
    data.versions = std::move(*versions);
    return data;
}

QString stageText(const QString &stage)
{
    if (stage == QLatin1String("reading"))
        return RiskPage::tr("Reading the history…");
    if (stage == QLatin1String("settings search"))
        return RiskPage::tr("Choosing settings by cross-validation…");
    if (stage == QLatin1String("training"))
        return RiskPage::tr("Growing trees…");
    if (stage == QLatin1String("cross-validation") || stage == QLatin1String("time split"))
        return RiskPage::tr("Evaluating…");
    if (stage == QLatin1String("importance"))
        return RiskPage::tr("Feature importance…");
    return RiskPage::tr("Done");
}

}  // namespace

RiskPage::RiskPage(const AppContext &context, QWidget *parent)
    : Page(context, parent), m_pageLoader(new LatestLoader(this)), m_predictLoader(new LatestLoader(this)),
      m_cycleLoader(new LatestLoader(this))
{
    auto *layout = new QHBoxLayout(this);

    // The what-if form for one deployment, or several recorded cycles at once.
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("riskTabs"));
    auto *formBox = new QWidget(tabs);
    auto *formLayout = new QVBoxLayout(formBox);
    m_form = new RiskForm(formBox);
    formLayout->addWidget(m_form);
    m_record = new QPushButton(tr("Record this check"), formBox);
    m_record->setObjectName(QStringLiteral("riskRecord"));
    m_record->setToolTip(
        tr("Writes the prediction as a decision of deployment-risk-predictor, so reviewers can judge it"));
    m_record->setEnabled(false);
    formLayout->addWidget(m_record);
    m_releaseCheck = new QPushButton(tr("Release check…"), formBox);
    m_releaseCheck->setObjectName(QStringLiteral("riskReleaseCheck"));
    m_releaseCheck->setToolTip(tr("Go / no-go for the picked cycle: its risk, the involved agents' reviews, alerts "
                                  "and calibration, and the model's age and AUC. The check is recorded."));
    m_releaseCheck->setEnabled(false);
    formLayout->addWidget(m_releaseCheck);
    m_status = new QLabel(formBox);
    m_status->setObjectName(QStringLiteral("riskStatus"));
    m_status->setWordWrap(true);
    formLayout->addWidget(m_status);
    formLayout->addStretch(1);
    tabs->addTab(formBox, tr("Deployment"));
    m_batch = new RiskBatchPanel(tabs);
    // The results table's width must not widen the form's column: the model panel's charts
    // beside it elide every label below ~380 px.
    m_batch->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    tabs->addTab(m_batch, tr("Several cycles"));
    m_monitor = new RiskMonitorPanel(tabs);
    m_monitor->setObjectName(QStringLiteral("riskMonitor"));
    tabs->addTab(m_monitor, tr("Monitoring"));
    tabs->setMaximumWidth(330);  // wider, the model panel's charts elide every label at 1400 px
    // Every tab stays readable: the column's minimum width is the tab bar's (the short names fit
    // within 330 px in English and Spanish) instead of scroll arrows over cut names.
    tabs->tabBar()->setUsesScrollButtons(false);
    tabs->tabBar()->setElideMode(Qt::ElideNone);
    tabs->setTabToolTip(2, tr("Model monitoring: the model's age, the accuracy of its recorded predictions, their "
                              "risk scores and each feature's drift from the training data"));
    layout->addWidget(tabs, 0);

    auto *resultBox = new QGroupBox(tr("Prediction"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    m_level = new QLabel(resultBox);
    m_level->setObjectName(QStringLiteral("riskLevel"));
    QFont big = m_level->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_level->setFont(big);
    resultLayout->addWidget(m_level);
    m_gauge = new RiskGauge(resultBox);
    resultLayout->addWidget(m_gauge);
    m_numbers = new QLabel(resultBox);
    m_numbers->setWordWrap(true);
    resultLayout->addWidget(m_numbers);
    m_contributions = new ContributionChart(resultBox);
    resultLayout->addWidget(m_contributions, 1);
    m_recommendations = new QLabel(resultBox);
    m_recommendations->setObjectName(QStringLiteral("riskRecommendations"));
    m_recommendations->setTextFormat(Qt::RichText);
    m_recommendations->setWordWrap(true);
    resultLayout->addWidget(m_recommendations);
    // Equal shares: the importance chart's feature names and the versions table need the
    // width as much as the contributions chart does.
    layout->addWidget(resultBox, 1);

    m_panel = new RiskModelPanel(this);
    layout->addWidget(m_panel, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &RiskPage::predict);
    connect(m_form, &RiskForm::changed, this, &RiskPage::schedulePrediction);
    connect(m_form, &RiskForm::cycleRequested, this, &RiskPage::loadCycle);
    connect(m_record, &QPushButton::clicked, this, &RiskPage::recordCheck);
    connect(m_releaseCheck, &QPushButton::clicked, this, &RiskPage::releaseCheck);
    connect(m_panel, &RiskModelPanel::retrainRequested, this, &RiskPage::retrain);
    connect(m_panel, &RiskModelPanel::activateRequested, this, &RiskPage::activate);
    connect(m_panel, &RiskModelPanel::cancelRequested, this, [this] {
        if (m_training)
            m_training->cancel();
    });
}

RiskPage::~RiskPage() = default;

void RiskPage::refresh()
{
    m_loadPending = true;
    setStatus(tr("Loading…"));
    auto db = m_context.db;
    if (!db) {
        m_pageLoader->drop();
        finishLoad(false, tr("Not connected to a database"));
        return;
    }
    m_pageLoader->run<Result<PageData>>(
        [db] { return loadPageData(db); },
        [this, db](Result<PageData> data) {
            if (!data) {
                finishLoad(false, data.error().message);
                return;
            }
            m_model = data->model ? std::make_shared<const RiskModel>(std::move(*data->model)) : nullptr;
            m_panel->showModel(m_model.get());
            m_panel->showVersions(data->versions);
            m_form->setCycles(data->cycles);
            m_batch->setSource(db, m_model);
            m_batch->setCycles(data->cycles);
            m_monitor->setSource(db);
            updateReleaseCheck();
            if (!m_model) {
                m_level->setText(tr("No model yet"));
                m_gauge->setScore(std::nullopt);
                m_contributions->clear();
                m_recommendations->clear();
                m_numbers->setText(tr("Train a model with Retrain to predict deployment risk."));
                m_record->setEnabled(false);
                finishLoad(true, {});
                return;
            }
            predict();
        });
}

void RiskPage::finishLoad(bool ok, const QString &error)
{
    setStatus(ok ? QString() : error);
    if (!m_loadPending)
        return;
    m_loadPending = false;
    emit loadFinished(ok, error);
}

void RiskPage::schedulePrediction()
{
    // Until the new prediction is on screen, recording would file the previous one.
    m_record->setEnabled(false);
    updateReleaseCheck();
    if (m_model)
        m_debounce->start();
}

void RiskPage::predict()
{
    if (!m_model)
        return;
    const FeatureVector raw = m_form->values();
    if (Status valid = validateFeatures(raw); !valid) {
        m_predictLoader->drop();
        setStatus(valid.error().message);
        return;
    }
    m_predictLoader->run<RiskPrediction>(
        [model = m_model, raw] { return explainRisk(*model, raw, riskLanguageFrom(QString())); },
        [this](const RiskPrediction &prediction) {
            showPrediction(prediction);
            finishLoad(true, {});
        });
}

void RiskPage::showPrediction(const RiskPrediction &p)
{
    m_prediction = p;
    const QLocale locale;
    m_level->setText(QStringLiteral("%1 — %2").arg(riskHeadline(p.level), locale.toString(p.riskScore, 'f', 2)));
    m_gauge->setScore(p.riskScore);
    m_numbers->setText(tr("risk score %1 · confidence %2 · calibrated failure probability %3 % · base %4 · model %5")
                           .arg(locale.toString(p.riskScore, 'f', 3), locale.toString(p.confidence, 'f', 2),
                                locale.toString(p.failureProbability * 100, 'f', 1),
                                locale.toString(p.baseValue, 'f', 3), m_model->version));
    m_contributions->setContributions(p.contributions, p.baseValue);
    QString list = QStringLiteral("<b>%1</b><ul>").arg(tr("Recommendations").toHtmlEscaped());
    for (const QString &r : p.recommendations)
        list += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
    m_recommendations->setText(list + QStringLiteral("</ul>"));
    m_record->setEnabled(true);
}

void RiskPage::loadCycle(const QString &cycleId)
{
    auto db = m_context.db;
    if (!db)
        return;
    setStatus(tr("Loading cycle %1…").arg(cycleId));
    auto read = [db, cycleId] { return RiskDataSource(db).cycle(cycleId); };
    m_cycleLoader->run<Result<CycleSample>>(read, [this, cycleId](const Result<CycleSample> &sample) {
        if (!sample) {
            setStatus(sample.error().message);
            return;
        }
        setStatus(sample->failed ? tr("Cycle %1 failed in reality.").arg(cycleId)
                                 : tr("Cycle %1 succeeded in reality.").arg(cycleId));
        m_form->setValues(sample->raw);
        m_form->setCycleId(cycleId);
        updateReleaseCheck();
    });
}

void RiskPage::updateReleaseCheck()
{
    m_releaseCheck->setEnabled(!m_checking && m_model && m_context.db && !m_form->cycleId().isEmpty());
}

void RiskPage::releaseCheck()
{
    const QString cycle = m_form->cycleId();
    if (cycle.isEmpty() || !m_context.db || m_checking)
        return;
    m_checking = true;
    updateReleaseCheck();
    setStatus(tr("Checking cycle %1…").arg(cycle));
    struct Outcome {
        Result<ReleaseCheck> check;
        Result<qint64> recorded = qint64(0);
    };
    // Every check asked for is judged and recorded: like a recorded prediction, never superseded.
    runAsync<Outcome>(
        this, databasePool(),
        [db = m_context.db, cycle] {
            ReleaseRequest request;
            request.cycleId = cycle;
            request.language = riskLanguageFrom(QString());
            QElapsedTimer timer;
            timer.start();
            Outcome out{runReleaseCheck(db, request)};
            if (out.check)
                out.recorded =
                    recordReleaseCheck(db, *out.check, timer.nsecsElapsed() / 1e6, QStringLiteral("atalaya"));
            return out;
        },
        [this](const Outcome &out) {
            m_checking = false;
            updateReleaseCheck();
            if (!out.check) {
                setStatus(out.check.error().message);
                return;
            }
            setStatus(QString());
            auto *dialog = new ReleaseCheckDialog(*out.check, out.recorded, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
            emit releaseCheckShown(dialog);
        });
}

void RiskPage::recordCheck()
{
    if (!m_prediction || !m_model || !m_context.db)
        return;
    m_record->setEnabled(false);
    // Every check asked for is written and answered: a write is never superseded.
    runAsync<Result<RecordedCheck>>(
        this, databasePool(),
        [db = m_context.db, model = m_model, p = *m_prediction, cycle = m_form->cycleId()] {
            return recordRiskCheck(db, p, *model, cycle, std::nullopt, p.explainMs, QStringLiteral("atalaya"));
        },
        [this](const Result<RecordedCheck> &r) {
            m_record->setEnabled(true);
            setStatus(r ? tr("Recorded as decision #%1; it now waits for review.").arg(r->telemetryId)
                        : r.error().message);
        });
}

void RiskPage::retrain(int days, bool activateAnyway)
{
    if (m_training || !m_context.db)
        return;
    m_panel->setTraining(true);
    m_panel->setMessage(QString());
    m_training = new QFutureWatcher<Result<TrainOutcome>>(this);
    connect(m_training, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        m_panel->setProgress(value, m_training->progressMaximum(), stageText(m_training->progressText()));
    });
    connect(m_training, &QFutureWatcherBase::finished, this, [this] {
        QFutureWatcher<Result<TrainOutcome>> *watcher = m_training;
        m_training = nullptr;
        watcher->deleteLater();
        m_panel->setTraining(false);
        if (watcher->isCanceled() || watcher->future().resultCount() == 0) {
            m_panel->setMessage(tr("Training cancelled; nothing stored."));
            return;
        }
        const Result<TrainOutcome> r = watcher->result();
        if (!r) {
            m_panel->setMessage(r.error().message);
            return;
        }
        m_panel->setMessage(
            r->activated ? tr("Stored and activated %1.").arg(r->model.version)
                         : tr("Stored %1 but not activated: the validation checks failed.").arg(r->model.version));
        refresh();
    });
    TrainRequest request;
    request.days = days;
    request.activateAnyway = activateAnyway;
    m_training->setFuture(
        QtConcurrent::run(databasePool(), [db = m_context.db, request](QPromise<Result<TrainOutcome>> &promise) {
            TrainingMonitor monitor;
            monitor.progress = [&promise](int done, int total, const QString &stage) {
                promise.setProgressRange(0, total);
                promise.setProgressValueAndText(done, stage);
            };
            monitor.cancelled = [&promise] { return promise.isCanceled(); };
            promise.addResult(RiskService(db).train(request, monitor));
        }));
}

void RiskPage::activate(const QString &version)
{
    runAsync<Result<QString>>(
        this, databasePool(), [db = m_context.db, version] { return RiskModelStore(db).activate(version); },
        [this, version](const Result<QString> &r) {
            m_panel->setMessage(r ? tr("%1 is now the active model.").arg(version) : r.error().message);
            if (r)
                refresh();
        });
}

void RiskPage::setStatus(const QString &text)
{
    m_status->setText(text);
}

}  // namespace atalaya
