import { useEffect, useRef, useState } from 'react';

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | null = null;
let counter = 0;

/** Mermaid loads on first use only, configured strict: no scripts, no click handlers, no HTML from labels. */
function loadMermaid(): Promise<Mermaid> {
  return (mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', flowchart: { useMaxWidth: true } });
    return mermaid;
  }));
}

/**
 * Parses Mermaid's SVG without innerHTML: DOMParser documents never run scripts, and
 * anything script-like that survived Mermaid's own sanitizer is removed before adoption.
 */
function toSvgElement(svg: string): Element | null {
  const doc = new DOMParser().parseFromString(svg, 'text/html');
  const element = doc.querySelector('svg');
  if (!element) return null;
  element.querySelectorAll('script, iframe, object, embed').forEach((el) => el.remove());
  for (const el of [element, ...element.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  return document.importNode(element, true);
}

interface Props {
  /** Accessible name of the figure, e.g. "Pipeline diagram". */
  label: string;
  source: string;
  /** Plain-text description for screen readers and as the figure's caption. */
  description: string;
  className?: string;
  /** Visible live text under the drawing (changes without re-rendering the diagram). */
  caption?: string;
}

/** A figure that renders Mermaid source to SVG, keeping the last good drawing while re-rendering. */
export function MermaidFigure({ label, source, description, className, caption }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadMermaid()
      .then((mermaid) => mermaid.render(`mermaid-${++counter}`, source))
      .then(({ svg }) => {
        if (cancelled || !host.current) return;
        const element = toSvgElement(svg);
        if (element) {
          element.setAttribute('aria-hidden', 'true');
          host.current.replaceChildren(element);
          host.current.dataset.rendered = 'true';
        }
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(`The diagram could not be drawn: ${(e as Error).message}`));
    return () => {
      cancelled = true;
    };
  }, [source]);
  return (
    <figure aria-label={label} className={`mermaid-figure ${className ?? ''}`}>
      <div ref={host} className="mermaid-host" />
      {error && <p role="alert">{error}</p>}
      <figcaption>
        <span className="visually-hidden">{description} </span>
        {caption && <span className="live-caption">{caption}</span>}
      </figcaption>
    </figure>
  );
}
