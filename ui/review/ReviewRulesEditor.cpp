#include "ui/review/ReviewRulesEditor.h"

#include "ui/review/ReviewRulesModel.h"
#include "ui/review/ReviewColors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace atalaya {
namespace {

// Priority, condition and "in" are chosen from a list, the rest is typed.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QStringList choices = ReviewRulesModel::choices(index.column());
        if (choices.isEmpty())
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *box = new QComboBox(parent);
        box->addItems(choices);
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor))
            box->setCurrentIndex(index.data(Qt::EditRole).toInt());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *box = qobject_cast<QComboBox *>(editor))
            model->setData(index, box->currentIndex(), Qt::EditRole);
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

}  // namespace

ReviewRulesEditor::ReviewRulesEditor(QWidget *parent) : QWidget(parent)
{
    auto *root = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each pending decision gets the most urgent priority with a matching condition. "
                                "Changes apply to the queue and its counts as soon as they are saved."),
                             this);
    intro->setWordWrap(true);
    root->addWidget(intro);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Review within (hours, 0 = no deadline)"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Share queued (%)"), this), 0, 2);
    for (int i = 0; i < kPriorityCount; ++i) {
        const auto p = static_cast<Priority>(i);
        auto *name = new QLabel(
            QStringLiteral("<b style='color:%1'>%2</b>").arg(ReviewColors::of().priority(p).name(), priorityName(p)),
            this);
        auto *sla = new QSpinBox(this);
        sla->setRange(0, 24 * 366);
        sla->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
        sla->setObjectName(QStringLiteral("sla%1").arg(priorityName(p)));
        sla->setToolTip(tr("Hours from the decision to its review deadline; 0 = no deadline"));
        auto *sample = new QSpinBox(this);
        sample->setRange(0, 100);
        sample->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
        sample->setSuffix(QStringLiteral(" %"));
        sample->setObjectName(QStringLiteral("sample%1").arg(priorityName(p)));
        sample->setToolTip(
            tr("Only this stable share of the matching decisions is queued (the same for every reviewer)"));
        connect(sla, &QSpinBox::valueChanged, this, [this, p](int v) {
            if (!m_loading) {
                m_model->priorityRules(p).slaHours = v;
                check();
            }
        });
        connect(sample, &QSpinBox::valueChanged, this, [this, p](int v) {
            if (!m_loading) {
                m_model->priorityRules(p).samplePercent = v;
                check();
            }
        });
        m_sla[static_cast<size_t>(i)] = sla;
        m_sample[static_cast<size_t>(i)] = sample;
        grid->addWidget(name, i + 1, 0);
        grid->addWidget(sla, i + 1, 1);
        grid->addWidget(sample, i + 1, 2);
    }
    grid->setColumnStretch(3, 1);
    root->addLayout(grid);

    auto *second = new QHBoxLayout;
    second->addWidget(new QLabel(tr("Second review of reviewed decisions"), this));
    m_secondSample = new QSpinBox(this);
    m_secondSample->setObjectName(QStringLiteral("secondReviewPercent"));
    m_secondSample->setRange(0, 100);
    m_secondSample->setSuffix(QStringLiteral(" %"));
    m_secondSample->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    m_secondSample->setToolTip(tr("This stable share of the reviewed decisions gets a blind second review by "
                                  "another reviewer; disagreements go to adjudication"));
    m_secondAllP0 = new QCheckBox(tr("and every P0"), this);
    m_secondAllP0->setObjectName(QStringLiteral("secondReviewAllP0"));
    m_secondAllP0->setToolTip(tr("Every reviewed P0 decision gets a second review too"));
    connect(m_secondSample, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_loading) {
            m_model->secondReviewRules().samplePercent = v;
            check();
        }
    });
    connect(m_secondAllP0, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading) {
            m_model->secondReviewRules().allP0 = on;
            check();
        }
    });
    second->addWidget(m_secondSample);
    second->addWidget(m_secondAllP0);
    second->addStretch(1);
    root->addLayout(second);

    m_model = new ReviewRulesModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new ChoiceDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // Long task-type lists are elided (full text in the editor) so key and reason stay in view.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewRulesModel::TaskTypesColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewRulesModel::LabelColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(ReviewRulesModel::TaskTypesColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
    root->addWidget(m_table, 1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("rulesProblem"));
    root->addWidget(m_problem);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add condition"), this);
    auto *addMenu = new QMenu(add);
    for (int i = 0; i < kPriorityCount; ++i) {
        const auto p = static_cast<Priority>(i);
        addMenu->addAction(tr("to %1").arg(priorityName(p)), this, [this, p] {
            const int row = m_model->insertRule(p);
            m_table->selectRow(row);
            m_table->edit(m_model->index(row, ReviewRulesModel::KindColumn));
        });
    }
    add->setMenu(addMenu);
    m_remove = new QPushButton(tr("Remove condition"), this);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            m_model->removeRule(current.row());
    });
    auto *reset = new QPushButton(tr("Reset to defaults"), this);
    reset->setToolTip(tr("The rules of the review guide: P0 deployments, rollbacks and confidence below 0.70, …"));
    connect(reset, &QPushButton::clicked, this, &ReviewRulesEditor::resetToDefaults);
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(reset);
    root->addLayout(buttons);

    connect(m_model, &ReviewRulesModel::edited, this, &ReviewRulesEditor::check);
    setRules(ReviewRules::defaults());
}

void ReviewRulesEditor::setRules(const ReviewRules &rules)
{
    m_model->setRules(rules);
    showPriorities();
    check();
}

void ReviewRulesEditor::resetToDefaults()
{
    setRules(ReviewRules::defaults());
}

Result<ReviewRules> ReviewRulesEditor::rules() const
{
    return m_model->rules();
}

void ReviewRulesEditor::showPriorities()
{
    m_loading = true;
    for (int i = 0; i < kPriorityCount; ++i) {
        const PriorityRules &p = m_model->base().priority(static_cast<Priority>(i));
        m_sla[static_cast<size_t>(i)]->setValue(p.slaHours);
        m_sample[static_cast<size_t>(i)]->setValue(p.samplePercent);
    }
    m_secondSample->setValue(m_model->base().secondReview().samplePercent);
    m_secondAllP0->setChecked(m_model->base().secondReview().allP0);
    m_loading = false;
}

void ReviewRulesEditor::check()
{
    const auto result = m_model->rules();
    const ReviewColors colors = ReviewColors::of(palette());
    if (result) {
        m_problem->setText(
            QStringLiteral("<span style='color:%1'>%2</span>").arg(colors.ok.name(), tr("The rules are valid.")));
    } else {
        m_problem->setText(QStringLiteral("<span style='color:%1;font-weight:600'>%2</span>")
                               .arg(colors.danger.name(), result.error().message.toHtmlEscaped()));
    }
    emit validityChanged(result.ok());
}

}  // namespace atalaya
