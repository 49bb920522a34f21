/** The name the Export step uses: what the user typed, else the loaded model's, else the dataset's. */
export function modelNameFor(typed: string, activeName: string | null | undefined, datasetName: string | undefined): string {
  return (typed || activeName || `${(datasetName ?? 'text').replace(/\.[a-z]+$/i, '')} classifier`).trim();
}
