import { describe, expect, it } from 'vitest';
import { createBashResolver } from '../../src/engine/graph/resolve/bash.js';
import { createLuaResolver } from '../../src/engine/graph/resolve/lua.js';
import { createRubyResolver } from '../../src/engine/graph/resolve/ruby.js';
import { imp, makeView, parsed, summary } from './view.js';

describe('ruby resolver', () => {
  const view = makeView({
    'app/main.rb': '', 'app/helpers/fmt.rb': '', 'lib/acme/client.rb': '', 'boot.rb': '',
    'gems/tool/lib/tool.rb': '', 'gems/tool/lib/tool/cli.rb': '', 'gems/tool/lib/tool/version.rb': '',
  });

  it('resolves require_relative next to the file and require against lib/, the root and enclosing lib dirs', () => {
    const res = createRubyResolver().resolve('app/main.rb', parsed([
      imp('helpers/fmt', 1, { form: 'require_relative' }),
      imp('../boot.rb', 2, { form: 'require_relative' }),
      imp('nope', 3, { form: 'require_relative' }),
      imp('acme/client', 4, { form: 'require' }),
      imp('boot', 5, { form: 'require' }),
      imp('active_support/core_ext', 6, { form: 'require' }),
      imp('json', 7, { form: 'require' }),
    ]), view);
    expect(summary(res)).toEqual({
      edges: ['app/helpers/fmt.rb import 1 helpers/fmt', 'boot.rb import 2 ../boot.rb', 'lib/acme/client.rb import 4 acme/client',
        'boot.rb import 5 boot'],
      external: ['active_support 6 active_support/core_ext', 'json 7 json'],
      unresolved: ['3 nope'],
    });
    expect(summary(createRubyResolver().resolve('gems/tool/lib/tool/cli.rb', parsed([imp('tool/version', 1, { form: 'require' })]), view)).edges)
      .toEqual(['gems/tool/lib/tool/version.rb import 1 tool/version']);
  });

  it("resolves require from a gem's spec/ or exe/ against the lib/ beside the enclosing folder", () => {
    const spec = createRubyResolver().resolve('gems/tool/spec/tool/cli_spec.rb', parsed([
      imp('tool/cli', 1, { form: 'require' }),
      imp('rspec', 2, { form: 'require' }),
    ]), view);
    expect(summary(spec)).toEqual({ edges: ['gems/tool/lib/tool/cli.rb import 1 tool/cli'], external: ['rspec 2 rspec'], unresolved: [] });
    expect(summary(createRubyResolver().resolve('gems/tool/exe/tool', parsed([imp('tool', 1, { form: 'require' })]), view)).edges)
      .toEqual(['gems/tool/lib/tool.rb import 1 tool']);
  });
});

describe('lua resolver', () => {
  const view = makeView({
    'main.lua': '', 'app/util.lua': '', 'app/net/init.lua': '', 'plugins/x/main.lua': '', 'plugins/x/helper.lua': '',
    'lua/myplugin/config.lua': '',
  });

  it('resolves dotted modules from the root, the file directory, src/ and lua/', () => {
    const res = createLuaResolver().resolve('plugins/x/main.lua', parsed([
      imp('app.util', 1), imp('app.net', 2), imp('helper', 3), imp('myplugin.config', 4), imp('socket.http', 5), imp('app/util', 6),
    ]), view);
    expect(summary(res)).toEqual({
      edges: ['app/util.lua import 1 app.util', 'app/net/init.lua import 2 app.net', 'plugins/x/helper.lua import 3 helper',
        'lua/myplugin/config.lua import 4 myplugin.config', 'app/util.lua import 6 app/util'],
      external: ['socket 5 socket.http'],
      unresolved: [],
    });
  });

  it('resolves from the folders enclosing the file when the program starts above it', () => {
    const games = makeView({
      'games/space/main.lua': '', 'games/space/game/config.lua': '', 'games/space/game/entities/init.lua': '',
      'games/space/game/entities/vector.lua': '',
    });
    const res = createLuaResolver().resolve('games/space/game/entities/init.lua', parsed([
      imp('game.entities.vector', 1), imp('game.config', 2), imp('cjson', 3),
    ]), games);
    expect(summary(res)).toEqual({
      edges: ['games/space/game/entities/vector.lua import 1 game.entities.vector', 'games/space/game/config.lua import 2 game.config'],
      external: ['cjson 3 cjson'],
      unresolved: [],
    });
  });
});

describe('bash resolver', () => {
  const view = makeView({ 'scripts/run.sh': '', 'scripts/lib/common.sh': '', 'env.sh': '' });

  it('resolves sourced paths relative to the file, then the root', () => {
    const res = createBashResolver().resolve('scripts/run.sh', parsed([
      imp('lib/common.sh', 1, { form: 'source' }),
      imp('env.sh', 2, { form: 'source' }),
      imp('../env.sh', 3, { form: 'source' }),
      imp('./lib/../lib/common.sh', 4, { form: 'source' }),
      imp('./missing.sh', 5, { form: 'source' }),
      imp('/etc/os-release', 6, { form: 'source' }),
      imp('~/.bashrc', 7, { form: 'source' }),
    ]), view);
    expect(summary(res)).toEqual({
      edges: ['scripts/lib/common.sh import 1 lib/common.sh', 'env.sh import 2 env.sh',
        'env.sh import 3 ../env.sh', 'scripts/lib/common.sh import 4 ./lib/../lib/common.sh'],
      external: ['/etc/os-release 6 /etc/os-release', '~/.bashrc 7 ~/.bashrc'],
      unresolved: ['5 ./missing.sh'],
    });
  });
});
