#pragma once

namespace atalaya::cli {

class CliContext;

// The sub-commands of `risk` (docs/CLI.md); each parses its own options from ctx.
int runRiskPredict(CliContext &ctx);
int runRiskTrain(CliContext &ctx);
int runRiskImportCsv(CliContext &ctx);

// Creates Atalaya's tables (migrations) before a write; the error says which right is missing.
int ensureRiskSchema(CliContext &ctx);

}  // namespace atalaya::cli
