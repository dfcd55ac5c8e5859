/** Two versions side by side in Monaco's diff editor (loaded lazily with Monaco). */
import { DiffEditor } from '@monaco-editor/react';
import '../../monaco/setup.ts';

export default function SideBySide({ original, modified, from, to }: { original: string; modified: string; from: string; to: string }) {
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language="json"
      originalModelPath={`inmemory://pingyi/diff/a/${from}.json`}
      modifiedModelPath={`inmemory://pingyi/diff/b/${to}.json`}
      // keep the models on unmount: disposing them first makes Monaco's diff widget throw
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false }, fontSize: 12, automaticLayout: true }}
      loading="载入比较…"
    />
  );
}
