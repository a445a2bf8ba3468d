#include "ui/review/DoubleReviewCountsLoader.h"

#include "ui/common/LatestLoader.h"

namespace atalaya {
namespace {

using Loaded = std::optional<DoubleReviewCounts>;

void addTo(Loaded &counts, qint64 DoubleReviewCounts::*field, qint64 n)
{
    if (counts)
        (*counts).*field = std::max<qint64>(0, (*counts).*field + n);
}

void addToTotal(Loaded &counts, Priority priority, int delta)
{
    const auto p = static_cast<size_t>(priority);
    if (counts)
        counts->total[p] = std::max<qint64>(0, counts->total[p] + delta);
}

}  // namespace

DoubleReviewCountsLoader::DoubleReviewCountsLoader(QThreadPool *pool, QObject *parent)
    : QObject(parent), m_secondLoader(new LatestLoader(this, pool)), m_adjudicationLoader(new LatestLoader(this, pool))
{
}

void DoubleReviewCountsLoader::reload(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                                      const QueueFilter &filter, const QString &reviewer, bool secondToo)
{
    if (!db)
        return;
    const auto load = [this](LatestLoader *loader, Loaded *into, auto count) {
        loader->run<Loaded>(
            [count]() -> Loaded {
                auto counts = count();
                return counts ? Loaded(*counts) : std::nullopt;
            },
            [this, into](const Loaded &loaded) {
                *into = loaded;
                emit changed();
            });
    };
    if (secondToo)
        load(m_secondLoader, &m_second, [=] { return DoubleReview(db, rules).secondReviewCounts(reviewer, filter); });
    load(m_adjudicationLoader, &m_adjudication,
         [=] { return DoubleReview(db, rules).adjudicationCounts(reviewer, filter); });
}

void DoubleReviewCountsLoader::adjust(const QueueItem &item, int delta, const ReviewRules &rules)
{
    switch (item.role) {
    case ReviewRole::First:
        // A first review of a picked decision waits for someone else's second review.
        if (rules.wantsSecondReview(item.id, item.priority))
            addTo(m_second, &DoubleReviewCounts::forOthers, -delta);
        break;
    case ReviewRole::Second: addToTotal(m_second, item.priority, delta); break;
    case ReviewRole::Adjudication: addToTotal(m_adjudication, item.priority, delta); break;
    }
    emit changed();
}

void DoubleReviewCountsLoader::clear()
{
    m_second.reset();
    m_adjudication.reset();
    emit changed();
}

}  // namespace atalaya
