#include "ui/shell/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace atalaya {

Language::Language(QObject *parent) : QObject(parent) { }

QString Language::apply(const QString &language)
{
    QString lang = language.isEmpty() ? QLocale::system().name().left(2) : language;
    if (lang != QLatin1String("es"))
        lang = QStringLiteral("en");
    for (QTranslator *t : {m_own, m_qt}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    m_qt = new QTranslator(this);
    if (m_qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    m_own = new QTranslator(this);
    if (m_own->load(QStringLiteral(":/i18n/atalaya_") + lang))
        QCoreApplication::installTranslator(m_own);
    QLocale::setDefault(QLocale(lang == QLatin1String("es") ? QLocale::Spanish : QLocale::English,
                                lang == QLatin1String("es") ? QLocale::Spain : QLocale::UnitedStates));
    m_current = lang;
    return lang;
}

}  // namespace atalaya
