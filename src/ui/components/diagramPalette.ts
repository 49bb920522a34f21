import { useSyncExternalStore } from 'react';
import { LIGHT_PALETTE, type DiagramPalette } from '../../core/model/mermaid';

/** Light or dark, as the system says; diagrams redraw when it changes. */
export type Scheme = 'light' | 'dark';

const query = () => window.matchMedia?.('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  const media = query();
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

/** The system's colour scheme, followed live. */
export function useScheme(): Scheme {
  return useSyncExternalStore(
    subscribe,
    () => (query()?.matches ? 'dark' : 'light'),
    () => 'light',
  );
}

/** A colour from a CSS custom property of the page, if it is a plain hex colour. */
function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return /^#[0-9a-f]{3,8}$/i.test(value) ? value : fallback;
}

const palettes = new Map<Scheme, DiagramPalette>();

/** The diagrams' stage colours from the app's CSS variables (--diagram-*), per scheme. */
export function diagramPalette(scheme: Scheme): DiagramPalette {
  let palette = palettes.get(scheme);
  if (!palette) {
    const keys = Object.keys(LIGHT_PALETTE) as (keyof DiagramPalette)[];
    palette = Object.fromEntries(keys.map((k) => [k, cssColor(`--diagram-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, LIGHT_PALETTE[k])])) as unknown as DiagramPalette;
    palettes.set(scheme, palette);
  }
  return palette;
}

/** Mermaid's theme variables from the app's palette, so nodes, lines and text match the page. */
export function mermaidThemeVariables(): Record<string, string> {
  const c = (name: string, fallback: string) => cssColor(name, fallback);
  return {
    fontFamily: getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif',
    fontSize: '16px',
    background: c('--panel', '#ffffff'),
    primaryColor: c('--diagram-node-fill', '#eff6ff'),
    primaryTextColor: c('--text', '#0f172a'),
    primaryBorderColor: c('--diagram-node-stroke', '#1d4ed8'),
    lineColor: c('--muted', '#475569'),
    secondaryColor: c('--bg', '#f8fafc'),
    tertiaryColor: c('--panel', '#ffffff'),
    edgeLabelBackground: c('--panel', '#ffffff'),
    textColor: c('--text', '#0f172a'),
  };
}
