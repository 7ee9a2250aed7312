// The packaged binary's fuses, as electron-builder will flip them (read from electron-builder.yml).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const yml = readFileSync(join(import.meta.dirname, '..', '..', '..', 'electron-builder.yml'), 'utf8');

/** The flat `key: value` entries of one top-level block (all electron-builder.yml needs here; no YAML package is a dependency). */
function block(name: string): Record<string, string> {
  const lines = yml.split('\n');
  const start = lines.indexOf(`${name}:`);
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}([A-Za-z]+): *(.*)$/.exec(line);
    if (!m) {
      if (/^\S/.test(line)) break;
      continue;
    }
    out[m[1]!] = m[2]!;
  }
  return start < 0 ? {} : out;
}

const fuses = Object.fromEntries(Object.entries(block('electronFuses')).map(([k, v]) => [k, v === 'true']));

describe('electron-builder fuses', () => {
  it('turns off running as Node, NODE_OPTIONS, --inspect and file: extra privileges; turns on cookie encryption and ASAR integrity', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an ASAR (which the integrity fuses check) without source maps', () => {
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/^ {2}- '!\*\*\/\*\.map'$/m);
  });
});
