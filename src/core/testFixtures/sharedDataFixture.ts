/**
 * Real files from ../shared/data (next to the repository, never copied into it) for the unit
 * tests; not imported by the app. Node's fs is loaded by a computed specifier so that this
 * module type-checks under the core's ES2022-only lib.
 */

interface Fs {
  existsSync(path: URL): boolean;
  readFileSync(path: URL): Uint8Array;
}

/** The SMS Spam Collection (label<TAB>text, 5,574 lines, literal quotes). */
export const SMS_URL = new URL('../../../../shared/data/sms_spam_collection/SMSSpamCollection', import.meta.url);

/** Where the folder is looked for, for skip messages. */
export const SHARED_DATA_HINT = '../shared/data/sms_spam_collection/SMSSpamCollection (next to the repository)';

/** The file's bytes, or null when ../shared/data is absent. */
export async function readSharedFile(url: URL): Promise<Uint8Array | null> {
  const fs = (await import(/* @vite-ignore */ 'node:fs' as string)) as Fs;
  return fs.existsSync(url) ? fs.readFileSync(url) : null;
}
