// Every exported NITF file validates against the IPTC NITF 3.6 schema and carries the story's fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { exportFixtureIssue, type ExportedPackage } from './exportedPackage';

const SCHEMA_DIR = join(import.meta.dirname, '../../../fixtures/nitf');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') });

let pkg: ExportedPackage;
beforeAll(async () => {
  pkg = await exportFixtureIssue();
});
afterAll(() => pkg.store.cleanup());

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('NITF export', () => {
  it('writes one NITF per placed story and every one is valid NITF 3.6', async () => {
    const nitf = Object.keys(pkg.files).filter((f) => f.startsWith('nitf/'));
    expect(nitf).toHaveLength(pkg.ids.length);
    for (const file of nitf) {
      const result = await validateXML({
        xml: { fileName: 'story.xml', contents: text(pkg.files[file]) },
        schema: schemaFile('nitf-3-6.xsd'),
        preload: [schemaFile('xml.xsd'), schemaFile('nitf-3-6-ruby-include.xsd')],
      });
      expect(
        result.errors.map((e) => e.rawMessage),
        file,
      ).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('a story that breaks the schema is caught by the same check', async () => {
    const broken = text(pkg.files[Object.keys(pkg.files).find((f) => f.startsWith('nitf/'))!]).replace(
      '<hl1>',
      '<hl3>',
    );
    const result = await validateXML({
      xml: { fileName: 'story.xml', contents: broken },
      schema: schemaFile('nitf-3-6.xsd'),
      preload: [schemaFile('xml.xsd'), schemaFile('nitf-3-6-ruby-include.xsd')],
    });
    expect(result.valid).toBe(false);
  });

  it('maps 主题, 副题 and 引题, bylines with role, 通讯员, photo caption and credit, and where the story runs', () => {
    const story = pkg.manifest.stories.find((s) => s.headline.startsWith('两株企'))!;
    const xml = text(pkg.files[story.files.nitf!]);
    expect(xml).toContain('<hl1>两株企获评国家级工业互联网试点示范</hl1>');
    expect(xml).toContain('<hl2 class="subheadline">全市已有十二家企业入选</hl2>');
    expect(xml).toContain('<hl2 class="kicker">聚焦产业升级</hl2>');
    expect(xml).toContain(
      '<byline class="reporter"><byttl>株洲日报全媒体记者</byttl> <person>高晓燕</person></byline>',
    );
    expect(xml).toContain('<byline class="correspondent"><byttl>通讯员</byttl> <person>李&amp;明</person></byline>');
    expect(xml).toContain('<hl2 class="subhead">链主带动上下游</hl2>');
    expect(xml).toContain('<em class="bold">供应链协同平台</em>&lt;实现&gt;端到端协同。');
    expect(xml).toMatch(
      /<media media-type="image"[^>]*><media-reference source="\.\.\/photos\/A01-01-a-[a-z0-9]+-1\.png"/,
    );
    expect(xml).toContain(
      '<media-caption>平台调度中心一角。</media-caption><media-producer>全媒体记者 王强 摄</media-producer>',
    );
    expect(xml).toContain(`<doc-id regsrc="Newsdesk" id-string="${story.id}"/>`);
    expect(xml).toContain('<date.issue norm="20260318"/>');
    expect(xml).toContain('<docdata management-status="usable">');
    expect(xml).toMatch(/<pubdata [^>]*position\.section="要闻" position\.sequence="A01"/);
    const agency = text(pkg.files[pkg.manifest.stories.find((s) => s.headline.startsWith('市区'))!.files.nitf!]);
    expect(agency).toContain('<distributor><org>新华社</org></distributor>');
    expect(agency).toContain('<byttl>新华社记者</byttl>');
  });
});
