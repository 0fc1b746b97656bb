import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';

const root = new URL('../../', import.meta.url);
const require = createRequire(import.meta.url);

async function loadConfig(): Promise<Record<string, unknown>> {
  return yaml.load(await readFile(new URL('electron-builder.yml', root), 'utf8')) as Record<string, unknown>;
}

async function loadSchema(): Promise<object> {
  return JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
}

let validate: ValidateFunction;

// The schema is large: compile it once.
beforeAll(async () => {
  validate = new Ajv({ strict: false }).compile(await loadSchema());
}, 60_000);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own JSON schema", async () => {
    const valid = validate(await loadConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a misspelt key (so the test above can fail)', async () => {
    expect(validate({ ...(await loadConfig()), asarUnpak: ['resources/**'] })).toBe(false);
  });

  it('pins every fuse', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages only the build output and resources, for the three desktop OSes', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'com.pushdoctor.workstation',
      files: ['out/**', 'resources/**'],
      asarUnpack: ['resources/**'],
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });

  it('points at the entry package.json names, which the build writes under out/', async () => {
    const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
