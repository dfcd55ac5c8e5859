/**
 * Issue 18's clerk season, step by step with a screenshot each: next year
 * through its dialog, its notes (one acknowledged), the new year's text, a
 * weight change, a conflict with a second API client merged, publishing
 * through the review, 方案全文, and the users page.
 */
import { expect } from 'vitest';
import { ADMIN, type Session } from './harness.ts';

/** A second client of the API, saving the same draft meanwhile (as another clerk would). */
async function otherClerkSaves(base: string, id: string, version: string, change: (doc: any) => void): Promise<void> {
  const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const url = `${base}/api/schemes/${id}/versions/${version}`;
  const got = (await (await fetch(url, { headers: auth })).json()) as { meta: { revision: number }; document: any };
  change(got.document);
  const put = await fetch(url, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json', 'if-match': `"${got.meta.revision}"` }, body: JSON.stringify(got.document) });
  expect(put.status).toBe(200);
}

export async function season(base: string, s: Session): Promise<void> {
  const { page } = s;
  // next year as a guided step: the year and the proposed id, what moves, what stays, the notes
  const row = page.locator('[data-scheme="pingyang-2021"] tr[data-version="1.0.0"]');
  await row.getByRole('button', { name: '以此版本起草下一年度' }).click();
  const dialog = page.getByRole('dialog', { name: /起草下一年度/ });
  await dialog.getByTestId('ny-notes').locator('li').first().waitFor();
  await expect(dialog.getByLabel('新年度').inputValue()).resolves.toBe('2022');
  await expect(dialog.getByLabel('新方案标识').inputValue()).resolves.toBe('pingyang-2022');
  await expect(dialog.getByTestId('ny-moves').textContent()).resolves.toContain('认定期间顺延为 2021-12-01 至 2022-11-30');
  await expect(dialog.getByTestId('ny-stays').textContent()).resolves.toMatch(/个方案用例/);
  const noteCount = await dialog.getByTestId('ny-notes').locator('li').count();
  expect(noteCount).toBeGreaterThan(0);
  await s.shot('next-year-dialog');
  await dialog.getByRole('button', { name: '起草 2022 年度草稿' }).click();
  await expect.poll(() => page.locator('.toolbar .badge').textContent()).toBe('草稿');
  expect(page.url()).toContain('/s/pingyang-2022/1.0.0/');

  // the notes are warnings in the problems panel until fixed or acknowledged
  const notes = page.getByRole('region', { name: '起草提示' });
  await expect.poll(() => notes.locator('.pane-title').textContent()).toContain(`起草提示:${noteCount} 条待核对`);
  await s.shot('draft-notes');
  await notes.getByRole('button', { name: '已核对' }).first().click();
  await expect.poll(() => notes.locator('.pane-title').textContent()).toContain(`起草提示:${noteCount - 1} 条待核对`);

  // the new year's document: pasted, stored with the version, clauses linked to the rules citing them
  await page.getByRole('button', { name: '条款原文' }).click();
  await page.getByRole('textbox', { name: '文件正文' }).fill(['平阳县2022年度千人评机关(含国有企业)中层科室实施细则', '四、评议内容', '(一)日常评价', '3.主管单位评价:由主管单位评定。', '4.监督检查评价:被县级层面查实的每例直扣1分。'].join('\n'));
  await page.getByRole('button', { name: /保存正文/ }).click();
  await page.locator('.clause-text').waitFor();
  await expect(page.locator('.clause-text').textContent()).resolves.toContain('2022年度');
  await s.shot('clause-text-given');

  // a weight change: 主管单位评价 5 → 10, saved (日常评价 now sums to 90 of 85)
  await page.locator('[data-indicator="supervisor"] .node-name').first().click();
  await page.getByLabel('指标分值').fill('10');
  await page.getByLabel('指标分值').press('Enter');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();

  // another clerk saves meanwhile: 网络评价 renamed, 监督检查评价 20 → 14; we set it to 15: one conflict
  await otherClerkSaves(base, 'pingyang-2022', '1.0.0', (doc) => {
    doc.indicators[1].name = '网络评价阶段';
    doc.indicators[0].children[3].points = 14;
  });
  await page.locator('[data-indicator="supervision"] .node-name').first().click();
  await page.getByLabel('指标分值').fill('15');
  await page.getByLabel('指标分值').press('Enter');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const merge = page.getByRole('dialog', { name: /合并修改/ });
  await merge.waitFor();
  await expect(merge.textContent()).resolves.toMatch(/保留我的:15.*保留 admin 的:14.*原来是:20/);
  await s.shot('conflict-asks');
  await merge.getByLabel(/保留我的/).check();
  await merge.getByRole('button', { name: '合并', exact: true }).click();
  await expect.poll(() => page.locator('[data-indicator="network"] .node-name').first().textContent()).toContain('网络评价阶段');
  await expect(page.locator('[data-sum="/indicators/0/children"]').textContent()).resolves.toContain('85 / 85');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.notice.ok', { hasText: '已保存' }).waitFor();
  await s.shot('merged-and-saved');

  // 方案全文: the document read back, the weight change in it; a click selects the node
  await page.getByRole('link', { name: '方案全文' }).click();
  const full = page.getByRole('article', { name: '方案全文' });
  await full.getByRole('heading', { name: '二、评议内容与计分' }).waitFor();
  await expect(full.locator('h2').allTextContents()).resolves.toEqual(['一、评议对象与分类', '二、评议内容与计分', '三、扣分与加分', '四、等次评定', '五、结果运用', '六、附则']);
  await expect(full.textContent()).resolves.toContain('3.主管单位评价 10 分');
  await s.shot('fulltext');
  await page.getByLabel(/对照/).check();
  await full.locator('.sentence.changed').first().waitFor();
  await expect(full.locator('.sentence.changed').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('主管单位评价 10 分')]));
  await s.shot('fulltext-compared');
  await full.getByRole('button', { name: /3\.主管单位评价 10 分/ }).click();
  await expect.poll(() => page.locator('[data-indicator="supervisor"]').first().getAttribute('aria-selected')).toBe('true');

  // a second tab edits the same draft and does not save before it is published (below)
  const stale = await page.context().newPage();
  stale.on('request', (r) => s.requests.push(r.url()));
  await stale.goto(page.url().replace(/\/fulltext$/, '/edit'));
  await stale.locator('[data-indicator="bonus"] .node-name').first().click();
  await stale.getByRole('tree').getByLabel('指标名称').fill('加分项目');
  await stale.getByRole('tree').getByLabel('指标名称').press('Enter');

  // publish as a review: the diff in Chinese, the notes still open, no cases, then confirm
  await page.getByRole('button', { name: '发布…' }).click();
  const review = page.getByRole('dialog', { name: /发布前审核/ });
  await review.getByTestId('review-cases').getByText('本方案没有用例').waitFor();
  await expect(review.getByTestId('review-problems').textContent()).resolves.toContain(`${noteCount - 1} 条起草提示尚未核对`);
  await expect(review.getByTestId('review-diff').textContent()).resolves.toContain('主管单位评价');
  await s.shot('publish-review');
  await review.getByRole('button', { name: '确认发布' }).click();
  await page.locator('.notice.ok', { hasText: '已发布' }).waitFor();
  await expect(page.locator('.toolbar .badge').textContent()).resolves.toBe('已发布');
  await page.getByRole('button', { name: '起草新版本' }).waitFor();
  await s.shot('published');

  // the stale tab's save meets the published version: it carries its edit into a new version
  await stale.getByRole('button', { name: '保存', exact: true }).click();
  await stale.getByRole('button', { name: '带着我的修改起草新版本' }).click();
  await expect.poll(() => stale.url()).toContain('/s/pingyang-2022/1.0.1/');
  await expect.poll(() => stale.locator('[data-indicator="bonus"] .node-name').first().textContent()).toContain('加分项目');
  await expect(stale.locator('.toolbar .badge').textContent()).resolves.toBe('草稿');
  await expect(stale.locator('[data-indicator="supervisor"] .max').first().textContent()).resolves.toBe('10');
  await stale.close();

  // users: an admin adds a clerk with a role, changes the roles, resets the password
  await page.getByRole('link', { name: '用户管理' }).click();
  await page.getByRole('heading', { name: '用户管理' }).waitFor();
  const add = page.locator('form.add-user');
  await add.getByLabel('用户名').fill('clerk');
  await add.getByLabel('初始密码').fill('clerk-password-1');
  await add.getByRole('group', { name: '新用户的角色' }).getByLabel('起草').check();
  await add.getByRole('button', { name: '添加' }).click();
  const clerk = page.locator('tr[data-user="clerk"]');
  await clerk.waitFor();
  // the boxes show what the server holds: ticked once the server answered
  await clerk.getByLabel('发布').click();
  await page.getByRole('status').filter({ hasText: '已修改 clerk 的角色' }).waitFor();
  await expect.poll(() => clerk.getByLabel('发布').isChecked()).toBe(true);
  await clerk.getByRole('button', { name: '重设密码' }).click();
  await page.getByRole('dialog', { name: /重设 clerk 的密码/ }).getByLabel('新密码').fill('clerk-password-2');
  await page.getByRole('dialog', { name: /重设 clerk 的密码/ }).getByRole('button', { name: '重设' }).click();
  await page.getByRole('status').filter({ hasText: '已重设 clerk 的密码' }).waitFor();
  await s.shot('users');
  const relogin = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'clerk-password-2' }) });
  expect(relogin.status).toBe(200);
}
