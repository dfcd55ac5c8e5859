/** JSON data files: one object `{ scheme?, units?, parents?, facts?, history? }`. */
import { joinPointer } from '../engine/issue.ts';
import { errText, lineCol, syntaxOffset } from './json-position.ts';
import { checkEncoding, isObject, KIND_OF, stripBom, type Collection, type Merge } from './data-merge.ts';

/** A JSON data file's text (read whole: a JSON document cannot be streamed record by record). */
export function loadJson(source: string, file: string, m: Merge): void {
  const text = stripBom(source);
  const garbled = text.indexOf('\uFFFD');
  if (garbled !== -1) checkEncoding(text, m, { file, line: lineCol(text, garbled).line });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const { line, column } = lineCol(text, syntaxOffset(text, e));
    m.issue('data-json-syntax', '', `JSON 语法错误(第 ${line} 行第 ${column} 列):${errText(e)}`, `JSON syntax error at line ${line}, column ${column}: ${errText(e)}`, { file, line });
    return;
  }
  if (!isObject(doc)) {
    m.issue('data-shape', '', `数据文件须为 JSON 对象 {"units": [...], "facts": [...]}`, `a data file must be a JSON object {"units": [...], "facts": [...]}`, { file });
    return;
  }
  for (const [key, value] of Object.entries(doc)) {
    const kind = KIND_OF.get(key as Collection);
    if (kind) {
      if (Array.isArray(value)) for (const item of value) m.add(kind, item, { file });
      else m.issue('data-shape', `/${key}`, `${key} 须为数组`, `"${key}" must be an array`, { file });
    } else if (key === 'scheme') {
      if (typeof value !== 'string') m.issue('data-shape', '/scheme', `scheme 须为方案标识字符串`, `"scheme" must be a scheme id string`, { file });
      else if (m.scheme && m.scheme.id !== value) {
        m.issue('data-scheme-conflict', '/scheme', `方案标识 ${value} 与 ${m.scheme.file} 中的 ${m.scheme.id} 不一致`, `scheme ${value} conflicts with ${m.scheme.id} in ${m.scheme.file}`, { file });
      } else m.scheme ??= { id: value, file };
    } else if (!key.startsWith('$')) {
      // most likely a typo such as "fact" for "facts": the data would silently vanish
      m.issue('data-unknown-key', joinPointer('', key), `未知字段“${key}”已忽略(可用:scheme、units、parents、facts、history)`, `unknown key "${key}" ignored (expected scheme, units, parents, facts, history)`, { file }, 'warning');
    }
  }
}
