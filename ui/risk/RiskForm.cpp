#include "ui/risk/RiskForm.h"

#include "core/risk/RiskFeatureLabels.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace atalaya {
namespace {

QDoubleSpinBox *doubleBox(double max, int decimals, double step, const QString &suffix, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false);
    return box;
}

QSpinBox *intBox(int max, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, max);
    box->setKeyboardTracking(false);
    return box;
}

}  // namespace

RiskForm::RiskForm(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    m_cycles = new QComboBox(this);
    m_cycles->setObjectName(QStringLiteral("riskCyclePicker"));
    // The picker's entries ("What-if (typed values)", cycle ids) are longer than the narrow
    // field column beside the longest feature label: it gets the full width, label above.
    auto *cycleLabel = new QLabel(tr("Cycle"), this);
    cycleLabel->setBuddy(m_cycles);
    form->addRow(cycleLabel);
    form->addRow(m_cycles);
    // Fields take the width the labels leave, and a row wraps (label above) when even that
    // is too narrow for the field, in either language.
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_leadTime = doubleBox(1e8, 0, 600, tr(" s"), this);
    m_tests = doubleBox(100, 2, 5, tr(" %"), this);
    m_changes = doubleBox(1e7, 0, 50, tr(" lines"), this);
    m_hour = intBox(23, this);
    m_weekday = new QComboBox(this);
    m_weekday->addItems(
        {tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"), tr("Saturday"), tr("Sunday")});
    m_failures = intBox(100000, this);
    m_velocity = intBox(100000, this);
    m_planning = doubleBox(1e8, 0, 600, tr(" s"), this);
    m_complexity = new QComboBox(this);
    m_complexity->addItems({tr("Low"), tr("Medium"), tr("High"), tr("Critical")});
    m_review = doubleBox(1, 2, 0.05, QString(), this);
    QWidget *fields[] = {m_leadTime, m_tests,    m_changes,  m_hour,       m_weekday,
                         m_failures, m_velocity, m_planning, m_complexity, m_review};
    for (int i = 0; i < kRiskFeatureCount; ++i) {
        fields[i]->setObjectName(riskFeatureName(i));
        fields[i]->setToolTip(riskFeatureName(i));
        form->addRow(riskFeatureLabel(i), fields[i]);
    }
    for (QDoubleSpinBox *b : {m_leadTime, m_tests, m_changes, m_planning, m_review})
        connect(b, &QDoubleSpinBox::valueChanged, this, &RiskForm::edited);
    for (QSpinBox *b : {m_hour, m_failures, m_velocity})
        connect(b, &QSpinBox::valueChanged, this, &RiskForm::edited);
    for (QComboBox *b : {m_weekday, m_complexity})
        connect(b, &QComboBox::currentIndexChanged, this, &RiskForm::edited);
    connect(m_cycles, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            emit cycleRequested(m_cycles->itemText(index));
    });
    // The seed's example request (API 1, option 2).
    setValues({7200, 85, 200, 14, 2, 1, 5, 3600, 2, 0.85});
}

FeatureVector RiskForm::values() const
{
    // Spin boxes round (33.33 % shows as 33.33 but a cycle's value may be 100/3): until the
    // user edits, the values set are the values predicted.
    if (m_exact)
        return *m_exact;
    return {m_leadTime->value(),
            m_tests->value(),
            m_changes->value(),
            double(m_hour->value()),
            double(m_weekday->currentIndex()),
            double(m_failures->value()),
            double(m_velocity->value()),
            m_planning->value(),
            double(m_complexity->currentIndex() + 1),
            m_review->value()};
}

void RiskForm::setValues(const FeatureVector &x)
{
    m_setting = true;
    m_leadTime->setValue(x[int(RiskFeature::LeadTime)]);
    m_tests->setValue(x[int(RiskFeature::TestsPassedPct)]);
    m_changes->setValue(x[int(RiskFeature::CodeChangesSize)]);
    m_hour->setValue(int(x[int(RiskFeature::TimeOfDay)]));
    m_weekday->setCurrentIndex(int(x[int(RiskFeature::DayOfWeek)]));
    m_failures->setValue(int(x[int(RiskFeature::PreviousFailures)]));
    m_velocity->setValue(int(x[int(RiskFeature::TeamVelocity)]));
    m_planning->setValue(x[int(RiskFeature::PlanningDuration)]);
    m_complexity->setCurrentIndex(int(x[int(RiskFeature::FeatureComplexityScore)]) - 1);
    m_review->setValue(x[int(RiskFeature::CodeReviewScore)]);
    m_setting = false;
    m_exact = x;
    emit changed();
}

void RiskForm::setCycles(const QStringList &cycleIds)
{
    const QString current = m_cycles->currentText();
    m_cycles->clear();
    m_cycles->addItem(tr("What-if (typed values)"));
    m_cycles->addItems(cycleIds);
    const int keep = m_cycles->findText(current);
    m_cycles->setCurrentIndex(keep > 0 ? keep : 0);
}

void RiskForm::edited()
{
    if (m_setting)
        return;
    m_exact.reset();
    if (!m_cycleId.isEmpty()) {
        m_cycleId.clear();
        m_cycles->setCurrentIndex(0);
    }
    emit changed();
}

}  // namespace atalaya
