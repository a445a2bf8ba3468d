#pragma once

#include <QLabel>

namespace atalaya {

// A one-line plain-text label that never asks for more width than it is given: a long text
// (an error with the server's message) is cut with "…" and is whole in the tooltip.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

}  // namespace atalaya
