import { DownloadCard } from '../export/DownloadCard';
import { ImportCard } from '../export/ImportCard';
import { LibraryCard } from '../export/LibraryCard';
import { SaveCard } from '../export/SaveCard';
import { TrainingProjectCard } from '../export/TrainingProjectCard';

/** Step 6: save the model in this browser, download it as a .zip, import one, and the library. */
export function ExportPanel() {
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <SaveCard />
      <DownloadCard />
      <ImportCard />
      <TrainingProjectCard />
      <LibraryCard />
    </section>
  );
}
