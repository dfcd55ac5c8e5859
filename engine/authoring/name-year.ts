/**
 * `validate`: a scheme whose name names another year than `year` was most
 * likely copied forward without renaming (or the year was not moved on).
 */
import { schemeIssue, type Issue } from '../issue.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { yearsNamed } from './years-named.ts';

export function nameYearIssues(scheme: Pick<Scheme, 'name' | 'nameEn' | 'year'>): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['name', 'nameEn'] as const) {
    const text = scheme[key];
    if (text === undefined) continue;
    const other = yearsNamed(text).filter((y) => y !== scheme.year);
    if (other.length === 0) continue;
    issues.push(
      schemeIssue(
        'name-year',
        `/${key}`,
        `名称写的是 ${other.join('、')} 年,而方案年度 year 为 ${scheme.year}`,
        `the ${key} names ${other.join(', ')} but the scheme's year is ${scheme.year}`,
        'warning',
      ),
    );
  }
  return issues;
}
