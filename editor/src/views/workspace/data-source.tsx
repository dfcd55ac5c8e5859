/**
 * Which data the page scores with: a data set stored on the server (e.g. last
 * year's season) or one of the scheme's shipped cases. One choice serves the
 * impact list, the preview and the explanations.
 */
import { useEffect, useState } from 'react';
import type { Dataset } from '../../../../engine/index.ts';
import { api, ApiError } from '../../api/client.ts';
import type { DatasetMeta, ShippedCase } from '../../api/types.ts';

export interface DataChoice {
  key: string;
  label: string;
  dataset: Dataset;
}

export interface DataSources {
  datasets: DatasetMeta[];
  cases: ShippedCase[];
  error?: string;
}

/**
 * The data sets and cases offered for scoring, asked of the server once
 * `wanted` turns true (the impact list or the preview is shown): reading the
 * cases' data files is work the first screen does not need.
 */
export function useDataSources(schemeId: string, wanted: boolean): DataSources | undefined {
  const [sources, setSources] = useState<DataSources>();
  const [asked, setAsked] = useState(wanted);
  if (wanted && !asked) setAsked(true);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    Promise.all([api.datasets(schemeId).catch(() => [] as DatasetMeta[]), api.cases(schemeId).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? [] : Promise.reject(e)))]).then(
      ([datasets, cases]) => live && setSources({ datasets: datasets.filter((d) => d.status === 'accepted'), cases }),
      (e: unknown) => live && setSources({ datasets: [], cases: [], error: e instanceof ApiError ? e.refusal.message.zh : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [schemeId, asked]);
  return sources;
}

/** A case's input as a data set: inline, with the scheme's roster when the case asks for it. */
export async function caseDataset(schemeId: string, c: ShippedCase): Promise<Dataset> {
  const input = c.case.input;
  if (typeof input === 'string') {
    const why = (c.problems ?? []).map((p) => `${p.message.zh}(${p.code} ${p.path})`).join(';');
    throw new Error(`用例的数据文件 ${input} 未能读取${why ? `:${why}` : ''}`);
  }
  if (c.case.useSchemeRoster && (input.units ?? []).length === 0) {
    const roster = await api.roster(schemeId);
    return { ...input, units: roster.units, ...(roster.parents ? { parents: roster.parents } : {}) };
  }
  return input;
}

export function DataPicker({ schemeId, sources, value, onChange }: { schemeId: string; sources: DataSources | undefined; value: DataChoice | undefined; onChange: (c: DataChoice | undefined) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!sources) return <span className="muted">载入数据列表…</span>;
  const pick = async (key: string) => {
    setError(undefined);
    if (!key) return onChange(undefined);
    setBusy(true);
    try {
      if (key.startsWith('ds:')) {
        const meta = sources.datasets.find((d) => `ds:${d.id}` === key);
        if (meta) onChange({ key, label: meta.name, dataset: await api.datasetData(meta.id) });
      } else {
        const c = sources.cases.find((x) => `case:${x.name}` === key);
        if (c) onChange({ key, label: c.case.name, dataset: await caseDataset(schemeId, c) });
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.refusal.message.zh : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="data-picker">
      <label>
        数据:
        <select aria-label="选择数据" value={value?.key ?? ''} onChange={(e) => void pick(e.target.value)} disabled={busy}>
          <option value="">(选择数据集或方案用例)</option>
          {sources.datasets.length > 0 && (
            <optgroup label="数据集">
              {sources.datasets.map((d) => (
                <option key={d.id} value={`ds:${d.id}`}>
                  {d.name}({d.counts.units} 个单位,{d.counts.facts} 条事实)
                </option>
              ))}
            </optgroup>
          )}
          {sources.cases.length > 0 && (
            <optgroup label="方案用例">
              {sources.cases.map((c) => (
                <option key={c.name} value={`case:${c.name}`}>
                  {c.case.name.split(' — ')[0]}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {busy && <span className="muted">载入…</span>}
      {error && <span className="bad">{error}</span>}
      {sources.error && <span className="bad">{sources.error}</span>}
    </span>
  );
}
