import { studioClient } from '../../client/studioClient';
import { DELIMITER_NAMES, DELIMITERS, FORMAT_NAMES, FORMATS, formatHasHeader, type Delimiter, type FileFormat, type IngestOptions } from '../../core/data/ingestFormat';
import type { TableInfo } from '../../protocol/messages';
import { CheckboxField } from '../components/CheckboxField';
import { SelectField } from '../components/SelectField';
import { useStudio } from '../../store/store';

const ENCODING_NAMES: Record<TableInfo['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 little-endian',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252',
};

/**
 * How the file was read: "File format", "Delimiter" and "First row is a header", each detected
 * and overridable (a change reads the file again in the worker), then what the reader noticed.
 * `options` are the overrides asked for, which run ahead of `table` while the file is re-read.
 */
export function FormatOptions({ table, options, disabled }: { table: TableInfo; options: IngestOptions; disabled: boolean }) {
  const client = studioClient().data;
  const { format, detected } = table;
  const isCsv = format.format === 'csv';
  const tabs = format.format === 'tsv' || format.format === 'labelText';
  // Rows counted with and without quotes differ in many ordinary files (a TSV whose texts hold
  // quotes); that is worth a word only when the reading used left broken rows behind.
  const brokenRows = useStudio((s) => s.data.summary?.checks.some((c) => c.kind === 'missingLabel' || c.kind === 'missingColumns' || c.kind === 'emptyText') ?? false);
  const notices = brokenRows ? table.notices : table.notices.filter((n) => !n.startsWith('Rows counted two ways disagree'));
  return (
    <>
      <div className="row">
        <SelectField<FileFormat | 'auto'>
          label="File format"
          value={options.format}
          disabled={disabled}
          options={[{ value: 'auto', label: `Automatic (${FORMAT_NAMES[detected.format]})` }, ...FORMATS.map((f) => ({ value: f, label: FORMAT_NAMES[f] }))]}
          onChange={(value) => void client.reparse({ ...options, format: value, header: 'auto' })}
          hint={`Encoding: ${ENCODING_NAMES[table.encoding]}`}
        />
        <SelectField<Delimiter | 'auto'>
          label="Delimiter"
          value={isCsv ? options.delimiter : tabs ? '\t' : 'auto'}
          disabled={disabled || !isCsv}
          options={[
            { value: 'auto', label: `Automatic (${DELIMITER_NAMES[detected.delimiter]})` },
            ...DELIMITERS.map((d) => ({ value: d, label: DELIMITER_NAMES[d] })),
          ]}
          onChange={(value) => void client.reparse({ ...options, delimiter: value })}
          hint={isCsv ? 'Between cells; " quotes a cell' : tabs ? 'Tab; " is an ordinary character' : 'Not used by this format'}
        />
        <CheckboxField
          label="First row is a header"
          checked={typeof options.header === 'boolean' ? options.header : table.hasHeader}
          disabled={disabled || !formatHasHeader(format.format)}
          onChange={(header) => void client.reparse({ ...options, header })}
          hint={formatHasHeader(format.format) ? (options.header === 'auto' ? 'Detected' : 'Set by you') : 'This format has no header row'}
        />
      </div>
      {notices.length > 0 && (
        <ul className="notices" aria-label="How the file was read">
          {notices.map((n) => (
            <li key={n} className="notice">
              {n}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
