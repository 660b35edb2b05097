import { describe, expect, it } from 'vitest';
import { createCFamilyResolver } from '../../src/engine/graph/resolve/cfamily.js';
import { imp, makeView, parsed, summary } from './view.js';

const commands = [
  {
    directory: '/home/u/proj/build',
    command: 'cc -I../third/inc -iquote ../quoted -isystem /usr/include -I /home/u/proj/gen -c ../src/a.c',
    file: '../src/a.c',
  },
  { directory: '/home/u/proj', arguments: ['cc', '-Iextra', '-I../outside', '-c', 'src/b.c'], file: 'src/b.c' },
];

const files = {
  'build/compile_commands.json': JSON.stringify(commands),
  'src/a.c': '', 'src/b.c': '', 'src/local.h': '', 'src/sub/deep.h': '',
  'third/inc/third.h': '', 'quoted/q.h': '', 'gen/gen.h': '', 'extra/e.h': '',
  'include/proj/api.h': '', 'inc/old.h': '',
  'lib/net/include/net/net.h': '', 'lib/net/src/impl.h': '', 'lib/net/src/net.c': '',
};

const inc = (specifier: string, line: number, system = false) => imp(specifier, line, { kind: 'include', ...(system ? { system } : {}) });

describe('c/c++ include resolver', () => {
  it('resolves quoted includes locally, then via compile_commands and conventional include dirs', () => {
    const res = createCFamilyResolver().resolve('src/a.c', parsed([
      inc('local.h', 1), inc('sub/deep.h', 2), inc('third.h', 3), inc('q.h', 4), inc('gen.h', 5), inc('e.h', 6),
      inc('proj/api.h', 7, true), inc('net/net.h', 8, true), inc('impl.h', 9), inc('old.h', 10),
      inc('stdio.h', 11, true), inc('missing.h', 12), inc('../include/proj/api.h', 13),
    ]), makeView(files));
    expect(summary(res)).toEqual({
      edges: [
        'src/local.h include 1 local.h', 'src/sub/deep.h include 2 sub/deep.h', 'third/inc/third.h include 3 third.h',
        'quoted/q.h include 4 q.h', 'gen/gen.h include 5 gen.h', 'extra/e.h include 6 e.h',
        'include/proj/api.h include 7 proj/api.h', 'lib/net/include/net/net.h include 8 net/net.h',
        'lib/net/src/impl.h include 9 impl.h', 'inc/old.h include 10 old.h', 'include/proj/api.h include 13 ../include/proj/api.h',
      ],
      external: ['stdio.h 11 stdio.h'],
      unresolved: ['12 missing.h'],
    });
  });

  it('does not resolve <…> includes next to the includer', () => {
    const view = makeView({ 'app/main.c': '', 'app/config.h': '' });
    expect(summary(createCFamilyResolver().resolve('app/main.c', parsed([inc('config.h', 1, true), inc('config.h', 2)]), view)))
      .toEqual({ edges: ['app/config.h include 2 config.h'], external: ['config.h 1 config.h'], unresolved: [] });
  });
});
