import { Fragment, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { percent as pct } from '../../core/format';

const DEBOUNCE_MS = 250;

/** "Try a text": predicts as the user types; shows every class' probability and the tokens that drove it. */
export function Playground() {
  const { prediction, predictError, active, ready } = useStudio(
    useShallow((s) => ({ prediction: s.evaluate.prediction, predictError: s.evaluate.predictError, active: s.exporting.active, ready: s.evaluate.modelReady })),
  );
  const [text, setText] = useState(prediction?.text ?? '');
  useEffect(() => {
    if (!active || text.trim() === '') return;
    const timer = window.setTimeout(() => void studioClient().predictions.predict(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, active]);
  const shown = prediction && prediction.text === text ? prediction : null;
  const best = shown ? shown.probabilities.indexOf(Math.max(...shown.probabilities)) : -1;
  const maxWeight = shown?.highlights ? Math.max(1e-9, ...shown.highlights.map((h) => Math.abs(h.weight))) : 1;
  const top = shown?.highlights ? [...shown.highlights].filter((h) => h.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, 5) : [];
  return (
    <div className="card">
      <h3>Playground</h3>
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
                <li key={name} data-probability={shown.probabilities[i]}>
                  <span className="bar-label">{name}</span>
                  <span className="bar-track" aria-hidden="true">
                    <span className={`bar-fill${i === best ? ' bar-best' : ''}`} style={{ width: `${shown.probabilities[i] * 100}%` }} />
                  </span>
                  <span className="bar-value">{pct(shown.probabilities[i])}</span>
                </li>
              ))}
            </ul>
            {shown.highlights && shown.highlights.length > 0 && (
              <div className="highlights">
                <p className="hint">
                  What the model saw, shaded by how much each token pushed towards “{shown.classes[best]}” (from the max-pooled convolution filters):
                </p>
                <div role="group" aria-label="Highlighted tokens" className="tokens">
                  {shown.highlights.map((h, i) => (
                    <Fragment key={i}>
                      {h.weight > 0 ? (
                        <mark style={{ ['--strength' as string]: h.weight / maxWeight }} title={`+${h.weight.toFixed(3)}`}>
                          {h.token}
                        </mark>
                      ) : (
                        <span title={h.weight.toFixed(3)}>{h.token}</span>
                      )}{' '}
                    </Fragment>
                  ))}
                </div>
                {top.length > 0 && <p className="hint">Strongest: {top.map((h) => h.token).join(', ')}.</p>}
              </div>
            )}
            {shown.highlights && shown.highlights.length === 0 && <p className="hint">None of these words is in the model's vocabulary.</p>}
          </>
        ) : active && !ready ? (
          <p role="status" className="busy">
            Loading model…
          </p>
        ) : (
          !predictError && <p className="empty">{active ? (text.trim() ? 'Predicting…' : 'The prediction appears here.') : 'No model yet.'}</p>
        )}
      </section>
    </div>
  );
}
