import { useEffect, useRef, useState } from 'react';
import { mermaidThemeVariables, useScheme } from './diagramPalette';
import { DiagramViewer } from './DiagramViewer';

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | null = null;
let counter = 0;

/** Mermaid loads on first use only. */
function loadMermaid(): Promise<Mermaid> {
  return (mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => mermaid));
}

/**
 * Configured before each drawing, strict (no scripts, no click handlers, no HTML from labels),
 * in the app's palette for the current light or dark scheme.
 */
function configure(mermaid: Mermaid): void {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    themeVariables: mermaidThemeVariables(),
    flowchart: { useMaxWidth: true },
  });
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
  /** Visible heading above the drawing. */
  heading: string;
  source: string;
  /** Plain-text description: the diagram's text alternative, for screen readers and "Show as text". */
  description: string;
  className?: string;
  /** Visible live text under the drawing (changes without re-rendering the diagram). */
  caption?: string;
  /**
   * Drawn at its natural size (16 px labels) inside a box that scrolls sideways, with zoom and
   * full-screen controls; otherwise fitted to a fixed-size box.
   */
  zoomable?: boolean;
}

/** A figure that renders Mermaid source to SVG, keeping the last good drawing while re-rendering. */
export function MermaidFigure({ label, heading, source, description, className, caption, zoomable }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const scheme = useScheme();
  const [error, setError] = useState<string | null>(null);
  const [svgSize, setSvgSize] = useState<{ width: number; height: number } | null>(null);
  const [zoom, setZoom] = useState(1);
  useEffect(() => {
    let cancelled = false;
    loadMermaid()
      .then((mermaid) => {
        configure(mermaid);
        return mermaid.render(`mermaid-${++counter}`, source);
      })
      .then(({ svg }) => {
        if (cancelled || !host.current) return;
        const element = toSvgElement(svg);
        if (element) {
          element.setAttribute('aria-hidden', 'true');
          const box = element.getAttribute('viewBox')?.split(/\s+/).map(Number);
          host.current.replaceChildren(element);
          host.current.dataset.rendered = 'true';
          setSvgSize(box && box.length === 4 ? { width: box[2], height: box[3] } : null);
        }
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(`The diagram could not be drawn: ${(e as Error).message}`));
    return () => {
      cancelled = true;
    };
  }, [source, scheme]);
  // At natural size the SVG gets its viewBox size times the zoom; the box scrolls sideways.
  useEffect(() => {
    const svg = host.current?.querySelector('svg');
    if (!zoomable || !svg || !svgSize) return;
    svg.style.maxWidth = 'none';
    svg.setAttribute('width', String(Math.round(svgSize.width * zoom)));
    svg.setAttribute('height', String(Math.round(svgSize.height * zoom)));
  }, [zoomable, svgSize, zoom]);
  const headingId = `${label.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <>
      <figure aria-label={label} aria-describedby={`${headingId}-text`} className={`mermaid-figure ${zoomable ? 'zoomable' : 'fitted'} ${className ?? ''}`}>
        <div className="diagram-head">
          <h3 id={headingId}>{heading}</h3>
          {zoomable && (
            <div className="diagram-tools" role="group" aria-label={`${heading} zoom`}>
              <button type="button" aria-label="Zoom out" disabled={zoom <= 0.5} onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))}>
                −
              </button>
              <span className="zoom-level" aria-live="polite">
                {Math.round(zoom * 100)}%
              </span>
              <button type="button" aria-label="Zoom in" disabled={zoom >= 2} onClick={() => setZoom((z) => Math.min(2, z + 0.25))}>
                +
              </button>
              <DiagramViewer heading={heading} source={host} disabled={!svgSize} />
            </div>
          )}
        </div>
        {/* A zoomed diagram scrolls inside its box: keyboard users reach it with Tab and scroll with the arrow keys. */}
        <div ref={host} className="mermaid-host" {...(zoomable ? { tabIndex: 0, role: 'region', 'aria-label': `${heading}, scrolls` } : {})} />
        {error && <p role="alert">{error}</p>}
        <figcaption>
          <span id={`${headingId}-text`} className="visually-hidden">
            {description}{' '}
          </span>
          {caption && <span className="live-caption">{caption}</span>}
        </figcaption>
      </figure>
      {zoomable && (
        <details className="tech diagram-text">
          <summary>{heading} as text</summary>
          <p>{description}</p>
        </details>
      )}
    </>
  );
}
