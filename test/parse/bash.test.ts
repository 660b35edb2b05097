// Bash extractor: functions and file-level variables, source/. imports, and references (commands
// calling functions, variable reads; `local` shadowing, comments and strings excluded, callers).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `#!/usr/bin/env bash
# Deploys the app.
set -euo pipefail

source ./lib/common.sh
. "./lib/log.sh"
. "$ROOT/dynamic.sh"

# Retry limit.
MAX_RETRIES=3
export DEPLOY_ENV=production
readonly CONFIG_DIR=/etc/app
target="web"

# Prints a greeting.
# Second line.
greet() {
  local target="$1"
  if [[ -n "$target" && "$MAX_RETRIES" -gt 0 ]]; then
    echo "hello $target"
  elif [ -z "$target" ] || false; then
    log_warn "no target"
  fi
  for host in a b; do
    echo "$host"
  done
  case "$target" in
    web) echo web ;;
    *) echo other ;;
  esac
}

function deploy {
  greet "$target"
  status=$(check_health "\${DEPLOY_ENV}")
  retry 3 greet world
}

function check_health() {
  curl -s "http://localhost/health" && return 0
}

# greet in a comment
deploy | tee /tmp/log && echo "greet done"
`;

describe('bash extractor', () => {
  it('extracts functions and variables with kinds, lines and docs', async () => {
    const r = await parseSource(specFor('bash')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'MAX_RETRIES', 10, 10, true],
      ['constant', 'DEPLOY_ENV', 11, 11, true],
      ['constant', 'CONFIG_DIR', 12, 12, true],
      ['variable', 'target', 13, 13, true],
      ['function', 'greet', 17, 31, true],
      ['function', 'deploy', 33, 37, true],
      ['function', 'check_health', 39, 41, true],
    ]);
    const greet = r.symbols.find((s) => s.name === 'greet')!;
    expect(greet.doc).toBe('Prints a greeting.');
    expect(greet.signature).toBe('greet()');
    expect(greet.complexity).toBe(8);
    expect(greet.param_count).toBeUndefined();
    expect(r.symbols.find((s) => s.name === 'deploy')!.signature).toBe('function deploy');
    expect(r.symbols.find((s) => s.name === 'check_health')!.complexity).toBe(2);
    expect(r.symbols.find((s) => s.name === 'MAX_RETRIES')!.doc).toBe('Retry limit.');
    expect(r.symbols.find((s) => s.name === 'DEPLOY_ENV')!.signature).toBe('export DEPLOY_ENV=production');
  });

  it('extracts source and . with literal paths', async () => {
    const r = await parseSource(specFor('bash')!, src);
    expect(r.imports).toEqual([
      { specifier: './lib/common.sh', line: 5, kind: 'import', bindings: [], form: 'source' },
      { specifier: './lib/log.sh', line: 6, kind: 'import', bindings: [], form: 'source' },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('bash')!, src);
    // Line 43 is a comment and line 44 mentions greet in a string; `retry 3 greet` passes it as an argument.
    expect(r.refs.filter((x) => x.name === 'greet').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [34, 'call', 'file', 'deploy'],
    ]);
    // `local target` shadows the file-level variable inside greet only.
    expect(r.refs.filter((x) => x.name === 'target').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [34, 'read', 'file', 'deploy'],
    ]);
    // Loop variables and positional parameters are not references.
    expect(r.refs.filter((x) => x.name === 'host' || x.name === '1')).toEqual([]);
    expect(r.refs.find((x) => x.name === 'check_health')).toMatchObject({ kind: 'call', scope: 'file', line: 35, caller: 'deploy' });
    expect(r.refs.find((x) => x.name === 'DEPLOY_ENV')).toMatchObject({ kind: 'read', scope: 'file', line: 35 });
    expect(r.refs.find((x) => x.name === 'MAX_RETRIES')).toMatchObject({ kind: 'read', scope: 'file', line: 19, caller: 'greet' });
    expect(r.refs.find((x) => x.name === 'status')).toMatchObject({ kind: 'write', scope: 'free', line: 35 });
    expect(r.refs.find((x) => x.name === 'deploy')).toMatchObject({ kind: 'call', scope: 'file', line: 44 });
    expect(r.refs.find((x) => x.name === 'deploy')!.caller).toBeUndefined();
  });

  it('keeps functions and variables apart: a local variable does not hide a same-named call', async () => {
    const r = await parseSource(specFor('bash')!, `log() { echo "$1"; }
run() {
  local log="run.log"
  log "$log" && log done
}
`);
    expect(r.refs.map((x) => [x.name, x.kind, x.scope, x.caller])).toEqual([
      ['echo', 'call', 'free', 'log'],
      ['log', 'call', 'file', 'run'],
      ['log', 'call', 'file', 'run'],
    ]);
    expect(r.symbols.find((s) => s.name === 'run')!.complexity).toBe(2);
  });

  it('has no parameter types, return types, decorators or async to record', async () => {
    const r = await parseSource(specFor('bash')!, 'greet() {\n  echo "$1"\n}\n');
    expect(r.symbols.map((s) => [s.qualified_name, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async])).toEqual([
      ['greet', undefined, undefined, undefined, undefined, undefined],
    ]);
  });
});
