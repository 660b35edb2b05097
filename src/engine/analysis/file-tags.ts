// Role tags of a file for listings: `config`, `test`, `entry`. Entry points are language-aware:
// entry names (main.*, cli.*, index.*, __init__.py, lib.rs …), Go `package main`, and a
// top-level or static `main` function (Java, C#, Kotlin, C).
import { isTestPath } from '../discover/languages.js';
import { isConfigPath, isEntryName } from '../graph/importance.js';
import type { FileRow, SymbolRow } from '../index/store.js';

export type FileTag = 'config' | 'test' | 'entry';

const hasMainFunction = (symbols: readonly SymbolRow[]): boolean => symbols.some((s) =>
  (s.name === 'main' || s.name === 'Main') && (s.kind === 'function' || s.kind === 'method')
  && (s.parent === undefined || /\bstatic\b/.test(s.signature)));

export function fileTags(file: FileRow, symbols: readonly SymbolRow[]): FileTag[] {
  const tags: FileTag[] = [];
  if (isConfigPath(file.path)) tags.push('config');
  if (isTestPath(file.path)) tags.push('test');
  else if (isEntryName(file.path) || (file.language === 'go' && file.namespace === 'main') || hasMainFunction(symbols)) tags.push('entry');
  return tags;
}
