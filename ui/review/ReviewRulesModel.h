#pragma once

#include "core/queue/ReviewRules.h"

#include <QAbstractTableModel>

#include <vector>

namespace atalaya {

// The P0–P3 rules as an editable table, one row per condition (Settings → Review queue).
// Cells are checked as they are typed; a row that cannot be a rule keeps its text, is shown
// in red with the reason, and rules() refuses the set until it is fixed. SLAs and the P3
// sample are per priority and live beside the table (ReviewRulesEditor).
class ReviewRulesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        PriorityColumn,
        KindColumn,
        ValueColumn,
        UpToColumn,
        TaskTypesColumn,
        FieldColumn,
        PathColumn,
        LabelColumn,
        ColumnCount
    };

    explicit ReviewRulesModel(QObject *parent = nullptr);

    // Loads the conditions of `rules` (SLAs and samples are kept for rules()).
    void setRules(const ReviewRules &rules);
    // The edited set, or why it is not valid ("Row 3 (P1): …").
    Result<ReviewRules> rules() const;
    // SLA hours and sample percent per priority, edited beside the table.
    PriorityRules &priorityRules(Priority p) { return m_base.priority(p); }
    const ReviewRules &base() const { return m_base; }
    SecondReviewRules &secondReviewRules() { return m_base.secondReview(); }

    int insertRule(Priority p);  // a new "confidence below 0.5" row at the end of p's rows
    void removeRule(int row);
    // The first problem of a row, empty when the row is a valid rule.
    QString problem(int row) const;

    // The editor's choices for the combo-box columns, by EditRole index.
    static QStringList choices(int column);
    static QString kindText(ReviewRule::Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // Any cell changed; the editor re-checks and re-enables Save.
    void edited();

private:
    // What the reviewer typed, kept as text so a half-typed value is not lost.
    struct Row {
        Priority priority = Priority::P0;
        ReviewRule::Kind kind = ReviewRule::Kind::ConfidenceBelow;
        QString value;
        QString upTo;
        bool upToInclusive = false;
        QString taskTypes;
        QString field = QStringLiteral("metadata");
        QString path;
        QString label;
    };

    static Row rowOf(Priority p, const ReviewRule &rule);
    Result<ReviewRule> ruleOf(const Row &row) const;
    QString cellText(const Row &row, int column) const;
    bool usesColumn(const Row &row, int column) const;

    std::vector<Row> m_rows;
    ReviewRules m_base;
};

}  // namespace atalaya
