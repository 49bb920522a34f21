import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { NextStep } from '../components/NextStep';
import { ValidationReport } from './ValidationReport';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const DEBOUNCE_MS = 250;

/** Step 5: how good the model is on held-out texts, and a playground to try it. */
export function EvaluatePanel() {
  const { result, prediction, predictError, active } = useStudio(
    useShallow((s) => ({
      result: s.train.result,
      prediction: s.evaluate.prediction,
      predictError: s.evaluate.predictError,
      active: s.exporting.active,
    })),
  );
  const [text, setText] = useState(prediction?.text ?? '');
  useEffect(() => {
    if (!active || text.trim() === '') return;
    const timer = window.setTimeout(() => void studioClient().predict(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, active]);
  const shown = prediction && prediction.text === text ? prediction : null;
  const best = shown ? shown.probabilities.indexOf(Math.max(...shown.probabilities)) : -1;
  return (
    <section aria-labelledby="eval-title">
      <h2 id="eval-title">Evaluate</h2>
      {result && active?.source === 'trained' ? (
        <ValidationReport result={result} classes={result.classes} />
      ) : (
        <p className="empty">{active ? `Metrics are shown for models trained in this session. “${active.name}” is loaded: try it below.` : 'Train a model (Train step) or load a saved one (Export step) to evaluate it.'}</p>
      )}
      <div className="card">
        <h3>Try a text</h3>
        <div className="field wide">
          <label htmlFor="try-text">Try a text</label>
          <textarea
            id="try-text"
            rows={3}
            value={text}
            disabled={!active}
            placeholder={active ? 'Type or paste a text; the prediction updates as you type.' : 'Train or load a model first.'}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <section aria-label="Prediction" className="prediction" aria-live="polite">
          {predictError && (
            <p role="alert" className="error">
              {predictError}
            </p>
          )}
          {shown ? (
            <>
              <p>
                Predicted: <strong>{shown.classes[best]}</strong> ({pct(shown.probabilities[best])})
              </p>
              <ul className="bars" aria-label="Class probabilities">
                {shown.classes.map((name, i) => (
                  <li key={name}>
                    <span className="bar-label">{name}</span>
                    <span className="bar-track" aria-hidden="true">
                      <span className={`bar-fill${i === best ? ' bar-best' : ''}`} style={{ width: `${shown.probabilities[i] * 100}%` }} />
                    </span>
                    <span className="bar-value">{pct(shown.probabilities[i])}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            !predictError && <p className="empty">{active ? 'The prediction appears here.' : 'No model yet.'}</p>
          )}
        </section>
      </div>
      <NextStep to="export" disabled={!active} why="Train or load a model first." />
    </section>
  );
}
