import { useEffect, useId, useRef } from 'react';

export interface ConfirmDialogProps {
  /** Null keeps the dialog closed. */
  request: { title: string; body: string; confirmLabel: string } | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: focus moves into it (to Cancel, the safe
 * choice), Tab stays inside, Escape cancels, Enter or Space presses the focused button, and
 * focus returns to the button that opened it.
 */
export function ConfirmDialog({ request, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      dialog.returnValue = '';
      dialog.showModal();
      cancel.current?.focus();
    } else if (!request && dialog.open) dialog.close();
  }, [request]);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => {
        if (!request) return;
        if (ref.current?.returnValue === 'confirm') onConfirm();
        else onCancel();
      }}
    >
      {request && (
        <form method="dialog">
          <h3 id={`${id}-title`}>{request.title}</h3>
          <p id={`${id}-body`}>{request.body}</p>
          <div className="row dialog-actions">
            <button ref={cancel} type="submit" value="cancel">
              Cancel
            </button>
            <button type="submit" value="confirm" className="danger">
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
