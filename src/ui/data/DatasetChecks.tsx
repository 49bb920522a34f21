import type { DatasetCheck } from '../../core/data/validateDataset';

/** The checks of the data: errors as alerts, warnings as a list; each names rows and columns. */
export function DatasetChecks({ checks }: { checks: DatasetCheck[] }) {
  const errors = checks.filter((c) => c.severity === 'error');
  const warnings = checks.filter((c) => c.severity === 'warning');
  return (
    <>
      {errors.map((c) => (
        <p key={c.kind} role="alert" className="error">
          {c.message}
        </p>
      ))}
      {warnings.length > 0 ? (
        <ul className="notices" aria-label="Data checks">
          {warnings.map((c) => (
            <li key={c.kind} className="notice">
              {c.message}
            </li>
          ))}
        </ul>
      ) : (
        errors.length === 0 && <p className="good">Checks passed: no empty texts, missing labels, rare classes, duplicates or overlong texts.</p>
      )}
    </>
  );
}
