import { useId } from 'react';
import { PARAM_INFO, SEARCH_PARAMS, type SearchForm, type SearchIssue, type SearchParam } from '../../core/train/searchSpace';

const HINTS: Partial<Record<SearchParam, string>> = {
  learningRate: 'a range is drawn on a log scale',
  kernelSizes: 'sets split by “;”, e.g. 3; 3,4,5',
  optimizer: 'adam, sgd, rmsprop',
  dropout: 'added after pooling if the model has none',
};

/**
 * The settings a search may vary, one compact row each: a checkbox turns it on and shows its
 * text, a list ("16, 32, 64") or a range ("0.0001 to 0.1"); a problem shows under its row.
 */
export function SearchParamsForm({ form, issues, disabled, onChange }: { form: SearchForm; issues: SearchIssue[]; disabled: boolean; onChange: (form: SearchForm) => void }) {
  return (
    <fieldset className="search-params">
      <legend>Settings to vary</legend>
      {SEARCH_PARAMS.map((param) => (
        <ParamRow
          key={param}
          param={param}
          form={form}
          problem={issues.find((i) => i.path === param)?.message}
          disabled={disabled}
          onChange={onChange}
        />
      ))}
    </fieldset>
  );
}

function ParamRow({ param, form, problem, disabled, onChange }: { param: SearchParam; form: SearchForm; problem?: string; disabled: boolean; onChange: (form: SearchForm) => void }) {
  const id = useId();
  const label = PARAM_INFO[param].label;
  const on = form.varied[param];
  return (
    <div className={`search-param${on ? '' : ' off'}${problem ? ' field-problem' : ''}`}>
      <label className="search-param-name">
        <input type="checkbox" checked={on} disabled={disabled} onChange={(e) => onChange({ ...form, varied: { ...form.varied, [param]: e.target.checked } })} />
        {` Vary ${label.toLowerCase()}`}
      </label>
      <input
        type="text"
        aria-label={`${label} values`}
        value={form.texts[param]}
        hidden={!on}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint ${id}-problem`}
        spellCheck={false}
        onChange={(e) => onChange({ ...form, texts: { ...form.texts, [param]: e.target.value } })}
      />
      <span id={`${id}-hint`} className="hint" hidden={!on}>
        {HINTS[param]}
      </span>
      <span id={`${id}-problem`} className="problem">
        {problem}
      </span>
    </div>
  );
}
