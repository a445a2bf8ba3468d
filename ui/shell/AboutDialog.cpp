#include "ui/shell/AboutDialog.h"

#include "ui/common/AsyncRun.h"
#include "ui/common/DatabasePool.h"
#include "core/risk/DlibForest.h"
#include "core/storage/Database.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace atalaya {

QString databaseServerName(bool sqlite, const QString &version)
{
    if (version.isEmpty())
        return {};
    if (sqlite)
        return QStringLiteral("SQLite ") + version;
    // MariaDB answers VERSION() with "10.11.6-MariaDB-0+deb12u1"; MySQL with "8.0.36".
    if (version.contains(QLatin1String("mariadb"), Qt::CaseInsensitive))
        return QStringLiteral("MariaDB ") + version.section(QLatin1Char('-'), 0, 0);
    return QStringLiteral("MySQL ") + version;
}

AboutDialog::AboutDialog(std::shared_ptr<const Database> db, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Atalaya"));
    auto *root = new QVBoxLayout(this);
    auto *heading = new QLabel(this);
    heading->setText(QStringLiteral("<h2>Atalaya</h2><p>%1</p>")
                         .arg(tr("Review, measure and gate the decisions of AI agents in production.")));
    heading->setWordWrap(true);
    root->addWidget(heading);

    auto *form = new QFormLayout;
    auto selectable = [this](const QString &text) {
        auto *label = new QLabel(text, this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_atalaya = selectable(QStringLiteral(ATALAYA_VERSION));
    m_qt = selectable(QString::fromLatin1(qVersion()));
    m_dlib = selectable(dlibVersion());
    m_database = selectable(db ? tr("asking the server…") : tr("not connected"));
    m_database->setObjectName(QStringLiteral("databaseVersion"));
    form->addRow(QStringLiteral("Atalaya"), m_atalaya);
    form->addRow(QStringLiteral("Qt"), m_qt);
    form->addRow(QStringLiteral("dlib"), m_dlib);
    form->addRow(tr("Database server"), m_database);
    root->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    root->addWidget(buttons);

    if (!db)
        return;
    const bool sqlite = db->backend() == Backend::SQLite;
    runAsync<QString>(
        this, databasePool(), [db] { return db->serverVersion(); },
        [this, sqlite](const QString &version) {
            const QString name = databaseServerName(sqlite, version);
            showDatabaseVersion(name.isEmpty() ? tr("unknown (the server did not answer)") : name);
        });
}

void AboutDialog::showDatabaseVersion(const QString &text)
{
    m_database->setText(text);
    emit databaseVersionShown();
}

}  // namespace atalaya
