/** Display helpers shared by the Export step's components. */
export { formatBytes } from '../../client/download';

export const percent = (x: number | null, digits = 1) => (x === null ? '—' : `${(x * 100).toFixed(digits)}%`);

/** The name the Export step uses: what the user typed, else the loaded model's, else the dataset's. */
export function modelNameFor(typed: string, activeName: string | null | undefined, datasetName: string | undefined): string {
  return (typed || activeName || `${(datasetName ?? 'text').replace(/\.[a-z]+$/i, '')} classifier`).trim();
}
