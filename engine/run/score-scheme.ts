import { inspectDataset } from '../data/check-dataset.ts';
import { checkDatasetShape } from '../data/dataset-shape.ts';
import type { Dataset } from '../data/dataset.ts';
import { dataIssue, hasErrors, type Issue } from '../issue.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { findNonFinite } from './finite.ts';
import type { RunResult } from './result.ts';
import { SeasonCore } from './season-core.ts';

/**
 * Score a dataset under a scheme. Pure: same scheme and data, same result.
 * Order (C. season flow): exemptions → variants of each unit → indicators not tied to a selection →
 * selections → indicators of selected units → totals → rankings → classes →
 * consequences. Input problems come back as issues; `ok` is false if any is an error.
 * The scheme is assumed valid (see validateScheme).
 *
 * A clerk sees every problem of a data set in one run: the data check and
 * the methods' own checks (ranges, quotas, missing scores, ties) all run, with
 * the facts the data check found unusable left out. A run with an error
 * returns its issues and no scores, ranks or classes: numbers computed from
 * broken input must not be read as a result.
 */
export function scoreScheme(scheme: Scheme, data: Dataset): RunResult {
  const opened = openCore(scheme, data);
  return 'failed' in opened ? opened.failed : resultOf(opened.core);
}

/** The season's state for a data set, or the failed result when the data set is not one. */
export function openCore(scheme: Scheme, data: Dataset): { core: SeasonCore } | { failed: RunResult } {
  const shape = checkDatasetShape(data);
  if (shape.length > 0) return { failed: failed(scheme, shape) };
  const checked = inspectDataset(scheme, data);
  if (data.scheme !== undefined && data.scheme !== scheme.id) {
    checked.issues.push(dataIssue('scheme-mismatch', '/scheme', `数据是为方案 ${data.scheme} 准备的,不是 ${scheme.id}`, `data was prepared for scheme ${data.scheme}, not ${scheme.id}`, 'warning'));
  }
  return { core: new SeasonCore(scheme, data, checked) };
}

/** The full result of a season now: every unit with its trace, and every problem once. */
export function resultOf(core: SeasonCore): RunResult {
  const { scheme, population: p } = core;
  const issues = once(core.issues());
  const result: RunResult = { ok: !hasErrors(issues), issues, scheme: { id: scheme.id, version: scheme.version }, units: core.units(), selections: p.selections, rankings: p.rankings, classes: p.classes, consequences: p.consequences };
  const broken = findNonFinite(result);
  if (broken) issues.push(dataIssue('non-finite-result', broken, '计算结果不是有限的数,请检查数据中的数值', 'a computed number is not finite; check the numbers in the data'));
  return hasErrors(issues) ? failed(scheme, issues) : result;
}

/**
 * One problem, one report: a parent's fact read for each of its units is reported once, at the fact
 * (the same code, place and wording; two different problems at one place are both kept).
 */
function once(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const i of issues) {
    const key = `${i.code}\u0000${i.path}\u0000${i.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}

function failed(scheme: Scheme, issues: Issue[]): RunResult {
  return { ok: false, issues, scheme: { id: scheme.id, version: scheme.version }, units: [], selections: [], rankings: [], classes: [], consequences: [] };
}
