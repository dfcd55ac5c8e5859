/**
 * Drafting next year's scheme from this year's (docs/authoring.md §一、§四 第 1 步):
 * the year-bound metadata moves on mechanically; anything that needs the new
 * document in hand (clause texts that cite old years, the document's own
 * title) is left as it was and flagged with a pointer, so the author checks
 * it against the new 细则 instead of trusting a blind search-and-replace.
 *
 * Pure: the CLI copies folders around it and the server offers it as
 * "以此版本起草下一年度".
 */
import { joinPointer, schemeIssue, type Issue } from '../issue.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { shiftDate } from './shift-date.ts';
import { yearsNamed } from './years-named.ts';

export interface NextYearOptions {
  /** The new scheme's year (e.g. this year + 1). */
  year: number;
  /** The new scheme's id; by default the old id with its year replaced (`x-<old>` → `x-<new>`), else `<old id>-<year>`. */
  id?: string;
}

export interface NextYearDraft {
  scheme: Scheme;
  /** Errors (the options cannot give a usable draft) and warnings (places the author must check). */
  notes: Issue[];
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
/** Metadata the draft rewrites itself; the scan for old years skips them. */
const MOVED = new Set(['/id', '/name', '/nameEn', '/year', '/version', '/basedOn', '/window/from', '/window/to', '/$schema']);

/** A year as a token of an id or a name: four digits not part of a longer number. */
function replaceYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, 'g'), String(to));
}

function draftId(old: string, from: number, to: number): string {
  const moved = replaceYear(old, from, to);
  return moved !== old ? moved : `${old}-${to}`;
}

export function nextYear(scheme: Scheme, opts: NextYearOptions): NextYearDraft {
  const notes: Issue[] = [];
  const { year } = opts;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    notes.push(schemeIssue('next-year-invalid', '/year', `新年度 ${year} 须为 1990–2100 之间的整数`, `the new year ${year} must be an integer between 1990 and 2100`));
    return { scheme, notes };
  }
  if (year <= scheme.year) {
    notes.push(schemeIssue('next-year-not-later', '/year', `新年度 ${year} 须晚于本方案年度 ${scheme.year}`, `the new year ${year} must be later than the scheme's year ${scheme.year}`));
    return { scheme, notes };
  }
  const id = opts.id ?? draftId(scheme.id, scheme.year, year);
  if (!ID.test(id) || id === scheme.id) {
    notes.push(schemeIssue('next-year-id', '/id', `新方案标识“${id}”无效或与原方案相同`, `the new scheme id "${id}" is invalid or the same as the old one`));
    return { scheme, notes };
  }

  // a deep copy: the caller's scheme stays as it was (the server keeps serving it)
  const draft = structuredClone(scheme) as Scheme;
  const delta = year - scheme.year;
  draft.id = id;
  draft.year = year;
  draft.version = '1.0.0';
  draft.basedOn = { id: scheme.id, version: scheme.version };
  draft.name = replaceYear(scheme.name, scheme.year, year);
  if (scheme.nameEn !== undefined) draft.nameEn = replaceYear(scheme.nameEn, scheme.year, year);
  if (draft.name === scheme.name) {
    notes.push(schemeIssue('next-year-name', '/name', `名称“${scheme.name}”未写年度 ${scheme.year},请按新文件核对名称`, `the name does not contain the year ${scheme.year}; check it against the new document`, 'warning'));
  }
  if (scheme.window) {
    // the 认定期间 moves on by whole years; a window ending on the last day of a month keeps doing so (Feb 28/29)
    draft.window = { ...scheme.window, from: shiftDate(scheme.window.from, delta), to: shiftDate(scheme.window.to, delta) };
    notes.push(
      schemeIssue(
        'next-year-window',
        '/window',
        `认定期间已顺延 ${delta} 年:${draft.window.from} 至 ${draft.window.to},请按新文件核对`,
        `the window moved on by ${delta} year(s) to ${draft.window.from} … ${draft.window.to}; check it against the new document`,
        'warning',
      ),
    );
  }
  flagOldYears(draft, '', year, notes);
  return { scheme: draft, notes };
}

/** Every text of the draft (clause citations, notes, names) that names a year other than the new one. */
function flagOldYears(value: unknown, path: string, year: number, notes: Issue[]): void {
  if (MOVED.has(path)) return;
  if (typeof value === 'string') {
    const years = yearsNamed(value).filter((y) => y !== year);
    if (years.length === 0) return;
    const list = years.join('、');
    notes.push(
      schemeIssue(
        'next-year-old-year',
        path,
        `此处写有 ${list} 年,请按新年度文件核对:${value}`,
        `this text names ${years.join(', ')}; check it against the new year's document: ${value}`,
        'warning',
      ),
    );
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => flagOldYears(v, joinPointer(path, i), year, notes));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) flagOldYears(v, joinPointer(path, k), year, notes);
}
