#pragma once

#include "ui/common/ChartCard.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace atalaya {

// A titled number with a small caption under it, for live values. (widgets/KpiCard is the
// dashboard's card with a sparkline and a period comparison.) Same card frame and muted
// caption colour as the dashboard's, from the palette, so both themes stay legible.
class LiveKpiCard : public QFrame {
    Q_OBJECT
public:
    // `name`: the object name tests find the card by.
    LiveKpiCard(const QString &name, const QString &title, QWidget *parent = nullptr) : QFrame(parent)
    {
        applyCardStyle(this);
        setObjectName(name);
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(10, 8, 10, 8);
        layout->setSpacing(2);
        m_caption = new QLabel(this);
        m_caption->setObjectName(QStringLiteral("caption"));
        m_caption->setForegroundRole(QPalette::PlaceholderText);
        m_caption->setWordWrap(true);
        QFont small = m_caption->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        small.setWeight(QFont::DemiBold);
        m_caption->setFont(small);
        setTitle(title);
        m_value = new QLabel(QStringLiteral("—"), this);
        QFont f = m_value->font();
        f.setPointSizeF(f.pointSizeF() * 1.7);
        f.setBold(true);
        m_value->setFont(f);
        m_note = new QLabel(this);
        m_note->setForegroundRole(QPalette::PlaceholderText);
        small.setWeight(QFont::Normal);
        m_note->setFont(small);
        layout->addWidget(m_caption);
        layout->addWidget(m_value);
        layout->addWidget(m_note);
        layout->addStretch(1);
    }
    void setTitle(const QString &title) { m_caption->setText(title); }
    void set(const QString &value, const QString &note = {})
    {
        if (m_value->text() != value)
            m_value->setText(value);
        if (m_note->text() != note)
            m_note->setText(note);
    }
    QString title() const { return m_caption->text(); }
    QString value() const { return m_value->text(); }
    QString note() const { return m_note->text(); }

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_note;
};

}  // namespace atalaya
