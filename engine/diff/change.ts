/**
 * The changes between two versions of a scheme, as data. Every change is
 * located by identity (the ids of the indicator, rule, class… it concerns),
 * not by position, and carries JSON Pointers into both versions so a reviewer
 * can open the exact spot: `pathA` into the old version, `pathB` into the new
 * one; an addition has no `pathA`, a removal no `pathB`.
 */
import type { Method, MethodKind } from '../scheme/methods/index.ts';

export interface Text {
  zh: string;
  en: string;
}

/** What a change is about: its id and a human name (from the new version, or the old one when removed). */
export interface Ref {
  id: string;
  name: string;
}

/**
 * Where an indicator sits: parent id (null at the top level), the parent's
 * variant when it is one of a variant's children, and its index among its
 * siblings.
 */
export interface Place {
  parent: string | null;
  variant?: string;
  index: number;
}

/** Top-level properties compared as metadata; any top-level property the diff does not know yet is reported under its own name. */
export type MetadataField = 'id' | 'name' | 'nameEn' | 'jurisdiction' | 'year' | 'version' | 'basedOn' | 'description' | 'source' | 'totalPoints' | (string & {});
export type CategoryList = 'categories' | 'parentCategories';
/** Other properties of an indicator; a property the diff does not know yet is reported under its own name. */
export type IndicatorProperty = 'outsideTotal' | 'source' | 'aggregate' | 'requires' | (string & {});
/** Id-matched lists inside a method other than rules. */
export type MethodItemList = 'groups' | 'grades' | 'levels';
export type RuleList = 'rules' | 'adjustments';
/**
 * Which aspect of a rule changed: `condition` is its `when`, `points` its
 * points (kind or values), `range` the bounds of range points, `modifiers` a
 * modifier added/removed/changed, `source` the clause it cites, `position`
 * its place in the list (which matters under `hitPolicy: first`), `other` a
 * property the diff does not know yet (named in `property`). A modifier
 * change names the `modifier` and, when only some of its properties differ,
 * the `property`; before/after are then that property's values, else the
 * whole modifier (undefined on the side where it is absent).
 */
export type RuleAspect = 'name' | 'source' | 'fact-type' | 'condition' | 'points' | 'range' | 'quantity' | 'group' | 'modifiers' | 'position' | 'other';
/** Top-level lists of the season flow, plus assumptions, all matched by id. */
export type FlowList = 'exemption' | 'selection' | 'ranking' | 'classification' | 'consequence' | 'assumption';

interface At {
  pathA?: string;
  pathB?: string;
  summary: Text;
}
interface OnIndicator extends At {
  indicator: Ref;
}
interface BeforeAfter<T = unknown> {
  before: T;
  after: T;
}

export type FlowAdded = { [L in FlowList]: At & { kind: `${L}-added`; item: Ref } }[FlowList];
export type FlowRemoved = { [L in FlowList]: At & { kind: `${L}-removed`; item: Ref } }[FlowList];
/** `property` is the item's property that differs, or `position` when only its place in the list moved. */
export type FlowChanged = { [L in FlowList]: At & BeforeAfter & { kind: `${L}-changed`; item: Ref; property: string } }[FlowList];

export type Change =
  | (At & BeforeAfter & { kind: 'metadata-changed'; field: MetadataField })
  | (At & { kind: 'category-added'; list: CategoryList; category: Ref })
  | (At & { kind: 'category-removed'; list: CategoryList; category: Ref })
  | (At & BeforeAfter & { kind: 'category-changed'; list: CategoryList; category: Ref; property: string })
  | (At & { kind: 'fact-type-added'; factType: Ref })
  | (At & { kind: 'fact-type-removed'; factType: Ref })
  | (At & BeforeAfter & { kind: 'fact-type-changed'; factType: Ref; property: string })
  | (At & { kind: 'fact-field-added'; factType: Ref; field: string; schema: unknown; required: boolean })
  | (At & { kind: 'fact-field-removed'; factType: Ref; field: string; schema: unknown; required: boolean })
  | (At & BeforeAfter & { kind: 'fact-field-changed'; factType: Ref; field: string; aspect: 'schema' | 'required' })
  | (OnIndicator & { kind: 'indicator-added'; place: Place })
  | (OnIndicator & { kind: 'indicator-removed'; place: Place })
  | (OnIndicator & { kind: 'indicator-moved'; from: Place; to: Place })
  | (OnIndicator & BeforeAfter<string | undefined> & { kind: 'indicator-renamed'; field: 'name' | 'nameEn' })
  | (OnIndicator & BeforeAfter<number | undefined> & { kind: 'points-changed'; field: 'points' | 'percent' })
  | (OnIndicator & BeforeAfter & { kind: 'indicator-changed'; property: IndicatorProperty })
  /** Per-unit variants of an indicator's children; `property` is `position` when only the order moved (the first matching variant wins). */
  | (OnIndicator & { kind: 'variant-added'; variant: Ref })
  | (OnIndicator & { kind: 'variant-removed'; variant: Ref })
  | (OnIndicator & BeforeAfter & { kind: 'variant-changed'; variant: Ref; property: string })
  /** `methods`: the whole old and new method, so a reviewer sees the new method's parameters, not only its kind. */
  | (OnIndicator & BeforeAfter<MethodKind | undefined> & { kind: 'method-changed'; methods: { before?: Method; after?: Method } })
  | (OnIndicator & BeforeAfter & { kind: 'method-parameter-changed'; method: MethodKind; parameter: string })
  | (OnIndicator & { kind: 'method-item-added'; method: MethodKind; list: MethodItemList; item: Ref })
  | (OnIndicator & { kind: 'method-item-removed'; method: MethodKind; list: MethodItemList; item: Ref })
  | (OnIndicator & BeforeAfter & { kind: 'method-item-changed'; method: MethodKind; list: MethodItemList; item: Ref; property: string })
  | (OnIndicator & { kind: 'rule-added'; list: RuleList; rule: Ref })
  | (OnIndicator & { kind: 'rule-removed'; list: RuleList; rule: Ref })
  | (OnIndicator & BeforeAfter & { kind: 'rule-changed'; list: RuleList; rule: Ref; aspect: RuleAspect; modifier?: string; property?: string })
  /** `parameter`: the method property holding the quota (`quota`, `preliminaryQuota`). */
  | (OnIndicator & BeforeAfter & { kind: 'quota-changed'; parameter: string })
  | (OnIndicator & BeforeAfter<number | undefined> & { kind: 'cap-changed'; group?: Ref })
  | (OnIndicator & BeforeAfter<number | undefined> & { kind: 'floor-changed'; field: 'floor' | 'min' })
  /** `indicator` absent: the scheme's total rounding. */
  | (At & BeforeAfter & { kind: 'rounding-changed'; indicator?: Ref; parameter: 'total' | 'rounding' | 'scoreRounding' })
  | (At & BeforeAfter & { kind: 'tie-break-changed'; list: 'selection' | 'ranking'; item: Ref })
  /** `factType` absent: the scheme's window. */
  | (At & BeforeAfter & { kind: 'window-changed'; factType?: Ref })
  | FlowAdded
  | FlowRemoved
  | FlowChanged;

export type ChangeKind = Change['kind'];

type WithoutSummary<T> = T extends unknown ? Omit<T, 'summary'> : never;
/** A change before its summary is written (see describe-change.ts). */
export type ChangeBody = WithoutSummary<Change>;

/** Sections of a rendered diff, in reading order. */
export const SECTIONS = ['metadata', 'categories', 'factTypes', 'indicators', 'flow', 'assumptions'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, Text> = {
  metadata: { zh: '基本信息', en: 'Metadata' },
  categories: { zh: '类别', en: 'Categories' },
  factTypes: { zh: '事实类型', en: 'Fact types' },
  indicators: { zh: '指标与计分', en: 'Indicators and scoring' },
  flow: { zh: '免评、筛选、排名、等次与结果运用', en: 'Exemptions, selections, rankings, classes and consequences' },
  assumptions: { zh: '假定参数', en: 'Assumptions' },
};

export function sectionOf(c: ChangeBody): Section {
  switch (c.kind) {
    case 'metadata-changed':
      return 'metadata';
    case 'window-changed':
      return c.factType ? 'factTypes' : 'metadata';
    case 'rounding-changed':
      return c.indicator ? 'indicators' : 'metadata';
    case 'category-added':
    case 'category-removed':
    case 'category-changed':
      return 'categories';
    case 'fact-type-added':
    case 'fact-type-removed':
    case 'fact-type-changed':
    case 'fact-field-added':
    case 'fact-field-removed':
    case 'fact-field-changed':
      return 'factTypes';
    case 'indicator-added':
    case 'indicator-removed':
    case 'indicator-moved':
    case 'indicator-renamed':
    case 'points-changed':
    case 'indicator-changed':
    case 'variant-added':
    case 'variant-removed':
    case 'variant-changed':
    case 'method-changed':
    case 'method-parameter-changed':
    case 'method-item-added':
    case 'method-item-removed':
    case 'method-item-changed':
    case 'rule-added':
    case 'rule-removed':
    case 'rule-changed':
    case 'quota-changed':
    case 'cap-changed':
    case 'floor-changed':
      return 'indicators';
    case 'assumption-added':
    case 'assumption-removed':
    case 'assumption-changed':
      return 'assumptions';
    case 'tie-break-changed':
    case 'exemption-added':
    case 'exemption-removed':
    case 'exemption-changed':
    case 'selection-added':
    case 'selection-removed':
    case 'selection-changed':
    case 'ranking-added':
    case 'ranking-removed':
    case 'ranking-changed':
    case 'classification-added':
    case 'classification-removed':
    case 'classification-changed':
    case 'consequence-added':
    case 'consequence-removed':
    case 'consequence-changed':
      return 'flow';
    default: {
      const never: never = c;
      return never;
    }
  }
}
