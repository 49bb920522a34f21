/** The file types the Data step reads (the dataset, and a separate test file). */
export const DATA_FILE_ACCEPT = '.csv,.tsv,.tab,.txt,.json,.jsonl,.ndjson,text/csv,text/tab-separated-values,text/plain,application/json';
