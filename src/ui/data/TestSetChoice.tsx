import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { unknownLabelsNote } from '../../core/data/testFile';
import { withUnit } from '../../core/format';
import { useStudio } from '../../store/store';
import type { TestSetSource } from '../../store/dataSlice';
import { TaskLines } from '../components/TaskLines';
import { DATA_FILE_ACCEPT as ACCEPT } from './accept';

const CHOICES: { value: TestSetSource; label: string; hint: string }[] = [
  { value: 'split', label: 'Split from the data', hint: 'a share of each class is held out (“Test split” in Train)' },
  { value: 'file', label: 'Separate file', hint: 'the data splits into training and validation only' },
];

/**
 * "Test set": held out of the data, or a separate file with the same columns (read and matched
 * in the worker). Labels of the file that are not classes of the data are listed with their
 * counts; their rows are left out of the scores.
 */
export function TestSetChoice({ disabled }: { disabled: boolean }) {
  const id = useId();
  const { testSet, testFile, busy, error } = useStudio(
    useShallow((s) => ({ testSet: s.data.testSet, testFile: s.data.testFile, busy: s.data.testFileBusy, error: s.data.testFileError })),
  );
  const client = studioClient().data;
  const report = testFile?.report ?? null;
  const leftOut = report ? unknownLabelsNote(report) : null;
  return (
    <div className="test-set">
      <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} disabled={disabled}>
        <legend id={`${id}-legend`}>Test set</legend>
        {CHOICES.map((c) => (
          <span key={c.value}>
            <label>
              <input
                type="radio"
                name={`${id}-test-set`}
                value={c.value}
                checked={testSet === c.value}
                aria-describedby={`${id}-hint-${c.value}`}
                onChange={() => void client.setTestSet(c.value)}
              />{' '}
              {c.label}
            </label>{' '}
            <span id={`${id}-hint-${c.value}`} className="hint">
              ({c.hint})
            </span>
          </span>
        ))}
      </fieldset>
      {testSet === 'file' && (
        <div className="field">
          <label htmlFor={`${id}-file`}>Test file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            disabled={disabled || busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void client.loadTestFile(file);
              e.target.value = '';
            }}
          />
          <span className="hint">Same columns as the data (by name), any format the data can have. Evaluate then reports on this file.</span>
        </div>
      )}
      <TaskLines busy={busy} error={error} />
      {testSet === 'file' && testFile && (
        <div role="status" aria-label="Test file" className="test-file-status">
          {report ? (
            <p>
              Test file: <strong>{testFile.name}</strong> · {withUnit(report.examples, 'text')} to score (of {withUnit(report.rows, 'row')}
              {report.skipped ? `; ${withUnit(report.skipped, 'row')} without a text or label skipped` : ''}).
            </p>
          ) : (
            <p className="error">
              Test file “{testFile.name}” no longer fits the data: {testFile.error}
            </p>
          )}
          {leftOut && <p className="note">{leftOut}</p>}
        </div>
      )}
      {testSet === 'file' && !testFile && !busy && <p className="hint">No test file yet: until one is read, the test split comes from the data.</p>}
    </div>
  );
}
