import type { DatasetSummary } from '../../protocol/messages';

/** "Examples as used": the first examples after column mapping, skipped rows and dropped duplicates. */
export function UsedPreview({ summary, textNames, labelName }: { summary: DatasetSummary; textNames: string[]; labelName: string }) {
  if (summary.preview.length === 0) return null;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Examples as used, scrolls">
      <table aria-label="Examples as used">
        <caption>
          The first examples as training will see them: text from {textNames.map((n) => `“${n}”`).join(' + ')}
          {textNames.length > 1 ? ' (joined with a space)' : ''}, label from “{labelName}”
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Text</th>
            <th scope="col">Label</th>
          </tr>
        </thead>
        <tbody>
          {summary.preview.map((p) => (
            <tr key={p.row}>
              <td className="num">{p.row}</td>
              <td>{p.text}</td>
              <td>{p.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
