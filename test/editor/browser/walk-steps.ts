/**
 * The walk of issue 8's “Done when”, step by step, with a screenshot of each:
 * open pingyang-2021, draft a new version, break a sum in the tree, fix it in
 * Monaco, undo/redo, impact, save, publish, diff, preview + explanation, clause.
 */
import { expect } from 'vitest';
import type { Session } from './harness.ts';

const num = (s: string | null) => Number((s ?? '').replace(/[^\d.\-]/g, ''));

export async function walk(base: string, s: Session): Promise<void> {
  const { page } = s;
  await s.shot('schemes');

  // draft a new version of the shipped, published pingyang-2021
  const row = page.locator('[data-scheme="pingyang-2021"] tr[data-version="1.0.0"]');
  await expect(row.locator('.badge').textContent()).resolves.toBe('已发布');
  await row.getByRole('button', { name: '起草新版本' }).click();
  await page.locator('.monaco-editor .view-lines').waitFor();
  await expect(page.locator('.toolbar .badge').textContent()).resolves.toBe('草稿');
  const version = (await page.locator('.toolbar code').first().textContent()) ?? '';
  expect(version).toBe('1.0.1');
  await s.shot('draft-opened');

  // pick a case's data for the impact list before editing: nothing moves yet
  await page.getByRole('button', { name: '影响' }).click();
  await page.getByLabel('选择数据').first().selectOption({ label: '每项指标手算:5个科室两个主管单位' });
  await page.getByTestId('impact-none').waitFor();
  await s.shot('impact-before-edit');
  await page.getByRole('button', { name: /^问题/ }).click();

  // change 主管单位评价 from 5 to 10 in the tree: 日常评价's children now add up to 90, not 85
  await page.locator('[data-indicator="supervisor"] .node-name').first().click();
  await page.getByLabel('指标分值').fill('10');
  const dailySum = page.locator('[data-sum="/indicators/0/children"]');
  await expect.poll(() => dailySum.getAttribute('class')).toContain('bad');
  await expect(dailySum.textContent()).resolves.toContain('90 / 85');
  const problem = page.locator('.problem[data-code="points-sum"][data-path="/indicators/0/children"]');
  await problem.waitFor();
  await s.shot('sum-red-problem-listed');

  // a click on the problem selects its node in the tree and its range in Monaco
  await problem.click();
  await expect.poll(() => page.locator('[data-indicator="daily"]').first().getAttribute('aria-selected')).toBe('true');
  await page.locator('.monaco-editor .selected-text').first().waitFor();
  await s.shot('problem-clicked-selects-node-and-range');

  // fix it in Monaco: 监督检查评价 20 → 15; the tree follows
  await page.locator('[data-indicator="supervision"] .node-name').first().click();
  const pointsLine = page.locator('.monaco-editor .view-line', { hasText: '"points": 20,' }).first();
  await pointsLine.locator('span', { hasText: /^20$/ }).dblclick();
  await page.keyboard.type('15');
  await expect.poll(() => dailySum.getAttribute('class')).toContain('ok');
  await expect(dailySum.textContent()).resolves.toContain('85 / 85');
  await expect(page.locator('[data-indicator="supervision"] .max').first().textContent()).resolves.toBe('15');
  await expect.poll(() => problem.count()).toBe(0);
  await s.shot('fixed-in-monaco-tree-follows');

  // undo brings the Monaco edit back out (red again), redo puts it back
  await page.getByRole('button', { name: /撤销/ }).click();
  await expect.poll(() => dailySum.getAttribute('class')).toContain('bad');
  // Monaco renders spaces as no-break spaces
  const visible = async () => ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
  await expect.poll(visible).toContain('"name": "监督检查评价",');
  await expect(visible()).resolves.toMatch(/"name": "监督检查评价",\s*"source": "[^"]*",\s*"points": 20,/);
  await s.shot('undo');
  await page.getByRole('button', { name: /重做/ }).click();
  await expect.poll(() => dailySum.getAttribute('class')).toContain('ok');
  await s.shot('redo');

  // move 主管单位评价 (now 10) out of 日常评价 to the top level, by keyboard only: 日常评价's
  // children drop to 50 + 10 + 15 = 75 against 85, the top level rises to 85 + 15 + 10 = 110 against 100
  await page.locator('[data-indicator="supervisor"] .node-name').first().click();
  // leaves are offered too, in their own group, saying what a move there does
  const leafOption = page.locator('select[aria-label="移动到…"] optgroup option', { hasText: '加分项(将变为分组,原计分方法“加分项”移除)' });
  await expect(leafOption.count()).resolves.toBe(1);
  await page.getByLabel('移动到…').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('移动到…').inputValue()).resolves.toBe('/indicators');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('.tree > [role="treeitem"][data-indicator="supervisor"]').waitFor();
  await expect.poll(() => dailySum.textContent()).toContain('75 / 85');
  await expect(dailySum.getAttribute('class')).resolves.toContain('bad');
  await expect(page.getByTestId('tree-total').textContent()).resolves.toContain('110 / 100');
  await expect(page.getByTestId('tree-total').getAttribute('class')).resolves.toContain('bad');
  await s.shot('moved-to-top-level');
  await page.getByRole('button', { name: /撤销/ }).click();
  await expect.poll(() => dailySum.textContent()).toContain('85 / 85');
  await expect(page.locator('[data-indicator="daily"] [data-indicator="supervisor"]').count()).resolves.toBe(1);
  await expect(page.getByTestId('tree-total').textContent()).resolves.toContain('100 / 100');

  // move it under the leaf 加分项 instead: 加分项 becomes a group (its bonus method removed), undo restores it
  await page.locator('[data-indicator="supervisor"] .node-name').first().click();
  await page.getByLabel('移动到…').selectOption({ label: '加分项(将变为分组,原计分方法“加分项”移除)' });
  await page.getByRole('button', { name: '移动', exact: true }).click();
  await page.locator('[data-indicator="bonus"] [data-indicator="supervisor"]').waitFor();
  await expect(page.locator('[data-indicator="bonus"] > .node .tag.method').count()).resolves.toBe(0);
  // 日常评价 without 主管单位评价 (now 10): 50 + 10 + 15 = 75 of 85; 加分项's one child 10 against its 5
  await expect.poll(() => dailySum.textContent()).toContain('75 / 85');
  await expect(page.locator('[data-sum="/indicators/2/children"]').textContent()).resolves.toContain('10 / 5');
  await s.shot('moved-under-leaf');
  await page.getByRole('button', { name: /撤销/ }).click();
  await expect.poll(() => dailySum.textContent()).toContain('85 / 85');
  await expect(page.locator('[data-indicator="bonus"] > .node .tag.method').textContent()).resolves.toBe('加分项');

  // the impact list now shows units that move
  await page.getByRole('button', { name: '影响' }).click();
  await page.getByTestId('impact-count').waitFor();
  expect(await page.locator('table.impact tbody tr').count()).toBeGreaterThan(0);
  await s.shot('impact-after-edit');

  // save with the revision, then publish
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();
  await s.shot('saved');

  // someone else saves the same draft meanwhile (another tab, the same user): 网络评价 renamed, and 加分项 too
  const other = await page.context().newPage();
  other.on('request', (r) => s.requests.push(r.url()));
  await other.goto(page.url());
  for (const [node, name] of [['network', '网络评价阶段'], ['bonus', '加分(他人)']] as const) {
    await other.locator(`[data-indicator="${node}"] .node-name`).first().click();
    await other.getByRole('tree').getByLabel('指标名称').fill(name);
    await other.getByRole('tree').getByLabel('指标名称').press('Enter');
  }
  await other.getByRole('button', { name: '保存', exact: true }).click();
  await other.locator('.notice.ok', { hasText: '已保存' }).waitFor();
  await other.close();
  // our save meets a 409: the two edits of 加分项's name ask which to keep; 网络评价阶段 merges by itself
  await page.locator('[data-indicator="bonus"] .node-name').first().click();
  await page.getByRole('tree').getByLabel('指标名称').fill('加分项目');
  await page.getByRole('tree').getByLabel('指标名称').press('Enter');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /合并修改/ });
  await dialog.waitFor();
  await expect(dialog.locator('li[data-conflict]').count()).resolves.toBe(1);
  await expect(dialog.textContent()).resolves.toMatch(/保留我的:加分项目.*保留 admin 的:加分\(他人\)/);
  await s.shot('stale-revision-409-merge-asks');
  await dialog.getByLabel(/保留我的/).check();
  await dialog.getByRole('button', { name: '合并', exact: true }).click();
  await page.locator('.notice.ok', { hasText: '已与 admin 于修订' }).waitFor();
  await expect.poll(() => page.locator('[data-indicator="network"] .node-name').first().textContent()).toContain('网络评价阶段');
  await expect(page.locator('[data-indicator="bonus"] .node-name').first().textContent()).resolves.toContain('加分项目');
  await s.shot('merged');
  // undo survives the merge: it takes back our rename, the other's stays
  await page.getByRole('button', { name: /撤销/ }).click();
  await expect.poll(() => page.locator('[data-indicator="bonus"] .node-name').first().textContent()).toContain('加分(他人)');
  await expect(page.locator('[data-indicator="network"] .node-name').first().textContent()).resolves.toContain('网络评价阶段');
  await page.getByRole('button', { name: /重做/ }).click();
  await expect.poll(() => page.locator('[data-indicator="bonus"] .node-name').first().textContent()).toContain('加分项目');
  // leaving with unsaved edits asks first: dismissed, the workspace stays
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('link', { name: '← 方案列表' }).click();
  await expect(page.locator('.toolbar .badge').textContent()).resolves.toBe('草稿');
  expect(page.url()).toContain('/edit');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();
  // publishing opens the review: the changes against 1.0.0 in Chinese, problems, the cases run on the draft
  await page.getByRole('button', { name: '发布…' }).click();
  const review = page.getByRole('dialog', { name: /发布前审核/ });
  await review.getByTestId('review-cases').getByText(/个通过/).waitFor();
  await expect(review.getByTestId('review-diff').textContent()).resolves.toContain('主管单位评价');
  await s.shot('publish-review');
  await review.getByRole('button', { name: '确认发布' }).click();
  await page.locator('.notice.ok', { hasText: '已发布' }).waitFor();
  await page.getByRole('button', { name: '起草新版本' }).waitFor();
  await expect(page.locator('.toolbar .badge').textContent()).resolves.toBe('已发布');
  await s.shot('published');

  // compare with the previous version: the two point changes are listed
  await page.getByRole('link', { name: '版本比较' }).click();
  await page.getByLabel('原版本').selectOption({ value: 'pingyang-2021@1.0.0' });
  await page.getByLabel('新版本').selectOption({ value: `pingyang-2021@${version}` });
  const changes = page.locator('.changes li[data-kind="points-changed"]');
  await expect.poll(() => changes.count()).toBe(2);
  await expect(changes.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('主管单位评价'), expect.stringContaining('监督检查评价')]));
  await page.locator('.side-by-side .monaco-diff-editor').waitFor();
  // the editor worker computed the changes: they are marked on both sides
  await page.locator('.side-by-side .char-delete, .side-by-side .line-delete').first().waitFor();
  await page.locator('.side-by-side .char-insert, .side-by-side .line-insert').first().waitFor();
  await s.shot('diff');

  // preview on a case's data; one unit's explanation adds up to its total
  await page.getByRole('link', { name: '预览与解释' }).click();
  await page.locator('table.ranked tbody tr').first().waitFor();
  await s.shot('preview');
  await page.locator('table.ranked .unit-link').first().click();
  const sum = page.getByTestId('explanation-sum');
  await sum.waitFor();
  const parts = await page.locator('.explanation > .trace > li > strong').allTextContents();
  const total = num(await page.getByTestId('unit-total').textContent());
  const added = parts.reduce((a, p) => a + num(p), 0);
  expect(parts.length).toBeGreaterThan(1);
  expect(Math.abs(added - total)).toBeLessThan(1e-6);
  expect(num(await page.getByTestId('sum-total').textContent())).toBeCloseTo(total, 6);
  await s.shot('explanation');

  // click a rule and see its clause highlighted in the source document
  await page.getByRole('link', { name: '编辑', exact: true }).click();
  await page.locator('[data-indicator="bonus"] .node-name').first().click();
  // the rule's sentence (the table is under 高级 since issue 18): its 依据 and its 条款原文 link
  const rule = page.locator('section[aria-label="加分规则"] li.sentence').first();
  const cited = await rule.getByLabel(/的依据条款$/).inputValue();
  await rule.getByRole('button', { name: '条款原文' }).click();
  const mark = page.locator('.clause-text mark').first();
  await mark.waitFor();
  const quoted = cited.split(/[::]/)[1] ?? '';
  expect(quoted.length).toBeGreaterThan(0);
  expect(quoted).toContain(((await mark.textContent()) ?? '').slice(0, 6));
  await s.shot('clause-highlighted');
}
