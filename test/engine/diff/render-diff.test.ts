import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderDiffMarkdown, renderDiffText, sectionOf, type Scheme } from '../../../engine/index.ts';

const BASE = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;

function edited(): Scheme {
  const b = structuredClone(BASE);
  b.version = '1.1.0';
  const daily = b.indicators[0];
  if (!daily?.children) throw new Error('pingyang-2021 changed shape');
  daily.children = daily.children.filter((c) => c.id !== 'supervisor');
  b.rankings[0]!.tieBreak.otherwise = 'shared';
  b.assumptions = [...(b.assumptions ?? []), { id: 'new-note', pointer: '/year', clause: '一', note: '新增假定' }];
  return b;
}

describe('renderDiffMarkdown / renderDiffText', () => {
  const b = edited();
  const changes = diffSchemes(BASE, b);
  const report = { a: BASE, b, changes };

  it('groups changes by section in reading order', () => {
    expect(changes.map(sectionOf)).toEqual(['metadata', 'indicators', 'flow', 'assumptions']);
    const md = renderDiffMarkdown(report);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '## 方案差异 Scheme diff: `pingyang-2021` 1.0.0 → `pingyang-2021` 1.1.0',
      '### 基本信息 Metadata (1)',
      '### 指标与计分 Indicators and scoring (1)',
      '### 免评、筛选、排名、等次与结果运用 Exemptions, selections, rankings, classes and consequences (1)',
      '### 假定参数 Assumptions (1)',
    ]);
  });

  it('writes each change in Chinese, then English, then its pointers, with a mark that is not markdown syntax', () => {
    const md = renderDiffMarkdown(report);
    expect(md).toContain(
      ['- `−` 删除指标 “主管单位评价”(supervisor)(原位于 daily 下第 3 项)', '  - indicator supervisor removed (was at daily #3)', '  - A `/indicators/0/children/2`'].join('\n'),
    );
    expect(md).toContain(
      ['- `~` 排名 “综合评价排名”(final) 并列处理:otherwise:“roster-order” → “shared”', '  - ranking final tie-break: otherwise: "roster-order" → "shared"', '  - A `/rankings/0/tieBreak` → B `/rankings/0/tieBreak`'].join('\n'),
    );
    expect(md).toContain('- `+` 新增假定参数 “一”(new-note)');
    expect(md).toContain('共 4 处变更 · 4 changes');
  });

  it('prints plain text with the same content', () => {
    const text = renderDiffText(report);
    expect(text.split('\n').slice(0, 2)).toEqual(['方案差异 scheme diff: pingyang-2021 1.0.0 → pingyang-2021 1.1.0', '共 4 处变更 — 4 changes']);
    expect(text).toContain('[指标与计分 Indicators and scoring]\n  − 删除指标 “主管单位评价”(supervisor)(原位于 daily 下第 3 项)\n    indicator supervisor removed (was at daily #3)\n    A /indicators/0/children/2');
  });

  it('says so when there is no difference', () => {
    const same = { a: BASE, b: structuredClone(BASE), changes: diffSchemes(BASE, structuredClone(BASE)) };
    expect(renderDiffText(same)).toContain('两版本无实质差异 — no semantic difference');
    expect(renderDiffMarkdown(same)).toContain('两版本无实质差异 · no semantic difference');
  });
});
