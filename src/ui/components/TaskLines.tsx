/**
 * The lines a long action leaves under its controls: what it is doing (role=status), what it
 * did, and what went wrong (role=alert). Each shows only when it has something to say.
 */
export function TaskLines({ busy, message, error }: { busy?: string | null; message?: string | null; error?: string | null }) {
  return (
    <>
      {busy && (
        <p role="status" className="busy">
          {busy}
        </p>
      )}
      {message && (
        <p role="status" className="good">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
