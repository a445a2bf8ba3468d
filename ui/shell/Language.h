#pragma once

#include <QObject>
#include <QString>

class QTranslator;

namespace atalaya {

// Installs the es/en catalogues (ours from :/i18n, Qt's base one) and swaps them at runtime;
// every widget then receives QEvent::LanguageChange and retranslates itself.
class Language : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject *parent = nullptr);

    // "es", "en", or "" for the system language. Returns the language applied.
    QString apply(const QString &language);
    QString current() const { return m_current; }

private:
    QTranslator *m_own = nullptr;
    QTranslator *m_qt = nullptr;
    QString m_current;
};

}  // namespace atalaya
