#pragma once

class QThreadPool;

namespace atalaya {

// Threads for work that blocks on the database (page loads, reports, training). Not Qt's
// global pool: the raster engine paints large areas with the global pool's help and waits
// for it, so blocking reads there froze painting (460 ms measured during a PDF export).
QThreadPool *databasePool();

}  // namespace atalaya
