import { useRef, type RefObject } from 'react';

/**
 * "Full screen": a modal dialog with a copy of the drawn diagram at its natural size, scrolling
 * both ways; Escape or Close returns to the page.
 */
export function DiagramViewer({ heading, source, disabled }: { heading: string; source: RefObject<HTMLDivElement | null>; disabled: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const open = () => {
    const svg = source.current?.querySelector('svg');
    if (!svg || !dialog.current || !body.current) return;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const box = svg.getAttribute('viewBox')?.split(/\s+/).map(Number);
    if (box?.length === 4) {
      copy.setAttribute('width', String(box[2]));
      copy.setAttribute('height', String(box[3]));
    }
    copy.style.maxWidth = 'none';
    body.current.replaceChildren(copy);
    dialog.current.showModal();
  };
  return (
    <>
      <button type="button" disabled={disabled} onClick={open}>
        Full screen
      </button>
      <dialog ref={dialog} className="diagram-dialog" aria-label={heading} onClose={() => body.current?.replaceChildren()}>
        <div className="row dialog-head">
          <h3>{heading}</h3>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <div ref={body} className="diagram-dialog-body" />
      </dialog>
    </>
  );
}
