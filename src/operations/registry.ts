// Every operation, in one list. Front ends (MCP, REST, CLI) and tests are generated from it.
import type { Operation } from './define.js';
import { bootstrap } from './bootstrap.js';
import { codeEvolution } from './code-evolution.js';
import { conventions } from './conventions.js';
import { crossReferencesOp } from './cross-references.js';
import { lspDefinition } from './lsp-definition.js';
import { lspDiagnostics } from './lsp-diagnostics.js';
import { lspHover } from './lsp-hover.js';
import { lspReferences } from './lsp-references.js';
import { deadCode } from './dead-code.js';
import { dependencies } from './dependencies.js';
import { dependencyGraph } from './dependency-graph.js';
import { fileAnalysis } from './file-analysis.js';
import { graphQuery } from './graph-query.js';
import { hotspots } from './hotspots.js';
import { communityDetection } from './community-detection.js';
import { findRelated } from './find-related.js';
import { graphDsl } from './graph-dsl.js';
import { impactAnalysis } from './impact-analysis.js';
import { indexStatus } from './index-status.js';
import { notifyFileChanged } from './notify-file-changed.js';
import { projectSummary } from './project-summary.js';
import { recentChanges } from './recent-changes.js';
import { searchSymbolsOp } from './search-symbols.js';
import { semanticSearchOp } from './semantic-search.js';
import { semanticSearchStatus } from './semantic-search-status.js';
import { evaluateSearchOp } from './evaluate-search.js';
import { securityScan } from './security-scan.js';
import { symbols } from './symbols.js';
import { repoMap } from './repo-map.js';
import { exploreCodebase } from './explore-codebase.js';
import { distill } from './distill.js';
import { relevantContext } from './relevant-context.js';
import { exportAdrs } from './export-adrs.js';
import { getAdr } from './get-adr.js';
import { importAdrs } from './import-adrs.js';
import { learningFeedback } from './learning-feedback.js';
import { listAdrs } from './list-adrs.js';
import { listLearnings } from './list-learnings.js';
import { recall } from './recall.js';
import { recordAdr } from './record-adr.js';
import { recordLearning } from './record-learning.js';
import { updateAdrStatus } from './update-adr-status.js';

// In the order of the spec's groups, which is the order clients list them in.
export const OPERATIONS: readonly Operation[] = [
  bootstrap, projectSummary, repoMap, exploreCodebase, symbols, searchSymbolsOp, semanticSearchOp, semanticSearchStatus,
  fileAnalysis, dependencies, dependencyGraph, impactAnalysis, crossReferencesOp, hotspots, conventions, securityScan, deadCode, distill,
  graphQuery, graphDsl, findRelated, communityDetection, relevantContext,
  codeEvolution, recentChanges,
  recordLearning, recall, learningFeedback, listLearnings, recordAdr, listAdrs, getAdr, updateAdrStatus, exportAdrs, importAdrs,
  lspDefinition, lspReferences, lspHover, lspDiagnostics,
  notifyFileChanged, indexStatus, evaluateSearchOp,
] as unknown as readonly Operation[];

const byName = new Map(OPERATIONS.map((op) => [op.name, op]));
export const operationNamed = (name: string): Operation | undefined => byName.get(name);
