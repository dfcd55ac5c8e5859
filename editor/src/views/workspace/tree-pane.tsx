/**
 * The indicator tree: each node with its points (or percent) and, under a
 * node with children, the running sum against it — red where it does not add
 * up. Add, remove, move, rename and set points here; the flow sections below.
 */
import { useEffect, useState } from 'react';
import { getAt, nodeAt, moveIndicator, movedPointer, moveTargets, moveUnderLeaf, parentPointer, removeIndicator, setValue, type ChildGroup, type IndicatorTree, type Json, type TreeNode } from '../../document/index.ts';
import { useForm } from '../form/form-context.ts';
import { methodLabel } from '../../i18n/labels.ts';
import { SECTIONS } from './selection.ts';
import { useTreeKeys } from './tree-keys.ts';
import { useCreate } from '../../forms/use-create.ts';

const fmt = (x: number) => String(Math.round(x * 1e4) / 1e4);

export function TreePane({ tree, doc, selected, problemsAt }: { tree: IndicatorTree; doc: Json; selected: string; problemsAt: (pointer: string) => number }) {
  const { select } = useForm();
  const onKeyDown = useTreeKeys();
  // one Tab stop: the selected item, else the first
  const current = nodeAt(tree, selected)?.pointer ?? tree.nodes[0]?.pointer;
  return (
    <nav className="tree-pane" aria-label="指标树">
      <div className="pane-title">
        指标
        <span className={`sum ${tree.ok ? 'ok' : 'bad'}`} data-testid="tree-total" title="一级指标(不含分值外加分)之和 / 总分">
          {fmt(tree.sum)} / {fmt(tree.total)}
        </span>
      </div>
      <ul className="tree" role="tree" aria-label="指标" onKeyDown={onKeyDown}>
        {tree.nodes.map((n, i) => (
          <Node key={n.pointer} node={n} index={i} siblings={tree.nodes.length} tree={tree} selected={selected} current={current} level={1} problemsAt={problemsAt} />
        ))}
      </ul>
      <AddNode arrayPointer="/indicators" count={tree.nodes.length} label="+ 添加一级指标" />
      <div className="pane-title">评议流程与定义</div>
      <ul className="sections">
        {SECTIONS.map((s) => {
          const pointer = s.key ? `/${s.key}` : '';
          const v = getAt(doc, pointer);
          const count = Array.isArray(v) ? v.length : undefined;
          const active = selected === pointer || (s.key !== '' && selected.startsWith(pointer + '/') && !selected.startsWith('/indicators'));
          return (
            <li key={s.key}>
              <button type="button" className={active ? 'selected' : undefined} onClick={() => select(pointer, { reveal: true })}>
                {s.name} {count !== undefined && <span className="muted">({count})</span>}
                {problemsAt(pointer) > 0 && s.key !== '' && <span className="dot" title="有问题" />}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Adding asks the name first: the id is made from it (forms/new-id.ts), never typed, never a placeholder's. */
function AddNode({ arrayPointer, count, label }: { arrayPointer: string; count: number; label: string }) {
  const { readOnly, select } = useForm();
  const create = useCreate();
  const [name, setName] = useState<string>();
  if (readOnly) return null;
  if (name === undefined) {
    return (
      <button type="button" className="add-row" onClick={() => setName('')}>
        {label}
      </button>
    );
  }
  const add = () => {
    const n = name.trim();
    if (!n) return;
    create((m, d) => m.addIndicator(d, arrayPointer, count, n), () => {
      setName(undefined);
      select(`${arrayPointer}/${count}`, { reveal: true });
    });
  };
  return (
    <span className="add-node">
      <input
        autoFocus
        aria-label="新指标名称"
        placeholder="新指标名称"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setName(undefined);
          // Enter that confirms a pinyin candidate is not a commit
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229) add();
        }}
      />
      <button type="button" disabled={!name.trim()} onClick={add}>
        添加
      </button>
      <button type="button" className="link" onClick={() => setName(undefined)}>
        取消
      </button>
    </span>
  );
}

interface NodeProps {
  node: TreeNode;
  index: number;
  siblings: number;
  tree: IndicatorTree;
  selected: string;
  /** The item that takes the tree's one Tab stop. */
  current: string | undefined;
  level: number;
  problemsAt: (p: string) => number;
}

function Node({ node, index, siblings, tree, selected, current, level, problemsAt }: NodeProps) {
  const { select } = useForm();
  const isSelected = selected === node.pointer;
  const bad = problemsAt(node.pointer);
  return (
    // the item wraps its children's groups, with the sums and add buttons between them: a row-only
    // treeitem owning its groups (APG navigation tree) left those buttons as children of the tree
    // (axe aria-required-children). No aria-label: a label that leaves out the visible subtree is
    // a mismatch (axe label-content-name-mismatch); the name comes from the content.
    <li
      role="treeitem"
      aria-selected={isSelected}
      aria-level={level}
      aria-expanded={node.groups.length > 0 ? true : undefined}
      tabIndex={current === node.pointer ? 0 : -1}
      data-indicator={node.id}
      data-node={node.id}
      data-name={node.name}
    >
      <div className={`node${isSelected ? ' selected' : ''}`}>
        <button type="button" className="node-name" tabIndex={-1} onClick={() => select(node.pointer, { reveal: true })}>
          {node.name || <em>(无名称)</em>}
          {node.outsideTotal && <span className="tag">总分外</span>}
          {node.method && <span className="tag method">{methodLabel(node.method)}</span>}
          {bad > 0 && <span className="dot" title={`${bad} 个问题`} />}
        </button>
        <span className="max" title={node.percent !== undefined ? `占上级 ${node.percent}%` : '分值'}>
          {node.percent !== undefined ? `${fmt(node.percent)}% = ${fmt(node.max)}` : fmt(node.max)}
        </span>
      </div>
      {isSelected && <NodeEditor node={node} index={index} siblings={siblings} tree={tree} />}
      {node.groups.map((g) => (
        <Group key={g.pointer} group={g} node={node} tree={tree} selected={selected} current={current} level={level + 1} problemsAt={problemsAt} />
      ))}
    </li>
  );
}

function Group({ group, node, tree, selected, current, level, problemsAt }: { group: ChildGroup; node: TreeNode; tree: IndicatorTree; selected: string; current: string | undefined; level: number; problemsAt: (p: string) => number }) {
  const { select } = useForm();
  return (
    <div className="group">
      {group.variant && (
        <button type="button" className="variant" onClick={() => select(group.variant?.pointer ?? node.pointer, { reveal: true })}>
          变体:{group.variant.name}
        </button>
      )}
      <div className={`sum ${group.ok ? 'ok' : 'bad'}`} data-sum={group.pointer} title={node.aggregate === 'mean' ? '求平均:每个子指标应等于上级分值' : '子指标合计 / 上级分值'}>
        {node.aggregate === 'mean' ? `平均 · 每项应为 ${fmt(node.max)}` : `合计 ${fmt(group.sum)} / ${fmt(node.max)}`}
      </div>
      <ul role="group">
        {group.children.map((c, i) => (
          <Node key={c.pointer} node={c} index={i} siblings={group.children.length} tree={tree} selected={selected} current={current} level={level} problemsAt={problemsAt} />
        ))}
      </ul>
      <AddNode arrayPointer={group.pointer} count={group.children.length} label="+ 添加子指标" />
    </div>
  );
}

/** Rename, points, move (within its parent or to another) and remove for the selected node, right under it in the tree. */
function NodeEditor({ node, index, siblings, tree }: { node: TreeNode; index: number; siblings: number; tree: IndicatorTree }) {
  const { run, readOnly, select } = useForm();
  const [name, setName] = useState(node.name);
  const field = node.percent !== undefined ? 'percent' : 'points';
  const value = node.percent ?? node.points;
  const [num, setNum] = useState(value === undefined ? '' : String(value));
  const { parent } = parentPointer(node.pointer);
  // follow edits made elsewhere (the form, Monaco, undo) without losing what is being typed here
  useEffect(() => setName(node.name), [node.name]);
  useEffect(() => setNum((cur) => (Number(cur) === value ? cur : value === undefined ? '' : String(value))), [value]);
  if (readOnly) return null;
  return (
    <div className="node-editor">
      <label>
        名称
        <input
          aria-label="指标名称"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name !== node.name && name && run(setValue(`${node.pointer}/name`, name))}
          // Enter that confirms a pinyin candidate is not a commit
          onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229 && name && name !== node.name && run(setValue(`${node.pointer}/name`, name))}
        />
      </label>
      <label>
        {field === 'percent' ? '百分比' : '分值'}
        <input
          aria-label="指标分值"
          inputMode="decimal"
          size={6}
          value={num}
          onChange={(e) => {
            setNum(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(n)) run(setValue(`${node.pointer}/${field}`, n), { mergeKey: `${node.pointer}/${field}` });
          }}
        />
      </label>
      <span className="row-actions">
        <button type="button" aria-label="上移" disabled={index === 0} onClick={() => (run(moveIndicator(node.pointer, parent, index - 1)), select(`${parent}/${index - 1}`))}>↑</button>
        <button type="button" aria-label="下移" disabled={index === siblings - 1} onClick={() => (run(moveIndicator(node.pointer, parent, index + 1)), select(`${parent}/${index + 1}`))}>↓</button>
        <button type="button" aria-label="删除指标" className="danger" title="连同子指标与指向其中的假定参数一起删除" onClick={() => (run(removeIndicator(node.pointer)), select(''))}>删除</button>
      </span>
      <MoveTo node={node} tree={tree} />
    </div>
  );
}

/**
 * “移动到…”: another parent for the node. A native select and a button, not a
 * move on change: arrow keys on a closed select change its value, and a
 * keyboard user must be able to pass over the choices without moving anything.
 * Leaves are offered too, in their own group and saying what happens: the
 * leaf becomes a group and its scoring method is removed (undo brings it back).
 */
function MoveTo({ node, tree }: { node: TreeNode; tree: IndicatorTree }) {
  const { run, select } = useForm();
  const [choice, setChoice] = useState('');
  const targets = moveTargets(tree, node.pointer);
  if (targets.length === 0) return null;
  const t = targets.find((x) => x.pointer === choice);
  const option = (x: (typeof targets)[number]) => (
    <option key={x.pointer} value={x.pointer}>
      {x.label}
    </option>
  );
  const groups = targets.filter((x) => !x.leaf);
  const leaves = targets.filter((x) => x.leaf);
  return (
    <span className="move-to">
      <select aria-label="移动到…" value={t ? choice : ''} onChange={(e) => setChoice(e.target.value)}>
        <option value="">移动到…</option>
        {groups.map(option)}
        {leaves.length > 0 && <optgroup label="末级指标:移入后变为分组,其计分方法移除(可撤销)">{leaves.map(option)}</optgroup>}
      </select>
      <button
        type="button"
        disabled={!t}
        title={t?.leaf ? '目标为末级指标:它将变为分组,原计分方法移除' : undefined}
        onClick={() => {
          if (!t) return;
          run(t.leaf ? moveUnderLeaf(node.pointer, t.leaf.pointer) : moveIndicator(node.pointer, t.pointer));
          setChoice('');
          select(movedPointer(node.pointer, t.pointer, t.length), { reveal: true });
        }}
      >
        移动
      </button>
    </span>
  );
}
