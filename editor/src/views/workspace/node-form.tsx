/**
 * The form for what is selected: an indicator (its method, rules, quotas,
 * caps, rounding…), a flow section (exemptions, selections, rankings,
 * classes, consequences), or the scheme's own fields — all from the schema.
 */
import type { ReactNode } from 'react';
import { getAt, nodeAt, type IndicatorTree, type Json } from '../../document/index.ts';
import { Tech, TechPanel } from '../../i18n/tech-info.tsx';
import { methodForm } from '../../forms/registry.ts';
import { ObjectFields, SchemaField } from '../form/schema-field.tsx';
import { ROOT, schemaAt, zhOf } from '../form/schema.ts';
import { SECTIONS, sectionOf } from './selection.ts';

export function NodeForm(props: { doc: Json; tree: IndicatorTree; selected: string }) {
  // one 技术信息 switch for the form: keys, ids and tags show only while it is on
  return <TechPanel render={(toggle) => <FormFor {...props} toggle={toggle} />} />;
}

function FormFor({ doc, tree, selected, toggle }: { doc: Json; tree: IndicatorTree; selected: string; toggle: ReactNode }) {
  const section = sectionOf(selected);
  if (section === 'indicators') {
    const node = nodeAt(tree, selected);
    if (!node) return <EmptyForm />;
    const value = getAt(doc, node.pointer);
    const Domain = methodForm(getAt(doc, `${node.pointer}/method/kind`));
    const generic = <SchemaField schema={schemaAt(doc, node.pointer)} pointer={node.pointer} value={value} omit={['children']} />;
    return (
      <section className="node-form" aria-label="指标表单">
        <h2>
          {node.name}{' '}
          <Tech>
            <code className="muted">{node.id}</code>
          </Tech>
        </h2>
        <div className="form-tools">{toggle}</div>
        {Domain ? (
          <>
            <Domain doc={doc} pointer={node.pointer} />
            {/* every field of the format, for what the sentences do not say */}
            <details className="advanced">
              <summary>高级</summary>
              {generic}
            </details>
          </>
        ) : (
          generic
        )}
      </section>
    );
  }
  if (section === '') {
    const omit = SECTIONS.map((s) => s.key).filter(Boolean).concat(['indicators']);
    return (
      <section className="node-form" aria-label="方案信息表单">
        <h2>方案信息</h2>
        <div className="form-tools">{toggle}</div>
        <ObjectFields schema={ROOT} pointer="" value={doc} omit={omit} />
      </section>
    );
  }
  const pointer = `/${section}`;
  const name = SECTIONS.find((s) => s.key === section)?.name ?? section;
  const schema = schemaAt(doc, pointer);
  return (
    <section className="node-form" aria-label={`${name}表单`}>
      <h2>
        {name}{' '}
        <Tech>
          <code className="muted">{section}</code>
        </Tech>
      </h2>
      <div className="form-tools">{toggle}</div>
      <p className="muted">{zhOf(schema?.items ? schemaAt(doc, `${pointer}/0`) ?? schema : schema)}</p>
      <SchemaField schema={schema} pointer={pointer} value={getAt(doc, pointer)} />
    </section>
  );
}

function EmptyForm() {
  return <section className="node-form muted">在左侧选择一个指标或流程环节</section>;
}
