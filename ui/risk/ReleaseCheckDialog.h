#pragma once

#include "core/common/Result.h"
#include "core/release/ReleaseRules.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace atalaya {

class ReleaseReasonsModel;

// The verdict of a release check with its reasons (one row per rule) and "Save PDF…", the
// page the CLI's --pdf writes.
class ReleaseCheckDialog : public QDialog {
    Q_OBJECT
public:
    // recorded: the telemetry id of the recorded check, or the error that kept it from being recorded.
    ReleaseCheckDialog(ReleaseCheck check, const Result<qint64> &recorded, QWidget *parent = nullptr);

    const ReleaseCheck &check() const { return m_check; }
    // Writes the PDF to `file` and says so (or why not) in the dialog.
    Status savePdf(const QString &file);

private:
    void choosePdf();

    ReleaseCheck m_check;
    ReleaseReasonsModel *m_reasons = nullptr;
    QLabel *m_status = nullptr;
};

}  // namespace atalaya
