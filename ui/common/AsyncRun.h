#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>

namespace atalaya {

// Runs fn on `pool` (the global pool when null) and hands its result to done on owner's
// thread; nothing is delivered once owner is gone.
template <typename T, typename Fn, typename Done> void runAsync(QObject *owner, QThreadPool *pool, Fn fn, Done done)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(pool ? QtConcurrent::run(pool, std::move(fn)) : QtConcurrent::run(std::move(fn)));
}

}  // namespace atalaya
