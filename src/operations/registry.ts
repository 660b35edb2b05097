// Every operation, in one list. Front ends (MCP, REST, CLI) and tests are generated from it.
import type { Operation } from './define.js';
import { crossReferencesOp } from './cross-references.js';
import { dependencies } from './dependencies.js';
import { dependencyGraph } from './dependency-graph.js';
import { fileAnalysis } from './file-analysis.js';
import { graphQuery } from './graph-query.js';
import { impactAnalysis } from './impact-analysis.js';
import { indexStatus } from './index-status.js';
import { notifyFileChanged } from './notify-file-changed.js';
import { searchSymbolsOp } from './search-symbols.js';
import { symbols } from './symbols.js';

export const OPERATIONS: readonly Operation[] = [
  symbols, searchSymbolsOp, fileAnalysis, dependencies, dependencyGraph, impactAnalysis, crossReferencesOp, graphQuery,
  notifyFileChanged, indexStatus,
] as unknown as readonly Operation[];

const byName = new Map(OPERATIONS.map((op) => [op.name, op]));
export const operationNamed = (name: string): Operation | undefined => byName.get(name);
