/**
 * What the workspace has selected: a pointer into the document (an indicator,
 * a rule, a flow list…). `reveal` asks the JSON pane to select the range;
 * `clause` asks the clause pane to highlight that item's source clause.
 */
export interface Selection {
  pointer: string;
  /** Increases on each request to reveal, so the same pointer can be revealed twice. */
  reveal: number;
  clause?: boolean;
}

export type Select = (pointer: string, options?: { reveal?: boolean; clause?: boolean }) => void;

/** Top-level parts of a scheme the tree lists below the indicators (the season flow and the vocabulary). */
export const SECTIONS: Array<{ key: string; name: string }> = [
  { key: '', name: '方案信息' },
  { key: 'categories', name: '参评类别' },
  { key: 'parentCategories', name: '主管单位类别' },
  { key: 'factTypes', name: '事实类型' },
  { key: 'exemptions', name: '免评' },
  { key: 'selections', name: '筛选' },
  { key: 'rankings', name: '排名' },
  { key: 'classifications', name: '等次' },
  { key: 'consequences', name: '结果运用' },
  { key: 'assumptions', name: '假定参数' },
];

/** The section a pointer falls in ('' for the scheme's own fields), or 'indicators'. */
export function sectionOf(pointer: string): string {
  const first = pointer.split('/')[1] ?? '';
  if (first === 'indicators') return 'indicators';
  return SECTIONS.some((s) => s.key === first) ? first : '';
}
