import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { splitCounts } from '../../core/data/datasetStats';
import { useStudio } from '../../store/store';
import { count, percent } from '../../core/format';
import { otherName, useClassView } from './ClassList';

const sumOf = (xs: number[], at: number[]) => at.reduce((n, k) => n + xs[k], 0);

/**
 * "Split": examples per class in train, validation and test, from the Train step's "Validation
 * split", "Test split" and "Seed" (stratified, seeded: the same split training will make).
 */
export function SplitPreview({ classes, classCounts }: { classes: string[]; classCounts: number[] }) {
  const { validation, testShare, seed, testFile } = useStudio(
    useShallow((s) => ({
      validation: s.train.config.validationSplit,
      testShare: s.train.config.testSplit,
      seed: s.train.config.seed,
      // A separate test file that fits: it is the test set, and the data splits into train and validation only.
      testFile: s.data.testSet === 'file' ? (s.data.testFile?.report ?? null) : null,
    })),
  );
  const test = testFile ? 0 : testShare;
  const setStep = useStudio((s) => s.setStep);
  const view = useClassView(classCounts, 'Split');
  const result = useMemo(() => {
    try {
      const counts = splitCounts(classCounts, { validation, test, seed });
      return { counts: testFile ? { ...counts, test: testFile.classCounts } : counts, error: null };
    } catch (error) {
      return { counts: null, error: (error as Error).message };
    }
  }, [classCounts, validation, test, seed, testFile]);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return (
    <section className="card" aria-labelledby="split-title">
      <h3 id="split-title">Train / validation / test split</h3>
      <p className="hint">
        Stratified by class and seeded: validation {percent(validation)}, {testFile ? `test from the file “${testFile.name}”` : `test ${percent(test)}`}, seed {seed}.{' '}
        <button type="button" className="link" onClick={() => setStep('train')}>
          Change them in Train
        </button>
      </p>
      {result.error && (
        <p role="alert" className="error">
          {result.error}
        </p>
      )}
      {result.counts && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Split by class, scrolls">
          <table aria-label="Split">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col" className="num">
                  Train
                </th>
                <th scope="col" className="num">
                  Validation
                </th>
                <th scope="col" className="num">
                  Test
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((k) => (
                <tr key={k}>
                  <th scope="row">{classes[k]}</th>
                  <td className="num">{count(result.counts.train[k])}</td>
                  <td className="num">{count(result.counts.validation[k])}</td>
                  <td className="num">{count(result.counts.test[k])}</td>
                </tr>
              ))}
              {view.other && (
                <tr>
                  <th scope="row">{otherName(view.other.classes.length)}</th>
                  {[result.counts.train, result.counts.validation, result.counts.test].map((part, j) => (
                    <td key={j} className="num">
                      {count(sumOf(part, view.other!.classes))}
                    </td>
                  ))}
                </tr>
              )}
              <tr className="avg">
                <th scope="row">All classes</th>
                <td className="num">{count(sum(result.counts.train))}</td>
                <td className="num">{count(sum(result.counts.validation))}</td>
                <td className="num">{count(sum(result.counts.test))}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {result.counts && view.controls}
    </section>
  );
}
