import { lazy } from 'react';

/*
 * recharts loads with the first chart shown, not with the page (as Mermaid does): every chart
 * that draws with it is imported here, lazily, and shown inside a <Suspense> with a placeholder.
 */
export const MetricChart = lazy(() => import('./MetricChart'));
export const HistogramBars = lazy(() => import('./HistogramBars'));
export const OverlayChart = lazy(() => import('./OverlayChart'));
export const PrCurveChart = lazy(() => import('./PrCurveChart'));
export const SearchChart = lazy(() => import('./SearchChart'));
