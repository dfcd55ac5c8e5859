/**
 * A list: objects as a table (their scalar properties as columns, the rest
 * in an expandable row), scalars as a row of inputs. Rows can be added,
 * removed and moved; a row that cites a clause links to the clause view.
 */
import { Fragment, useState } from 'react';
import { insertItem, isObject, moveItem, removeItem, setValue, type Json } from '../../document/index.ts';
import { useForm } from './form-context.ts';
import { ScalarInput } from './scalar-input.tsx';
import { branchFor, branches, emptyValue, fieldKind, isScalar, labelOf, resolve, tagOf, zhOf, type Schema } from './schema.ts';
import { child, SchemaField } from './schema-field.tsx';

const MAX_COLUMNS = 6;

/** Scalar columns of a list of objects (for a union: the tag first, then the branches' scalar properties). */
function columnsOf(items: Schema): Array<[string, Schema]> {
  const r = resolve(items) as Schema;
  const objects = r.oneOf || r.anyOf ? branches(r) : [r];
  const cols = new Map<string, Schema>();
  const tag = tagOf(r);
  for (const o of objects) {
    for (const [k, s] of Object.entries(o.properties ?? {})) {
      if (k === 'source' || k === tag || cols.has(k)) continue;
      if (isScalar(fieldKind(s))) cols.set(k, s);
    }
  }
  return [...cols].slice(0, MAX_COLUMNS);
}

export function ArrayField({ schema, pointer, value }: { schema: Schema; pointer: string; value: Json | undefined }) {
  const { run, readOnly, select } = useForm();
  const [open, setOpen] = useState<number | undefined>();
  const list = Array.isArray(value) ? value : [];
  const items = resolve(schema.items) as Schema | undefined;
  const itemKind = fieldKind(items);
  const toolbar = (i: number) =>
    !readOnly && (
      <span className="row-actions">
        <button type="button" className="icon" aria-label="上移" disabled={i === 0} onClick={() => run(moveItem(pointer, i, i - 1))}>↑</button>
        <button type="button" className="icon" aria-label="下移" disabled={i === list.length - 1} onClick={() => run(moveItem(pointer, i, i + 1))}>↓</button>
        <button type="button" className="icon" aria-label="删除此行" onClick={() => run(removeItem(pointer, i))}>×</button>
      </span>
    );
  const add = !readOnly && (
    <button type="button" className="add-row" onClick={() => run(Array.isArray(value) ? insertItem(pointer, list.length, emptyValue(items)) : setValue(pointer, [emptyValue(items)]))}>
      + 添加{zhOf(items) ? labelOf(items, '') : ''}
    </button>
  );

  if (isScalar(itemKind) || !items) {
    return (
      <div className="scalar-list">
        {list.map((v, i) => (
          <span key={i} className="scalar-item">
            <ScalarInput schema={items} pointer={child(pointer, i)} value={v} label={`第 ${i + 1} 项`} />
            {toolbar(i)}
          </span>
        ))}
        {add}
      </div>
    );
  }

  const tag = items.oneOf || items.anyOf ? tagOf(items) : undefined;
  const cols = columnsOf(items);
  return (
    <div className="array-table">
      <table className="grid">
        <thead>
          <tr>
            <th>#</th>
            {tag && <th>类型</th>}
            {cols.map(([k, s]) => (
              <th key={k} title={zhOf(resolve(s))}>
                {labelOf(s, k)}
              </th>
            ))}
            <th>出处</th>
            <th aria-label="操作" />
          </tr>
        </thead>
        <tbody>
          {list.map((v, i) => {
            const o = isObject(v) ? v : {};
            const branch = tag ? (branchFor(items, v) ?? items) : items;
            const at = child(pointer, i);
            return (
              <Fragment key={i}>
                <tr data-row={at} className={open === i ? 'open' : undefined}>
                  <td>{i + 1}</td>
                  {tag && <td>{labelOf(branch, String(o[tag] ?? ''))}</td>}
                  {cols.map(([k, s]) => (
                    <td key={k}>
                      {branch.properties?.[k] ? <ScalarInput schema={branch.properties[k] ?? s} pointer={child(at, k)} value={o[k]} label={`第 ${i + 1} 行 ${labelOf(s, k)}`} /> : <span className="muted">—</span>}
                    </td>
                  ))}
                  <td className="source-cell">
                    {typeof o.source === 'string' ? (
                      <button type="button" className="link clause-link" title={o.source} onClick={() => select(at, { reveal: true, clause: true })}>
                        § {o.source.length > 14 ? o.source.slice(0, 14) + '…' : o.source}
                      </button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="nowrap">
                    <button type="button" className="icon" aria-expanded={open === i} aria-label={open === i ? '收起' : '展开全部字段'} onClick={() => setOpen(open === i ? undefined : i)}>
                      {open === i ? '▾' : '▸'}
                    </button>
                    {toolbar(i)}
                  </td>
                </tr>
                {open === i && (
                  <tr className="expanded">
                    <td colSpan={cols.length + 4 + (tag ? 1 : 0)}>
                      <SchemaField schema={items} pointer={at} value={v} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {add}
    </div>
  );
}
