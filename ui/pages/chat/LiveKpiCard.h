#pragma once

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace atalaya {

// A titled number with a small caption under it, for live values. (widgets/KpiCard is the
// dashboard's card with a sparkline and a period comparison.)
class LiveKpiCard : public QFrame {
    Q_OBJECT
public:
    // `name`: the object name tests find the card by.
    LiveKpiCard(const QString &name, const QString &title, QWidget *parent = nullptr) : QFrame(parent)
    {
        setFrameShape(QFrame::StyledPanel);
        setObjectName(name);
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(10, 8, 10, 8);
        layout->setSpacing(2);
        auto *caption = new QLabel(title, this);
        caption->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 11px;"));
        m_value = new QLabel(QStringLiteral("—"), this);
        QFont f = m_value->font();
        f.setPointSizeF(f.pointSizeF() * 1.7);
        f.setBold(true);
        m_value->setFont(f);
        m_note = new QLabel(this);
        m_note->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 11px;"));
        layout->addWidget(caption);
        layout->addWidget(m_value);
        layout->addWidget(m_note);
    }
    void set(const QString &value, const QString &note = {})
    {
        if (m_value->text() != value)
            m_value->setText(value);
        if (m_note->text() != note)
            m_note->setText(note);
    }
    QString value() const { return m_value->text(); }
    QString note() const { return m_note->text(); }

private:
    QLabel *m_value;
    QLabel *m_note;
};

} // namespace atalaya
