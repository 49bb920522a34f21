import type { StorageInfo } from '../../protocol/messages';
import { formatBytes } from '../../core/format';

/** How much of the browser's storage this site uses, from navigator.storage.estimate(). */
export function StorageUsage({ storage }: { storage: StorageInfo | null }) {
  if (!storage) return <p className="hint">This browser does not report how much storage is left.</p>;
  const share = storage.quota > 0 ? storage.usage / storage.quota : 0;
  return (
    <div className="storage">
      <label htmlFor="storage-use">
        Browser storage: {formatBytes(storage.usage)} used of {formatBytes(storage.quota)} available to this site ({(share * 100).toFixed(share < 0.01 ? 2 : 1)}%)
      </label>
      <progress id="storage-use" max={1} value={share} />
      {share > 0.9 && (
        <p className="notice">Storage is nearly full: delete models you no longer need, or download them, before saving more.</p>
      )}
    </div>
  );
}
